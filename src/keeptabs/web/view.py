"""What the web app and the static report show, read from a store once and kept in memory.

The ledger is a pure function of the stored documents and claims (see
:mod:`keeptabs.reconcile.ledger`), so it is built when the app starts and again only when
a write endpoint changes the store.  Pages and API answers are then lookups in the
indexes kept here, which is what lets them answer in milliseconds.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from keeptabs.export.rows import claim_rows, doc_name, document_rows, quote_offsets
from keeptabs.framing import document_framing, label_counts
from keeptabs.reconcile.findings import Finding, finding_record
from keeptabs.reconcile.ledger import Ledger, SeriesReport, build_ledger
from keeptabs.report.ledger_records import series_record
from keeptabs.store.base import Store
from keeptabs.types import Claim, Document, Review, Segment
from keeptabs.web.search import SearchIndex

ID_LENGTH = 12  # hex digits of a series' or finding's id: unique across millions of rows
CONFLICT_TYPES = frozenset({"conflict", "cumulative_decrease", "reference_conflict"})
ERROR_TYPES = frozenset(
    {
        "unit_conversion",
        "part_exceeds_whole",
        "parts_do_not_add_up",
        "headline_drops_qualifier",
        "percent_over_100",
    }
)


# The framing a side-by-side view shows: names for the parties, territory verbs, hedges.
FRAMING_CATEGORIES = frozenset({"opposition", "government", "territory", "hedges", "scare_quotes"})


def short_id(text: str) -> str:
    """A stable id for a series key or a finding, fit for a URL."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


@dataclass(slots=True)
class SeriesView:
    id: str
    report: SeriesReport
    record: dict[str, Any]
    conflicts: int = 0
    findings: list[str] = field(default_factory=list)  # finding ids

    @property
    def key(self) -> str:
        return str(self.report.series.key)


@dataclass(slots=True)
class FindingView:
    id: str
    finding: Finding
    record: dict[str, Any]
    series_id: str | None
    outlets: tuple[str, ...]
    published: str | None  # the latest publication date of the documents involved


@dataclass(slots=True)
class LedgerView:
    """Documents, claims, series and findings of one store, indexed for the pages."""

    documents: dict[str, Document]
    segments: dict[str, list[Segment]]
    claims: list[Claim]
    reviews: dict[str, Review]
    ledger: Ledger
    series: list[SeriesView]
    findings: list[FindingView]
    claim_rows: list[dict[str, Any]]
    document_rows: list[dict[str, Any]]
    search: SearchIndex
    names: dict[str, str]
    series_rows: list[dict[str, Any]] = field(default_factory=list)
    finding_rows: list[dict[str, Any]] = field(default_factory=list)
    claims_by_doc: dict[str, list[Claim]] = field(default_factory=dict)
    framing: dict[str, dict[str, int]] = field(default_factory=dict)  # per document, lazily
    claim_index: dict[str, int] = field(default_factory=dict)
    series_index: dict[str, SeriesView] = field(default_factory=dict)
    finding_index: dict[str, FindingView] = field(default_factory=dict)
    series_of_claim: dict[str, str] = field(default_factory=dict)
    findings_of_claim: dict[str, list[str]] = field(default_factory=dict)

    def claim(self, claim_id: str) -> tuple[Claim, dict[str, Any]] | None:
        index = self.claim_index.get(claim_id)
        return None if index is None else (self.claims[index], self.claim_rows[index])

    def outlet(self, doc_id: str) -> str:
        document = self.documents.get(doc_id)
        return (document.outlet if document else None) or self.names.get(doc_id, doc_id)

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "outlets": len({self.outlet(doc_id) for doc_id in self.documents}),
            "claims": len(self.claims),
            "series": len(self.series),
            "findings": len(self.findings),
            "conflicts": sum(1 for f in self.findings if f.finding.type in CONFLICT_TYPES),
        }


def load_view(store: Store) -> LedgerView:
    """Everything the pages show, read from ``store`` (raw bytes are not kept)."""
    documents = [replace(document, raw=b"") for document in store.documents()]
    claims = store.claims()
    reviews = {review.claim_id: review for review in store.reviews()}
    segments = {document.id: store.segments(document.id) for document in documents}
    ledger = build_ledger(documents, claims, store.references())  # as `keeptabs findings`
    return build_view(documents, segments, claims, reviews, ledger)


def build_view(
    documents: Sequence[Document],
    segments: dict[str, list[Segment]],
    claims: Sequence[Claim],
    reviews: dict[str, Review],
    ledger: Ledger,
) -> LedgerView:
    by_id = {document.id: document for document in documents}
    names = {document.id: doc_name(document) for document in documents}
    rows = claim_rows(documents, claims, reviews.values())
    view = LedgerView(
        documents=by_id,
        segments=segments,
        claims=list(claims),
        reviews=reviews,
        ledger=ledger,
        series=[],
        findings=[],
        claim_rows=rows,
        document_rows=document_rows(documents, claims),
        search=SearchIndex(documents, claims, names),
        names=names,
    )
    for index, claim in enumerate(claims):
        view.claim_index[claim.id] = index
        view.claims_by_doc.setdefault(claim.doc_id, []).append(claim)
    outlets = {document.id: document.outlet or "" for document in documents}
    for report in ledger.series:
        record = series_record(report, names, outlets)
        series = SeriesView(short_id(str(report.series.key)), report, record)
        view.series.append(series)
        view.series_index[series.id] = series
        for claim in (*report.series.claims, *report.series.reader_claims):
            view.series_of_claim[claim.id] = series.id
    _add_findings(view, ledger.findings, names)
    quotes = quote_offsets(documents, claims)
    for row in rows:
        row["quote_start"] = quotes.get(row["id"])
        row["series"] = view.series_of_claim.get(row["id"])
        row["findings"] = len(view.findings_of_claim.get(row["id"], ()))
        row["status"] = claim_status(view, row["id"])
    view.series_rows = [_series_row(view, series) for series in view.series]
    view.finding_rows = [_finding_row(view, item) for item in view.findings]
    return view


def _series_row(view: LedgerView, series: SeriesView) -> dict[str, Any]:
    record = series.record
    claims = series.report.series.claims
    conservative = record["figures"].get("conservative") or {}
    return {
        "id": series.id,
        "series": record["series"],
        "population": record["population"],
        "action": record["action"],
        "place": record["place"],
        "period_kind": record["period_kind"],
        "claims": len(claims),
        "outlets": record["outlets"],
        "independent_origins": record["independent_origins"],
        "figure": conservative.get("value"),
        "low": conservative.get("low"),
        "high": conservative.get("high"),
        "conflicts": series.conflicts,
        "findings": len(series.findings),
        "status": "conflict" if series.conflicts else "agreement" if len(claims) > 1 else "single",
        "first_published": min(_dates(view, claims), default=None),
        "last_published": max(_dates(view, claims), default=None),
        "outlet_names": sorted({view.outlet(c.doc_id) for c in claims}),
        "source_names": sorted({s for c in claims if (s := c.source_org or c.source)}),
    }


def _finding_row(view: LedgerView, item: FindingView) -> dict[str, Any]:
    claims = item.finding.claims
    return {
        "id": item.id,
        "type": item.finding.type,
        "detail": item.finding.detail,
        "explanation": item.finding.explanation,
        "series": item.finding.series,
        "series_id": item.series_id,
        "claims": len(claims),
        "claim_ids": [c.id for c in claims],
        "published": item.published,
        "outlet_names": list(item.outlets),
        "source_names": sorted({s for c in claims if (s := c.source_org or c.source)}),
    }


def _dates(view: LedgerView, claims: Iterable[Claim]) -> list[str]:
    dates = (view.documents[c.doc_id].published for c in claims if c.doc_id in view.documents)
    return [d for d in dates if d]


def _add_findings(view: LedgerView, findings: Iterable[Finding], names: dict[str, str]) -> None:
    by_key = {series.key: series for series in view.series}
    for finding in findings:
        record = finding_record(finding, names)
        ids = ",".join(claim.id for claim in finding.claims)
        finding_id = short_id(f"{finding.type}|{finding.series}|{finding.detail}|{ids}")
        series = by_key.get(finding.series) if finding.series else None
        if series is None and finding.claims:
            series = view.series_index.get(view.series_of_claim.get(finding.claims[0].id, ""))
        doc_ids = sorted({claim.doc_id for claim in finding.claims})
        dates = [view.documents[d].published for d in doc_ids if d in view.documents]
        item = FindingView(
            id=finding_id,
            finding=finding,
            record={"id": finding_id, **record},
            series_id=series.id if series else None,
            outlets=tuple(sorted({view.outlet(d) for d in doc_ids})),
            published=max((d for d in dates if d), default=None),
        )
        view.findings.append(item)
        view.finding_index[finding_id] = item
        if series is not None:
            series.findings.append(finding_id)
            series.conflicts += finding.type in CONFLICT_TYPES
        for claim in finding.claims:
            view.findings_of_claim.setdefault(claim.id, []).append(finding_id)


def claim_status(view: LedgerView, claim_id: str) -> str:
    """A claim's standing: reviewed, in conflict, in agreement, flagged, or alone."""
    if claim_id in view.reviews:
        return "reviewed"
    types = {view.finding_index[f].finding.type for f in view.findings_of_claim.get(claim_id, [])}
    if types & CONFLICT_TYPES:
        return "conflict"
    if types & ERROR_TYPES:
        return "error"
    if types & {"agreement", "reference_agreement", "same_origin", "parts_add_up"}:
        return "corroborated"
    return "single"


def framing_terms(view: LedgerView, doc_id: str) -> dict[str, int]:
    """How often each framing label appears in a document's headline and body."""
    if doc_id in view.framing:
        return view.framing[doc_id]
    document = view.documents.get(doc_id)
    if document is None:
        return {}
    terms = document_framing(document.text, view.segments.get(doc_id))
    counts: Counter[str] = Counter()
    for category, labels in label_counts(terms).items():
        if category in FRAMING_CATEGORIES:
            counts.update(labels)
    view.framing[doc_id] = dict(counts.most_common())
    return view.framing[doc_id]
