"""The command line: every command, its output shape, exit codes and error text."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from keeptabs.cli import app

STORY = (
    "Storm kills 12 in coastal town\n\nAt least 12 people were killed on Monday, officials said.\n"
)


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "storm.txt").write_text(STORY, encoding="utf-8")
    (folder / "bad.pdf").write_bytes(b"%PDF")
    return folder


def test_cli_ingest_summary_and_idempotence(runner: CliRunner, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = f"sqlite:///{tmp_path / 'k.db'}"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert first.exit_code == 0, first.output
    assert first.stdout.strip().splitlines()[-1] == "ingested 1, unchanged 0, rejected 1"
    again = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert again.stdout.strip().splitlines()[-1] == "ingested 0, unchanged 1, rejected 1"
    rejected = json.loads(runner.invoke(app, ["rejections", "--db", db, "--json"]).stdout)
    assert len(rejected) == 1 and rejected[0]["code"] == "unsupported_format"
    documents = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).stdout)
    assert [d["title"] for d in documents] == ["Storm kills 12 in coastal town"]
    assert documents[0]["claims"] == 2


def test_cli_claims_formats(runner: CliRunner, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    db = f"sqlite:///{tmp_path / 'k.db'}"
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    lines = runner.invoke(app, ["claims", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["number_text"] for r in records] == ["12", "At least 12"]
    assert records[1]["qualifier"] == "at_least" and records[1]["lower"] == 12
    csv_out = runner.invoke(app, ["claims", "--db", db, "--format", "csv"]).stdout.splitlines()
    assert csv_out[0].startswith("doc,section,quote,number_text,value")
    assert len(csv_out) == 3
    table = runner.invoke(app, ["claims", "--db", db]).stdout
    assert table.strip().endswith("2 claims")
    bad = runner.invoke(app, ["claims", "--db", db, "--format", "xml"])
    assert bad.exit_code == 2


def test_cli_segment_json_shape(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["segment", str(path), "--json"])
    assert result.exit_code == 0
    segments = json.loads(result.stdout)
    assert [s["kind"] for s in segments] == ["headline", "body"]
    assert set(segments[0]) == {"doc", "kind", "start", "end", "text"}
    assert "".join(s["text"] for s in segments) == STORY


def test_cli_extract_prints_gold_fields_and_offsets(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    gold_fields = {"doc", "section", "quote", "number_text", "value", "lower", "upper", "qualifier"}
    gold_fields |= {"counted", "action", "place", "period", "source", "source_org", "part_of"}
    assert gold_fields | {"start", "end"} <= set(records[0])
    assert records[0]["doc"] == str(path)
    assert STORY[records[1]["start"] : records[1]["end"]] == "At least 12"


def test_cli_missing_file_is_reported_and_exit_code_set(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "Could not read" in result.stderr and "nope.txt" in result.stderr


def test_cli_bad_database_url_says_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["documents", "--db", f"sqlite:///{tmp_path}/missing/dir/k.db"])
    assert result.exit_code == 2
    assert "Check the --db URL" in result.stderr


def test_cli_eval_json_shape(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "storm.txt").write_text(STORY, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    record = {"doc": "storm.txt", "section": "body", "quote": "At least 12 people were killed"}
    record |= {
        "number_text": "At least 12",
        "value": 12,
        "lower": 12,
        "upper": None,
        "qualifier": "at_least",
    }
    record |= {"counted": "people", "action": "kill", "place": None, "period": None}
    record |= {"source": "officials", "source_org": None, "part_of": None}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"detection", "fields", "by_section"}
    assert set(report["detection"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert report["detection"]["tp"] == 1 and report["detection"]["fp"] == 1
    assert report["fields"]["qualifier"] == {"accuracy": 1.0, "n": 1}


def test_cli_eval_reads_a_repeated_csv_row_once(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "rows.csv"
    row = '7,Storm,"At least 12 people were killed, officials said."\n'
    corpus.write_text("unit_id,article_title,article_content\n" + row + row, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    record = {"doc": "7", "section": "body", "quote": "At least 12 people were killed"}
    record |= {"number_text": "At least 12", "value": 12, "lower": 12, "upper": None}
    record |= {"qualifier": "at_least", "counted": "people", "action": "kill", "place": None}
    record |= {"period": None, "source": "officials", "source_org": None, "part_of": None}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    detection = json.loads(result.stdout)["detection"]
    assert (detection["tp"], detection["fp"]) == (1, 0)


def test_cli_numbers_one_array_per_input_line(runner: CliRunner) -> None:
    text = "some 8,461 civilians left over the past 24 hours\nno numbers\n"
    text += "24 hectares (2.6 square feet)\n"
    result = runner.invoke(app, ["numbers"], input=text)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3
    first = lines[0][0]
    assert set(first) == {
        "text",
        "start",
        "end",
        "value",
        "lower",
        "upper",
        "qualifier",
        "unit",
    } | {
        "kind",
        "cue",
        "si_value",
        "si_unit",
    }
    assert (first["text"], first["value"], first["qualifier"], first["cue"]) == (
        "some 8,461",
        8461,
        "approx",
        "some",
    )
    assert [q["kind"] for q in lines[0]] == ["count", "duration"]
    assert lines[1] == []
    hectares = lines[2][0]
    assert hectares["kind"] == "measure" and hectares["value"] == 24
    assert abs(hectares["si_value"] - 240000) < 1


def test_cli_every_command_documents_an_example(runner: CliRunner) -> None:
    for command in [
        "ingest",
        "claims",
        "documents",
        "rejections",
        "segment",
        "extract",
        "eval",
        "demo",
    ]:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: keeptabs" in result.stdout, command


def test_cli_demo_prints_a_ledger(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}"])
    assert result.exit_code == 0, result.output
    assert "ingested 8, unchanged 0, rejected 0" in result.stdout
    assert "12,400" in result.stdout
    assert result.stdout.strip().endswith("claims")


def test_cli_eval_scores_another_annotators_claims(runner: CliRunner, tmp_path: Path) -> None:
    """--predicted compares two claim files over the same documents: inter-annotator
    agreement, or claims exported earlier, without running the extractor."""
    corpus = tmp_path / "rows.csv"
    row = '7,Storm,"At least 12 people were killed in Hama, officials said."\n'
    corpus.write_text("unit_id,article_title,article_content\n" + row, encoding="utf-8")
    record = {"doc": "7", "section": "body", "quote": "At least 12 people were killed in Hama"}
    record |= {"number_text": "At least 12", "value": 12, "lower": 12, "upper": None}
    record |= {"qualifier": "at_least", "counted": "people", "action": "kill", "place": "Hama"}
    record |= {"period": None, "source": "officials", "source_org": None, "part_of": None}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps(record | {"place": None}) + "\n", encoding="utf-8")
    args = ["eval", "--gold", str(gold), "--predicted", str(other), str(corpus), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["detection"]["tp"], report["detection"]["fp"]) == (1, 0)
    assert report["fields"]["place"]["accuracy"] == 0.0
    assert report["fields"]["action"]["accuracy"] == 1.0
