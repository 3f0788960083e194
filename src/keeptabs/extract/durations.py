"""How long a "past N units" window lasts: "past two days" -> 48 hours.

Shared by the extractor (which dates a claim's window) and the scorer (which compares
periods by duration).
"""

from __future__ import annotations

import re
from functools import cache

# Hours in each unit of a "past N units" window; a month is taken as 30 days.
# fmt: off
_UNIT_HOURS: dict[str, float] = {
    "minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "fortnight": 336.0,
    "month": 720.0, "year": 8760.0,
}
# fmt: on
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_SMALL_NUMBERS: dict[str, int] = {word: n for n, word in enumerate(_NUMBER_WORDS.split())} | {
    "a": 1,
    "an": 1,
}
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS: dict[str, int] = {word: 10 * n for n, word in enumerate(_TENS_WORDS.split(), 2)}
_UNIT = "|".join(_UNIT_HOURS)
_PERIOD = re.compile(
    rf"^(?:(?:over|in|during|within|for|throughout)\s+)?(?:the\s+)?"
    rf"(?P<prefix>(?:past|last|previous|preceding)\s+)?"
    rf"(?:(?P<count>[\d,.]+|[a-z]+(?:[\s-][a-z]+)?)[\s-]+)?"
    rf"(?P<unit>{_UNIT})s?(?:\s+period)?(?:\s+alone)?$"  # "past 24 hours alone"
)


def _parse_count(text: str) -> float | None:
    """A small count written in digits or words: "48", "two", "forty-eight"."""
    text = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in _SMALL_NUMBERS:
        return float(_SMALL_NUMBERS[text])
    tens, _, ones = text.replace("-", " ").partition(" ")
    if tens in _TENS and (not ones or _SMALL_NUMBERS.get(ones, 10) < 10):
        return float(_TENS[tens] + (_SMALL_NUMBERS[ones] if ones else 0))
    return None


@cache
def period_duration_hours(text: str) -> float | None:
    """Hours in a "past N units" window: "past day" -> 24.0, "last two days" -> 48.0.

    None when the text is not such a window ("since Monday", "past night", "overnight").
    A bare unit needs "past"/"last" before it ("day" alone is None).
    """
    found = _PERIOD.match(" ".join(text.casefold().split()))
    if not found:
        return None
    count_text, unit = found.group("count"), found.group("unit")
    if count_text is None:
        return _UNIT_HOURS[unit] if found.group("prefix") else None
    count = _parse_count(count_text)
    return None if count is None else count * _UNIT_HOURS[unit]
