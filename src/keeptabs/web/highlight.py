"""An article cut into its segments, with every claim's number marked, for the document page.

The text stays plain: templates escape every piece, so markup inside an article (a
``<script>`` in a scraped comment) shows as text and never runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Block:
    """One segment of the article: its kind, commenter if any, and its pieces."""

    kind: str
    label: str
    author: str | None
    pieces: tuple[Piece, ...]


def document_blocks(text: str, segments: Sequence[Segment], claims: Sequence[Claim]) -> list[Block]:
    """``text`` as blocks, one per segment (one body block when there are none)."""
    tiles = list(segments) or [Segment("body", 0, len(text))]
    ordered = sorted(claims, key=lambda claim: (claim.start, claim.end))
    blocks = []
    for segment in tiles:
        inside = [c for c in ordered if segment.start <= c.start and c.end <= segment.end]
        label = SEGMENT_LABELS.get(segment.kind, segment.kind)
        if segment.author:
            label = f"{label} by {segment.author}"
        pieces = _pieces(text, segment.start, segment.end, inside)
        blocks.append(Block(segment.kind, label, segment.author, pieces))
    return blocks


def _pieces(text: str, start: int, end: int, claims: list[Claim]) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    cursor = start
    for claim in claims:
        if claim.start < cursor:
            continue  # overlapping spans: the first one is marked
        if claim.start > cursor:
            pieces.append(Piece(text[cursor : claim.start]))
        pieces.append(Piece(text[claim.start : claim.end], claim))
        cursor = claim.end
    if cursor < end:
        pieces.append(Piece(text[cursor:end]))
    return tuple(pieces)
