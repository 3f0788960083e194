"""Internal checks inside one document: figures the document itself gets wrong.

:func:`internal_findings` reads the claims of one document and returns findings of
five types, each with the claims involved and one plain sentence:

- ``unit_conversion``: a measure followed by a parenthetical conversion that does not
  hold ("24 hectares (2.6 square feet)");
- ``part_exceeds_whole``: a subset ("including ...") whose lower bound is above its
  whole's upper bound;
- ``parts_add_up`` / ``parts_do_not_add_up``: figures of one sentence that split one
  population by place ("1,700 to western Aleppo and 2,500 to Sheikh Maksoud") against a
  total stated as such (in the headline, or with "in total", "altogether" ...);
- ``headline_drops_qualifier``: a headline that states plainly a value the body
  qualifies ("50,000" against "up to 50,000");
- ``percent_over_100``: a share over 100 percent (not a rise or a ratio to a baseline).

Only editorial claims (headline, body, caption) are checked: reader comments are
never evidence.  Vocabularies are in ``data/checks.json``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence

from keeptabs.evaluate.normalize import action_class, lemma
from keeptabs.reconcile.findings import Finding, describe
from keeptabs.reconcile.intervals import tolerances
from keeptabs.reconcile.units import check_vocab, convert, readable, rounding_step
from keeptabs.types import Claim

EDITORIAL_SECTIONS = frozenset({"headline", "body", "caption"})
# Kinds whose values count people or things and can be parts, wholes and totals.
COUNT_KINDS = frozenset({"count", "range", "vague"})

# A conversion written in the text may be rounded further than its last digit shows
# ("10 km (6 miles)" is 6.21 miles): 5 % on top of half its last digit.
CONVERSION_TOLERANCE = 0.05
# Two figures state the same value when within 0.5 % (the gold README's tolerance).
SAME_VALUE = 0.005
# A plain round total ("4,000") may round its parts' sum by half its last digit, but
# by no more than 10 %: "20" should not stand for 15-25.
MAX_TOTAL_ROUNDING = 0.10
# Parts whose sum is more than twice or under half a stated total are not its parts
# (another population, another day): no finding either way.
SUM_RATIO = 2.0
# Characters either side of a number read for cue words; clipped at sentence ends.
CONTEXT_CHARS = 60
# A total cue must be closer: "a total of 4,200", "4,200 civilians in all".
TOTAL_CUE_CHARS = 25

_PARENTHESIS_GAP = re.compile(r"\s*[(\[]\s*")
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n")
_PERIOD_FILLERS = frozenset({"the", "over", "in", "during", "past", "last", "within", "for"})


def internal_findings(claims: Sequence[Claim], *, text: str | None = None) -> list[Finding]:
    """The findings of the internal checks on the claims of ONE document.

    ``text`` is the document text the claims' offsets index into; without it the
    checks read each claim's ``quote``.  The result does not depend on input order.
    """
    editorial = sorted(
        (c for c in claims if c.section in EDITORIAL_SECTIONS), key=lambda c: (c.start, c.end)
    )
    checks: tuple[Callable[[list[Claim], str | None], Iterator[Finding]], ...] = (
        check_conversions,
        check_parts,
        check_sums,
        check_headline,
        check_percents,
    )
    return [finding for check in checks for finding in check(editorial, text)]


# --- unit conversions -----------------------------------------------------------------


def check_conversions(claims: list[Claim], text: str | None) -> Iterator[Finding]:
    """``unit_conversion``: "24 hectares (2.6 square feet)", where 24 ha is 2.58 million."""
    for measure, converted in itertools.pairwise(claims):
        finding = _conversion_finding(measure, converted, text)
        if finding is not None:
            yield finding


def _conversion_finding(measure: Claim, converted: Claim, text: str | None) -> Finding | None:
    if measure.kind != "measure" or converted.kind != "measure":
        return None
    if measure.value is None or measure.unit is None:
        return None
    if converted.value is None or converted.unit is None or converted.unit == measure.unit:
        return None
    gap = _between(measure, converted, text)
    if gap is None or _PARENTHESIS_GAP.fullmatch(gap) is None:
        return None
    expected = convert(measure.value, measure.unit, converted.unit)
    if expected is None:
        return None  # different dimensions: a remark in parentheses, not a conversion
    step = rounding_step(converted.number_text, converted.value)
    if abs(expected - converted.value) <= CONVERSION_TOLERANCE * abs(expected) + step / 2:
        return None
    return Finding(
        type="unit_conversion",
        claims=(measure, converted),
        explanation=(
            f"{measure.number_text} is about {readable(expected)} "
            f"{_unit_words(converted)}, not {_inline(converted.number_text)}."
        ),
    )


def _between(first: Claim, second: Claim, text: str | None) -> str | None:
    """The text between two claims' numbers, from the document or their shared quote."""
    if text is not None:
        return text[first.end : second.start] if first.end <= second.start else None
    if first.quote != second.quote:
        return None
    pattern = re.escape(first.number_text) + r"(\W{0,5})" + re.escape(second.number_text)
    match = re.search(pattern, first.quote)
    return match.group(1) if match else None


def _unit_words(claim: Claim) -> str:
    """ "square feet" from "2.6 square feet": the unit as the text wrote it."""
    match = re.search(r"\d[\d,.]*\s*(?:million|billion|thousand)?\s*(\D+)$", claim.number_text)
    words = match.group(1).strip() if match else ""
    return words or claim.unit or ""


# --- parts and wholes -----------------------------------------------------------------


def check_parts(claims: list[Claim], text: str | None) -> Iterator[Finding]:
    """``part_exceeds_whole``: a subset whose least value is above its whole's most."""
    for index, part in enumerate(claims):
        if part.part_of is None:
            continue
        whole = _whole_of(part, claims[:index])
        if whole is None:
            continue
        if check_vocab().inverted_subset_cue.search(_around(part, text)[0]):
            whole, part = part, whole  # "six civilians were among 22 people killed"
        if not _comparable(part, whole) or not _same_action(part, whole):
            continue  # "five killed, including two children, and 40 others injured"
        least = _low(part)
        if least is None or least <= _high(whole):
            continue
        yield Finding(
            type="part_exceeds_whole",
            claims=(whole, part),
            explanation=(
                f"The part {_inline(_named(part))} is larger than the whole it belongs to, "
                f"{_inline(_named(whole))}."
            ),
        )


def _whole_of(part: Claim, before: Sequence[Claim]) -> Claim | None:
    """The nearest claim before ``part`` whose value is its ``part_of``, same quote first."""
    candidates = [c for c in before if c.value is not None and c.value == part.part_of]
    same_quote = [c for c in candidates if c.quote == part.quote]
    chosen = same_quote or candidates
    return chosen[-1] if chosen else None


def _comparable(part: Claim, whole: Claim) -> bool:
    """Whether two claims' values are on one scale: counts, or measures of one unit."""
    if part.kind in COUNT_KINDS and whole.kind in COUNT_KINDS:
        return part.unit is None and whole.unit is None
    return part.kind == whole.kind and part.unit == whole.unit and part.unit is not None


# --- parts that add up to a total -----------------------------------------------------


def check_sums(claims: list[Claim], text: str | None) -> Iterator[Finding]:
    """``parts_add_up`` / ``parts_do_not_add_up``: one sentence's figures for one
    population split by place, against a total stated as such elsewhere."""
    cued = {id(c) for c in claims if _has_total_cue(c, text)}
    for group, inner_total in _sum_groups(claims, cued):
        total = inner_total or _stated_total(group, claims, cued)
        if total is None:
            continue
        values = [c.value for c in group]
        if total.value in values or len(set(values)) < len(values):
            continue  # a figure restated (a headline repeated in the body), not a split
        finding = _sum_finding(group, total)
        if finding is not None:
            yield finding


def _sum_groups(claims: list[Claim], cued: set[int]) -> Iterator[tuple[list[Claim], Claim | None]]:
    """Groups of two or more figures of one sentence, one population and action, one
    period, each for its own place; with the group's own total when one figure is the
    sum of the others ("4,200 fled: 1,700 to A and 2,500 to B")."""
    by_quote: dict[str, list[Claim]] = {}
    for claim in claims:
        if _can_be_part(claim, claims):
            by_quote.setdefault(claim.quote, []).append(claim)
    for members in by_quote.values():
        for cluster in _clusters(members):
            total = _inner_total(cluster)
            parts = [c for c in cluster if c is not total and id(c) not in cued]
            places = [_place_key(c) for c in parts]
            if len(parts) >= 2 and None not in places and len(set(places)) == len(places):
                yield parts, total


def _can_be_part(claim: Claim, claims: list[Claim]) -> bool:
    return (
        claim.section in {"body", "caption"}
        and claim.kind in {"count", "range"}
        and claim.value is not None
        and not _subset_in_its_sentence(claim, claims)
        and claim.counted is not None
        and claim.action is not None
    )


def _subset_in_its_sentence(claim: Claim, claims: list[Claim]) -> bool:
    """ "8,461 civilians, including 2,934 children": a subset, not one share of a split;
    a part of a total given in another sentence still is one."""
    return claim.part_of is not None and any(
        other is not claim and other.quote == claim.quote and other.value == claim.part_of
        for other in claims
    )


def _clusters(members: list[Claim]) -> list[list[Claim]]:
    clusters: list[list[Claim]] = []
    for claim in members:
        for cluster in clusters:
            if all(_same_population(claim, other) for other in cluster):
                cluster.append(claim)
                break
        else:
            clusters.append([claim])
    return clusters


def _inner_total(cluster: list[Claim]) -> Claim | None:
    """The member that is the sum of the others, if one is."""
    if len(cluster) < 3:
        return None
    for candidate in cluster:
        rest = sum(c.value or 0.0 for c in cluster if c is not candidate)
        if _same_value(candidate.value or 0.0, rest):
            return candidate
    return None


def _stated_total(group: list[Claim], claims: list[Claim], cued: set[int]) -> Claim | None:
    """A figure for the same population stated as a total: with a total cue ("in total",
    "altogether"), nearest the parts first, else in the headline."""
    candidates = [
        c
        for c in claims
        if all(c is not part for part in group)
        and c.kind in {"count", "range"}
        and c.value is not None
        and all(_same_population(c, part) for part in group)
    ]
    with_cue = [c for c in candidates if id(c) in cued]
    if with_cue:
        return min(with_cue, key=lambda c: abs(c.start - group[0].start))
    headline = [c for c in candidates if c.section == "headline"]
    return headline[0] if headline else None


def _sum_finding(parts: list[Claim], total: Claim) -> Finding | None:
    if not total.value:
        return None
    value = sum(p.value or 0.0 for p in parts)
    least = sum(_low(p) or 0.0 for p in parts)
    most = sum(_high(p) for p in parts)
    slack = 0.0
    if total.qualifier == "exact":
        step = rounding_step(total.number_text, total.value) / 2
        slack = min(step, MAX_TOTAL_ROUNDING * total.value)
    total_least = (_low(total) or 0.0) - slack
    total_most = _high(total) + slack
    where = " in the headline" if total.section == "headline" else ""
    listed = f"{_join([_inline(p.number_text) for p in parts])} {parts[0].counted}"
    context = ", ".join(part for part in (parts[0].source, parts[0].period) if part)
    if context:
        listed += f" ({context})"
    if least <= total_most and total_least <= most:
        return Finding(
            type="parts_add_up",
            claims=(*parts, total),
            explanation=(
                f"{_capitalised(listed)} add up to {_written(value)}, which fits the "
                f"total of {_inline(total.number_text)}{where}."
            ),
        )
    if not 1 / SUM_RATIO <= value / total.value <= SUM_RATIO:
        return None
    return Finding(
        type="parts_do_not_add_up",
        claims=(*parts, total),
        explanation=(
            f"{_capitalised(listed)} add up to {_written(value)}, which does not fit the "
            f"stated total of {_inline(total.number_text)}{where}."
        ),
    )


def _has_total_cue(claim: Claim, text: str | None) -> bool:
    before, after = _around(claim, text)
    cue = check_vocab().total_cue
    return bool(cue.search(before[-TOTAL_CUE_CHARS:]) or cue.search(after[:TOTAL_CUE_CHARS]))


# --- headlines ------------------------------------------------------------------------


def check_headline(claims: list[Claim], text: str | None) -> Iterator[Finding]:
    """``headline_drops_qualifier``: the headline says "50,000" where the body only
    says "up to 50,000" (and never 50,000 plainly)."""
    directional = check_vocab().directional_qualifiers
    body = [c for c in claims if c.section == "body"]
    for headline in claims:
        if headline.section != "headline" or headline.qualifier != "exact":
            continue
        if headline.value is None:
            continue
        same = [c for c in body if _restates(c, headline)]
        if not same or any(c.qualifier == "exact" for c in same):
            continue
        qualified = [c for c in same if c.qualifier in directional]
        if not qualified:
            continue
        yield Finding(
            type="headline_drops_qualifier",
            claims=(headline, *qualified),
            explanation=(
                f"The headline says {headline.number_text}; the body says "
                f"{_join([_inline(describe(c)) for c in qualified])}."
            ),
        )


def _restates(claim: Claim, headline: Claim) -> bool:
    """Whether a body claim gives the headline's figure, qualifiers aside."""
    if claim.value is None or headline.value is None:
        return False
    if not _same_value(claim.value, headline.value) or not _comparable(claim, headline):
        return False
    both_acted = bool(claim.action and headline.action)
    return (both_acted and _same_action(claim, headline)) or _same_counted(claim, headline)


# --- percentages ----------------------------------------------------------------------


def check_percents(claims: list[Claim], text: str | None) -> Iterator[Finding]:
    """``percent_over_100``: a share over 100 percent; rises ("up 150%") and ratios to a
    baseline ("150% of capacity") are left alone."""
    cue = check_vocab().percent_cue
    for claim in claims:
        if claim.kind != "percent" or claim.unit not in {None, "percent"}:
            continue
        stated = max((v for v in (claim.value, claim.upper) if v is not None), default=None)
        if stated is None or stated <= 100:
            continue
        before, after = _around(claim, text)
        if cue.search(before) or cue.search(after):
            continue
        yield Finding(
            type="percent_over_100",
            claims=(claim,),
            explanation=(
                f"{_capitalised(claim.number_text)} is over 100 percent, which no share "
                "of a whole can be."
            ),
        )


# --- helpers --------------------------------------------------------------------------


def _low(claim: Claim) -> float | None:
    """The least value the claim allows; "about" widened by its tolerance
    (``data/tolerances.json``, shared with the comparisons across documents)."""
    if claim.lower is None:
        return None
    if claim.qualifier == "approx":
        return claim.lower * (1 - tolerances()["approx"])
    return claim.lower


def _high(claim: Claim) -> float:
    """The most the claim allows (infinite when unbounded)."""
    if claim.upper is None:
        return math.inf
    if claim.qualifier == "approx":
        return claim.upper * (1 + tolerances()["approx"])
    return claim.upper


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE * max(abs(a), abs(b))


def _same_action(a: Claim, b: Claim) -> bool:
    """Same action class, or one of them unknown."""
    return not (a.action and b.action) or action_class(a.action) == action_class(b.action)


def _same_counted(a: Claim, b: Claim) -> bool:
    return bool(a.counted and b.counted and lemma(a.counted) == lemma(b.counted))


def _same_population(a: Claim, b: Claim) -> bool:
    """Same counted noun, same action class, compatible periods."""
    if not (a.action and b.action and action_class(a.action) == action_class(b.action)):
        return False
    return _same_counted(a, b) and _same_period(a, b) and _comparable(a, b)


def _same_period(a: Claim, b: Claim) -> bool:
    """Periods that may be the same: equal resolved days, or equal words, or one unknown."""
    if a.period_start and a.period_end and b.period_start and b.period_end:
        return (a.period_start, a.period_end) == (b.period_start, b.period_end)
    if a.period and b.period:
        return _period_key(a.period) == _period_key(b.period)
    return True


def _period_key(period: str) -> str:
    words = lemma(period).split()
    while words and words[0] in _PERIOD_FILLERS:
        words.pop(0)
    return " ".join(words)


def _place_key(claim: Claim) -> str | None:
    return claim.place.casefold() if claim.place else None


def _around(claim: Claim, text: str | None) -> tuple[str, str]:
    """Up to :data:`CONTEXT_CHARS` of the claim's sentence before and after its number."""
    if text is not None and text[claim.start : claim.end] == claim.number_text:
        before = text[max(0, claim.start - CONTEXT_CHARS) : claim.start]
        after = text[claim.end : claim.end + CONTEXT_CHARS]
    else:
        at = claim.quote.find(claim.number_text)
        if at < 0:
            return "", ""
        before = claim.quote[max(0, at - CONTEXT_CHARS) : at]
        after = claim.quote[
            at + len(claim.number_text) : at + len(claim.number_text) + CONTEXT_CHARS
        ]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    end = _SENTENCE_BREAK.search(after)
    return before, after[: end.start()] if end else after


def _named(claim: Claim) -> str:
    """ "2,934 children": the number and what it counts, unless the number says it."""
    counted = claim.counted or ""
    if not counted or counted.casefold() in claim.number_text.casefold():
        return claim.number_text
    return f"{claim.number_text} {counted}"


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _written(value: float) -> str:
    """A sum as written: "4,200", or three significant digits when not whole."""
    return f"{value:,.0f}" if float(value).is_integer() else readable(value)


def _inline(text: str) -> str:
    """ "over 4,000" from "Over 4,000": a number phrase as it reads inside a sentence."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
