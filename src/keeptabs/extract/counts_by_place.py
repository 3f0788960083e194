"""A toll broken down by place in a list that lost its commas: "150 bodies were counted
in Hammouriya 100 in Kfar Batna 67 in Saqba and 40 in Erbin", "54 civilians were killed
including 9 in Alsaliheen 8 in Ansari 5 in Almiyassar".

The parser reads such a run as names with numbers in them ("Hammouriya 100"), so each
item is read from the text instead: its place is the name after its own "in", and it
counts what the figure before the list counts, with the same action.
"""

from __future__ import annotations

import re
from dataclasses import replace

from keeptabs.extract.entities import WEEKDAYS
from keeptabs.extract.numbers_tables import MONTHS
from keeptabs.types import Claim

# A name after "in": capitalised words, with the Arabic article ("Kfar Batna", "al-Midan"),
# up to a capitalised word that opens the next sentence ("... 40 in Erbin On Monday")
_WORD = r"(?:(?:al|el)-)?[A-Z][\w'’-]*"
_NOT_NAME = rf"(?!(?:On|In|At|The|A|An|And|But|{WEEKDAYS}|(?i:{MONTHS}))\b)"
_NAME = rf"{_WORD}(?:\s+{_NOT_NAME}{_WORD}){{0,3}}"
# What follows a list item: its place, then the next item's figure or the list's end.
_ITEM_PLACE = re.compile(rf"\s+(?:in|at)\s+(?:the\s+neighbou?rhood\s+)?(?P<place>{_NAME})")
_NEXT_ITEM = re.compile(r"\s*(?:,\s*)?(?:and\s+)?$")
# What comes between the figure before the list and its first item: the figure's own
# place ("... counted in Hammouriya "), or a word that opens its parts ("including")
_HEAD_PLACE = re.compile(rf"\s(?:in|at)\s+(?:the\s+neighbou?rhood\s+)?{_NAME}\s*,?\s*$")
_PARTS_CUE = re.compile(r"\b(?:including|among them)\s*,?\s*$", re.IGNORECASE)
MIN_ITEMS = 2  # figures in a run before it is read as a list by place


def counts_by_place(text: str, claims: list[Claim]) -> list[Claim]:
    """``claims`` (one sentence's, in order; offsets into ``text``) with the items of a
    comma-less list of counts by place given their place, noun and action."""
    read = list(claims)
    index = 1
    while index < len(read):
        run, parts = _run_from(text, read, index)
        if len(run) < MIN_ITEMS:
            index += 1
            continue
        head = read[index - 1]
        for position, place in run:
            read[position] = replace(
                read[position],
                place=place,
                counted=head.counted,
                action=head.action,
                part_of=head.value if parts else read[position].part_of,
            )
        index = run[-1][0] + 1
    return read


def _run_from(text: str, claims: list[Claim], index: int) -> tuple[list[tuple[int, str]], bool]:
    """The items of a list by place starting at ``claims[index]``, with their places, and
    whether a word before them makes them parts of the figure before ("including")."""
    head = claims[index - 1]
    gap = text[head.end : claims[index].start]
    parts = _PARTS_CUE.search(gap) is not None
    if head.counted is None or not (parts or _HEAD_PLACE.search(gap)):
        return [], parts
    run: list[tuple[int, str]] = []
    for position in range(index, len(claims)):
        found = _ITEM_PLACE.match(text, claims[position].end)
        if found is None:
            break
        run.append((position, found.group("place")))
        following = claims[position + 1].start if position + 1 < len(claims) else None
        if following is None or not _NEXT_ITEM.match(text[found.end() : following]):
            break  # the list's last item
    return run, parts
