"""A list's rows as a download: the writers of :mod:`keeptabs.export`, plus JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from keeptabs.export import EXPORT_FORMATS, write_rows
from keeptabs.web.state import Answer

Rows = Sequence[dict[str, Any]]
CLAIMS_ONLY = frozenset({"hxl", "claimreview", "prov"})  # formats of claim rows
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
        body = write_rows(fmt, rows, quotes=quotes)
    disposition = "inline" if fmt == "json" else "attachment"
    headers = (("Content-Disposition", f'{disposition}; filename="keeptabs-{kind}.{extension}"'),)
    return Answer(body, media_type, headers)
