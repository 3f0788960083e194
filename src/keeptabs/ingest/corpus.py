"""CSV and JSON Lines corpora: one article per row -> RawDocument."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from keeptabs.errors import InputError
from keeptabs.ingest.decode import decode_bytes
from keeptabs.ingest.files import sha256_hex
from keeptabs.types import RawDocument, Rejection

CORPUS_SUFFIXES = frozenset({".csv", ".jsonl", ".ndjson"})
# Article cells run long (whole articles); the csv module's default limit (128 KiB) is
# below what a long feature story can reach.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column holds what; the defaults fit FA-KES style corpora."""

    text: str = "article_content"
    title: str | None = "article_title"
    outlet: str | None = "source"
    date: str | None = "date"
    id: str | None = "unit_id"
    url: str | None = None


def read_corpus(path: Path, columns: Columns) -> Iterator[RawDocument | Rejection]:
    """Yield one RawDocument per row; rows without text become rejections."""
    try:
        raw = path.read_bytes()
        text, _encoding = decode_bytes(raw, path=str(path))
    except (OSError, InputError) as error:
        message = error.message if isinstance(error, InputError) else str(error)
        yield Rejection(str(path), "ingest", "input", message, sha256_hex(b""), b"")
        return
    rows = (
        _json_rows(text, path) if path.suffix.lower() != ".csv" else _csv_rows(text, path, columns)
    )
    for number, row in enumerate(rows, start=1):
        yield _row_document(row, number, path, columns)


def _csv_rows(text: str, path: Path, columns: Columns) -> Iterator[Mapping[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or columns.text not in reader.fieldnames:
        found = ", ".join(reader.fieldnames or [])
        raise InputError(
            f"'{path}' has no column '{columns.text}' (columns: {found}). "
            "Pass --text-col with the column that holds the article text.",
            path=str(path),
            stage="ingest",
        )
    yield from reader


def _json_rows(text: str, path: Path) -> Iterator[Mapping[str, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = {"__error__": f"line {number} of '{path}' is not JSON; fix or remove it."}
        yield {key: ("" if value is None else str(value)) for key, value in row.items()}


def _row_document(
    row: Mapping[str, str], number: int, path: Path, columns: Columns
) -> RawDocument | Rejection:
    row_id = row.get(columns.id or "", "") or str(number)
    where = f"{path}#{row_id}"
    raw = json.dumps(dict(row), ensure_ascii=False, sort_keys=True).encode("utf-8")
    body = (row.get(columns.text) or "").strip()
    if "__error__" in row or not body:
        reason = row.get("__error__") or (
            f"row {number} ({where}) has an empty '{columns.text}' cell. Fill it or drop the row."
        )
        return Rejection(where, "ingest", "empty", reason, sha256_hex(raw), raw)
    title = (row.get(columns.title or "") or "").strip() or None
    meta = {
        "title": title,
        "outlet": (row.get(columns.outlet or "") or "").strip() or None,
        "published": (row.get(columns.date or "") or "").strip() or None,
        "url": (row.get(columns.url or "") or "").strip() or None,
    }
    text = f"{title}\n\n{body}" if title else body
    return RawDocument(
        raw=raw, path=where, media_type="text/plain", meta=meta, text=text, encoding="utf-8"
    )
