"""The ledger: series across documents, their origins, reconciled figures and findings.

``build_ledger`` is a pure function of the documents and their claims: the same input in
any order gives the same ledger, so reconciling twice changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, pairwise
from pathlib import Path

from keeptabs.reconcile.checks import internal_findings
from keeptabs.reconcile.events import same_event
from keeptabs.reconcile.findings import Finding, describe
from keeptabs.reconcile.intervals import compatible, interval
from keeptabs.reconcile.origin import (
    origin_groups,
    same_sentence,
    same_window,
    speaker,
    syndicated,
)
from keeptabs.reconcile.policies import POLICIES, Figure, Policy, reconcile, representative
from keeptabs.reconcile.reference import reference_findings
from keeptabs.reconcile.series import Series, build_series, claim_order
from keeptabs.types import Claim, Document, ReferenceFigure

COMPARE_DAYS = 1  # reports this many days apart may speak of the same moment


@dataclass(slots=True)
class SeriesReport:
    series: Series
    origins: list[list[Claim]]
    figures: dict[Policy, Figure] = field(default_factory=dict)


@dataclass(slots=True)
class Ledger:
    series: list[SeriesReport]
    findings: list[Finding]


def build_ledger(
    documents: Iterable[Document],
    claims: Iterable[Claim],
    references: Iterable[ReferenceFigure] = (),
) -> Ledger:
    docs = {doc.id: doc for doc in documents}
    all_claims = sorted(set(claims), key=claim_order)  # a claim given twice counts once
    published = {doc_id: doc.published for doc_id, doc in docs.items()}
    names = {doc_id: doc.outlet or Path(doc.path).name for doc_id, doc in docs.items()}
    outlets = {doc_id: doc.outlet or "" for doc_id, doc in docs.items()}
    copies = syndicated({doc_id: doc.text for doc_id, doc in docs.items()})
    findings: list[Finding] = []
    by_doc: dict[str, list[Claim]] = {}
    for claim in all_claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    for doc_id in sorted(by_doc):
        text = docs[doc_id].text if doc_id in docs else None
        findings.extend(internal_findings(by_doc[doc_id], text=text))
    restated: dict[tuple[str, float | None], list[Claim]] = {}
    for claim in all_claims:  # everywhere a document gives a figure tells of its event
        restated.setdefault((claim.doc_id, claim.value), []).append(claim)
    reports = []
    for series in build_series(all_claims):
        origins = origin_groups(series.claims, copies)
        report = SeriesReport(series, origins)
        if origins:
            report.figures = {policy: reconcile(policy, origins, published) for policy in POLICIES}
        reports.append(report)
        findings.extend(_series_findings(report, published, names, outlets, restated))
    findings.extend(_totals_below_windows(reports, published, names))
    findings.extend(reference_findings(references, all_claims, names))
    findings.sort(key=_finding_order)
    return Ledger(reports, findings)


def _series_findings(
    report: SeriesReport,
    published: Mapping[str, str | None],
    names: Mapping[str, str],
    outlets: Mapping[str, str],
    restated: Mapping[tuple[str, float | None], list[Claim]],
) -> list[Finding]:
    key = str(report.series.key)
    found = []
    for group in report.origins:
        docs = sorted({c.doc_id for c in group})
        if len(docs) > 1:
            carriers = sorted({names.get(d, d) for d in docs})
            first = representative(group, published)
            found.append(
                Finding(
                    "same_origin",
                    tuple(group),
                    f"{describe(first)} is one origin carried by {len(docs)} documents "
                    f"({', '.join(carriers)}).",
                    series=key,
                )
            )
    wholes = [[c for c in group if c.part_of is None] for group in report.origins]
    chosen = [representative(group, published) for group in wholes if group]
    compared: set[frozenset[tuple[str, float | None]]] = set()
    for first, second in combinations(chosen, 2):
        if first.doc_id == second.doc_id or not report.series.key.place:
            continue  # a figure with no place may be of any event
        pair = frozenset({(first.doc_id, first.value), (second.doc_id, second.value)})
        if pair in compared:
            continue  # a headline and its lead give one figure: one finding is enough
        if same_sentence(first, second):
            continue  # two figures of one copied sentence ("seven ... and four ...")
        agree = compatible(first, second)
        if not agree and not same_event(
            first,
            second,
            told=restated[first.doc_id, first.value],
            also=restated[second.doc_id, second.value],
        ):
            continue  # figures of two different attacks in one city on one day
        if not agree and _update(first, second, published, outlets):
            continue  # one outlet's or source's toll a day later: an update
        if not _comparable(first, second, published) and not (
            agree and _undated(first, published) and _undated(second, published)
        ):
            continue  # a conflict needs the same time; agreement is worth showing anyway
        compared.add(pair)
        found.append(
            Finding(
                "agreement" if agree else "conflict",
                (first, second),
                f"{_said(first, names)}; {_said(second, names)}: "
                + ("these agree." if agree else "these cannot both be true."),
                series=key,
                detail=None if agree else _conflict_kind(first, second),
            )
        )
    if report.series.key.period_kind == "cumulative":
        found.extend(_decreases(report.series.claims, published, names, key))
    return found


def _comparable(first: Claim, second: Claim, published: Mapping[str, str | None]) -> bool:
    """Both speak of the same time: overlapping event dates, or reports of the same day
    or the next (``COMPARE_DAYS``) with the same window."""
    if first.period_start and second.period_start and first.period_end and second.period_end:
        return first.period_start <= second.period_end and second.period_start <= first.period_end
    one, two = published.get(first.doc_id), published.get(second.doc_id)
    if not one or not two:  # undated: only the same stated window is the same time
        return bool(first.period) and same_window(first, second)
    apart = abs((date.fromisoformat(one[:10]) - date.fromisoformat(two[:10])).days)
    return apart <= COMPARE_DAYS and (
        not (first.period or second.period) or same_window(first, second)
    )


def _totals_below_windows(
    reports: Sequence[SeriesReport], published: Mapping[str, str | None], names: Mapping[str, str]
) -> list[Finding]:
    """A running total below a figure for a shorter window inside it: "78,000 since the
    start of the operation" cannot be fewer than "50,000 in the past two days"."""
    found = []
    by_kind = {
        (
            r.series.key.population,
            r.series.key.action,
            r.series.key.place,
            r.series.key.period_kind,
        ): r
        for r in reports
    }
    for report in reports:
        key = report.series.key
        if key.period_kind != "cumulative" or not key.place:
            continue
        windows = [
            by_kind[(key.population, key.action, key.place, kind)]
            for kind in ("daily", "window")
            if (key.population, key.action, key.place, kind) in by_kind
        ]
        for total in report.series.claims:
            for part in (c for w in windows for c in w.series.claims):
                if total.part_of is not None or part.part_of is not None:
                    continue
                if (
                    not _not_before(total, part, published)
                    or interval(total)[1] >= interval(part)[0]
                ):
                    continue
                found.append(
                    Finding(
                        "conflict",
                        (part, total),
                        f"{_said(part, names)}; {_said(total, names)}: a running total cannot "
                        "be below a figure for a window inside it.",
                        series=str(key),
                        detail="cumulative_vs_daily",
                    )
                )
    return found


def _not_before(total: Claim, part: Claim, published: Mapping[str, str | None]) -> bool:
    """The same document, or reports of one event no more than ``COMPARE_DAYS`` apart,
    the total's no older than the window's."""
    if total.doc_id == part.doc_id:
        return True
    one, two = published.get(total.doc_id), published.get(part.doc_id)
    if not one or not two:
        return False
    apart = (date.fromisoformat(one[:10]) - date.fromisoformat(two[:10])).days
    return 0 <= apart <= COMPARE_DAYS and same_event(total, part)


def _update(
    first: Claim, second: Claim, published: Mapping[str, str | None], outlets: Mapping[str, str]
) -> bool:
    """The same outlet or source again, on another day: a toll that moved on."""
    one, two = published.get(first.doc_id), published.get(second.doc_id)
    if not one or not two or one[:10] == two[:10]:
        return False
    same_outlet = bool(outlets.get(first.doc_id)) and outlets.get(first.doc_id) == outlets.get(
        second.doc_id
    )
    return same_outlet or (speaker(first) is not None and speaker(first) == speaker(second))


def _undated(claim: Claim, published: Mapping[str, str | None]) -> bool:
    """No date to place it by, and a figure bounded both ways ("over 4,000" agrees with
    too much to be worth showing)."""
    low, high = interval(claim)
    return not claim.period and not published.get(claim.doc_id) and math.isfinite(low + high)


def _conflict_kind(first: Claim, second: Claim) -> str:
    if (first.period or "").casefold() != (second.period or "").casefold():
        return "period"
    return "value"


def _decreases(
    claims: Sequence[Claim],
    published: Mapping[str, str | None],
    names: Mapping[str, str],
    key: str,
) -> list[Finding]:
    """A cumulative figure of one source that goes down over time."""
    found = []
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        origin = speaker(claim)
        if origin:
            by_source.setdefault(origin, []).append(claim)
    for group in by_source.values():
        dated = sorted(
            (c for c in group if c.period_end or published.get(c.doc_id)),
            key=lambda c: (c.period_end or published.get(c.doc_id) or "", claim_order(c)),
        )
        for earlier, later in pairwise(dated):
            if _when(earlier, published) == _when(later, published):
                continue  # the same day: no order to speak of
            if interval(later)[1] < interval(earlier)[0]:
                found.append(
                    Finding(
                        "cumulative_decrease",
                        (earlier, later),
                        f"{_said(earlier, names)}, later {_said(later, names)}: a running "
                        "total went down.",
                        series=key,
                    )
                )
    return found


def _when(claim: Claim, published: Mapping[str, str | None]) -> str:
    return (claim.period_end or published.get(claim.doc_id) or "")[:10]


def _said(claim: Claim, names: Mapping[str, str]) -> str:
    where = "headline" if claim.section == "headline" else "report"
    return f"the {names.get(claim.doc_id, claim.doc_id)} {where} says {describe(claim)}"


def _finding_order(finding: Finding) -> tuple[str, str, list[tuple[str, int, int, str]]]:
    return finding.type, finding.series or "", [claim_order(c) for c in finding.claims]
