"""The pages, as functions of the ledger view: the server and the static report both call
them (the server with the request's facets, the report with none)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from keeptabs.framing import claim_framing, document_framing, outlet_framing
from keeptabs.framing.records import TABLE_COLUMNS, TABLE_LEGEND
from keeptabs.reconcile.ledger import SeriesReport
from keeptabs.types import Claim
from keeptabs.web.charts import timeline_spec
from keeptabs.web.facets import (
    CLAIM_FACETS,
    DOCUMENT_FACETS,
    FINDING_FACETS,
    SERIES_FACETS,
    Reader,
    apply_facets,
    chosen_facets,
    facet_options,
)
from keeptabs.web.highlight import document_blocks
from keeptabs.web.render import Linker, render
from keeptabs.web.view import CONFLICT_TYPES, LedgerView, framing_terms

PAGE_SIZE = 100  # rows per page of a list; the .json/.csv forms give them all
OVERVIEW_ROWS = 10  # series and findings shown on the overview
FRAMING_EXAMPLES = 6  # examples per outlet on the framing page, one per label


class NotFound(LookupError):
    """A document, claim, series or finding that the ledger does not hold."""


LISTS: dict[str, Mapping[str, Reader]] = {
    "claims": CLAIM_FACETS,
    "documents": DOCUMENT_FACETS,
    "series": SERIES_FACETS,
    "findings": FINDING_FACETS,
}


def list_rows(view: LedgerView, kind: str, query: Mapping[str, str]) -> list[dict[str, Any]]:
    """The rows of list ``kind`` that match the facets in ``query``."""
    rows = {
        "claims": view.claim_rows,
        "documents": view.document_rows,
        "series": view.series_rows,
        "findings": view.finding_rows,
    }[kind]
    facets = LISTS[kind]
    return apply_facets(rows, facets, chosen_facets(query, facets))


def overview_page(view: LedgerView, linker: Linker) -> str:
    ranked = sorted(view.series_rows, key=lambda r: (-r["conflicts"], -r["claims"], r["series"]))
    latest = sorted(
        view.finding_rows,
        key=lambda r: (r["type"] == "same_origin", -_day(r["published"]), r["id"]),
    )
    return render(
        "overview.html",
        linker=linker,
        counts=view.counts(),
        top_series=[r for r in ranked if r["claims"] > 1][:OVERVIEW_ROWS],
        latest=latest[:OVERVIEW_ROWS],
    )


def list_page(
    view: LedgerView, linker: Linker, kind: str, query: Mapping[str, str], *, page: int = 1
) -> str:
    """A list (claims, documents, series, findings) with its facets, one page of rows."""
    facets = LISTS[kind]
    rows = list_rows(view, kind, query)
    pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = rows if linker.static else rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    chosen = chosen_facets(query, facets)
    return render(
        f"list_{kind}.html",
        linker=linker,
        kind=kind,
        rows=shown,
        total=len(rows),
        page=page,
        pages=1 if linker.static else pages,
        chosen=chosen,
        options=facet_options(rows, facets),  # every row when no facet is chosen
        query={**chosen},
        names=view.names,
    )


def document_page(view: LedgerView, linker: Linker, doc_id: str) -> str:
    document = view.documents.get(doc_id)
    if document is None:
        raise NotFound(f"No document with id '{doc_id}'.")
    claims = view.claims_by_doc.get(doc_id, [])
    rows = [view.claim_rows[view.claim_index[c.id]] for c in claims]
    return render(
        "document.html",
        linker=linker,
        document=document,
        name=view.names.get(doc_id, doc_id),
        blocks=document_blocks(
            document.text,
            view.segments.get(doc_id, []),
            claims,
            document_framing(document.text, view.segments.get(doc_id)),
        ),
        rows={row["id"]: row for row in rows},
        claim_rows=rows,
        framing=framing_terms(view, doc_id),
    )


def claim_page(view: LedgerView, linker: Linker, claim_id: str) -> str:
    found = view.claim(claim_id)
    if found is None:
        raise NotFound(f"No claim with id '{claim_id}'.")
    claim, row = found
    findings = [view.finding_index[f].record for f in view.findings_of_claim.get(claim_id, [])]
    document = view.documents.get(claim.doc_id)
    terms = claim_framing(document.text, claim) if document is not None else []
    return render(
        "claim.html",
        terms=terms,
        linker=linker,
        claim=claim,
        row=row,
        review=view.reviews.get(claim_id),
        findings=findings,
        series_id=view.series_of_claim.get(claim_id),
    )


def series_page(view: LedgerView, linker: Linker, series_id: str) -> str:
    series = view.series_index.get(series_id)
    if series is None:
        raise NotFound(f"No series with id '{series_id}'.")
    report = series.report
    published = {doc_id: d.published for doc_id, d in view.documents.items()}
    outlets = {doc_id: view.outlet(doc_id) for doc_id in view.documents}
    evidence = report.series.claims
    return render(
        "series.html",
        linker=linker,
        series=series,
        record=series.record,
        spec=timeline_spec(list(evidence), published, outlets) if evidence else None,
        claim_rows=[view.claim_rows[view.claim_index[c.id]] for c in evidence],
        reader_rows=[view.claim_rows[view.claim_index[c.id]] for c in report.series.reader_claims],
        columns=side_by_side(view, report),
        findings=[view.finding_index[f].record for f in series.findings],
    )


def side_by_side(view: LedgerView, report: SeriesReport) -> list[dict[str, Any]]:
    """One column per outlet: its headline, figures, qualifiers, sources and framing."""
    by_outlet: dict[str, list[Claim]] = {}
    for claim in report.series.claims:
        by_outlet.setdefault(view.outlet(claim.doc_id), []).append(claim)
    columns = []
    for outlet, claims in sorted(by_outlet.items()):
        doc_ids = sorted({c.doc_id for c in claims})
        framing: dict[str, int] = {}
        for doc_id in doc_ids:
            for label, count in framing_terms(view, doc_id).items():
                framing[label] = framing.get(label, 0) + count
        columns.append(
            {
                "outlet": outlet,
                "documents": [
                    {
                        "id": doc_id,
                        "headline": view.documents[doc_id].title or view.names.get(doc_id),
                        "published": view.documents[doc_id].published,
                    }
                    for doc_id in doc_ids
                    if doc_id in view.documents
                ],
                "claims": [view.claim_rows[view.claim_index[c.id]] for c in claims],
                "framing": sorted(framing.items(), key=_by_count),  # type: ignore[arg-type]
            }
        )
    return columns


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def finding_page(view: LedgerView, linker: Linker, finding_id: str) -> str:
    item = view.finding_index.get(finding_id)
    if item is None:
        raise NotFound(f"No finding with id '{finding_id}'.")
    # a reference finding's trusted figure is not a stored claim: its explanation names it
    rows = [
        view.claim_rows[view.claim_index[c.id]]
        for c in item.finding.claims
        if c.id in view.claim_index
    ]
    return render(
        "finding.html",
        linker=linker,
        finding=item.record,
        series_id=item.series_id,
        claim_rows=rows,
        conflict=item.finding.type in CONFLICT_TYPES,
    )


def search_page(view: LedgerView, linker: Linker, query: str) -> str:
    hits = view.search.search(query) if query.strip() else []
    return render(
        "search.html",
        linker=linker,
        q=query,
        documents=[h for h in hits if h.kind == "document"],
        claims=[h for h in hits if h.kind == "claim"],
    )


def _day(date: str | None) -> int:
    """An ISO date as a sortable number (0 when unknown)."""
    digits = (date or "").replace("-", "")[:8]
    return int(digits) if digits.isdigit() else 0


def paged(rows: Sequence[dict[str, Any]], *, limit: int, offset: int) -> list[dict[str, Any]]:
    return list(rows[offset : offset + limit])


def framing_page(view: LedgerView, linker: Linker) -> str:
    """Per outlet, how often it uses each framing word (per 1,000 words), with examples."""
    framings = outlet_framing(list(view.documents.values()), view.segments)
    columns = [(header, category, label) for header, category, label in TABLE_COLUMNS]
    rows = [
        {
            "outlet": framing.outlet,
            "documents": framing.documents,
            "words": framing.words,
            "rates": [framing.rate(category, label) for _, category, label in columns],
            "examples": [
                (tally, example) for tally in framing.labels for example in tally.examples[:1]
            ][:FRAMING_EXAMPLES],
        }
        for framing in framings
    ]
    return render("framing.html", linker=linker, columns=columns, rows=rows, legend=TABLE_LEGEND)
