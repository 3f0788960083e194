"""Generic table writers: records (mappings) to CSV, JSON Lines or Parquet bytes.

Columns are ``columns`` when given, else every key in the order first seen.  Nested
values (lists, dicts) become JSON strings in CSV and Parquet and stay nested in JSON
Lines; ``None`` is an empty cell in CSV and null in JSON Lines and Parquet.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from keeptabs.errors import ConfigError

Records = Sequence[Mapping[str, Any]]
Writer = Callable[[Records, Sequence[str] | None], bytes]

# pyarrow is a dependency of keeptabs, imported only when Parquet is asked for (it is slow
# to import); an environment without it gets this hint.
PARQUET_HINT = "reinstall keeptabs (pip install keeptabs) or pip install pyarrow"


def column_names(records: Records, columns: Sequence[str] | None = None) -> list[str]:
    """``columns``, or the keys of ``records`` in the order first seen."""
    if columns is not None:
        return list(columns)
    return list(dict.fromkeys(key for record in records for key in record))


def flat_value(value: Any) -> Any:
    """Lists and dicts as JSON text; anything else unchanged."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def to_csv(records: Records, columns: Sequence[str] | None = None) -> bytes:
    """UTF-8 CSV with a header row."""
    names = column_names(records, columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for record in records:
        writer.writerow(["" if (v := record.get(n)) is None else flat_value(v) for n in names])
    return buffer.getvalue().encode("utf-8")


def to_jsonl(records: Records, columns: Sequence[str] | None = None) -> bytes:
    """One JSON object per line, UTF-8, each line ending in a newline."""
    names = column_names(records, columns)
    lines = (
        json.dumps({name: record.get(name) for name in names}, ensure_ascii=False, default=str)
        + "\n"
        for record in records
    )
    return "".join(lines).encode("utf-8")


def to_parquet(records: Records, columns: Sequence[str] | None = None) -> bytes:
    """A Parquet file (pyarrow); column types are inferred, falling back to text for a
    column that mixes types."""
    pa, pq = _pyarrow()
    names = column_names(records, columns)
    arrays = [_arrow_column(pa, [flat_value(r.get(name)) for r in records]) for name in names]
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, names=names), buffer)
    return buffer.getvalue()


def _pyarrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or an install hint."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ConfigError(f"Parquet export needs pyarrow: {PARQUET_HINT}") from error
    return pyarrow, pyarrow.parquet


def _arrow_column(pa: Any, values: list[Any]) -> Any:
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # e.g. numbers and text in one column
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())


# name -> (writer, media type, file extension)
FORMATS: dict[str, tuple[Writer, str, str]] = {
    "csv": (to_csv, "text/csv; charset=utf-8", "csv"),
    "jsonl": (to_jsonl, "application/x-ndjson", "jsonl"),
    "parquet": (to_parquet, "application/vnd.apache.parquet", "parquet"),
}
