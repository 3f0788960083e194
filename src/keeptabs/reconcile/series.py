"""Series: claims that measure the same thing, across documents.

A series is one population family, one action family, one place and one kind of period
("civilians" = "residents" = "people"; "fled" = "left" = "evacuated": ``data/families.json``).
Kinds of period: ``daily`` (a window of up to three days, or a named day),
``cumulative`` (since an event, so far), ``window`` (a longer window), ``point`` (no period:
a figure at the time of the report) and ``share`` (a percentage).  Reader comments never
count as evidence: their claims are kept beside a series as reader claims.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from keeptabs.evaluate.normalize import action_class, lemma, normalize_place
from keeptabs.extract.durations import period_duration_hours
from keeptabs.extract.vocab import load_data
from keeptabs.reconcile.intervals import compatible
from keeptabs.types import Claim

DAILY_DAYS = 3  # a window this short reads as a daily figure
EVIDENCE_SECTIONS = frozenset({"headline", "body", "caption"})
_CUMULATIVE = re.compile(r"^(?:since|so far|to date|in total|altogether|overall)\b")
SERIES_KINDS = frozenset({"count", "range", "vague", "percent"})


@dataclass(frozen=True, slots=True)
class SeriesKey:
    population: str
    action: str
    place: str
    period_kind: str

    def __str__(self) -> str:
        return " | ".join((self.population, self.action, self.place or "-", self.period_kind))


@dataclass(slots=True)
class Series:
    key: SeriesKey
    claims: list[Claim] = field(default_factory=list)  # evidence: headline, body, captions
    reader_claims: list[Claim] = field(default_factory=list)  # comments: shown, never used


@cache
def _families() -> tuple[dict[str, str], dict[str, str]]:
    data = load_data("families.json", "keeptabs.reconcile")
    return tuple(  # type: ignore[return-value]
        {member: family for family, members in data[part].items() for member in members}
        for part in ("actions", "populations")
    )


def population_of(claim: Claim) -> str:
    if claim.kind == "percent":
        return "percent"
    counted = lemma(claim.counted or "people").split()
    head = counted[-1] if counted else "person"
    return _families()[1].get(head, head)


def action_of(claim: Claim) -> str:
    action = action_class(claim.action) if claim.action else "-"
    return _families()[0].get(action, action)


def period_kind(claim: Claim) -> str:
    if claim.kind == "percent":
        return "share"
    period = " ".join((claim.period or "").casefold().split())
    if not period:
        return "point"
    if _CUMULATIVE.match(period):
        return "cumulative"
    if claim.period_start and claim.period_end:
        days = (date.fromisoformat(claim.period_end) - date.fromisoformat(claim.period_start)).days
        return "daily" if days <= DAILY_DAYS else "window"
    hours = period_duration_hours(period)
    if hours is not None:
        return "daily" if hours <= DAILY_DAYS * 24 else "window"
    return "daily"  # a named day or part of one ("Monday", "overnight")


def series_key(claim: Claim) -> SeriesKey:
    place = normalize_place(claim.place) if claim.place else ""
    return SeriesKey(population_of(claim), action_of(claim), place, period_kind(claim))


def build_series(claims: Iterable[Claim]) -> list[Series]:
    """Claims grouped into series, evidence and reader claims apart, in a stable order.

    A claim that names no place joins the one series of its population, action and
    period kind that names one, when there is exactly one.
    """
    by_key: dict[SeriesKey, Series] = {}
    placeless: list[Claim] = []
    seen: set[Claim] = set()
    for claim in _with_headline_windows(list(claims)):
        if claim in seen:
            continue  # a headline that took a window may now equal another claim
        seen.add(claim)
        if claim.kind not in SERIES_KINDS or claim.value is None or not math.isfinite(claim.value):
            continue
        key = series_key(claim)
        if not key.place:
            placeless.append(claim)
            continue
        _add(by_key.setdefault(key, Series(key)), claim)
    for claim in placeless:
        key = series_key(claim)
        placed = [
            s
            for k, s in by_key.items()
            if (k.population, k.action, k.period_kind)
            == (key.population, key.action, key.period_kind)
            and k.place
        ]
        target = placed[0] if len(placed) == 1 else by_key.setdefault(key, Series(key))
        _add(target, claim)
    for series in by_key.values():
        series.claims.sort(key=claim_order)
        series.reader_claims.sort(key=claim_order)
    return sorted(by_key.values(), key=lambda s: str(s.key))


def _with_headline_windows(claims: list[Claim]) -> list[Claim]:
    """A headline figure states no window ("Nearly 8,500 civilians leave east Aleppo"):
    it takes the window, and the place and source if it has none, of the body claim of
    its own document that it restates (same population and action, compatible value)."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    out = []
    for claim in claims:
        if claim.section == "headline" and not claim.period:
            body = [
                other
                for other in sorted(by_doc[claim.doc_id], key=claim_order)
                if other.section == "body"
                and other.period
                and (population_of(other), action_of(other))
                == (population_of(claim), action_of(claim))
                and compatible(claim, other)
            ]
            if body:
                source = body[0]
                claim = replace(
                    claim,
                    period=source.period,
                    period_start=source.period_start,
                    period_end=source.period_end,
                    place=claim.place or source.place,
                    source=claim.source or source.source,
                    source_org=claim.source_org or source.source_org,
                )
        out.append(claim)
    return out


def _add(series: Series, claim: Claim) -> None:
    (series.claims if claim.section in EVIDENCE_SECTIONS else series.reader_claims).append(claim)


def claim_order(claim: Claim) -> tuple[str, int, int, str]:
    """A total order on claims that does not depend on the order they came in (two
    claims at one position, which a store never holds, are told apart by their fields)."""
    return claim.doc_id, claim.start, claim.end, repr(claim)
