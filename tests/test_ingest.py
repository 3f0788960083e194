"""Ingest: decoding, files and sidecars, CSV corpora, rejections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from keeptabs.errors import DecodeError, EmptyDocumentError
from keeptabs.ingest.corpus import Columns, read_corpus
from keeptabs.ingest.dates import normalize_date
from keeptabs.ingest.decode import decode_bytes
from keeptabs.ingest.files import read_paths, sha256_hex
from keeptabs.ingest.text_meta import find_text_clues
from keeptabs.types import RawDocument, Rejection

from conftest import require_shared

TEXT = "Café “quoted” – naïve façade, 8,461 civilians"


def test_ingest_decodes_utf8() -> None:
    assert decode_bytes(TEXT.encode("utf-8"), path="x") == (TEXT, "utf-8")


def test_ingest_decodes_windows_1252_curly_quotes() -> None:
    text, encoding = decode_bytes(TEXT.encode("cp1252"), path="x.txt")
    assert (text, encoding) == (TEXT, "cp1252")


def test_ingest_decodes_iso_8859_1() -> None:
    plain = "Café naïve façade: 93 percent of the town, said the préfet."
    text, encoding = decode_bytes(plain.encode("iso-8859-1"), path="x.txt")
    assert text == plain
    assert encoding == "iso-8859-1"


def test_ingest_forced_encoding_error_says_what_to_do() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes("naïve".encode(), path="story.txt", encoding="ascii")
    assert caught.value.message.startswith("Could not decode 'story.txt' as ascii")
    assert caught.value.message.endswith("Pass --encoding or check the file.")


def test_ingest_empty_file_is_an_error() -> None:
    with pytest.raises(EmptyDocumentError, match=r"'blank\.txt' is empty"):
        decode_bytes(b"  \n", path="blank.txt")


def test_ingest_reads_folder_with_sidecar_and_rejects_unknown_types(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline here today\n\nBody.", encoding="utf-8")
    meta = {"url": "https://example.org/a", "outlet": "Example", "published": "2016-12-10"}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    documents = [i for i in items if isinstance(i, RawDocument)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [Path(d.path).name for d in documents] == ["a.txt"]
    assert documents[0].meta == meta
    assert len(rejections) == 1
    assert rejections[0].code == "unsupported_format"
    assert rejections[0].raw == b"%PDF-1.4"
    assert rejections[0].sha256 == sha256_hex(b"%PDF-1.4")
    assert "Rename it or convert it to text." in rejections[0].message


def test_ingest_bad_sidecar_is_a_rejection_with_raw_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Some text")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    [item] = list(read_paths([tmp_path / "a.txt"]))
    assert isinstance(item, Rejection)
    assert item.raw == b"Some text"
    assert "Could not read the sidecar" in item.message


def test_ingest_csv_rows_become_documents_and_empty_rows_rejections(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date\n"
        '7,Ten killed,"Ten civilians were killed on Monday, activists said.",sana,4/5/2017\n'
        "8,Empty,,sana,4/5/2017\n",
        encoding="utf-8",
    )
    items = list(read_corpus(path, Columns()))
    first, second = items
    assert isinstance(first, RawDocument)
    assert first.path.endswith("corpus.csv#7")
    assert first.text is not None and first.text.startswith("Ten killed\n\nTen civilians")
    assert first.meta["outlet"] == "sana"
    assert isinstance(second, Rejection)
    assert second.code == "empty"
    assert json.loads(second.raw)["unit_id"] == "8"


def test_ingest_csv_missing_text_column_names_the_option(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text("id,body\n1,text\n", encoding="utf-8")
    with pytest.raises(Exception, match="Pass --text-col"):
        list(read_corpus(path, Columns()))


def test_ingest_site_icon_names_the_outlet() -> None:
    text = "Site icon Middle East Monitor\n\nRussia claims to have helped 8,000 flee"
    assert find_text_clues(text).outlet == "Middle East Monitor"
    assert find_text_clues("No clue here.\nSite").outlet is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("4/5/2017", "2017-04-05"),
        ("2016-12-10", "2016-12-10"),
        ("9 April 2024", "2024-04-09"),
        (None, None),
    ],
)
def test_ingest_dates_normalize_to_iso(given: str | None, expected: str | None) -> None:
    assert normalize_date(given) == expected


def test_ingest_fakes_dev_rows_all_read() -> None:
    path = require_shared("corpus", "fakes-dev.csv")
    items = list(read_corpus(path, Columns()))
    assert len(items) == 384
    assert all(isinstance(item, RawDocument) for item in items)
    assert len({sha256_hex(item.raw) for item in items}) == 384
