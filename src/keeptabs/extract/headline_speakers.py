"""Speakers a headline names by its own grammar: "Syrian opposition: 1300 killed", "...
kills 43: monitor", "... at least 126 Observatory", and a body sentence opened by
"X:"."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import entities_in, is_recased, span_text
from keeptabs.extract.gazetteer import is_place_name
from keeptabs.extract.speakers import (
    Attribution,
    org_of,
)
from keeptabs.extract.vocab import actor_table, speaker_vocab

# Wire headlines name their source last: "Bombs kill 13 fighters: monitor", "... 43 Monitor".
_HEADLINE_TRAILING_SPEAKER = re.compile(
    r"(?:[:,–-]\s*|\s)(?P<who>(?-i:[A-Z][\w-]+\s)?(?:monitor|observatory|activists|officials?|sources?"
    r"|monitoring group|rights group|watchdog|reports?|governor|media"
    r"|state media|state TV|UN|NGO|army|military|police|ministry|SOHR|SANA|AFP|Reuters))"
    r"(?:\s+[A-Z][a-z]+\s+[A-Z][a-z]+)?\.?$",  # a byline run in: ": monitor Sylvia Westall"
    re.IGNORECASE,
)

_HEADLINE_SPEAKER = re.compile(r"^(?P<who>[A-Z][^:]{1,40}):\s+\S")
# The outlet's name after a bar closes many web headlines: "... monitor | Jordan Times".
_OUTLET_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,40}$")
# The sections an outlet files a headline under, two or more: "... Monitor - Region - World
# - Ahram Online" (one alone may be the speaker: "... kill 13 - monitor")
_SECTION_SUFFIX = re.compile(r"(?:\s+-\s+[a-z]+(?:\s+[a-z]+)?){2,}$", re.IGNORECASE)
# A wire dateline closing a headline repeated in the body: "... Monitor AFP Thursday",
# "... Monitor AFP Thursday 30 Jun 2016"
WIRE_DATELINE = re.compile(
    r"\s+(?:AFP|AP|Reuters|dpa|Xinhua)(?:\s+and\s+(?:AFP|AP|Reuters))?\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+\d{1,2}\s+[A-Z][a-z]{2,3}\s+\d{4})?\b"
)
_CLOSING_DATELINE = re.compile(WIRE_DATELINE.pattern + r"\W*$")


def story_start(text: str, end: int, start: int = 0) -> int:
    """Where the story begins in ``text[start:end]``: after the last wire dateline there
    ("... last month ... AFP Saturday 17 Aug 2013 Rebels attacked ..."), else ``start``."""
    return max((m.end() for m in WIRE_DATELINE.finditer(text, start, end)), default=start)


# A headline quoted in the body names its source after a dash, and the page runs on
# with no break: "... Leave 31 Civilians Dead - Reports REUTERS Social Media Website",
# "... Near Syrias Manbij - CENTCOM Syrian Arab Coalition Moves ...".
_DASHED_SPEAKER = re.compile(
    r"\s[-–]\s(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}?"
    r"(?:Reports?|Governor|Television|TV|Staff|Force|Ministry|Media|Monitor|Sources?"
    r"|Officials?|Agency|Observatory|Activists|Army|Military|Police|Command|Spokesman))\b"
)
_DASHED_SPEAKER_ANY_CASE = re.compile(_DASHED_SPEAKER.pattern, re.IGNORECASE)
_DASHED_ACTOR = re.compile(r"\s[-–]\s(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
# Between the figure and the dash a headline has only capitalised words, numbers and
# the small words of title case: "Kill 3 Civilians", "Strike on School Near Raqqa"
_TITLE_WORD = re.compile(
    r"[A-Z0-9][\w.'’-]*|in|of|on|at|to|the|and|for|near|with|by|from|after|as|over|a|an"
)
MAX_DASHED_HEADLINE = 12  # words between a figure and the dash of its headline


def dashed_speaker(sentence: Span, token: Token) -> Attribution | None:
    """The source a headline quoted in the body names after a dash ("Dozens Killed in
    Likely US-Led Coalition Strike on School Near Raqqa - Reports Tags ...")."""
    text = span_text(sentence)
    after = token.idx + len(token) - sentence.start_char
    dash = re.search(r"\s[-–]\s", text[after:])
    if dash is None:
        return None
    between = text[after : after + dash.start()].split()
    recased = is_recased(sentence.doc, token.idx)  # a Title Case line, its capitals lost
    title = recased or all(_TITLE_WORD.fullmatch(word) for word in between)
    if len(between) > MAX_DASHED_HEADLINE or not title:
        return None
    rest = text[after + dash.start() :]
    named = _DASHED_ACTOR.match(rest)
    words = named.group("who").split() if named is not None else []
    for size in range(len(words), 0, -1):  # "CENTCOM Syrian Arab Coalition": the known actor
        who = " ".join(words[:size])
        organisation = org_of(who)
        if organisation is not None and actor_table().is_actor(who):
            return Attribution(who, organisation)
    spoken = (_DASHED_SPEAKER_ANY_CASE if recased else _DASHED_SPEAKER).match(rest)
    if spoken is None:
        return None
    who = spoken.group("who")
    return Attribution(who, org_of(who))


def colon_speaker(sentence: Span, token: Token) -> Attribution | None:
    """A wire headline repeated in the body: "Bombs kill 13 fighters: monitor." """
    trailing = _HEADLINE_TRAILING_SPEAKER.search(_headline_text(sentence))
    if trailing and trailing.group(0).lstrip().startswith(":"):
        return _trailing_attribution(sentence, token, trailing)
    return None


def bare_headline(text: str) -> str:
    """A headline without a closing "| Outlet Name" or its sections ("- Region - World -
    Ahram Online"): what the outlet repeats at the top of the body."""
    return _SECTION_SUFFIX.sub("", _OUTLET_SUFFIX.sub("", text.strip()))


def _headline_text(sentence: Span) -> str:
    """The sentence without surrounding space, a closing "| Outlet Name", a section ("-
    Region") or a wire dateline ("AFP Thursday")."""
    text = _OUTLET_SUFFIX.sub("", span_text(sentence).strip())
    return bare_headline(_CLOSING_DATELINE.sub("", text))


def _trailing_attribution(
    sentence: Span, token: Token, trailing: re.Match[str]
) -> Attribution | None:
    """The name closing a headline, unless it is what the number counts ("murder of 2
    Syrian activists")."""
    text = span_text(sentence)
    base = sentence.start_char + len(text) - len(text.lstrip())
    if trailing.start() <= token.idx - base:
        return None
    counted = token.head if token.dep_ == "nummod" else token
    plural = counted.tag_ in {
        "NNS",
        "NNPS",
    }  # "murder of 2 Syrian activists", not "126 Observatory"
    mass = counted.lower_ == "media"  # "kills 14 State media": a source, never counted
    if plural and not mass and counted.i > token.i and trailing.start("who") <= counted.idx - base:
        return None
    words = trailing.group("who").split()
    before = text.lstrip()[: trailing.start("who")].split()[-2:]
    ends_place = any(is_place_name(" ".join([*before[-size:], words[0]])) for size in (1, 2))
    if len(words) > 1 and (is_place_name(words[0]) or ends_place):
        words = words[1:]  # "Raqqa monitor", "Deir Ezzor monitor": the place is no source
    who = " ".join(words)
    return Attribution(who, org_of(who))


def headline_speaker(sentence: Span, token: Token) -> Attribution | None:
    """ "Russian MoD: 50,000 evacuated" and "Bombs kill 13 fighters: monitor"."""
    text = _headline_text(sentence)
    match = _HEADLINE_SPEAKER.match(text)
    if match and match.end("who") <= token.idx - sentence.start_char:
        who = match.group("who").strip()
        organisation = org_of(who)
        speaker_word = who.split()[-1].lower() in speaker_vocab().nouns  # "Syrian opposition:"
        if organisation is not None or speaker_word or _names_an_actor(sentence, len(who)):
            return Attribution(who, organisation)
    opening = speaker_vocab().opening.match(text)
    if opening and opening.end() == token.idx - sentence.start_char:
        who = opening.group("who")  # "Monitors 15 killed in missile strike": a lost colon
        return Attribution(who, org_of(who))
    return trailing_speaker(sentence, token)


def trailing_speaker(sentence: Span, token: Token) -> Attribution | None:
    """The wire style "Bombs kill 13 fighters: monitor", "... militants Report", "...
    aid convoy attack Red Cross"."""
    text = _headline_text(sentence)
    trailing = _HEADLINE_TRAILING_SPEAKER.search(text)
    if trailing:
        return _trailing_attribution(sentence, token, trailing)
    return _trailing_actor(sentence, token, text)


MAX_ACTOR_WORDS = 4  # words of a known organisation's name closing a headline
_PREPOSITIONS = frozenset("from by of against with to on in at for near after".split())


def _trailing_actor(sentence: Span, token: Token, text: str) -> Attribution | None:
    """A known organisation's name closing a headline, after the figure and its words:
    "Some 20 civilians killed in Syria aid convoy attack Red Cross"."""
    words = text.split()
    start = sentence.start_char + len(span_text(sentence)) - len(span_text(sentence).lstrip())
    figure_end = token.idx + len(token) - start
    table = actor_table()
    for size in range(min(MAX_ACTOR_WORDS, len(words) - 1), 0, -1):
        name = " ".join(words[-size:])
        if text.rfind(name) <= figure_end + 1 or not name[:1].isupper():
            continue
        if words[-size - 1].lower() in _PREPOSITIONS:
            continue  # "bodies taken from IS group": the words' object, no speaker
        if table.is_actor(name) and not is_place_name(name):
            return Attribution(name, org_of(name))
    return None


def _names_an_actor(sentence: Span, length: int) -> bool:
    """Whether the first ``length`` characters are a person or organisation's name."""
    return any(
        e.label_ in {"PERSON", "ORG"} and e.start_char - sentence.start_char < length
        for e in entities_in(sentence)
    )
