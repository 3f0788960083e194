"""Framing per outlet: counts and rates per 1,000 words of each label and category,
with a few examples linked to their documents and spans."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from keeptabs.framing.lexicon import Lexicon, load_lexicon
from keeptabs.framing.terms import (
    EDITORIAL_KINDS,
    SCARE_QUOTES,
    Term,
    count_words,
    document_framing,
    editorial_spans,
)
from keeptabs.types import Document, Segment, SegmentKind

UNKNOWN_OUTLET = "(unknown)"  # documents whose outlet neither metadata nor text gave
EXAMPLES_PER_LABEL = 3  # enough to judge how a word is used, few enough to read
SNIPPET_CHARS = 60  # context either side of an example: about ten words
PER_WORDS = 1000  # rates are per 1,000 words of headline and body


@dataclass(frozen=True, slots=True)
class Example:
    """Where a term was used: the document, the span, the words and their context."""

    doc_id: str
    start: int
    end: int
    text: str
    snippet: str


@dataclass(frozen=True, slots=True)
class LabelTally:
    """One label of one category in an outlet's writing."""

    category: str
    label: str
    count: int
    documents: int  # how many of the outlet's documents use it at least once
    rate: float  # per 1,000 words
    examples: tuple[Example, ...]


@dataclass(frozen=True, slots=True)
class OutletFraming:
    """An outlet's framing: its documents, words, and every label it used."""

    outlet: str
    documents: int
    words: int
    labels: tuple[LabelTally, ...]  # by category in lexicon order, then by count

    def count(self, category: str, label: str | None = None) -> int:
        """Uses of ``label`` in ``category``, or of the whole category."""
        return sum(
            tally.count
            for tally in self.labels
            if tally.category == category and label in (None, tally.label)
        )

    def rate(self, category: str, label: str | None = None) -> float:
        """:meth:`count` per 1,000 words (0 for an outlet without words)."""
        return per_thousand(self.count(category, label), self.words)

    def tally(self, category: str, label: str) -> LabelTally | None:
        return next((t for t in self.labels if t.category == category and t.label == label), None)


def per_thousand(count: int, words: int) -> float:
    return round(count * PER_WORDS / words, 3) if words else 0.0


def outlet_framing(
    documents: Iterable[Document],
    segments: Mapping[str, Sequence[Segment]] | None = None,
    *,
    kinds: Sequence[SegmentKind] = EDITORIAL_KINDS,
    examples: int = EXAMPLES_PER_LABEL,
    lexicon: Lexicon | None = None,
) -> list[OutletFraming]:
    """Framing per outlet, outlets by name.  ``segments`` maps document ids to their
    segments; only segments of ``kinds`` count (a document without segments counts
    whole)."""
    lexicon = lexicon or load_lexicon()
    by_outlet: dict[str, list[tuple[Document, list[Term], int]]] = defaultdict(list)
    for document in documents:
        parts = segments.get(document.id) if segments is not None else None
        spans = editorial_spans(document.text, parts, kinds=kinds)
        words = sum(count_words(document.text[start:end]) for start, end in spans)
        terms = document_framing(document.text, parts, kinds=kinds, lexicon=lexicon)
        by_outlet[document.outlet or UNKNOWN_OUTLET].append((document, terms, words))
    return [_framing(outlet, by_outlet[outlet], lexicon, examples) for outlet in sorted(by_outlet)]


def _framing(
    outlet: str,
    framed: list[tuple[Document, list[Term], int]],
    lexicon: Lexicon,
    examples: int,
) -> OutletFraming:
    words = sum(count for _, _, count in framed)
    uses: dict[tuple[str, str], list[tuple[Document, Term]]] = defaultdict(list)
    for document, terms, _ in framed:
        for term in terms:
            uses[term.category, term.label].append((document, term))
    order = {category: index for index, category in enumerate((*lexicon.categories, SCARE_QUOTES))}
    keys = sorted(uses, key=lambda key: (order.get(key[0], len(order)), -len(uses[key]), key[1]))
    tallies = tuple(
        LabelTally(
            category=category,
            label=label,
            count=len(uses[category, label]),
            documents=len({document.id for document, _ in uses[category, label]}),
            rate=per_thousand(len(uses[category, label]), words),
            examples=tuple(_example(d, t) for d, t in _spread(uses[category, label], examples)),
        )
        for category, label in keys
    )
    return OutletFraming(outlet, len(framed), words, tallies)


def _spread(uses: list[tuple[Document, Term]], limit: int) -> list[tuple[Document, Term]]:
    """Up to ``limit`` uses, from as many documents as possible (the first use in each)."""
    firsts: dict[str, tuple[Document, Term]] = {}
    for document, term in uses:
        firsts.setdefault(document.id, (document, term))
    chosen = list(firsts.values())[:limit]
    rest = [use for use in uses if use not in chosen]
    return chosen + rest[: limit - len(chosen)]


def _example(document: Document, term: Term) -> Example:
    return Example(document.id, term.start, term.end, term.text, snippet(document.text, term))


def snippet(text: str, term: Term, *, chars: int = SNIPPET_CHARS) -> str:
    """The term with about ``chars`` characters of context either side, on one line."""
    start, end = max(0, term.start - chars), min(len(text), term.end + chars)
    words = " ".join(text[start:end].split())
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    return f"{lead}{_trim(words, start > 0, end < len(text))}{tail}"


def _trim(words: str, cut_start: bool, cut_end: bool) -> str:
    """Drop the broken words at the cut edges of a snippet."""
    if cut_start:
        words = re.sub(r"^\S*\s", "", words, count=1)
    if cut_end:
        words = re.sub(r"\s\S*$", "", words, count=1)
    return words
