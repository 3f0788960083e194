"""The time window a figure covers ("over the past 24 hours" -> "past 24 hours")."""

from __future__ import annotations

from keeptabs.extract.vocab import period_patterns


def find_period(sentence: str, number_offset: int) -> str | None:
    """The period phrase in ``sentence`` nearest to the number at ``number_offset``."""
    best: tuple[int, str] | None = None
    for pattern in period_patterns():
        for match in pattern.finditer(sentence):
            start, end = match.span("period")
            distance = start - number_offset if start >= number_offset else number_offset - end
            if best is None or distance < best[0]:
                best = (distance, match.group("period").strip())
    return best[1] if best else None
