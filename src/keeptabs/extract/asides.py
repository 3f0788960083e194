"""Legal asides blanked before parsing: Russian outlets follow every banned group's name
with "(outlawed in Russia)" or "(a terrorist group banned in Russia)".  The aside splits
the noun phrase ("killed 35 Daesh (outlawed in Russia) militants": not Daesh, militants)
and its country reads as the event's place.  Blanks keep the text's length, so offsets
stay valid."""

from __future__ import annotations

import re

_LEGAL_ASIDE = re.compile(
    r"\((?:[^()\n]{0,80}\s)?(?:outlawed|banned|prohibited|proscribed)\s+in\s+"
    r"(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[^()\n]{0,40}\)"
)


def without_legal_asides(text: str) -> str:
    """``text`` with each legal aside, brackets included, replaced by spaces."""
    if "(" not in text:
        return text
    return _LEGAL_ASIDE.sub(lambda match: " " * len(match.group()), text)
