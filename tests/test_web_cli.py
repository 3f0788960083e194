"""The commands around the web app: export, report, review, framing and serve."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from keeptabs.cli import app


def _copy(web_db: str, tmp_path: Path) -> str:
    copy = tmp_path / "copy.db"
    shutil.copy(web_db.removeprefix("sqlite:///"), copy)
    return f"sqlite:///{copy}"


def test_cli_export_formats_and_facets(runner: CliRunner, web_db: str, tmp_path: Path) -> None:
    everything = runner.invoke(app, ["export", "--db", web_db, "--format", "jsonl"])
    assert everything.exit_code == 0, everything.output
    rows = [json.loads(line) for line in everything.stdout.splitlines()]
    section = "headline"
    expected = sum(1 for row in rows if row["section"] == section)
    out = tmp_path / "headlines.csv"
    args = ["export", "--db", web_db, "--where", f"section={section}", "--out", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == expected
    typo = runner.invoke(app, ["export", "--db", web_db, "--where", "outlett=RT"])
    assert typo.exit_code == 2 and "outlett" in typo.output and "outlet" in typo.output
    bad = runner.invoke(app, ["export", "--db", web_db, "--format", "hxl", "--what", "series"])
    assert bad.exit_code != 0 and "csv" in bad.output
    series = runner.invoke(app, ["export", "--db", web_db, "--what", "series", "--format", "json"])
    assert series.exit_code == 0 and isinstance(json.loads(series.stdout), list)


def test_cli_review_then_claimreview(runner: CliRunner, web_db: str, tmp_path: Path) -> None:
    db = _copy(web_db, tmp_path)
    rows = json.loads(runner.invoke(app, ["export", "--db", db, "--format", "json"]).stdout)
    claim_id = rows[0]["id"]
    unknown = runner.invoke(app, ["review", "nope:1-2", "--rating", "false", "--author", "A"])
    assert unknown.exit_code == 2
    done = runner.invoke(
        app, ["review", claim_id, "--db", db, "--rating", "false", "--author", "A. Checker"]
    )
    assert done.exit_code == 0, done.output
    reviews = json.loads(
        runner.invoke(app, ["export", "--db", db, "--format", "claimreview"]).stdout
    )
    assert [r["itemReviewed"]["identifier"] for r in reviews] == [claim_id]


def test_cli_report_writes_pages(runner: CliRunner, web_db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--db", web_db, "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert 'href="series.html"' in index and "Content-Security-Policy" in index


def test_cli_framing_table_and_json(runner: CliRunner, web_db: str) -> None:
    table = runner.invoke(app, ["framing", "--db", web_db])
    assert table.exit_code == 0 and "Middle East Moni" in table.stdout  # names cut to fit
    data = json.loads(runner.invoke(app, ["framing", "--db", web_db, "--json"]).stdout)
    monitor = next(o for o in data["outlets"] if o["outlet"] == "Middle East Monitor")
    assert monitor["categories"]["government"]["count"] > 0


def test_cli_serve_binds_loopback_and_answers(web_db: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    keeptabs = str(Path(sys.executable).with_name("keeptabs"))
    command = [keeptabs, "serve", "--db", web_db, "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "KEEPTABS_TOKEN"}
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/claims?limit=1", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert answer.json()["total"] > 0
        posted = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"text": "x"})
        assert posted.status_code == 403  # no token: writes are off
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
