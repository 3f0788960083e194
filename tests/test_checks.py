"""Internal checks inside one document: conversions, parts and wholes, sums, headlines,
percentages (keeptabs.reconcile.checks)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from keeptabs.pipeline import process
from keeptabs.reconcile.checks import internal_findings
from keeptabs.reconcile.findings import Finding
from keeptabs.reconcile.units import readable, rounding_step
from keeptabs.types import Claim, RawDocument


def _findings_of(text: str, nlp: Language, path: str = "story.txt") -> list[Finding]:
    result = process(RawDocument(raw=text.encode(), path=path), nlp=nlp)
    assert result.document is not None
    return internal_findings(result.claims, text=result.document.text)


def _seed_findings(seed_dir: Path, prefix: str, nlp: Language) -> list[Finding]:
    [path] = seed_dir.glob(f"{prefix}_*.txt")
    return _findings_of(path.read_text(encoding="utf-8"), nlp, path=str(path))


def _shown(findings: list[Finding]) -> list[tuple[str, list[str]]]:
    return [(f.type, [c.number_text for c in f.claims]) for f in findings]


def _claim(number_text: str, value: float, **fields: object) -> Claim:
    """A body claim stated exactly; ``fields`` override any Claim field."""
    claim = Claim(
        doc_id="doc",
        section="body",
        start=0,
        end=len(number_text),
        number_text=number_text,
        quote=number_text,
        value=value,
        lower=value,
        upper=value,
        qualifier="exact",
        counted="people",
        action="flee",
    )
    return replace(claim, **fields)  # type: ignore[arg-type]


# --- the seed articles ----------------------------------------------------------------


def test_checks_seed_002_hectares_in_square_feet(seed_dir: Path, nlp: Language) -> None:
    findings = _seed_findings(seed_dir, "002", nlp)
    assert _shown(findings) == [("unit_conversion", ["24 hectares", "2.6 square feet"])]
    assert findings[0].explanation == (
        "24 hectares is about 2.58 million square feet, not 2.6 square feet."
    )


def test_checks_seed_000_headline_drops_up_to_and_nearly(seed_dir: Path, nlp: Language) -> None:
    findings = _seed_findings(seed_dir, "000", nlp)
    assert _shown(findings) == [
        ("headline_drops_qualifier", ["50,000", "up to 50,000", "nearly 50,000"])
    ]
    assert findings[0].explanation.startswith(
        "The headline says 50,000; the body says up to 50,000 (Igor Konashenkov, past 48 hours)"
    )


def test_checks_seed_003_headline_drops_more_than(seed_dir: Path, nlp: Language) -> None:
    findings = _seed_findings(seed_dir, "003", nlp)
    assert _shown(findings) == [("headline_drops_qualifier", ["8,000", "more than 8,000"])]


def test_checks_seed_004_sohr_parts_add_up_to_over_4000(seed_dir: Path, nlp: Language) -> None:
    findings = _seed_findings(seed_dir, "004", nlp)
    assert _shown(findings) == [("parts_add_up", ["About 1,700", "about 2,500", "Over 4,000"])]
    assert "add up to 4,200" in findings[0].explanation
    assert [c.section for c in findings[0].claims] == ["body", "body", "headline"]


def test_checks_seed_001_has_no_internal_errors(seed_dir: Path, nlp: Language) -> None:
    """8,461 including 2,934 children; "Nearly 8,500" in the headline is no dropped qualifier."""
    assert _seed_findings(seed_dir, "001", nlp) == []


# --- unit conversions -----------------------------------------------------------------


def test_checks_conversion_that_does_not_hold(nlp: Language) -> None:
    text = (
        "Wildfire burns forest near Norrow\n\n"
        "The fire burned 40 hectares (16 acres) of forest near Norrow on Monday, officials said.\n"
    )
    findings = _findings_of(text, nlp)
    assert _shown(findings) == [("unit_conversion", ["40 hectares", "16 acres"])]
    assert findings[0].explanation == "40 hectares is about 98.8 acres, not 16 acres."


def test_checks_conversions_that_hold_give_nothing(nlp: Language) -> None:
    text = (
        "Storm damages road near Norrow\n\n"
        "The fire burned 40 hectares (99 acres) of forest near Norrow, officials said. "
        "The storm damaged 10 kilometers (6 miles) of road near Norrow on Monday.\n"
    )
    assert _findings_of(text, nlp) == []


def test_checks_conversion_needs_parentheses_and_one_dimension() -> None:
    hectares = _claim("24 hectares", 24, kind="measure", unit="hectare", start=0, end=11)
    feet = _claim("2.6 square feet", 2.6, kind="measure", unit="square foot", start=13, end=28)
    text = "24 hectares (2.6 square feet)"
    assert _shown(internal_findings([hectares, feet], text=text))[0][0] == "unit_conversion"
    assert internal_findings([hectares, feet], text="24 hectares, 2.6 square feet") == []
    kilos = replace(feet, number_text="2.6 kilograms", unit="kilogram")
    assert internal_findings([hectares, kilos], text="24 hectares (2.6 kilograms)") == []


def test_checks_conversion_read_from_the_quote_without_text() -> None:
    quote = "demined a total area of 24 hectares (2.6 square feet), the statement added"
    hectares = _claim("24 hectares", 24, kind="measure", unit="hectare", quote=quote)
    feet = _claim("2.6 square feet", 2.6, kind="measure", unit="square foot", quote=quote, start=13)
    assert _shown(internal_findings([feet, hectares])) == [
        ("unit_conversion", ["24 hectares", "2.6 square feet"])
    ]


def test_checks_rounding_step_and_readable_values() -> None:
    assert rounding_step("2.6 square feet", 2.6) == pytest.approx(0.1)
    assert rounding_step("2,600", 2600) == 100
    assert rounding_step("2.6 million", 2_600_000) == pytest.approx(100_000)
    assert rounding_step("two miles", 2) == 0
    assert readable(2_583_338.5) == "2.58 million"
    assert readable(98.84) == "98.8"
    assert readable(12_345) == "12,300"


# --- parts and wholes -----------------------------------------------------------------


def test_checks_part_exceeds_whole(nlp: Language) -> None:
    text = (
        "Floods hit Norrow\n\n"
        "Some 300 people were evacuated from Norrow on Monday, including 450 children, "
        "the council said.\n"
    )
    findings = _findings_of(text, nlp)
    assert _shown(findings) == [("part_exceeds_whole", ["Some 300", "450"])]
    assert findings[0].explanation == (
        "The part 450 children is larger than the whole it belongs to, some 300 people."
    )


def test_checks_part_within_whole_bounds_gives_nothing(nlp: Language) -> None:
    """ "more than 3,000" may be 3,300: "about 3,000" children fit in it."""
    text = (
        "Floods hit Norrow\n\n"
        "More than 3,000 people were evacuated from Norrow on Monday, including about "
        "3,000 children, the council said.\n"
    )
    assert _findings_of(text, nlp) == []


def test_checks_part_and_whole_of_other_units_are_not_compared() -> None:
    """ "24 hectares, including 162 residential blocks": a count is no part of an area."""
    area = _claim("24 hectares", 24, kind="measure", unit="hectare", counted="hectares")
    blocks = _claim("162", 162, counted="residential blocks", part_of=24, start=20)
    assert internal_findings([area, blocks]) == []


def test_checks_part_among_larger_whole_is_read_the_right_way_round() -> None:
    """ "Six civilians were among 22 people killed": 6 is the part, though the extractor
    may link 22 as part of 6."""

    def among(few: str, value: float) -> list[Claim]:
        text = f"{few} civilians were among 22 people killed in air strikes."
        at = text.index("22")
        common = {"action": "kill", "quote": text}
        return [
            _claim(few, value, counted="civilians", end=len(few), **common),
            _claim("22", 22, start=at, end=at + 2, part_of=value, **common),
        ]

    six = among("Six", 6)
    assert internal_findings(six, text=six[0].quote) == []
    sixty = among("Sixty", 60)
    assert _shown(internal_findings(sixty, text=sixty[0].quote)) == [
        ("part_exceeds_whole", ["22", "Sixty"])
    ]


# --- parts that add up ----------------------------------------------------------------


def test_checks_parts_that_do_not_add_up(nlp: Language) -> None:
    text = (
        "Over 6,000 civilians flee Aleppo\n\n"
        "About 1,700 civilians fled to Homs over the past 24 hours and about 2,500 to Hama, "
        "the council said.\n"
    )
    findings = _findings_of(text, nlp)
    assert _shown(findings) == [
        ("parts_do_not_add_up", ["About 1,700", "about 2,500", "Over 6,000"])
    ]
    assert findings[0].explanation == (
        "About 1,700 and about 2,500 civilians (the council, past 24 hours) add up to 4,200, "
        "which does not fit the stated total of over 6,000 in the headline."
    )


def test_checks_parts_add_up_to_a_total_stated_as_such(nlp: Language) -> None:
    text = (
        "Civilians flee Aleppo\n\n"
        "A total of 4,200 civilians fled Aleppo on Monday. "
        "The council said 1,700 civilians fled to Homs and 2,500 to Hama.\n"
    )
    assert _shown(_findings_of(text, nlp)) == [("parts_add_up", ["1,700", "2,500", "4,200"])]


def test_checks_a_figure_not_stated_as_a_total_is_no_total(nlp: Language) -> None:
    text = (
        "Civilians flee Aleppo\n\n"
        "On Monday 9,000 civilians fled Aleppo, officials said. "
        "The council said 1,700 civilians fled to Homs and 2,500 to Hama.\n"
    )
    assert _findings_of(text, nlp) == []


def test_checks_sum_inside_one_sentence() -> None:
    """ "Out of 23 arrested pirates, 12 are from Somalia and 11 from Yemen." """
    quote = "Out of 23 arrested pirates, 12 are from Somalia and 11 from Yemen."
    common = {"counted": "pirates", "action": "arrest", "quote": quote}
    total = _claim("23", 23, start=7, end=9, **common)
    somalia = _claim("12", 12, start=28, end=30, place="Somalia", **common)
    yemen = _claim("11", 11, start=52, end=54, place="Yemen", **common)
    assert _shown(internal_findings([yemen, total, somalia], text=quote)) == [
        ("parts_add_up", ["12", "11", "23"])
    ]


def test_checks_far_off_sums_are_not_parts_of_the_total() -> None:
    """Parts under half the headline's total count something else: no finding."""
    headline = _claim("90,000", 90_000, section="headline")
    west = _claim("1,700", 1_700, start=50, end=55, place="West Aleppo", quote="q")
    east = _claim("2,500", 2_500, start=60, end=65, place="Sheikh Maksoud", quote="q")
    assert internal_findings([headline, west, east]) == []


# --- headlines ------------------------------------------------------------------------


def test_checks_headline_drops_at_least(nlp: Language) -> None:
    text = (
        "Flood forces 5,000 people from homes in Norrow\n\n"
        "The flood forced at least 5,000 people from their homes in Norrow on Monday, "
        "the council said.\n"
    )
    findings = _findings_of(text, nlp)
    assert _shown(findings) == [("headline_drops_qualifier", ["5,000", "at least 5,000"])]
    assert findings[0].explanation == (
        "The headline says 5,000; the body says at least 5,000 (the council, Monday)."
    )


@pytest.mark.parametrize("body", ["forced 5,000 people", "forced about 5,000 people"])
def test_checks_headline_exact_or_about_in_the_body_gives_nothing(body: str, nlp: Language) -> None:
    text = (
        "Flood forces 5,000 people from homes in Norrow\n\n"
        f"The flood {body} from their homes in Norrow on Monday, the council said.\n"
    )
    assert _findings_of(text, nlp) == []


def test_checks_headline_and_body_about_other_things_give_nothing() -> None:
    headline = _claim("40", 40, section="headline", counted="people", action="kill")
    body = _claim("at least 40", 40, upper=None, qualifier="at_least", counted="houses")
    body = replace(body, action="destroy", start=30, end=41)
    assert internal_findings([headline, body]) == []


# --- percentages ----------------------------------------------------------------------


def test_checks_percent_over_100(nlp: Language) -> None:
    text = "Army takes Norrow\n\nThe army now controls 130 percent of Norrow, the ministry said.\n"
    findings = _findings_of(text, nlp)
    assert _shown(findings) == [("percent_over_100", ["130 percent"])]
    assert findings[0].explanation == (
        "130 percent is over 100 percent, which no share of a whole can be."
    )


def test_checks_rises_and_ratios_over_100_percent_give_nothing(nlp: Language) -> None:
    text = (
        "Prices soar in Norrow\n\n"
        "Bread prices in Norrow rose 150 percent last year, the council said. "
        "The army now controls 93 percent of Norrow. "
        "The prison holds 140 percent of its capacity.\n"
    )
    assert _findings_of(text, nlp) == []


# --- the whole --------------------------------------------------------------------------


def test_checks_comments_are_not_checked() -> None:
    comment = _claim("130%", 130, kind="percent", unit="percent", section="comment")
    assert internal_findings([comment]) == []


def test_checks_ignore_input_order(seed_dir: Path, nlp: Language) -> None:
    [path] = seed_dir.glob("004_*.txt")
    result = process(RawDocument(raw=path.read_bytes(), path=str(path)), nlp=nlp)
    assert result.document is not None
    forward = internal_findings(result.claims, text=result.document.text)
    backward = internal_findings(result.claims[::-1], text=result.document.text)
    assert forward == backward
    assert internal_findings(result.claims) == forward  # the quotes suffice
