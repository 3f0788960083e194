"""Who a speaker is: an attribution (the source as named and the organisation behind
it), the sources a document has named so far, and the organisation a name, its
apposition, its workplace ("a source at X") or an earlier mention points to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import entities_in, entities_of, entity_label
from keeptabs.extract.entities import entity_vocab, is_nationality
from keeptabs.extract.gazetteer import is_country, is_place_name
from keeptabs.extract.vocab import ActorTable, actor_table

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})

# Nouns that say what kind of body spoke, not which: "the agency", "the ministry".
_GENERIC_ORG_NOUNS = frozenset(
    {
        "agency",
        "ministry",
        "army",
        "government",
        "police",
        "council",
        "service",
        "group",
        "center",
        "centre",
        "committee",
        "office",
        "military",
        "monitor",
        "observatory",
        "statement",
        "authorities",
    }
)

# Nouns that head the name of a body: "the Sawaiq al-Rahman brigade", "Central Military Media".
_ORG_HEADS = frozenset(
    {
        "brigade",
        "brigades",
        "battalion",
        "front",
        "army",
        "forces",
        "movement",
        "media",
        "center",
        "centre",
        "council",
        "command",
        "committee",
        "committees",
        "network",
        "agency",
        "ministry",
        "division",
        "corps",
        "group",
        "union",
        "coalition",
    }
)

# Hyphen compounds that relate to a body without naming it: "ISIS-affiliated", "anti-ISIS".
_HYPHEN_COMPOUND = re.compile(r"[\w.’']+(?:-[\w.’']+)+")

_SO_CALLED = re.compile(r"^(?:the\s+)?so-called\s+", re.IGNORECASE)

MAX_BODY_NAME_WORDS = 6  # words before "brigade" in "the Sawaiq al-Rahman brigade"


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    source_org: str | None


@dataclass(slots=True)
class SourceMemory:
    """What the document has said about sources so far, for pronouns and descriptions.

    Names (``by_head``) hold for the whole document; the last speaker (``last``) until
    another is named, or until ``new_paragraph`` says the text has moved on.
    """

    last: Attribution | None = None
    by_head: dict[str, Attribution] = field(default_factory=dict)

    def remember(self, attribution: Attribution) -> None:
        if attribution.source.lower() in PRONOUNS:
            return
        self.last = attribution
        self.note_name(attribution)

    def note_name(self, attribution: Attribution) -> None:
        """Remember a named speaker for descriptions ("the agency") only, not pronouns."""
        for name in (attribution.source, attribution.source_org):
            if name:
                self.by_head[name.split()[-1].lower()] = attribution

    def new_paragraph(self) -> None:
        """A paragraph that names no speaker of its own: pronouns and descriptions in it
        ("he said", "the statement") no longer reach the last speaker."""
        self.last = None


def organisation(
    subject: Token, phrase: Span, named: Span | None, memory: SourceMemory
) -> str | None:
    """The organisation behind a speaker: the actor table, an organisation named in the
    subject or its apposition ("Defense Ministry spokesperson X", "X, Riverwatch's
    coordinator"), the speaker itself when it is one, or an earlier mention that a
    surname or a description ("the agency", "agency spokeswoman X") points to."""
    appositions = [c for c in subject.children if c.dep_ == "appos"]
    spans = [phrase, *(subject.doc[a.left_edge.i : a.right_edge.i + 1] for a in appositions)]
    found = next((org for span in spans if (org := org_of(span.text)) is not None), None)
    if found is not None:
        return found
    for span in spans:
        for ent in entities_in(span):
            if _is_named_organisation(ent):
                return _clean_name(ent.text)
    if _names_a_body(subject, phrase):
        return _clean_name(subject.doc[phrase.start : subject.i + 1].text)
    workplace = _workplace(subject)
    if workplace is not None:
        return workplace
    keys = [named.text.split()[-1].lower()] if named is not None else []
    keys += [
        t.lower_  # "agency spokeswoman X", "the Observatory"; not a word of the name itself
        for t in phrase
        if t.pos_ in {"NOUN", "PROPN"}
        and not _in_compound(t)
        and (named is None or not named.start <= t.i < named.end)
    ]
    earlier = next((memory.by_head[key] for key in keys if key in memory.by_head), None)
    if earlier is None and named is None and is_description(phrase):
        earlier = memory.last
    return earlier.source_org if earlier else None


def _workplace(subject: Token) -> str | None:
    """ "A source at Aleppo Governorate", "an official at the Damascus Police Command":
    the body a speaker works at, named after "at"."""
    for preposition in subject.rights:
        if preposition.dep_ == "prep" and preposition.lower_ == "at":
            place = next((c for c in preposition.children if c.dep_ == "pobj"), None)
            if place is not None and place.pos_ == "PROPN":
                words = subject.doc[place.left_edge.i : place.i + 1]
                return _clean_name(without_article(words).text)
    return None


def _in_compound(token: Token) -> bool:
    """Whether ``token`` is part of a hyphen compound ("ISIS" of "ISIS-affiliated")."""
    doc = token.doc
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    return after or (token.i > 0 and doc[token.i - 1].text == "-")


def _names_a_body(subject: Token, phrase: Span) -> bool:
    """ "the Sawaiq al-Rahman brigade", "The Central Military Media": proper names headed
    by a word for a body name an organisation, even when lower-cased or unlabelled."""
    names = [
        t
        for t in phrase
        if t.pos_ == "PROPN" and t.i < subject.i and t.is_alpha and entity_label(t) != "DATE"
    ]
    return (
        subject.lower_ in _ORG_HEADS
        and subject.i - phrase.start <= MAX_BODY_NAME_WORDS
        and any(not is_nationality(t.text) and not is_place_name(t.text) for t in names)
    )


_ORG_NAME_LINKS = frozenset({"of", "for", "the", "on"})
# Words that open a sentence or a phrase before a name: "On Monday the Bureau said"
_BEFORE_A_NAME = frozenset(
    "on in at by after before since during the monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday".split()
)


def named_organisation(source: str) -> str | None:
    """A source the actor table lacks that names an organisation in full ("the
    International Maritime Bureau", "U.S. Geological Survey"): the organisation is
    itself, as written, less the article."""
    words = source.split()
    while words and words[0].lower() in _BEFORE_A_NAME:
        words = words[1:]  # "On Monday the International Maritime Bureau"
    if len(words) < 2 or words[-1] not in entity_vocab().org_words:
        return None
    if not all(word[0].isupper() or word in _ORG_NAME_LINKS for word in words):
        return None  # "a military source", "the Britain-based monitor"
    return " ".join(words)


# An organisation named in full before a verb of saying, in text that is not parsed:
# "the Kestrian Civil Protection Agency said on Tuesday"
_NAMED_SAYING = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of|for|on|[A-Z][\w'’.-]*)){1,7})"
    r"\s+(?:said|says|reported|reports|announced|stated|added|confirmed|estimated)\b"
)


def remember_named_speakers(text: str, start: int, end: int, memory: SourceMemory) -> None:
    """Note the organisations ``text[start:end]`` (not parsed: it holds no claim) names
    as speakers, so that "agency spokeswoman X" or "the agency" later points to them."""
    for match in _NAMED_SAYING.finditer(text, start, end):
        name = match.group("name")
        organisation = org_of(name) or named_organisation(name)
        if organisation is not None:
            memory.note_name(Attribution(name, organisation))


def org_of(text: str | None) -> str | None:
    """The organisation an actor-table alias in ``text`` names.  A possessive written
    without its apostrophe ("MSFs head of mission") still names it; a hyphen compound
    that only relates to one ("ISIS-affiliated", "anti-ISIS", "Daesh-held") does not."""
    if not text:
        return None
    table = actor_table()
    text = _HYPHEN_COMPOUND.sub(lambda match: _unless_relation(match.group(), table), text)
    found = table.organisation(text)
    if found is None:
        text = re.sub(r"(?<=\w)['’]s\b", "", re.sub(r"\b([A-Z]{2,})s\b", r"\1", text))
        found = table.organisation(text)
    return found or _governorate(text)


# "Homs governor", "the governor's office in Homs", "a source at Aleppo Governorate",
# "Qeshm Gov. Heidar Alishvandi"
_GOVERNOR = re.compile(
    r"\b(?P<before>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:[Gg]overnor(?:ate)?\b|Gov\.)"
    r"|\b[Gg]overnor(?:ate)?(?:s|['’]s)?(?: office)? (?:of|in) (?:the )?"
    r"(?P<after>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)"
)


def _governorate(text: str) -> str | None:
    """The governorate a governor or his office speaks for, named by its place."""
    for match in _GOVERNOR.finditer(text):
        if match.group("before") and re.search(r"\bin (?:the )?$", text[: match.start()]):
            continue  # "a military source in the Aleppo Governorate": where, not whose
        place = match.group("before") or match.group("after")
        words = place.split()
        for size in range(len(words), 0, -1):  # "Syrian Homs": the longest known place
            name = " ".join(words[-size:]) if match.group("before") else " ".join(words[:size])
            if is_place_name(name) and not is_country(name):
                return f"{name} Governorate"
    return None


def _unless_relation(word: str, table: ActorTable) -> str:
    """``word`` blanked out if it is a hyphen compound of an alias and another word."""
    if word.casefold().replace("’", "'") in table.organisations:
        return word
    parts = word.split("-")
    related = any(table.organisation(part) is not None for part in parts) and len(parts) > 1
    return " " * len(word) if related else word


def _is_named_organisation(ent: Span) -> bool:
    """An ORG entity that names one ("Riverwatch"), not a bare common noun ("Agency")."""
    if ent.label_ != "ORG":
        return False
    words = [t for t in ent if t.dep_ != "det"]
    return len(words) > 1 or (len(words) == 1 and words[0].lower_ not in _GENERIC_ORG_NOUNS)


def _clean_name(text: str) -> str:
    """An organisation's name without a leading article ("The Food Bank" -> "Food
    Bank"), and without an officer's title and name run on after it ("Central Mat-Su
    Fire Department Chief James Steele", "Oregon State Police Lt. Hastings")."""
    words = re.sub(r"^the\s+", "", clean(text), flags=re.IGNORECASE).split()
    vocab = entity_vocab()
    for index, word in enumerate(words[1:], start=1):
        if word.rstrip(".") in vocab.titles and words[index - 1] in vocab.org_words:
            return " ".join(words[:index])
    return " ".join(words)


def is_description(phrase: Span) -> bool:
    """ "the statement", "the centre": a definite description with no name in it."""
    return phrase[0].lower_ in {"the", "this", "that"} and not any(
        t.pos_ == "PROPN" for t in phrase
    )


def without_article(phrase: Span) -> Span:
    """ "the UN" -> "UN": an article before a name is not part of the name."""
    if len(phrase) > 1 and phrase[0].dep_ == "det":
        rest = phrase[1:]
        if any(e.start == rest.start and e.end == rest.end for e in entities_of(phrase.doc)):
            return rest
    return phrase


def clean(text: str) -> str:
    text = _SO_CALLED.sub("", text.strip(" ,\"“”‘’'"))
    return text.strip(" ,\"“”‘’'")
