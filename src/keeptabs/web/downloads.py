"""A list's rows as a download: the writers of :mod:`keeptabs.export`, plus JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from keeptabs.export import CLAIM_ROW_FIELDS, DOCUMENT_ROW_FIELDS, EXPORT_FORMATS, write_rows
from keeptabs.web.state import Answer

Rows = Sequence[dict[str, Any]]
CLAIMS_ONLY = frozenset({"hxl", "claimreview", "prov"})  # formats of claim rows
# The columns of an empty list's download, which has no row to take them from.
EMPTY_COLUMNS = {"claims": CLAIM_ROW_FIELDS, "documents": DOCUMENT_ROW_FIELDS}
# name -> (media type, file extension)
DOWNLOADS: dict[str, tuple[str, str]] = {"json": ("application/json", "json"), **EXPORT_FORMATS}


def download(kind: str, fmt: str, rows: Rows) -> Answer:
    """``rows`` of list ``kind`` written as ``fmt``, to be saved as ``keeptabs-KIND.EXT``;
    claim rows carry where their sentence starts (``quote_start``) for PROV."""
    media_type, extension = DOWNLOADS[fmt]
    if fmt == "json":
        body = json.dumps(list(rows), ensure_ascii=False, indent=1).encode("utf-8")
    else:
        quotes = {row["id"]: row["quote_start"] for row in rows if "quote_start" in row}
        columns = None if rows else EMPTY_COLUMNS.get(kind)
        body = write_rows(fmt, rows, columns=columns, quotes=quotes)
    disposition = "inline" if fmt == "json" else "attachment"
    headers = (("Content-Disposition", f'{disposition}; filename="keeptabs-{kind}.{extension}"'),)
    return Answer(body, media_type, headers)
