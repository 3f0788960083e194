"""What a document has named so far, for the words that refer back to it: "the city",
"the village", "the country", "the road", "there", "the same place" (``PlaceMemory``),
and the names of sites and camps written with their kind."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from keeptabs.extract.doctext import doc_text
from keeptabs.extract.gazetteer import (
    capital_of,
    city_population,
    country_of,
    is_country,
    is_place_name,
    place_first_words,
    possessive_place,
)
from keeptabs.extract.place_spans import kind_names, place_spans
from keeptabs.extract.place_words import (
    ADMIN_WORDS,
    BACK_NOUNS,
    COMPASS_WORD,
    DIRECTION_WINDOW,
    LOCATIVE_NOUN,
    ROUTE_KINDS,
    SETTLEMENT_AFTER,
    SITE_AFTER,
    SITE_KINDS,
    bare_name,
)

# "the district of X" is a district, but "a northern district of X" is a part of X
_A_PART_OF = re.compile(
    r"\ban?\s+(?:[\w-]+\s+)?(?:district|neighbou?rhood|quarter|suburb|area)\s+of\s+$",
    re.IGNORECASE,
)
_ONLY_WITH_SAME = frozenset({"place"})  # "in the same place", but not "took place"
_BACK_WORDS = BACK_NOUNS | {f"{noun}s" for noun in BACK_NOUNS}  # with lost apostrophes
_BACK_WORD_IDS = frozenset(get_string_id(word) for word in _BACK_WORDS)  # as spaCy's LOWER
GREAT_CITY = 1_000_000  # people: a city this big is no "the town" or "the village"
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})  # may mean the place last named
_AND_ITS_COUNTRYSIDE = re.compile(r"\s+and\s+its\s+countryside\b", re.IGNORECASE)
# Sites that a town has many of: "the school" is one named so, not the town last named
_NAMED_SITES_ONLY = frozenset({"school", "square", "valley", "market", "hall", "street", "court"})
_SETTLEMENT_PLURALS = frozenset({"towns", "villages"})  # "the villages": places named together
_JOINED = re.compile(r"\s*(?:,|and|, and)\s*")  # between places named together
# "the district of X" ... "the same neighbourhood": words for one kind of place
_KIND_SYNONYMS = {
    "neighborhood": "neighbourhood",
    "district": "neighbourhood",
    "quarter": "neighbourhood",
}
_NAMED_KINDS_AFTER = re.compile(r"\s+(?:camp|pocket|hospital)s?\b")
_BUILDING_KINDS = frozenset({"hospital"})
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\b")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*)*")
_TOWARDS = frozenset({"to", "into", "towards", "toward"})
_STATE_OF = re.compile(
    r"\b(?P<adjective>[A-Z][a-z]+)\s+(?:Arab\s+)?(?:army|government|military|regime|troops"
    r"|forces|authorities|state|president)\b",
    re.IGNORECASE,
)
_WAR_OF = re.compile(
    r"\b(?P<adjective>[A-Z][a-z]+)\s+(?:civil\s+)?(?:war|conflict|crisis|uprising|revolution)\b"
)


@dataclass(slots=True)
class PlaceMemory:
    """The places a document has named so far, for "the city" or "the country" later.

    A name written with its kind ("al-Salehia village", "the town of X") is kept under
    that kind, so "the village" finds it even after a province was named.
    """

    last: str | None = None  # the last place other than a country
    last_run: str | None = None  # the last places named together ("Foua and Kefraya")
    last_city: str | None = None  # the last the gazetteer knows as a city
    last_town: str | None = None  # the last that is no great city, for "the town"
    country: str | None = None
    by_kind: dict[str, str] = field(default_factory=dict)

    def remember(self, sentence: Span, *, up_to: int | None = None) -> None:
        """Keep the places ``sentence`` names (those before token ``up_to`` if given)."""
        text = doc_text(sentence.doc)
        spans = place_spans(sentence)
        end = sentence.end_char
        if up_to is not None:
            spans = [span for span in spans if span.end <= up_to]
            end = sentence.doc[up_to].idx if up_to < len(sentence.doc) else end
        found = kind_names(text, sentence.start_char, end)
        found.update((span.start_char, bare_name(span)) for span in spans)
        self._note_war_country(text, sentence.start_char, end)
        for at, name in sorted(found.items()):
            self._note(text, name, at, at + len(name))
        self._note_run(text, found)

    def remember_text(self, text: str, start: int, end: int) -> None:
        """The same for unparsed text between windows: names the gazetteer knows, and
        names written with their kind ("the town of Turmanin")."""
        first_words = place_first_words()
        found: dict[int, str] = {}
        for match in _CAPITALISED_RUN.finditer(text, start, end):
            words = match.group().split()
            if words[0] not in first_words:
                continue
            name = next(
                (
                    " ".join(words[:size])
                    for size in range(len(words), 0, -1)
                    if is_place_name(" ".join(words[:size]))
                ),
                None,
            )
            if name is not None:
                found[match.start()] = name
        found.update(kind_names(text, start, end))
        self._note_war_country(text, start, end)
        for at, name in sorted(found.items()):
            self._note(text, name, at, at + len(name))
        self._note_run(text, found)

    def _note_run(self, text: str, found: dict[int, str]) -> None:
        """Keep the last places named together ("two villages Tokhar and Hoshariyeh"),
        for "the villages" or "the two towns" later."""
        run: list[str] = []
        end = -1
        for at, name in sorted(found.items()):
            if run and not _JOINED.fullmatch(text, end, at):
                if len(run) > 1:
                    self.last_run = " and ".join(run)
                run = []
            run.append(name)
            end = at + len(name)
        if len(run) > 1:
            self.last_run = " and ".join(run)

    def _note_war_country(self, text: str, start: int, end: int) -> None:
        """ "The Syrian civil war began in 2011": the country whose war it is, for "the
        country" later, where the country's name is never written; failing a war, the
        country whose army or government the text names ("the Syrian army")."""
        for found in _WAR_OF.finditer(text, start, end):
            country = country_of(found.group("adjective"))
            if country is not None:
                self.country = country
        if self.country is not None:
            return
        for found in _STATE_OF.finditer(text, start, end):
            country = country_of(found.group("adjective"))
            if country is not None:
                self.country = country
                return
        for found in _CAPITALISED_WORD.finditer(text, start, end):
            # "in Syrias opposition government", "dead in Syria car bomb": a country named
            # only as an owner or a modifier
            word = found.group()
            country = word if is_country(word) else possessive_place(word)
            if country is not None and is_country(country):
                self.country = country
                return

    def _note(self, text: str, name: str, start: int, end: int) -> None:
        """Keep ``name``, written at ``text[start:end]``, under its kind if it has one."""
        if is_country(name):
            self.country = name
            return
        before = text[max(0, start - DIRECTION_WINDOW) : start]
        kind = (
            None if _A_PART_OF.search(before) else LOCATIVE_NOUN.search(before)
        ) or SETTLEMENT_AFTER.match(text, end)
        noun = kind.group("kind").lower() if kind else None
        noun = _KIND_SYNONYMS.get(noun, noun) if noun else None
        site = SITE_AFTER.match(text, end)
        if site is not None and noun is None:  # "the Castello road": "the road" later
            self.by_kind[site.group("kind").lower()] = site_name(name, site)
            return
        if name.split()[-1].lower() in SITE_KINDS:  # "the Castello Road", parsed as one name
            self.by_kind[name.split()[-1].lower()] = name
            return
        if noun is not None:
            named = _NAMED_KINDS_AFTER.match(text, end)
            self.by_kind[noun] = named_kind(name, named.group().strip()) if named else name
        if (noun is None or noun in _SETTLEMENT_NOUNS) and name.split()[-1].lower() not in (
            ADMIN_WORDS
        ):
            self.last = name  # a province or a camp is no "the town"
            population = city_population(name)
            if population > 0:
                self.last_city = name
            if population < GREAT_CITY:
                self.last_town = name

    def resolve(self, token: Token) -> str | None:
        """The place "the city", "the village", "the country" or "the capital" means,
        with a compass part in front ("the east of the city": "East Aleppo"); places
        named earlier in the token's own sentence count."""
        noun = back_noun(token)
        if noun is None:
            return None
        if any(span.end <= token.i for span in place_spans(token.sent)):
            name = self._with_sentence_before(token)._resolve(noun, token)
        else:
            name = self._resolve(noun, token)
        after = token.idx + len(token)
        if name is not None and _AND_ITS_COUNTRYSIDE.match(doc_text(token.doc), after):
            return f"{name} and its countryside"  # "on the city and its countryside"
        return name

    def resolve_there(self, token: Token) -> str | None:
        """The place "there" means: the one last named, in the token's sentence too."""
        return self._with_sentence_before(token).last

    def _with_sentence_before(self, token: Token) -> PlaceMemory:
        """A copy that also holds the places the token's sentence names before it."""
        here = replace(self, by_kind=dict(self.by_kind))
        here.remember(token.sent, up_to=token.i)
        return here

    def _resolve(self, noun: str, token: Token) -> str | None:
        if noun == "country":
            name = self.country
        elif noun == "capital":  # "the Syrian capital" names its country
            adjectives = [c.text for c in token.children if c.dep_ == "amod"]
            if "provincial" in adjectives:
                name = self.last  # "the provincial capital": a city named before
            else:
                whose = next(filter(None, map(country_of, adjectives)), None)
                country = whose or self.country
                name = capital_of(country) if country else None
        elif noun == "city":  # "the city": not a district named since
            name = self.by_kind.get(noun) or self.last_city or self.last
        elif noun in _SETTLEMENT_NOUNS:
            name = self.by_kind.get(noun) or self.last
            if noun != "city" and name == self.last and city_population(name or "") >= GREAT_CITY:
                name = self.last_town or name  # "the town" is Al Bab, not Aleppo named since
        elif noun == "towns":  # "the villages", "the two towns": those named together
            name = self.last_run
        elif noun in _ONLY_WITH_SAME:  # "in the same place": the place last named
            name = self.last
        elif noun in _NAMED_SITES_ONLY:  # "the school": only one named as such
            name = self.by_kind.get(noun)
        elif noun in SITE_KINDS:  # "the airport": the one named, else the town it serves
            name = self.by_kind.get(noun) or self.last
        else:  # "the province", "the camp": only one named as such
            name = self.by_kind.get(_KIND_SYNONYMS.get(noun, noun))
        direction = compass_of(token)
        return f"{direction} {name}" if name and direction else name


def compass_of(token: Token) -> str | None:
    """ "the east of the city", "the eastern suburbs of the capital", "the lower town":
    the part named."""
    level = next((c.lower_ for c in token.children if c.lower_ in {"lower", "upper"}), None)
    if level is not None:
        return level.capitalize()
    whose = COMPASS_WORD.fullmatch(token.head.lower_)
    if token.dep_ in {"poss", "compound"} and whose:  # "the country's north"
        return whose.group("dir").capitalize()
    if not (token.dep_ == "pobj" and token.head.lower_ == "of"):
        return None
    part = token.head.head
    if not any(child.lower_ == "the" for child in part.children):
        return None  # "east of the city" is outside it; "a western district" is some district
    for word in (part, *part.children):
        found = COMPASS_WORD.fullmatch(word.lower_)
        if found:
            return _paired_compass(word, found.group("dir").capitalize())
    return None


def _paired_compass(word: Token, direction: str) -> str:
    """ "the north and the east of the town", "the south and northeast of the country":
    both parts."""
    other = word.head if word.dep_ == "conj" else None
    if other is None:
        other = next((c for c in word.children if c.dep_ == "conj"), None)
    paired = COMPASS_WORD.fullmatch(other.lower_) if other is not None else None
    if other is None or paired is None:
        return direction
    first, second = sorted((word, other), key=lambda token: token.i)
    names = {word.i: direction, other.i: paired.group("dir").capitalize()}
    return f"{names[first.i]} and {names[second.i]}"


def back_words(span: Span) -> Iterator[Token]:
    """The tokens of ``span`` that may refer back ("city", "village"), found from one list
    of the Doc's lower-case forms instead of a Token made for every word."""
    doc = span.doc
    key = "keeptabs.back_words"
    found: list[int] | None = doc.user_data.get(key)
    if found is None:
        ids = _BACK_WORD_IDS
        lowers = doc.to_array(LOWER).tolist()
        found = doc.user_data[key] = [i for i, lower in enumerate(lowers) if lower in ids]
    for index in found[bisect.bisect_left(found, span.start) :]:
        if index >= span.end:
            return
        yield doc[index]


# Words that can only be a possessive that lost its apostrophe, whatever follows: "the
# countrys five-year civil war" (not "the towns", which may be a plural).
_ONLY_POSSESSIVE = frozenset({"citys", "countrys"})


def back_noun(token: Token) -> str | None:
    """ "left the city", "in the village", "the city center", "the countrys population":
    the kind of place named earlier that ``token`` refers to. Not a destination
    ("crossed into the western part of the city")."""
    noun = token.lower_
    if noun not in _BACK_WORDS:
        return None  # most tokens: no attribute but the text read
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if noun in _SETTLEMENT_PLURALS and token.tag_ == "NNS":
        plural = following is None or following.pos_ != "NOUN"  # not "the villages people"
        the = any(child.lower_ == "the" for child in token.children)
        return "towns" if plural and the and token.dep_ != "compound" else None
    if (
        noun.endswith("s")
        and noun[:-1] in BACK_NOUNS
        and following is not None
        and (following.pos_ == "NOUN" or noun in _ONLY_POSSESSIVE)
    ):
        noun = noun[:-1]  # a possessive scraped without its apostrophe: "the hospitals surgeon"
        possessive = True  # the tagger may call it an adjective: "the countrys population"
    else:
        possessive = False
    tags = {"NOUN", "PROPN", "ADJ"} if possessive else {"NOUN", "PROPN"}
    if noun not in BACK_NOUNS or token.pos_ not in tags:
        return None
    if noun in _ONLY_WITH_SAME and not any(child.lower_ == "same" for child in token.children):
        return None
    holder = (
        token.head if token.dep_ in {"compound", "poss", "amod"} else token
    )  # "the city center"
    if not any(child.lower_ in {"the", "this"} for child in (*token.children, *holder.children)):
        return None
    preposition = holder.head if holder.dep_ == "pobj" else None
    while preposition is not None and preposition.lower_ == "of":  # "into the west of X"
        preposition = preposition.head.head if preposition.head.dep_ == "pobj" else None
    if preposition is not None and preposition.lower_ in _TOWARDS:
        return None
    return "country" if noun == "nation" else noun


def site_name(name: str, site: re.Match[str]) -> str:
    """ "Tabqa base", "the Atmeh border crossing": the site; but a road named for the
    town it leads to ("the key Aleppo road") is that town."""
    if site.group("kind").lower() in ROUTE_KINDS and is_place_name(name):
        return name
    return f"{name} {site.group().strip()}"


def named_kind(name: str, kind: str) -> str:
    """ "Rukban camp", "Sham hospital"; but a building named for its place is the place."""
    building = kind.lower().removesuffix("s") in _BUILDING_KINDS
    return name if building and is_place_name(name) else f"{name} {kind}"
