"""Plain records (dicts) of claims, segments, documents and rejections for JSON/CSV output."""

from __future__ import annotations

from typing import Any

from keeptabs.types import Claim, Document, Quantity, Rejection, Segment

CLAIM_FIELDS = (
    "doc",
    "section",
    "quote",
    "number_text",
    "value",
    "lower",
    "upper",
    "qualifier",
    "counted",
    "action",
    "place",
    "period",
    "period_start",
    "period_end",
    "source",
    "source_org",
    "part_of",
    "start",
    "end",
    "kind",
    "unit",
)


def plain_number(value: float | None) -> float | int | None:
    """``8461.0`` -> ``8461``: whole numbers print as integers."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def claim_record(claim: Claim, doc: str) -> dict[str, Any]:
    """The gold fields of ../shared/gold/README.md plus the number's offsets."""
    return {
        "doc": doc,
        "section": claim.section,
        "quote": claim.quote,
        "number_text": claim.number_text,
        "value": plain_number(claim.value),
        "lower": plain_number(claim.lower),
        "upper": plain_number(claim.upper),
        "qualifier": claim.qualifier,
        "counted": claim.counted,
        "action": claim.action,
        "place": claim.place,
        "period": claim.period,
        "period_start": claim.period_start,
        "period_end": claim.period_end,
        "source": claim.source,
        "source_org": claim.source_org,
        "part_of": plain_number(claim.part_of),
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind,
        "unit": claim.unit,
    }


def segment_record(segment: Segment, text: str, doc: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "doc": doc,
        "kind": segment.kind,
        "start": segment.start,
        "end": segment.end,
        "text": text[segment.start : segment.end],
    }
    if segment.author:
        record["author"] = segment.author
    return record


def document_record(document: Document, *, claims: int | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "outlet": document.outlet,
        "url": document.url,
        "published": document.published,
        "encoding": document.encoding,
        "media_type": document.media_type,
        "chars": len(document.text),
    }
    if claims is not None:
        record["claims"] = claims
    return record


def rejection_record(rejection: Rejection) -> dict[str, Any]:
    return {
        "path": rejection.path,
        "stage": rejection.stage,
        "code": rejection.code,
        "message": rejection.message,
        "sha256": rejection.sha256,
        "bytes": len(rejection.raw),
    }


def quantity_record(quantity: Quantity) -> dict[str, Any]:
    """A number phrase as ``keeptabs numbers`` prints it."""
    return {
        "text": quantity.text,
        "start": quantity.start,
        "end": quantity.end,
        "value": plain_number(quantity.value),
        "lower": plain_number(quantity.lower),
        "upper": plain_number(quantity.upper),
        "qualifier": quantity.qualifier,
        "unit": quantity.unit,
        "kind": quantity.kind,
        "cue": quantity.cue,
        "si_value": quantity.si_value,
        "si_unit": quantity.si_unit,
    }
