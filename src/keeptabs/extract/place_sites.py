"""A building named by a common noun ("in a vegetable market", "inside a classroom"): the
figure's place when none of its clauses names one."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Span, Token

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


def building_site(clauses: Iterable[Span]) -> str | None:
    """The first building a locative preposition governs in ``clauses``, with the words
    that name it: "in a vegetable market" -> "vegetable market"."""
    words = building_words()
    for clause in clauses:
        for token in clause:
            building = token.pos_ == "NOUN" and token.lemma_.lower() in words
            if building and token.dep_ == "pobj" and token.head.lower_ in _AT:
                return _named(token)
    return None


def _named(noun: Token) -> str:
    start = noun.i
    preposition = noun.head.i
    while start - 1 > preposition:
        word = noun.doc[start - 1]
        if word.dep_ not in _NAMING or word.head.i < start:
            break
        start -= 1
    return noun.doc[start : noun.i + 1].text
