"""Small text helpers of the number layer: the words next to a position."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["PREV_WORD", "next_word", "noun_follows", "prev_word"]

_NEXT_WORD: Final = re.compile(r"[ \t]*-?[ \t]*([A-Za-z]+)")
PREV_WORD: Final = re.compile(r"([A-Za-z]+)[ \t]*$")  # search(text, lo, pos): the word before
_SKIPPED: Final = frozenset(" \t\u00a0")


def next_word(text: str, pos: int) -> str:
    """The ASCII word at pos, after spaces and one hyphen ('2-year' -> 'year'); '' if none."""
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def prev_word(text: str, pos: int) -> str:
    """The word just before pos, skipping spaces and one '.' ('Dec. 12'); '' if none."""
    j = pos - 1
    while j >= 0 and text[j] in _SKIPPED:
        j -= 1
    if j >= 0 and text[j] == ".":
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return text[k + 1 : j + 1]


def noun_follows(text: str, pos: int) -> bool:
    """'a third shell' (ordinal) versus 'a third of' / 'a third.' (fraction)."""
    word = next_word(text, pos)
    return bool(word) and word.islower() and word not in ("of", "and", "or", "to", "in")
