"""Exports of a real ledger: the demo corpus in SQLite, with one claim reviewed."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from keeptabs.demo import corpus_path
from keeptabs.errors import ConfigError
from keeptabs.export import (
    CLAIM_ROW_FIELDS,
    EXPORT_FORMATS,
    claim_rows,
    doc_name,
    document_rows,
    export_claims,
    quote_offsets,
    to_csv,
    to_hxl,
    to_jsonl,
    to_parquet,
)
from keeptabs.export.claimreview import review_rating
from keeptabs.export.hxl import AFFECTED_GROUPS, affected_actions
from keeptabs.ingest.files import read_paths
from keeptabs.pipeline import process_many
from keeptabs.store.base import Store, open_store
from keeptabs.types import Document, RawDocument, Review

REVIEW = {"rating": "false", "author": "A. Checker", "date": "2026-11-22"}


@dataclass(frozen=True)
class Ledger:
    store: Store
    reviewed: str  # the id of the reviewed claim


def _figure(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["value"], row["counted"], row["place"])


def _later_repeat(rows: list[dict[str, Any]]) -> str:
    """A claim whose figure another document published earlier (its first appearance
    is then not its own document)."""
    dates: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    for row in rows:
        if row["value"] is not None and row["published"]:
            dates[_figure(row)].add(row["published"])
    for row in rows:
        known = dates.get(_figure(row), set())
        if row["value"] is not None and row["published"] and row["published"] > min(known):
            return str(row["id"])
    raise AssertionError("the demo corpus should repeat a figure on a later day")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    db = tmp_path_factory.mktemp("export") / "k.db"
    raws = [raw for raw in read_paths([corpus_path()]) if isinstance(raw, RawDocument)]
    with open_store(f"sqlite:///{db}") as store:
        for result in process_many(raws):
            store.save(result)
        reviewed = _later_repeat(claim_rows(store.documents(), store.claims()))
        store.add_review(Review(claim_id=reviewed, **REVIEW))
        yield Ledger(store, reviewed)


def _rows(ledger: Ledger) -> list[dict[str, Any]]:
    store = ledger.store
    return claim_rows(store.documents(), store.claims(), store.reviews())


def test_export_rows_carry_document_and_review(ledger: Ledger) -> None:
    store = ledger.store
    rows = _rows(ledger)
    documents = {document.id: document for document in store.documents()}
    assert [row["id"] for row in rows] == [claim.id for claim in store.claims()]
    for row in rows:
        document = documents[row["doc_id"]]
        assert row["doc"] == doc_name(document) and row["url"] == document.url
        assert row["published"] == document.published
        assert not any(isinstance(value, bytes) for value in row.values())
        reviewed = row["id"] == ledger.reviewed
        assert row["status"] == ("reviewed" if reviewed else "unreviewed")
        assert (row["review_rating"] == REVIEW["rating"]) is reviewed
        assert list(row) == list(CLAIM_ROW_FIELDS)


def test_export_document_rows_count_claims(ledger: Ledger) -> None:
    store = ledger.store
    rows = document_rows(store.documents(), store.claims())
    assert sum(row["claims"] for row in rows) == len(store.claims())
    assert all(row["claims"] > 0 and row["chars"] > 0 for row in rows)
    assert all(not isinstance(value, bytes) for row in rows for value in row.values())


def test_export_quote_offsets_point_at_the_quote(ledger: Ledger) -> None:
    store = ledger.store
    texts = {document.id: document.text for document in store.documents()}
    offsets = quote_offsets(store.documents(), store.claims())
    for claim in store.claims():
        start = offsets[claim.id]
        assert start <= claim.start
        if claim.quote in texts[claim.doc_id]:
            assert texts[claim.doc_id][start : start + len(claim.quote)] == claim.quote
            assert start + len(claim.quote) >= claim.end


def test_export_csv_one_row_per_claim(ledger: Ledger) -> None:
    reader = csv.DictReader(io.StringIO(export_claims(ledger.store, "csv").decode("utf-8")))
    records = list(reader)
    assert reader.fieldnames == list(CLAIM_ROW_FIELDS)
    assert [r["id"] for r in records] == [claim.id for claim in ledger.store.claims()]
    reviewed = [r for r in records if r["status"] == "reviewed"]
    assert [r["id"] for r in reviewed] == [ledger.reviewed]
    assert reviewed[0]["review_author"] == REVIEW["author"]
    assert all(r["review_rating"] == "" for r in records if r["status"] != "reviewed")


def test_export_jsonl_lines_parse(ledger: Ledger) -> None:
    data = export_claims(ledger.store, "jsonl")
    assert data.endswith(b"\n")
    records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == [claim.id for claim in ledger.store.claims()]
    assert {r["review_date"] for r in records} == {None, REVIEW["date"]}


def test_export_parquet_reads_back(ledger: Ledger) -> None:
    table = pq.read_table(io.BytesIO(export_claims(ledger.store, "parquet")))
    claims = ledger.store.claims()
    assert table.num_rows == len(claims)
    assert table.column_names == list(CLAIM_ROW_FIELDS)
    value_type = table.schema.field("value").type
    assert pa.types.is_integer(value_type) or pa.types.is_floating(value_type)
    assert table.column("value").to_pylist() == [claim.value for claim in claims]
    assert table.column("review_rating").null_count == len(claims) - 1


def test_export_tables_nested_values_and_nulls() -> None:
    records = [{"a": 1, "tags": ["x", "y"], "note": None}, {"a": 2.5, "tags": {"k": 1}}]
    rows = list(csv.reader(io.StringIO(to_csv(records).decode("utf-8"))))
    assert rows[0] == ["a", "tags", "note"]
    assert json.loads(rows[1][1]) == ["x", "y"] and rows[1][2] == "" and rows[2][2] == ""
    lines = [json.loads(line) for line in to_jsonl(records, ["tags", "note"]).splitlines()]
    assert lines[0] == {"tags": ["x", "y"], "note": None} and lines[1]["note"] is None
    table = pq.read_table(io.BytesIO(to_parquet(records)))
    assert table.column("note").to_pylist() == [None, None]
    assert [json.loads(t) for t in table.column("tags").to_pylist()] == [["x", "y"], {"k": 1}]
    mixed = pq.read_table(io.BytesIO(to_parquet([{"m": 1}, {"m": "two"}])))
    assert mixed.column("m").to_pylist() == ["1", "two"]


def _hxl(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_export_hxl_header_then_hashtags(ledger: Ledger) -> None:
    header, tags, *data = _hxl(export_claims(ledger.store, "hxl"))
    assert all(tag.startswith("#") for tag in tags) and len(tags) == len(header)
    assert not any(name.startswith("#") for name in header)
    assert len(set(tags)) == len(tags)
    assert [row[tags.index("#meta+id")] for row in data] == [
        claim.id for claim in ledger.store.claims()
    ]
    status = {row[tags.index("#meta+id")]: row[tags.index("#status+code")] for row in data}
    assert status[ledger.reviewed] == "reviewed"


def test_export_hxl_affected_columns_follow_the_action(ledger: Ledger) -> None:
    rows = _rows(ledger)
    _, tags, *data = _hxl(to_hxl(rows))
    groups = affected_actions()
    filled: set[str] = set()
    for row, cells in zip(rows, data, strict=True):
        cell = dict(zip(tags, cells, strict=True))
        group = groups.get(row["action"] or "")
        counts_people = row["kind"] not in {"percent", "measure", "money"} and not row["unit"]
        for other in AFFECTED_GROUPS:
            expected = group == other and counts_people and row["value"] is not None
            assert (cell[f"#affected+{other}"] != "") is expected, (other, row)
        if group and counts_people:
            filled.add(group)
            assert cell["#indicator+name"] == cell["#indicator+num"] == ""
        else:
            assert row["counted"] is None or row["counted"] in cell["#indicator+name"]
            assert cell["#indicator+num"] == ("" if row["value"] is None else str(row["value"]))
    assert {"killed", "displaced"} <= filled  # the demo's "died" and "evacuated"


def test_export_hxl_country_code_from_the_gazetteer(ledger: Ledger) -> None:
    row = _rows(ledger)[0]
    places = ["Aleppo", "East Aleppo", "Houston", "Norrow", "Aleppo and Paris"]
    _, tags, *data = _hxl(to_hxl([{**row, "place": place} for place in places]))
    countries = [cells[tags.index("#country+code")] for cells in data]
    admin1 = [cells[tags.index("#adm1+name")] for cells in data]
    assert countries == ["SYR", "SYR", "USA", "", ""]
    assert admin1 == ["", "", "Texas", "", ""]
    assert [cells[tags.index("#loc+name")] for cells in data] == places


def test_export_claimreview_only_the_reviewed_claim(ledger: Ledger) -> None:
    reviews = json.loads(export_claims(ledger.store, "claimreview"))
    assert len(reviews) == 1
    review = reviews[0]
    row = next(r for r in _rows(ledger) if r["id"] == ledger.reviewed)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert set(review) <= {
        "@context",
        "@type",
        "claimReviewed",
        "reviewRating",
        "author",
        "datePublished",
        "itemReviewed",
    }
    assert review["claimReviewed"] == row["quote"]
    assert review["author"] == {"@type": "Person", "name": REVIEW["author"]}
    assert review["datePublished"] == REVIEW["date"]
    assert review["reviewRating"]["alternateName"] == "false"
    assert review["reviewRating"]["ratingValue"] == 1
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and set(item) <= {
        "@type",
        "identifier",
        "appearance",
        "firstAppearance",
        "author",
    }
    urls = [work.get("url") for work in item["appearance"]]
    assert row["url"] in urls and len(set(urls)) == len(urls) > 1
    dates = [work["datePublished"] for work in item["appearance"]]
    first = item["firstAppearance"]
    assert first in item["appearance"] and first["datePublished"] == min(dates)
    assert first["datePublished"] < row["published"]  # the fixture picked a later repeat


def test_export_claimreview_appearances_share_the_figure(ledger: Ledger) -> None:
    rows = _rows(ledger)
    row = next(r for r in rows if r["id"] == ledger.reviewed)
    [review] = json.loads(export_claims(ledger.store, "claimreview"))
    same = {r["url"] for r in rows if _figure(r) == _figure(row)}
    assert {work["url"] for work in review["itemReviewed"]["appearance"]} == same


def test_export_claimreview_rating_scale() -> None:
    values = [review_rating(name).get("ratingValue") for name in ("False", "misleading")]
    assert values == [1, 2]
    assert review_rating("Mostly accurate")["ratingValue"] == 4
    assert review_rating("mixed")["ratingValue"] == 3
    unscaled = review_rating("unverifiable")
    assert unscaled == {"@type": "Rating", "alternateName": "unverifiable"}


def _without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), keys
    return dict(pairs)


def test_export_prov_claim_to_outlet_chain(ledger: Ledger) -> None:
    data = export_claims(ledger.store, "prov")
    prov = json.loads(data, object_pairs_hook=_without_duplicate_keys)
    assert "kt" in prov["prefix"]
    entities, agents = prov["entity"], prov["agent"]

    def targets(relation: str, first_role: str, second_role: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for record in prov.get(relation, {}).values():
            found[record[first_role]].add(record[second_role])
        return found

    derived = targets("wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity")
    attributed = targets("wasAttributedTo", "prov:entity", "prov:agent")
    generated = targets("wasGeneratedBy", "prov:entity", "prov:activity")
    claims = ledger.store.claims()
    claim_ids = [key for key in entities if key.startswith("kt:claim/")]
    assert claim_ids == [f"kt:claim/{claim.id}" for claim in claims]
    for claim, key in zip(claims, claim_ids, strict=True):
        assert entities[key]["kt:number_text"] == claim.number_text
        [sentence] = derived[key]
        assert sentence.startswith(f"kt:sentence/{claim.doc_id}/")
        assert entities[sentence]["prov:value"] == claim.quote
        [document] = derived[sentence]
        assert document == f"kt:document/{claim.doc_id}" and document in entities
        [outlet] = attributed[document]
        assert agents[outlet]["prov:type"]["$"] == "prov:Organization"
        assert all(activity in prov["activity"] for activity in generated[key])
        assert len(generated[key]) == 1
        if claim.source or claim.source_org:
            assert attributed[key] and all(agent in agents for agent in attributed[key])
        else:
            assert not attributed[key]
    all_keys = [key for name in ("wasDerivedFrom", "wasAttributedTo") for key in prov[name]]
    assert len(all_keys) == len(set(all_keys))


def test_export_unknown_format_names_the_formats(ledger: Ledger) -> None:
    with pytest.raises(ConfigError) as raised:
        export_claims(ledger.store, "xlsx")
    assert "'xlsx'" in raised.value.message
    assert all(name in raised.value.message for name in EXPORT_FORMATS)


def test_export_formats_have_media_types_and_extensions(ledger: Ledger) -> None:
    assert set(EXPORT_FORMATS) == {"csv", "jsonl", "parquet", "hxl", "claimreview", "prov"}
    for name, (media_type, extension) in EXPORT_FORMATS.items():
        assert "/" in media_type and extension and not extension.startswith(".")
        assert export_claims(ledger.store, name)


def test_export_doc_name_of_a_file_and_a_corpus_row() -> None:
    def named(path: str) -> str:
        return doc_name(Document(id="1", path=path, media_type="text/plain", encoding="", text=""))

    assert named("/data/in/story.txt") == "story.txt"
    assert named("/data/corpus.csv#u7") == "corpus.csv#u7"
