"""What is written around a bare number: currency signs, scale words ('2.5 million',
'10k'), units ('24 hectares', '200 km/h'), clock times ('2 pm')."""

from __future__ import annotations

import functools
import re
from typing import Final

from keeptabs.extract.numbers_match import NumberMatch
from keeptabs.extract.numbers_tables import MAX_DOZENS, Unit, norm, patterns, tables
from keeptabs.extract.numbers_text import next_word

__all__ = ["CLOCK_AFTER", "extend_number"]

_PER: Final = re.compile(r"\s*/\s*|\s+per\s+", re.IGNORECASE)
CLOCK_AFTER: Final = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|o'clock|GMT\b|UTC\b)", re.IGNORECASE)
_INCH: Final = re.compile(r"\s?in\b(?=\.?\s*$|\s+(?:thick|long|wide|tall|high|deep|gap)\b)")
_SPACED_SHORT: Final = frozenset({"k", "K", "M", "G", "mn", "bn", "mln", "bln", "tn", "tln", "MM"})
_AND_HALF: Final = re.compile(r"\s+and\s+(?:a|one)\s+(half|quarter)\b", re.IGNORECASE)


def extend_number(text: str, num: NumberMatch) -> None:
    """Widen num over its currency sign, scale word, unit or clock suffix, in place."""
    form = num.form
    if form == "digits" or form == "frac" or form == "vulgar":
        _extend_currency(text, num)
        if form == "digits":
            _extend_multiplier(text, num)
    if num.kind == "count" or num.kind == "vague":
        _extend_unit(text, num)
    if num.kind == "time":
        m = CLOCK_AFTER.match(text, num.end)
        num.end = m.end() if m else num.end


def _extend_currency(text: str, num: NumberMatch) -> None:
    start = num.start
    last = text[start - 1 : start]
    if last.isspace():
        last = text[start - 2 : start - 1]
    if not last or last not in _prefix_ends():
        return  # no currency sign or code ends just before the number
    m = patterns().currency_prefix.search(text, max(0, start - 5), start)
    if m:
        sign = m.group("cur") or m.group("code")
        num.start, num.unit, num.unit_kind = m.start(), tables().currency_prefixes[sign], "money"
        num.prefix_currency = True


@functools.cache
def _prefix_ends() -> frozenset[str]:
    return frozenset(prefix[-1] for prefix in tables().currency_prefixes)


def _extend_multiplier(text: str, num: NumberMatch) -> None:
    m = patterns().multiplier.match(text, num.end)
    if not m or num.value is None:
        return
    t = tables()
    if m.group("mw"):
        word = m.group("mw").lower()
        if word in t.dozen_words and (m.group("mw") != word or num.value >= MAX_DOZENS):
            return  # '2016 Dozens of civilians': a new sentence, not 24,192
        scale = t.scales.get(word) or t.dozen_words[word]
    else:
        short = m.group("ms")
        spaced = m.start("ms") > num.end
        if (short == "m" and not num.prefix_currency) or (spaced and short not in _SPACED_SHORT):
            return
        scale = t.multipliers[short]
    num.value, num.scale, num.end = num.value * scale, scale, m.end()
    num.core_end = num.end
    _and_half_after(text, num)


def _and_half_after(text: str, num: NumberMatch) -> None:
    """'3 million and a half' -> 3,500,000."""
    m = _AND_HALF.match(text, num.end)
    if m and num.value is not None and num.scale >= 1000:
        part = 0.5 if m.group(1).lower() == "half" else 0.25
        num.value += part * num.scale
        num.end = num.core_end = m.end()


def _extend_unit(text: str, num: NumberMatch) -> None:
    if num.form == "digits" and _clock_follows(text, num):
        num.kind = "time"
        return
    m = patterns().unit.match(text, num.end)
    if m is None:
        if num.unit_kind == "money":
            _extend_per(text, num)
        elif num.form in ("digits", "frac") and (inch := _INCH.match(text, num.end)):
            num.end, num.unit, num.unit_kind = inch.end(), "inch", "measure"
        return
    if not m.group("uw") and num.form != "digits" and len(m.group("us")) < 2:
        return  # 'two m', 'one t': single-letter symbols only follow digits
    unit = _unit_of(m)
    if unit is None or next_word(text, m.end()).lower() in unit.not_before:
        return
    if num.unit_kind == "money" and unit.kind != "money":
        return _extend_per(text, num)
    num.end, num.unit, num.unit_kind = m.end(), unit.unit, unit.kind
    _extend_per(text, num)


def _extend_per(text: str, num: NumberMatch) -> None:
    """'200 kilometres per hour', '$15.4/hour': a rate, unit 'kilometer / hour'."""
    per = _PER.match(text, num.end)
    if per is None or num.unit is None:
        return
    m = patterns().unit.match(text, per.end())
    if m is None or m.start() != per.end() or text[m.start() : m.start() + 1].isspace():
        return
    denominator = _unit_of(m)
    if denominator is not None and denominator.kind in ("measure", "duration"):
        num.end, num.unit = m.end(), f"{num.unit} / {denominator.unit}"
        num.unit_kind = "money" if num.unit_kind == "money" else "measure"


def _unit_of(m: re.Match[str]) -> Unit | None:
    t = tables()
    if m.group("uw"):
        return t.unit_words[norm(m.group("uw"))]
    return t.unit_symbols.get(m.group("us"))


def _clock_follows(text: str, num: NumberMatch) -> bool:
    """'2 pm', '2.17pm', "6 o'clock": a clock time ('2.1 pm' stays picometres)."""
    if not CLOCK_AFTER.match(text, num.end) or num.value is None:
        return False
    raw = text[num.core_start : num.core_end]
    hours, _, minutes = raw.partition(".")
    return hours.isdigit() and int(hours) <= 24 and (not minutes or len(minutes) == 2)
