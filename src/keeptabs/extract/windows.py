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
from keeptabs.extract.headline_speakers import bare_headline
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
MIN_HEADLINE = 20  # characters: a shorter headline may be found by chance
HEADLINE_REPEAT_WITHIN = 200  # characters from the body's start: after a date or byline
MAX_QUOTE_SENTENCES = 4  # a quotation running longer than this rarely names its speaker at the end


@dataclass(slots=True)
class Window:
    """``text[start:end]``: whole sentences of one segment, with the claim numbers in them."""

    start: int
    end: int
    segment: Segment
    quantities: list[Quantity] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where its sentences begin, after the first
    whole: list[tuple[int, int]] = field(default_factory=list)  # sentences not to be split


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
    headline = next((text[s.start : s.end] for s in segments if s.kind == "headline"), "")
    headline = bare_headline(headline)  # "... - Region - World - Ahram Online" is not repeated
    windows: list[Window] = []
    for index, quantities in sorted(by_segment.items()):
        for window in _segment_windows(text, segments[index], quantities, headline):
            window.quantities = [q for q in quantities if window.start <= q.start < window.end]
            windows.append(window)
    return windows


def _segment_windows(
    text: str, segment: Segment, quantities: list[Quantity], headline: str = ""
) -> Iterator[Window]:
    sentences, repeat = _headline_split(
        text, sentence_spans(text, segment.start, segment.end), headline
    )
    chosen: set[int] = set()
    for quantity in quantities:
        index = next((i for i, (s, e) in enumerate(sentences) if s <= quantity.start < e), None)
        if index is not None:
            chosen.update(_neighbours(text, sentences, index))
    window: Window | None = None
    for index in sorted(chosen):
        start, end = sentences[index]
        whole = [(start, end)] if (start, end) == repeat else []
        joined = window is not None and index - 1 in chosen and "\n" not in text[window.end : start]
        if window is not None and joined:
            window.end = end
            window.starts.append(start)
            window.whole += whole
            continue
        if window is not None:
            yield window
        window = Window(start, end, segment, whole=whole)
    if window is not None:
        yield window


def _headline_split(
    text: str, sentences: list[tuple[int, int]], headline: str
) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Many outlets repeat the headline at the top of the body with no full stop after it
    ("... kills 19 Monitor At least 19 civilians were killed"): the repeat is a sentence
    of its own (returned second, to be parsed whole), and so is the lead after it."""
    if len(headline) < MIN_HEADLINE or not sentences:
        return sentences, None
    start, end = sentences[0]
    found = text.lower().find(headline.lower(), start, min(end, start + HEADLINE_REPEAT_WITHIN))
    if found == -1:
        return sentences, None
    cut = found + len(headline)
    rest = len(text[cut:end]) - len(text[cut:end].lstrip())
    before = [(start, found)] if text[start:found].strip() else []  # a date, a byline
    if cut + rest >= end or not text[cut + rest : cut + rest + 1].isalnum():
        # the repeat ends its sentence already ("Wed Jul 29 2015 Strike Kills 5 Soldiers.")
        return [*before, (found, end), *sentences[1:]], (found, end)
    return [*before, (found, cut), (cut + rest, end), *sentences[1:]], (found, cut)


def _neighbours(text: str, sentences: list[tuple[int, int]], index: int) -> set[int]:
    """The sentence at ``index`` and those its frame leans on: the one before when it
    refers back, and the rest of a quotation it lies in."""
    chosen = {index}
    start, end = sentences[index]
    if index > 0 and _REFERS_BACK.search(text[start:end]):
        chosen.add(index - 1)
    first = sentences[0][0]
    previous = index - 1  # a quotation open before the sentence: back to where it opened
    while previous >= 0 and index - previous <= MAX_QUOTE_SENTENCES:
        if not _open_quotes(text[first : sentences[previous + 1][0]]):
            break
        chosen.add(previous)
        previous -= 1
    opened = _open_quotes(text[first:end])
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
