"""The words and patterns that say "this is a place" or point back to one: compass
parts, kinds of place, named sites, the nouns that refer back ("the city"), and small
helpers on place names shared by the modules that find and choose places."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import doc_text, span_text
from keeptabs.extract.gazetteer import is_place_name, possessive_place
from keeptabs.extract.vocab import actor_table

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

MAX_SKIPPED = 2  # articles/adjectives between a preposition and its place

DIRECTION = re.compile(
    r"\b(?P<dir>north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|central)"
    r"(?:ern)?\b(?:"
    # "western regime-held neighbourhoods of": who holds the part does not change it
    r"(?:\s+\w+-\w+|\s+(?:rebel|regime|opposition|government|residential|besieged))*"
    r"\s+(?:parts?|neighbou?rhoods?|districts?|areas?|sides?|outskirts|suburbs|countryside|sectors?|half"
    r"|edges?)\s+(?:of|in)"
    # "the eastern suburbs of the capital Damascus", but "the northern city of Aleppo" is
    # all of Aleppo
    r"(?:\s+the)?(?:\s+(?:capital|city|town|village|province)(?:\s+of)?)?)?"
    r"(?:\s+rural)?(?:\s+the)?\s*$",  # "northern rural Homs"
    re.IGNORECASE,
)

LOCATIVE_NOUN = re.compile(
    r"\b(?P<kind>area|district|neighbou?rhood|town|village|city|region|province|governorate|camp|suburb|quarter)s?\s+of\s+$",
    re.IGNORECASE,
)

# Sites named with their kind after the name ("the Atmeh border crossing", "Tabqa base",
# "the Castello road"): the kind is part of the site's name.
SITE_KINDS = frozenset(
    {"airport", "airbase", "base", "crossing", "dam", "road", "highway", "shrine", "cemetery"}
    | {"prison", "checkpoint", "square", "valley", "school"}
    | {"market", "hall", "street", "barrens", "court"}
)

SITE_AFTER = re.compile(
    r"\s+(?:(?:military|border|air)\s+)?(?P<kind>" + "|".join(sorted(SITE_KINDS)) + r")\b",
    re.IGNORECASE,
)

ROUTE_KINDS = frozenset({"road", "highway"})  # "the key Aleppo road" leads to Aleppo

# Nouns that, with "the", mean a place named before ("the city", "the country").
BACK_NOUNS = frozenset(
    {"city", "town", "village", "camp", "country", "capital", "pocket", "neighbourhood"}
    | {"neighborhood", "district", "province", "governorate", "hospital", "place", "suburb"}
    | SITE_KINDS
    | {"nation"}  # "the nation's pre-war population": the country
)

# Counted nouns that are places themselves: "two other locations", "4 towns".
PLACE_KIND_NOUNS = frozenset(
    {"location", "site", "area", "town", "village", "city", "neighbourhood", "neighborhood"}
    | {"district", "province", "region", "locality", "place"}
)

COMPASS_WORD = re.compile(
    r"(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(?:ern)?"
)

# "al-Salehia village", "Salaheddin district": a settlement word after a name.
SETTLEMENT_AFTER = re.compile(
    r"\s+(?:(?:refugee|displacement|IDP)\s+)?"  # "Sarmada refugee camp"
    r"(?P<kind>village|town|city|neighbou?rhood|district|camp|pocket|province|governorate|suburb"
    r"|countryside|hospital|area|region)s?\b",
    re.IGNORECASE,
)

ADMIN_WORDS = frozenset(
    {"district", "province", "governorate", "region", "area", "city", "town", "border", "crossing"}
)

SUBJECTS = frozenset({"nsubj", "nsubjpass"})

MODIFIERS = frozenset({"compound", "nmod", "poss"})

DIRECTION_WINDOW = 45  # characters before a name searched for "the eastern parts of"


def bare_name(span: Span) -> str:
    name = span_text(span).strip(" \"“”‘’'")
    words = name.split()
    if len(words) > 1 and is_possessive_place(words[0]):
        name = " ".join(words[1:])  # "Syria's Hama", "Aleppos Salaheddin": the inner place
    elif len(words) == 1 and not is_place_name(name):
        name = possessive_place(name) or name  # "Syrias war": Syria
    name = re.sub(r"^(?:the\s+)", "", name, flags=re.IGNORECASE)
    return re.sub(
        r"(?<!\bOld)(?<!\bNew)\s+(?:city|town|district|neighbou?rhood|quarter)$",
        "",
        name,
        flags=re.IGNORECASE,
    )  # but "the Old City" is no place called "Old"


def after_compass(span: Span) -> bool:
    """Whether a compass part stands just before ``span`` ("in northeastern Syria", "the
    eastern parts of Aleppo"): the span names a region of the place."""
    before = doc_text(span.doc)[max(0, span.start_char - DIRECTION_WINDOW) : span.start_char]
    return DIRECTION.search(before) is not None


def has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECTS for child in verb.children)


def is_possessive_place(word: str) -> bool:
    """ "Aleppos", "Syria's"; not "Hamas", an actor's name that ends like one."""
    return possessive_place(word) is not None and not actor_table().is_actor(word)
