"""Findings: typed records of what reconciliation found, with the claims involved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from keeptabs.report.records import plain_number
from keeptabs.types import Claim

FindingType = Literal[
    "unit_conversion",
    "part_exceeds_whole",
    "parts_do_not_add_up",
    "parts_add_up",
    "headline_drops_qualifier",
    "percent_over_100",
    "cumulative_decrease",
    "conflict",
    "agreement",
    "same_origin",
    "reference_conflict",
    "reference_agreement",
]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a fact-checker should see: its type, the claims involved and a sentence."""

    type: FindingType
    claims: tuple[Claim, ...]
    explanation: str
    series: str | None = None  # the series key, for findings across documents
    detail: str | None = None  # a conflict's kind: "value", "period", "cumulative_vs_daily" ...


def claim_brief(claim: Claim, doc: str | None = None) -> dict[str, Any]:
    """What a finding shows of a claim: where it is and what it says."""
    return {
        "doc": doc or claim.doc_id,
        "section": claim.section,
        "value": plain_number(claim.value),
        "number_text": claim.number_text,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "source": claim.source,
        "source_org": claim.source_org,
    }


def finding_record(finding: Finding, names: dict[str, str] | None = None) -> dict[str, Any]:
    """``finding`` as JSON: ``type``, ``claims`` (each with ``doc``, ``value``,
    ``number_text`` and its span) and ``explanation``; document ids shown by ``names``."""
    names = names or {}
    record: dict[str, Any] = {
        "type": finding.type,
        "claims": [claim_brief(c, names.get(c.doc_id)) for c in finding.claims],
        "explanation": finding.explanation,
    }
    if finding.series is not None:
        record["series"] = finding.series
    if finding.detail is not None:
        record["detail"] = finding.detail
    return record


def describe(claim: Claim) -> str:
    """ "up to 50,000 (Igor Konashenkov, past 48 hours)": a claim as a finding quotes it."""
    context = ", ".join(part for part in (claim.source, claim.period) if part)
    return f"{claim.number_text} ({context})" if context else claim.number_text
