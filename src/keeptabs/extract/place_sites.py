"""A building named by a common noun ("in a vegetable market", "inside a classroom"): the
figure's place when none of its clauses names one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import span_text
from keeptabs.extract.vocab import load_data

# Prepositions that put the figure at a building: "killed in a market", "fell inside a
# classroom", "clashes near the police station"; not "fled to a school".
_AT = frozenset({"in", "at", "on", "inside", "near"})

# Words before the building's noun that belong to its name: "vegetable market", "QRCS
# medical facility", "arms depot".
_NAMING = frozenset({"compound", "amod", "nmod"})


@cache
def building_words() -> frozenset[str]:
    """Kinds of building that locate a figure (``building_words`` in data/places.json)."""
    return frozenset(load_data("places.json").get("building_words", ()))


@cache
def _held_area_words() -> tuple[frozenset[str], frozenset[str]]:
    """Areas, and the words naming who holds them (``area_nouns`` and ``holder_words`` in
    data/places.json)."""
    data = load_data("places.json")
    return frozenset(data.get("area_nouns", ())), frozenset(data.get("holder_words", ()))


@cache
def _site_word_stems() -> re.Pattern[str]:
    """Where a building or an area may be named at all: the words' stems ("facilit" for
    "facility" and "facilities"), to pass over the clauses that name none."""
    words = building_words() | _held_area_words()[0]
    stems = sorted({word.removesuffix("y") for word in words}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, stems)) or '(?!)'})", re.IGNORECASE)


def building_site(clauses: Iterable[Span]) -> str | None:
    """The first building a locative preposition governs in ``clauses``, with the words
    that name it: "in a vegetable market" -> "vegetable market"."""
    words = building_words()
    for clause in clauses:
        if not _site_word_stems().search(span_text(clause)):
            continue  # most clauses: no Token made for each word
        for token in clause:
            building = token.pos_ == "NOUN" and (
                token.lemma_.lower() in words or _held_areas(token)
            )
            if building and token.dep_ == "pobj" and token.head.lower_ in _AT:
                return _named(token)
    return None


_HELD = re.compile(r"-(?:held|controlled)$")  # "opposition-held", "regime-controlled"


def _held_areas(noun: Token) -> bool:
    """ "in opposition-held areas", "living in rebel-held districts": areas named by who
    holds them, a place of their own when no name is given; only after "in" (a building
    hit "on" is where it happened, areas fired "on" are a target)."""
    areas, holders = _held_area_words()
    if noun.lemma_.lower() not in areas or noun.tag_ != "NNS" or noun.head.lower_ != "in":
        return False  # "fire on regime-held areas": a target, not where it happened
    doc = noun.doc
    return any(
        c.dep_ in _NAMING
        and ((words := doc[c.left_edge.i : c.i + 1].text.lower()) in holders or _HELD.search(words))
        for c in noun.lefts
    )


def _named(noun: Token) -> str:
    """The noun with the words before it that name it ("QRCS medical facility",
    "opposition-held areas"), after its preposition."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in _NAMING:
            start = min(start, child.left_edge.i)
    start = max(start, noun.head.i + 1)
    return noun.doc[start : noun.i + 1].text
