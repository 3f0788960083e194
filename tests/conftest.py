"""Shared fixtures: the spaCy pipeline, the ../shared folder, a store, a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from keeptabs.extract.claims import extract_claims
from keeptabs.extract.nlp import load_nlp
from keeptabs.segment.text import segment_text
from keeptabs.store.base import Store, open_store
from keeptabs.types import Claim

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def claims_of(text: str, nlp: Language) -> dict[str, Claim]:
    """The claims of plain ``text`` by their number as written (the last of a repeat)."""
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    return {claim.number_text: claim for claim in claims}


def require_shared(*parts: str) -> Path:
    """The path under ../shared; skip when absent in a user's clone, fail under CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is missing: clone keeptabs beside its shared/ folder to run this test"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true, so this is an error)")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'test.db'}") as opened:
        yield opened


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seed_dir() -> Path:
    return require_shared("corpus", "aleppo-2016")


@pytest.fixture
def seed_gold() -> Path:
    return require_shared("gold", "aleppo-2016.jsonl")


# A page whose text tries to run script: the web views must show it as text.
HOSTILE_TEXT = (
    "Hostile test page <script>alert(1)</script> shows 12 injected figures\n\n"
    "A fictional body written for the tests: 40 civilians were evacuated from Testville "
    'on Monday, officials said. <img src=x onerror=alert(2)> "quoted" & more.\n'
)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database of the five seed articles plus one hostile page, for the web tests."""
    from keeptabs.cli import app

    seed = require_shared("corpus", "aleppo-2016")
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}"
    result = CliRunner().invoke(app, ["ingest", str(seed), str(hostile), "--db", url])
    assert result.exit_code == 0, result.output
    return url
