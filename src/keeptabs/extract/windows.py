"""Which stretches of a document the parser must read: sentences with claim numbers,
and the neighbours their frame depends on.

Parsing is the cost of extraction, and half of a news text holds no claim number.  A
window is a sentence with a claim-kind number, widened to the sentence before it when
it refers back ("He said", "The statement added") and to the sentences after it while
a quotation it opens is still running (the speaker comes after the closing quote).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from keeptabs.extract.candidates import is_claim_candidate
from keeptabs.extract.numbers import find_numbers
from keeptabs.extract.sentences import sentence_spans
from keeptabs.types import Quantity, Segment

# A sentence that leans on the one before: pronoun or description subjects, "he said".
_REFERS_BACK = re.compile(
    r"^[\"“‘]?(?:He|She|It|They|His|Her|Its|Their|This|That|These|Those"
    r"|The (?:statement|cent(?:er|re)|ministry|monitor|group|agency|army|military|observatory"
    r"|report|spokes\w+|officials?|sources?))\b"
    r"|\b(?:he|she|they|it) (?:said|says|added|told|noted|stated|reported|claimed)\b"
)
MAX_QUOTE_SENTENCES = 4  # a quotation running longer than this rarely names its speaker at the end


@dataclass(slots=True)
class Window:
    """``text[start:end]``: whole sentences of one segment, with the claim numbers in them."""

    start: int
    end: int
    segment: Segment
    quantities: list[Quantity] = field(default_factory=list)


def claim_windows(text: str, segments: Sequence[Segment]) -> list[Window]:
    """The windows of ``text`` to parse, in order, each with its claim-kind numbers."""
    by_segment: dict[int, list[Quantity]] = {}
    starts = [segment.start for segment in segments]
    for quantity in find_numbers(text):
        if not segments or not is_claim_candidate(quantity, text):
            continue
        index = bisect.bisect_right(starts, quantity.start) - 1
        if segments[index].kind != "boilerplate":
            by_segment.setdefault(index, []).append(quantity)
    windows: list[Window] = []
    for index, quantities in sorted(by_segment.items()):
        for window in _segment_windows(text, segments[index], quantities):
            window.quantities = [q for q in quantities if window.start <= q.start < window.end]
            windows.append(window)
    return windows


def _segment_windows(text: str, segment: Segment, quantities: list[Quantity]) -> Iterator[Window]:
    sentences = sentence_spans(text, segment.start, segment.end)
    chosen: set[int] = set()
    for quantity in quantities:
        index = next((i for i, (s, e) in enumerate(sentences) if s <= quantity.start < e), None)
        if index is not None:
            chosen.update(_neighbours(text, sentences, index))
    window: Window | None = None
    for index in sorted(chosen):
        start, end = sentences[index]
        joined = window is not None and index - 1 in chosen and "\n" not in text[window.end : start]
        if window is not None and joined:
            window.end = end
            continue
        if window is not None:
            yield window
        window = Window(start, end, segment)
    if window is not None:
        yield window


def _neighbours(text: str, sentences: list[tuple[int, int]], index: int) -> set[int]:
    """The sentence at ``index`` and those its frame leans on."""
    chosen = {index}
    start, end = sentences[index]
    if index > 0 and _REFERS_BACK.search(text[start:end]):
        chosen.add(index - 1)
    opened = _open_quotes(text[sentences[0][0] : end])
    following = index + 1
    while opened > 0 and following < len(sentences) and following - index <= MAX_QUOTE_SENTENCES:
        chosen.add(following)
        opened = _open_quotes(text[sentences[0][0] : sentences[following][1]])
        following += 1
    return chosen


def _open_quotes(text: str) -> int:
    """How many “quotations” are still open at the end of ``text``."""
    curly = text.count("“") - text.count("”")
    straight = text.count('"') % 2
    return max(curly, 0) + straight
