"""FA-KES dev corpus: every article ingests, and the ledger lists their claims."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from keeptabs.cli import app

from conftest import require_shared


def test_fakes_dev_ingests_without_rejection(runner: CliRunner, tmp_path: Path) -> None:
    corpus = require_shared("corpus", "fakes-dev.csv")
    db = f"sqlite:///{tmp_path / 'fakes.db'}"
    options = [
        "--text-col",
        "article_content",
        "--title-col",
        "article_title",
        "--outlet-col",
        "source",
    ]
    options += ["--date-col", "date", "--id-col", "unit_id"]
    result = runner.invoke(app, ["ingest", str(corpus), *options, "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "ingested 384, unchanged 0, rejected 0"
    claims = [
        json.loads(line)
        for line in runner.invoke(
            app, ["claims", "--db", db, "--format", "jsonl"]
        ).stdout.splitlines()
    ]
    documents = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)
    assert len(documents) == 384
    assert len({d["outlet"] for d in documents}) == 15
    with_claims = sum(1 for d in documents if d["claims"] > 0)
    assert with_claims >= 0.9 * 384  # casualty reporting: nearly every article has a figure
    assert {c["doc"] for c in claims} <= {
        f"fakes-dev.csv#{d['path'].rsplit('#', 1)[1]}" for d in documents
    }
