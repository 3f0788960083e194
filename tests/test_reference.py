"""Trusted reference tables: loading them, and claims checked against them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from keeptabs.cli import app
from keeptabs.errors import InputError
from keeptabs.reconcile.reference import read_reference_csv, reference_findings
from keeptabs.store.base import open_store
from keeptabs.types import Claim

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


def test_reference_dates_are_checked_and_matched(tmp_path: Path) -> None:
    path = _table(
        tmp_path,
        "value,date,place,counted,action\n"
        "9000,2016-12-12,Aleppo,civilians,flee\n"
        "9000,12/12/2016,Aleppo,civilians,flee\n",
    )
    figures, problems = read_reference_csv(path)
    assert [f.date for f in figures] == ["2016-12-12"]
    assert problems == [f"{path}, row 3: date '12/12/2016' is not YYYY-MM-DD"]
    claim = Claim(
        doc_id="d",
        section="body",
        start=0,
        end=5,
        number_text="9,000",
        quote="",
        value=9000.0,
        lower=9000.0,
        upper=9000.0,
        qualifier="exact",
        counted="residents",
        action="leave",
        place="Aleppo",
        period="Monday",
        period_start="2016-12-12",
        period_end="2016-12-12",
    )
    vague = replace(claim, value=None, lower=None, upper=None, kind="vague", start=9)
    found = reference_findings(figures, [claim, vague], {})
    assert [(f.type, f.claims[0].start) for f in found] == [("reference_agreement", 0)]


def test_a_reference_file_added_again_with_no_good_rows_is_cleared(tmp_path: Path) -> None:
    path = _table(tmp_path, "value,place\n10,Aleppo\n")
    figures, _ = read_reference_csv(path)
    with open_store(f"sqlite:///{tmp_path / 'k.db'}") as store:
        store.add_references(figures)
        assert store.add_references([], files=[path.name]) == 0
        assert store.references() == []
