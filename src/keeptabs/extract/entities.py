"""Names in parsed sentences, labelled by rules: PERSON, ORG, GPE, NORP, DATE.

The small model's statistical NER costs more than tagging and parsing together; over
news it also calls invented or rare towns PERSON and cities NORP.  Here a name is a
run of proper nouns (with "of", "for" ... inside organisations), labelled by what it
contains: a place in the gazetteer, an organisation word ("Ministry", "Observatory"),
an alias in the actor table, a nationality; otherwise a person.  Dates come from a
pattern over the text.  Vocabularies are in ``data/entities.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LOWER, TAG
from spacy.tokens import Doc, Span, Token

from keeptabs.extract.doctext import doc_text, remember_entities
from keeptabs.extract.gazetteer import city_population, is_place_name, possessive_place
from keeptabs.extract.vocab import actor_table, load_data

# Tags the tagger gives names it does not know as names: "Aleppo city" (JJ), "Syrian" (JJ).
_MISTAGGED_NAME_TAGS = frozenset({"JJ", "NN", "NNS"})
_KIND_WORDS = frozenset({"city", "town", "village", "province", "governorate", "countryside"})
POSSESSIVE_CITY = 100_000  # people: a possessive of a city this large is a name
BIG_CITY = 1_000_000  # people: a city this large named at a sentence's start is the city
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_NAME_ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "bin", "ibn", "abu"}
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = (
    rf"(?:(?:early|late)\s+(?:on\s+)?|last |this |next )?(?:{WEEKDAYS})"
    # "Mondays raid": a possessive that lost its apostrophe, before a lower-case noun
    r"(?:s(?=\s+[a-z]))?"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_DATE = re.compile(
    rf"\b{_DAY}(?:\s+and\s+{_DAY})?\b"  # "early on Tuesday", "late Saturday and early Sunday"
    rf"|\b(?:(?:last|this|next) )?(?:\d{{1,2}}\s+)?(?:{_MONTHS})"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\b"
    r"|\b(?:today|yesterday|tonight)(?:['’]?s)?\b"  # "todays shelling": a lost apostrophe
    # closing a Title Case headline ("... on Rural Homs Today"); not "Aleppo Today said"
    r"|\b(?:Today|Yesterday|Tonight)(?=[ \t]*(?:[.!]|\n|$))"
    r"|\b(?:[Ll]ast (?:week|month|year|night)"
    r"|[Tt]his (?:week|month|year|morning|afternoon|evening))\b"
    # "two days ago", "a week ago": a date counted back from the report
    # (each guarded by a lookahead that fails fast: the regex is tried at every position)
    r"|\b(?=\w+\s+(?:days?|weeks?|months?|years?)\s+ago\b)"
    r"(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|\d{1,2})"
    r"\s+(?:days?|weeks?|months?|years?)\s+ago\b"
    r"|(?=(?:19|20)\d\d)(?:(?<=\bin )|(?<=\bin late )|(?<=\bin early )|(?<=\bin mid-))"
    r"(?:19|20)\d\d"
    r"(?:\s+and\s+(?:19|20)\d\d)?\b|\bsince (?:19|20)\d\d\b"
    r"|\b(?:(?:first|second|third|last) days? of\s+)?(?:Eid(?: al-(?:Fitr|Adha))?|Ramadan|Christmas"
    r"|Easter|New Year(?:'s Eve)?|Nowruz)\b"
)


@dataclass(frozen=True, slots=True)
class EntityVocab:
    org_words: frozenset[str]
    titles: frozenset[str]
    connectors: frozenset[str]
    nationalities: frozenset[str]
    landform_words: frozenset[str]


@cache
def entity_vocab() -> EntityVocab:
    data = load_data("entities.json")
    return EntityVocab(
        org_words=frozenset(data["org_words"]),
        titles=frozenset(data["titles"]),
        connectors=frozenset(data["connectors"]),
        nationalities=frozenset(data["nationalities"]),
        landform_words=frozenset(data.get("landform_words", ())),
    )


# Days and months end a name run: text without commas runs a date into the next name
# ("May" and "March" are words too).
_CALENDAR_WORDS = frozenset(f"{WEEKDAYS}|{_MONTHS}".lower().split("|")) - {"may", "march"}


def is_nationality(word: str) -> bool:
    return word in entity_vocab().nationalities


def label_entities(doc: Doc) -> None:
    """Label proper-noun runs and date phrases (see :func:`entities_of`)."""
    spans = [*_date_spans(doc), *_name_spans(doc)]
    spans.sort(
        key=lambda span: (span.start, -len(span), span.label_ != "DATE")
    )  # "Saturday" is a date
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in spans:
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    remember_entities(doc, sorted(chosen, key=lambda span: span.start))


def _name_spans(doc: Doc) -> list[Span]:
    vocab = entity_vocab()
    names = _name_flags(doc)
    spans = []
    index = 0
    while index < len(doc):
        end = _run_end(doc, names, index, vocab)
        if end > index:
            spans.extend(_labelled(doc[index:end], vocab))
            index = end
        else:
            index += 1
    return spans


def _name_flags(doc: Doc) -> list[bool]:
    """Per token: a proper noun, or a capitalised nationality or known place the tagger
    called an adjective or a common noun ("Syrian", "Aleppo city"), or an article or
    hyphen inside a name.  Tags are read as one array; only the few tokens that may be
    mistagged names are looked at one by one."""
    strings = doc.vocab.strings
    proper = {strings[tag] for tag in _PROPER_TAGS}
    mistagged = {strings[tag] for tag in _MISTAGGED_NAME_TAGS}
    joiners = {strings.add(word) for word in {*_NAME_ARTICLES, "-"}}
    calendar = {strings.add(word) for word in _CALENDAR_WORDS}
    flags = []
    for index, (tag, lower) in enumerate(doc.to_array([TAG, LOWER]).tolist()):
        if lower in calendar:
            flags.append(False)  # "on Monday the Syrian Observatory said": a date, no name
        elif tag in proper:
            flags.append(True)
        elif lower in joiners:
            flags.append(_joins_name(doc, doc[index]))
        elif tag in mistagged:
            flags.append(_mistagged_name(doc, index))
        else:
            flags.append(False)
    return flags


def _mistagged_name(doc: Doc, index: int) -> bool:
    token = doc[index]
    if not token.text[:1].isupper():
        return False
    mid_sentence = index > 0 and doc[index - 1].is_alpha and not token.is_sent_start
    if is_nationality(token.text) or (mid_sentence and is_place_name(token.text)):
        return True
    if index >= 3 and doc[index - 1].text == "-" and is_place_name(doc[index - 3 : index + 1].text):
        return True  # "Deir ez-Zor" with "Zor" tagged a plural noun
    owner = possessive_place(token.text)
    if owner is not None and city_population(owner) >= POSSESSIVE_CITY:
        # "Aleppos Civilian Massacre Continues": a possessive that lost its "'"; only a
        # city this large, for small towns are named like words ("Officers")
        return not actor_table().is_actor(token.text)
    # At a sentence's start a capital proves nothing ("Most", "Best" and "Of" are towns
    # too): a place there is a name when its kind follows ("Hasakeh city has been") or
    # when it is a city of a million ("Aleppo rebel tunnel blast killed 38").
    following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    return is_place_name(token.text) and (
        following in _KIND_WORDS or city_population(token.text) >= BIG_CITY
    )


def _joins_name(doc: Doc, token: Token) -> bool:
    """An Arabic article or a hyphen that binds two parts of one name."""
    text = token.text
    if text != "-" and token.lower_ not in _NAME_ARTICLES:
        return False  # the usual case, decided without looking at the neighbours
    index = token.i
    if index + 1 >= len(doc):
        return False
    if text == "-":
        before = doc[index - 1] if index > 0 else None
        if before is None or not before.text[:1].isalpha():
            return False
        # "Deir az-zor": after an Arabic article the hyphen binds a lower-case part too
        return doc[index + 1].text[:1].isupper() or (
            before.lower_ in _NAME_ARTICLES and doc[index + 1].is_alpha
        )
    return doc[index + 1].text == "-" and index + 2 < len(doc) and doc[index + 2].text[:1].isupper()


def _run_end(doc: Doc, names: list[bool], start: int, vocab: EntityVocab) -> int:
    """End of the proper-noun run starting at ``start`` (``start`` when there is none).

    Connectors ("of", "for") join names only inside an organisation's name:
    "Syrian Observatory for Human Rights", not "Aleppo of Syria".
    """
    if not names[start]:
        return start
    end, plain_end = start + 1, start + 1
    while end < len(doc):
        if names[end]:
            end += 1
            plain_end = end if plain_end == end - 1 else plain_end
        elif end + 1 < len(doc) and names[end + 1] and doc[end].lower_ in vocab.connectors:
            end += 1
        else:
            break
    has_org_word = any(doc[i].text in vocab.org_words for i in range(start, end))
    return end if has_org_word else plain_end


def _labelled(span: Span, vocab: EntityVocab) -> list[Span]:
    text = span.text
    words = [t.text for t in span]
    if is_place_name(text):
        return [Span(span.doc, span.start, span.end, label="GPE")]
    split = next(
        (
            size
            for size in range(len(words) - 1, 0, -1)
            if is_nationality(words[size]) and is_place_name(" ".join(words[:size]))
        ),
        None,
    )
    if split is not None:  # "the city of Aleppo Syrian activists said": two names run on
        place = Span(span.doc, span.start, span.start + split, label="GPE")
        return [place, *_labelled(span.doc[span.start + split : span.end], vocab)]
    if len(words) > 1 and words[-1] in vocab.landform_words:  # "the Euphrates River"
        return [Span(span.doc, span.start, span.end, label="LOC")]
    if any(word in vocab.org_words for word in words) or _ACRONYM.match(text):
        return [Span(span.doc, span.start, span.end, label="ORG")]
    if actor_table().organisation(text) is not None and len(words) == 1:
        return [Span(span.doc, span.start, span.end, label="ORG")]
    if len(words) == 1 and is_nationality(text):
        return [Span(span.doc, span.start, span.end, label="NORP")]
    return _person(span, vocab)


def _person(span: Span, vocab: EntityVocab) -> list[Span]:
    """Titles off the front: "Major General Igor Konashenkov" -> "Igor Konashenkov"."""
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].text.rstrip(".") in vocab.titles or is_nationality(span.doc[start].text)
    ):
        start += 1
    person = Span(span.doc, start, span.end, label="PERSON")
    if len(person) == 1 and is_place_name(person.text):
        return [Span(span.doc, start, span.end, label="GPE")]
    return [person]


def _date_spans(doc: Doc) -> list[Span]:
    spans = []
    for match in _DATE.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), label="DATE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans
