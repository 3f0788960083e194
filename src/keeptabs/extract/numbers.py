"""The number layer: find number phrases in text, with qualifier, bounds, unit and kind.

``find_numbers(text)`` returns :class:`~keeptabs.types.Quantity` objects sorted by start
and never overlapping; ``text[q.start:q.end] == q.text`` always.  Numbers that are not
claims (dates, times, durations, ages, ordinals, identifiers, list markers) are still
reported, with that ``kind``, so callers can skip them on purpose.

This module is the public face and the pipeline; the work is done in

- :mod:`~keeptabs.extract.numbers_tables`: the data files and the compiled patterns,
- :mod:`~keeptabs.extract.numbers_digits`: digit forms ('8,461', '3/4', URLs),
- :mod:`~keeptabs.extract.numbers_words`: numbers in words ('two thousand and five'),
- :mod:`~keeptabs.extract.numbers_extend`: currency, scale words, units, clock times,
- :mod:`~keeptabs.extract.numbers_qualify`: ranges and qualifier cues,
- :mod:`~keeptabs.extract.numbers_kinds`: which numbers are not claims.

See ``docs/numbers.md`` for the rules and their limits.
"""

from __future__ import annotations

from keeptabs.extract.numbers_digits import digit_numbers, url_numbers
from keeptabs.extract.numbers_extend import extend_number
from keeptabs.extract.numbers_kinds import Protected, classify, propagate_list_markers
from keeptabs.extract.numbers_match import NumberMatch
from keeptabs.extract.numbers_qualify import (
    apply_prefix,
    apply_suffix,
    join_ranges,
    share_dimension_units,
)
from keeptabs.extract.numbers_words import word_numbers
from keeptabs.types import Quantity

__all__ = ["NumberMatch", "find_numbers", "match_numbers"]


def match_numbers(text: str) -> list[NumberMatch]:
    """Every number phrase in ``text`` as a :class:`NumberMatch` (keeps the core span)."""
    found = url_numbers(text, digit_numbers(text) + word_numbers(text))
    if not found:
        return found
    for num in found:
        extend_number(text, num)
    nums = join_ranges(text, _drop_overlaps(found))
    share_dimension_units(text, nums)
    protected = Protected(text) if ("/" in text or ":" in text or "-" in text) else None
    for num in nums:
        before = apply_prefix(text, num)
        apply_suffix(text, num)
        num.kind = classify(text, num, protected, before)
    propagate_list_markers(text, nums)
    return _drop_overlaps(nums)


def _drop_overlaps(nums: list[NumberMatch]) -> list[NumberMatch]:
    """Sorted by start (the longer first on a tie), keeping the first of overlapping ones."""
    nums.sort(key=lambda n: (n.start, -n.end))
    out: list[NumberMatch] = []
    end = -1
    for num in nums:
        if num.start >= end:
            out.append(num)
            end = num.end
    return out


def find_numbers(text: str) -> list[Quantity]:
    """Number phrases in ``text``, sorted by start and never overlapping.

    >>> [(q.text, q.value, q.qualifier) for q in find_numbers("up to 50,000 people")]
    [('up to 50,000', 50000.0, 'up_to')]
    """
    return [num.quantity(text) for num in match_numbers(text)]
