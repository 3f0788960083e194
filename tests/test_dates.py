"""A claim's period as dates: resolved against the publication date, kept apart from it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from keeptabs.extract.claims import ClaimInput, extract_claims_many
from keeptabs.extract.dates import resolve_period
from keeptabs.segment.text import segment_text

SATURDAY = "2016-12-17"  # a Saturday


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("past 24 hours", "2016-12-16", SATURDAY),
        ("past two days", "2016-12-15", SATURDAY),
        ("last week", "2016-12-10", SATURDAY),
        ("Monday", "2016-12-12", "2016-12-12"),
        # news names the day it appears by its weekday too
        ("Saturday", SATURDAY, SATURDAY),
        ("first part of Saturday", SATURDAY, SATURDAY),
        ("early Sunday", "2016-12-11", "2016-12-11"),
        ("Sunday afternoon and evening", "2016-12-11", "2016-12-11"),
        ("Sunday afternoon and late evening", "2016-12-11", "2016-12-11"),
        ("early on Tuesday", "2016-12-13", "2016-12-13"),
        ("earlier on Wednesday", "2016-12-14", "2016-12-14"),
        ("around midday on Wednesday", "2016-12-14", "2016-12-14"),
        ("dawn Tuesday", "2016-12-13", "2016-12-13"),
        ("Tuesdays", "2016-12-13", "2016-12-13"),  # apostrophe lost in scraping
        ("yesterday", "2016-12-16", "2016-12-16"),
        ("overnight", "2016-12-16", SATURDAY),
        ("since Monday", "2016-12-12", SATURDAY),
        ("March 25", "2016-03-25", "2016-03-25"),
        ("22 May 2015", "2015-05-22", "2015-05-22"),
        ("December 2016", "2016-12-01", "2016-12-31"),
        ("July", "2016-07-01", "2016-07-31"),
        ("early December", "2016-12-01", "2016-12-31"),
        ("since the start of the war", None, None),
        (None, None, None),
    ],
)
def test_period_resolves_against_the_publication_date(
    period: str | None, start: str | None, end: str | None
) -> None:
    assert resolve_period(period, SATURDAY) == (start, end)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("22 May 2015", ("2015-05-22", "2015-05-22")),
        ("2015", ("2015-01-01", "2015-12-31")),
        ("Monday", (None, None)),
        ("past 24 hours", (None, None)),
        ("March 25", (None, None)),  # which year?
    ],
)
def test_without_a_publication_date_only_dated_periods_resolve(
    period: str, expected: tuple[str | None, str | None]
) -> None:
    assert resolve_period(period, None) == expected
    assert resolve_period(period, "not a date") == expected


def test_claims_carry_event_dates_apart_from_the_report_date(nlp: Language) -> None:
    text = (
        "Some 8,000 civilians left the city over the past 24 hours, officials said on "
        "Saturday. On Monday, shelling had killed 12 people.\n"
    )
    item = ClaimInput(text, segment_text(text), "d", published=SATURDAY)
    claims = {claim.number_text: claim for claim in extract_claims_many([item], nlp=nlp)[0]}
    left, killed = claims["Some 8,000"], claims["12"]
    assert (left.period, left.period_start, left.period_end) == (
        "past 24 hours",
        "2016-12-16",
        SATURDAY,
    )
    assert (killed.period, killed.period_start, killed.period_end) == (
        "Monday",
        "2016-12-12",
        "2016-12-12",
    )
    undated = ClaimInput(text, segment_text(text), "d")
    assert all(c.period_start is None for c in extract_claims_many([undated], nlp=nlp)[0])
