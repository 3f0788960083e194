"""Names that are not the event's place: actors, agents, origins, and countries used
as adjectives or owners ("Syria evacuees", "Syrias state-run news agency")."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import doc_text
from keeptabs.extract.gazetteer import is_country
from keeptabs.extract.headline_speakers import WIRE_DATELINE
from keeptabs.extract.place_words import (
    BACK_NOUNS,
    MAX_SKIPPED,
    MODIFIERS,
    PLACE_KIND_NOUNS,
    after_compass,
    bare_name,
    has_subject,
    is_possessive_place,
)
from keeptabs.extract.vocab import action_vocab, actor_table, load_data

# What a country's possessive names when it names no place: its institutions and people.
_INSTITUTION_NOUNS = frozenset(
    {"agency", "ministry", "government", "army", "military", "president", "media", "news"}
    | {"television", "tv", "envoy", "ambassador", "minister", "leader", "official", "regime"}
    | {"spokesman", "spokeswoman", "authority", "embassy", "parliament", "foreign", "defence"}
    | {"defense", "state"}
)

_ORIGIN_VERBS = frozenset({"originate", "hail"})

_ORIGIN_NOUNS = frozenset(
    {"native", "mercenary", "national", "citizen", "recruit", "volunteer", "combatant", "evacuee"}
)

# Those who come from a place, to fight or after leaving it, named by where they came
# from even when the place is named with its kind ("from the towns of X").
_CAME_FROM_NOUNS = _ORIGIN_NOUNS | {"fighter", "militant", "jihadist"}

_COUNTRY_ABBREVIATIONS = frozenset({"U.S.", "US", "USA", "U.S.A.", "UK", "U.K.", "UAE"})

ACTOR_NAME_REACH = 60  # characters either side of a place searched for an actor's name


def in_actor_name(span: Span, text: str) -> bool:
    """Whether ``span`` lies inside a name from the actor table; the table's pattern is
    searched only around the span, and only when a word of the span is in some name."""
    if not any(word.casefold() in _actor_words() for word in span.text.split()):
        return False  # the usual case, decided without the table's long pattern
    low = max(0, span.start_char - ACTOR_NAME_REACH)
    high = min(len(text), span.end_char + ACTOR_NAME_REACH)
    return any(
        match.start() <= span.start_char < match.end()
        for match in actor_table().pattern.finditer(text, low, high)
    )


@cache
def _actor_words() -> frozenset[str]:
    """Every word of the actor table's names, case-folded."""
    return frozenset(word for alias in actor_table().organisations for word in alias.split())


def is_agent(span: Span) -> bool:
    """ "Russia has lost 12 soldiers", "Israel seized the Golan": a country or city as the
    subject of a transitive verb stands for its government, not for the place of the event."""
    root = span.root
    if span.start > 0 and span.doc[span.start - 1].lower_ in BACK_NOUNS:
        return False  # "near the capital Damascus killed 23": a name in apposition, misparsed
    owner = root
    if root.dep_ == "poss" or is_possessive_place(span.text):
        while owner.dep_ in MODIFIERS and owner.head.i > owner.i:
            owner = owner.head  # "Turkeys state-run agency reported": the agency's owner
    if owner.dep_ == "nsubj" and owner.head.lemma_.lower() in action_vocab().reporting:
        return True  # "what the United States says was an attack": a speaker
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb.lemma_.lower() in _experiencer_verbs():
        return False  # "Eastern Ghouta has endured years of siege": where it happened
    # "Iran is his closest ally and has extended him credit": verbs sharing the subject
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and not has_subject(c))]
    return any(
        verb.pos_ == "VERB"
        and verb.tag_ != "VBG"  # "throughout Raqqa destroying structures"
        and any(child.dep_ == "dobj" for child in verb.children)  # "after Palmyra fell"
        for verb in verbs
    )


def names_origin(span: Span) -> bool:
    """ "nine natives from the North Caucasus", "mercenaries originating from Tunisia":
    where people come from, not where the event happened."""
    root = span.root
    while root.dep_ in {"conj", "appos"}:  # "from Chechnya China ... and Uzbekistan"
        root = root.head
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in {"from", "of"}:
        return False
    owner = preposition.head
    kind = preposition.lower_ == "of" and owner.lemma_.lower() in PLACE_KIND_NOUNS
    if kind and owner.dep_ == "pobj" and owner.head.lower_ == "from":
        # "evacuees from the northern towns of Fuaa and Kafraya", "fighters from the
        # provinces of Aleppo and Idlib": where they came from (but "17 young men from the
        # town of Altibni" may have died there)
        return owner.head.head.lemma_.lower() in _CAME_FROM_NOUNS
    if preposition.lower_ == "of":  # "nine natives of the Northern Caucasus"
        return owner.lemma_.lower() in _ORIGIN_NOUNS
    if owner.lemma_.lower() in _ORIGIN_VERBS:
        return True
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in _person_nouns()


@cache
def _experiencer_verbs() -> frozenset[str]:
    return frozenset(load_data("entities.json")["place_subject_verbs"])


@cache
def _person_nouns() -> frozenset[str]:
    return frozenset(load_data("candidates.json")["person_nouns"]) | _ORIGIN_NOUNS


_CLOSING_SPEAKERS = frozenset(
    {"monitor", "observatory", "activists", "report", "reports", "sources", "officials", "media"}
    | {"state", "tv"}
)
_CLOSING_SPEAKER = re.compile(
    r"(?:state\s+)?(?:monitor|observatory|activists|reports?|sources|officials|media|tv)\W*$",
    re.IGNORECASE,
)


def _closing_speaker(word: Token) -> bool:
    """A speaker that closes its sentence, as wire headlines name their source: "... in
    Syria monitor", "... in eastern Syria State media", also before a wire dateline
    ("... State media Reuters Friday 17 Nov 2017")."""
    if word.lower_ not in _CLOSING_SPEAKERS:
        return False
    rest = doc_text(word.doc)[word.idx : word.sent.end_char]
    return _CLOSING_SPEAKER.match(WIRE_DATELINE.split(rest, maxsplit=1)[0].rstrip()) is not None


def is_country_modifier(span: Span) -> bool:
    """ "Syria evacuees", "the Syria situation", "U.S. raids": a country before a common
    noun it modifies works as an adjective, not as the place of the event; so does one
    that owns an institution ("Syrias state-run news agency", "Russia's defence ministry")."""
    root = span.root
    if span.end < len(span.doc) and _closing_speaker(span.doc[span.end]):
        return False  # "kills 30 children in Syria monitor": the headline's speaker run on
    if root.dep_ in {"poss", "compound"} and root.head.lemma_.lower() in _INSTITUTION_NOUNS:
        return is_country(bare_name(span)) or is_possessive_place(span.text)
    return (
        not after_compass(span)  # "Central Syria Attack" names a region
        and not (len(span) == 1 and is_possessive_place(span.text))  # "Syrias war"
        and (is_country(bare_name(span)) or span.text in _COUNTRY_ABBREVIATIONS)
        and root.dep_ in {"compound", "nmod", "amod"}
        and span.end <= root.head.i <= span.end + MAX_SKIPPED
        and root.head.pos_ == "NOUN"
    )
