"""Ranges ('250,000 – 300,000', 'between 20 and 30', '20 or 30'), dimensions ('10 by 20
metres') and qualifier cues ('up to 50,000', '1,000 or more'), with the bounds each allows."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Final

from keeptabs.extract.numbers_match import NumberMatch, is_length
from keeptabs.extract.numbers_tables import PREFIX_WINDOW, cue_ends, norm, patterns, tables
from keeptabs.extract.numbers_text import PREV_WORD, prev_word
from keeptabs.types import Qualifier

__all__ = ["apply_prefix", "apply_suffix", "join_ranges", "share_dimension_units"]

_RANGEABLE: Final = frozenset({"digits", "words"})
_RANGE_SEP: Final = re.compile(r"\s*(?:-\s*)?(?:to|and|or|-|–|—|through)\s*", re.IGNORECASE)
_DIMENSION_SEP: Final = re.compile(r"\s*-?\s*[x×]\s*-?\s*|(?:\s*-\s*|\s+)by(?:\s*-\s*|\s+)")
_CHAIN_AFTER: Final = re.compile(r"[-/–]\d")
_SIGN_WORDS: Final = frozenset({"minus", "negative"})
# Verbs that take "over" as a particle: "took over two towns", "handed over 20 prisoners"
_OVER_VERBS: Final = frozenset(
    {"take", "takes", "took", "taken", "taking", "hand", "hands", "handed", "handing"}
    | {"turn", "turns", "turned", "turning", "win", "wins", "won", "winning"}
)
_SIGN_WORD: Final = re.compile(r"(?i)(?<![\w-])(?:minus|negative)\s+$")


# --------------------------------------------------------------------------- ranges


def join_ranges(text: str, nums: list[NumberMatch]) -> list[NumberMatch]:
    """Join neighbours written as a range into one number with qualifier 'range'."""
    out: list[NumberMatch] = []
    for num in nums:
        if out and _can_join(text, out[-1], num):
            out[-1] = _join_range(out[-1], num)
        else:
            out.append(num)
    return out


def _can_join(text: str, a: NumberMatch, b: NumberMatch) -> str | None:
    """The separator word if a and b form a range ('250,000 – 300,000', '8- to 16-meter')."""
    if a.form not in _RANGEABLE or a.form != b.form:
        return None
    if a.kind != "count" or b.kind != "count" or (a.unit and a.unit != b.unit):
        return None
    m = _RANGE_SEP.fullmatch(text, a.end, b.start)
    if m is None or "\n" in m.group():
        return None
    sep = m.group().strip(" -").lower() or "-"
    if sep == "and" and prev_word(text, a.start).lower() != "between":
        return None
    if sep == "or" and not _or_range(text, m.group(), a, b):
        return None
    if _CHAIN_AFTER.match(text, b.end) or (
        a.start and (text[a.start - 1] in "-/" or text[a.start - 1].isalpha())
    ):
        return None  # phone numbers, dates: 222-2222/2222, 5/17/2018
    return sep


def _or_range(text: str, sep: str, a: NumberMatch, b: NumberMatch) -> bool:
    """'20 or 30 people' is a range; '32-bit or 64-bit', '30 or 20', '3or4' and
    'either 10 bln or 10 tln' (alternatives) are not."""
    spaced = sep[0].isspace() and sep[-1].isspace()
    rising = a.value is not None and b.value is not None and a.value < b.value
    either = prev_word(text, a.start).lower() == "either"
    return spaced and rising and a.unit is None and not either


def _join_range(a: NumberMatch, b: NumberMatch) -> NumberMatch:
    lower, upper = a.value, b.value
    scaled = lower is not None and upper is not None and b.scale > 1 and a.scale == 1
    if scaled and lower is not None and upper is not None and lower * b.scale <= upper:
        lower *= b.scale  # "2 to 3 million": the scale word covers both ends
    return replace(
        b, start=a.start, core_start=a.core_start, value=lower, lower=lower, upper=upper,
        qualifier="range", prefix_currency=a.prefix_currency, unit=b.unit or a.unit,
        unit_kind=b.unit_kind or a.unit_kind,
    )  # fmt: skip


def share_dimension_units(text: str, nums: list[NumberMatch]) -> None:
    """'10 by 20 metres', '3 x 4 m': the unit written last measures every side.

    Each side stays a number of its own (its span without the unit), with the unit
    and kind of the measure after it; no area is computed.
    """
    for i in range(len(nums) - 2, -1, -1):  # right to left: '10 x 20 x 5 m'
        a, b = nums[i], nums[i + 1]
        if b.unit_kind != "measure" or a.kind != "count" or a.unit is not None:
            continue
        glued = a.start > 0 and text[a.start - 1].isalnum()  # 'k8x7m': not a measurement
        if a.form not in _RANGEABLE or glued or not _DIMENSION_SEP.fullmatch(text, a.end, b.start):
            continue
        if b.unit is not None and is_length(b.unit):
            a.unit, a.unit_kind = b.unit, b.unit_kind


# --------------------------------------------------------------------------- qualifiers


def apply_prefix(text: str, num: NumberMatch) -> str:
    """Sign words and qualifier cues written just before the number.

    Returns the lowercased word just before the number's new start, for the kind rules.
    """
    lo = max(0, num.start - PREFIX_WINDOW)
    prev = prev_word(text, num.start).lower()
    if prev in _SIGN_WORDS and num.value is not None:
        sign = _SIGN_WORD.search(text, lo, num.start)
        if sign:
            num.start = num.core_start = sign.start()
            num.value = -num.value
            num.lower, num.upper = num.value, num.value
            prev = prev_word(text, num.start).lower()
    if num.qualifier == "range":
        opener = PREV_WORD.search(text, lo, num.start)
        if opener and opener.group(1).lower() in tables().range_openers:
            num.start, num.cue = opener.start(), opener.group(1)
            return prev_word(text, num.start).lower()
        return prev
    if num.qualifier == "vague" or prev not in cue_ends():
        return prev
    cue = patterns().prefix_cue.search(text, lo, num.start)
    if not cue:
        return prev
    if norm(cue.group("cue")) == "over" and prev_word(text, cue.start()).lower() in _OVER_VERBS:
        return prev  # "took over two oil fields": the verb's particle, no qualifier
    set_qualifier(num, tables().prefix_cues[norm(cue.group("cue"))])
    num.start, num.cue = cue.start(), cue.group("cue")
    return prev_word(text, num.start).lower()


def apply_suffix(text: str, num: NumberMatch) -> None:
    """Qualifier cues written just after the number: '1,000 or more', '500+'."""
    after = text[num.end : num.end + 1]
    if num.qualifier != "exact" or not (after.isspace() or after in _symbol_starts()):
        return
    m = patterns().suffix_cue.match(text, num.end)
    if m:
        cue = m.group("cue") or m.group("sym")
        set_qualifier(num, tables().suffix_cues[norm(cue)])
        num.end, num.cue = m.end(), cue


@functools.cache
def _symbol_starts() -> frozenset[str]:
    """First characters of the suffix cues not written as words ('+', '-plus')."""
    return frozenset(cue[0] for cue in tables().suffix_cues if not cue[0].isalpha())


def set_qualifier(num: NumberMatch, qualifier: Qualifier) -> None:
    """Set the qualifier and the bounds it allows around the value."""
    num.qualifier = qualifier
    value = num.value
    if qualifier in ("more_than", "at_least"):
        num.lower, num.upper = value, None
    elif qualifier in ("up_to", "nearly"):
        num.lower, num.upper = None, value
    else:
        num.lower, num.upper = value, value
