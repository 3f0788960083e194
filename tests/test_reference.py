"""Trusted reference tables: loading them, and claims checked against them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from keeptabs.cli import app
from keeptabs.errors import InputError
from keeptabs.reconcile.reference import read_reference_csv
from keeptabs.store.base import open_store

ARTICLE = (
    "Thousands flee Aleppo\n\n"
    "Some 8,000 civilians fled Aleppo over the past 24 hours, the ministry said.\n"
)


def _table(folder: Path, body: str) -> Path:
    path = folder / "reference.csv"
    path.write_text(body, encoding="utf-8")
    return path


def test_reference_csv_rows_and_reasons(tmp_path: Path) -> None:
    path = _table(
        tmp_path,
        "Value,Period,Place,Counted,Action,Source\n"
        '"8,100",past 24 hours,Aleppo,civilians,flee,Ministry\n'
        "many,past 24 hours,Aleppo,civilians,flee,Ministry\n",
    )
    figures, problems = read_reference_csv(path)
    assert [(f.row, f.value, f.place, f.source) for f in figures] == [
        (2, 8100.0, "Aleppo", "Ministry")
    ]
    assert problems == [f"{path}, row 3: value 'many' is not a number"]


def test_reference_csv_without_a_value_column_says_what_to_do(tmp_path: Path) -> None:
    path = _table(tmp_path, "place,count\nAleppo,3\n")
    with pytest.raises(InputError, match=r"has no 'value' column\. Add a header row"):
        read_reference_csv(path)
    with pytest.raises(InputError, match="Could not read the reference table"):
        read_reference_csv(tmp_path / "missing.csv")


def test_store_keeps_one_copy_of_each_reference_file(tmp_path: Path) -> None:
    path = _table(tmp_path, "value,place\n10,Aleppo\n20,Homs\n")
    figures, _ = read_reference_csv(path)
    with open_store(f"sqlite:///{tmp_path / 'k.db'}") as store:
        assert store.add_references(figures) == 2
        assert store.add_references(figures[:1]) == 1  # loading the file again replaces it
        assert [(f.file, f.row, f.value) for f in store.references()] == [
            ("reference.csv", 2, 10.0)
        ]


def test_cli_claims_checked_against_a_reference_table(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'k.db'}"
    assert runner.invoke(app, ["ingest", str(tmp_path / "news"), "--db", db]).exit_code == 0
    table = _table(
        tmp_path,
        "value,period,place,counted,action,source\n"
        "8100,past 24 hours,Aleppo,residents,leave,Ministry\n"
        "20000,past 24 hours,Aleppo,people,evacuate,Monitor\n"
        "500,past 24 hours,Aleppo,fighters,surrender,Ministry\n",
    )
    added = runner.invoke(app, ["reference", "add", str(table), "--db", db])
    assert added.exit_code == 0, added.output
    assert "added 3 reference figures" in added.stdout
    findings = json.loads(runner.invoke(app, ["findings", "--db", db, "--json"]).stdout)
    checked = sorted(
        (f["type"], f["claims"][1]["value"]) for f in findings if f["type"].startswith("reference_")
    )
    assert checked == [("reference_agreement", 8100), ("reference_conflict", 20000)]
    bad = runner.invoke(app, ["reference", "add", str(tmp_path / "nope.csv"), "--db", db])
    assert bad.exit_code == 2 and "nope.csv" in bad.output
