"""An article cut into its segments, with every claim's number and every framing word
marked, for the document page.

The text stays plain: templates escape every piece, so markup inside an article (a
``<script>`` in a scraped comment) shows as text and never runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from keeptabs.framing import Term
from keeptabs.types import Claim, Segment

SEGMENT_LABELS = {
    "headline": "Headline",
    "body": "Body",
    "caption": "Caption",
    "comment": "Reader comment",
    "boilerplate": "Boilerplate (menus, footers, notices)",
}


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    claim: Claim | None = None
    term: Term | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One segment of the article: its kind, commenter if any, and its pieces."""

    kind: str
    label: str
    author: str | None
    pieces: tuple[Piece, ...]


def document_blocks(
    text: str,
    segments: Sequence[Segment],
    claims: Sequence[Claim],
    terms: Sequence[Term] = (),
) -> list[Block]:
    """``text`` as blocks, one per segment (one body block when there are none)."""
    tiles = list(segments) or [Segment("body", 0, len(text))]
    marks: list[Claim | Term] = sorted(
        [*claims, *terms], key=lambda mark: (mark.start, isinstance(mark, Term), mark.end)
    )  # a claim wins over a term at the same place
    blocks = []
    for segment in tiles:
        inside = [m for m in marks if segment.start <= m.start and m.end <= segment.end]
        label = SEGMENT_LABELS.get(segment.kind, segment.kind)
        if segment.author:
            label = f"{label} by {segment.author}"
        pieces = _pieces(text, segment.start, segment.end, inside)
        blocks.append(Block(segment.kind, label, segment.author, pieces))
    return blocks


def _pieces(text: str, start: int, end: int, marks: list[Claim | Term]) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    cursor = start
    for mark in marks:
        if mark.start < cursor:
            continue  # overlapping spans: the first one is marked
        if mark.start > cursor:
            pieces.append(Piece(text[cursor : mark.start]))
        words = text[mark.start : mark.end]
        if isinstance(mark, Term):
            pieces.append(Piece(words, term=mark))
        else:
            pieces.append(Piece(words, claim=mark))
        cursor = mark.end
    if cursor < end:
        pieces.append(Piece(text[cursor:end]))
    return tuple(pieces)
