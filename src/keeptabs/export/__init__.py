"""Exports of the ledger: CSV, JSON Lines, Parquet, HXL, ClaimReview and PROV.

:func:`export_claims` is what the CLI (``keeptabs export --format …``) and the web app's
download links call; the modules below it work on plain rows, so any list (a filtered
page, a search result) can be written with the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from keeptabs.errors import ConfigError
from keeptabs.export.claimreview import claim_reviews, to_claimreview
from keeptabs.export.hxl import to_hxl
from keeptabs.export.prov import to_prov
from keeptabs.export.rows import (
    CLAIM_ROW_FIELDS,
    DOCUMENT_ROW_FIELDS,
    claim_rows,
    doc_name,
    document_rows,
    quote_offsets,
)
from keeptabs.export.tables import FORMATS, to_csv, to_jsonl, to_parquet
from keeptabs.store.base import Store

# name -> (media type, file extension)
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    **{name: (media_type, extension) for name, (_, media_type, extension) in FORMATS.items()},
    "hxl": ("text/csv; charset=utf-8", "hxl.csv"),
    "claimreview": ("application/ld+json", "claimreview.jsonld"),
    "prov": ("application/json", "prov.json"),
}


def check_format(format: str) -> str:
    """``format`` if it is one of :data:`EXPORT_FORMATS`, else a ConfigError naming them."""
    if format not in EXPORT_FORMATS:
        raise ConfigError(
            f"Unknown export format '{format}'. Use one of: {', '.join(EXPORT_FORMATS)}.",
            stage="export",
        )
    return format


def write_rows(
    format: str,
    rows: Sequence[dict[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    quotes: Mapping[str, int] | None = None,
) -> bytes:
    """``rows`` in ``format``.  HXL, ClaimReview and PROV take claim rows; PROV places
    each claim's sentence with ``quotes`` (:func:`quote_offsets`)."""
    check_format(format)
    special: dict[str, Callable[[Sequence[dict[str, Any]]], bytes]] = {
        "hxl": to_hxl,
        "claimreview": to_claimreview,
        "prov": lambda records: to_prov(records, quotes or {}),
    }
    if format in special:
        return special[format](rows)
    return FORMATS[format][0](rows, columns)


def export_claims(store: Store, format: str) -> bytes:
    """Every stored claim, with its document and review, in ``format``
    (a key of :data:`EXPORT_FORMATS`)."""
    check_format(format)
    documents = store.documents()
    claims = store.claims()
    rows = claim_rows(documents, claims, store.reviews())
    quotes = quote_offsets(documents, claims) if format == "prov" else None
    return write_rows(format, rows, columns=CLAIM_ROW_FIELDS, quotes=quotes)


__all__ = [
    "CLAIM_ROW_FIELDS",
    "DOCUMENT_ROW_FIELDS",
    "EXPORT_FORMATS",
    "FORMATS",
    "check_format",
    "claim_reviews",
    "claim_rows",
    "doc_name",
    "document_rows",
    "export_claims",
    "quote_offsets",
    "to_claimreview",
    "to_csv",
    "to_hxl",
    "to_jsonl",
    "to_parquet",
    "to_prov",
    "write_rows",
]
