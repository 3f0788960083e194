"""Where a figure happened: place entities near it, with compass parts kept apart.

"eastern Aleppo", "east Aleppo" and "the eastern parts of Aleppo" all become
"East Aleppo"; spaCy's small model sometimes tags a city as NORP or PERSON, so a
capitalised name after a locative cue ("from X", "the area of X") counts too.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import doc_text, entities_in, entity_label
from keeptabs.extract.entities import entity_vocab, is_nationality
from keeptabs.extract.gazetteer import is_country, is_place_name
from keeptabs.extract.vocab import action_vocab

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small model tags some cities as NORP ("Aleppo") or PERSON ("Sheikh Maksoud"); after one
# of these prepositions a capitalised name is taken as a place unless it reads as a nationality.
_LOCATIVE_PREPOSITIONS = frozenset(
    {
        "in",
        "from",
        "to",
        "into",
        "of",
        "near",
        "around",
        "across",
        "toward",
        "towards",
        "outside",
        "inside",
    }
)
# A name tagged PERSON after these is a place ("evacuated from Norrow", "40 percent of X");
# "to", "by" and "with" are left out: "told to X", "said by X" name people.
_PERSON_AS_PLACE_PREPOSITIONS = frozenset(
    {"in", "from", "of", "into", "near", "around", "across", "outside", "inside", "at"}
)
MAX_SKIPPED = 2  # articles/adjectives between a preposition and its place
_NATIONALITY = re.compile(r"(?:an|ian|ish|ese|ic|i|ch)s?$")
_DIRECTION = re.compile(
    r"\b(?P<dir>north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)"
    r"(?:ern)?\b(?:\s+(?:parts?|neighbou?rhoods?|districts?|areas?|sides?|outskirts|suburbs|countryside|sectors?)\s+of)?"
    r"(?:\s+the)?\s*$",
    re.IGNORECASE,
)
_LOCATIVE_NOUN = re.compile(
    r"\b(?:area|district|neighbou?rhood|town|village|city|region|province|governorate|camp|suburb|quarter)s?\s+of\s+$",
    re.IGNORECASE,
)
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})
_PART_NOUNS = frozenset(
    {
        "part",
        "parts",
        "area",
        "areas",
        "side",
        "half",
        "districts",
        "neighbourhoods",
        "neighborhoods",
    }
)
_CALENDAR_WORD = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December)(?:['’]?s)?$"
)
# "al-Salehia village", "Salaheddin district": a settlement word after a name.
_SETTLEMENT_AFTER = re.compile(
    r"\s+(?:village|town|city|neighbou?rhood|district|camp|province|governorate|suburb|countryside)s?\b"
)
_ADMIN_WORDS = frozenset({"district", "province", "governorate", "region", "area", "city", "town"})
_AFFIX_AFTER = re.compile(r"-(?:based|backed|led|born|funded|run|held|controlled|allied)\b")
_COORDINATION = re.compile(r"\s*(?:,|and|, and)\s*")
DIRECTION_WINDOW = 45  # characters before a name searched for "the eastern parts of"


def find_place(
    sentence: Span, clause: Span, anchor: int, *, last_place: str | None = None
) -> str | None:
    """The place in ``clause`` (the claim's verb and its dependents) nearest to token
    ``anchor``, else in the clause it hangs from ("a bomb exploded in X, killing six");
    "the city" or "the town" there means ``last_place``, named before."""
    spans = _place_spans(sentence)
    candidates = [span for span in spans if clause.start <= span.start < clause.end]
    parent = _event_parent(clause)
    if not candidates and parent is not None:
        candidates = [span for span in spans if parent.start <= span.start < parent.end]
    if not candidates and len(clause) < len(sentence):
        # a misattached place ("claims ... flee Aleppo"): the one after the number
        candidates = [span for span in spans if span.start > anchor][:1]
    if not candidates:
        refers_back = any(_is_back_reference(token) for token in clause)
        return last_place if refers_back else None
    after = [span for span in candidates if span.start > anchor]
    span = min(
        after or candidates, key=lambda s: (is_country(_bare_name(s)), abs(s.start - anchor))
    )
    joined = [normalize_place(span)]
    for other in sorted(candidates, key=lambda s: s.start):  # "Aleppo and Deir Ezzor"
        between = (
            doc_text(span.doc)[span.end_char : other.start_char] if other.start > span.start else ""
        )
        if other.start > span.start and _COORDINATION.fullmatch(between):
            joined.append(normalize_place(other))
            span = other
    return " and ".join(joined)


def _event_parent(clause: Span) -> Span | None:
    """The clause of the verb that ``clause`` depends on, unless that is a verb of saying."""
    root = clause.root
    head = root.head
    if root.dep_ == "relcl":  # "an attack on X which killed 86": the noun's own phrase
        return head.doc[head.left_edge.i : root.left_edge.i] if head.i < root.i else None
    if head.i == root.i or head.pos_ not in {"VERB", "AUX"} or root.dep_ == "ccomp":
        return None
    if head.lemma_.lower() in action_vocab().reporting:
        return None
    return head.doc[head.left_edge.i : head.right_edge.i + 1]


def last_place_named(sentence: Span) -> str | None:
    """The last settlement ``sentence`` names, without compass parts, for "the city" later."""
    spans = sorted(_place_spans(sentence), key=lambda span: span.start)
    return _bare_name(spans[-1]) if spans else None


def _is_back_reference(token: Token) -> bool:
    """ "left the city", "in the town": the settlement named earlier, as a whole.

    "the western part of the city" names a part, not the place of the event.
    """
    return (
        token.lower_ in _SETTLEMENT_NOUNS
        and token.pos_ == "NOUN"
        and any(child.lower_ in {"the", "this"} for child in token.children)
        and not (token.dep_ == "pobj" and token.head.head.lower_ in _PART_NOUNS)
    )


def _place_spans(sentence: Span) -> list[Span]:
    """The places ``sentence`` names (computed once per sentence: every claim asks)."""
    key = f"keeptabs.places.{sentence.start}"
    cached: list[Span] | None = sentence.doc.user_data.get(key)
    if cached is None:
        cached = sentence.doc.user_data[key] = _find_place_spans(sentence)
    return cached


def _find_place_spans(sentence: Span) -> list[Span]:
    entities = entities_in(sentence)
    spans = [_known_head(ent) for ent in entities if ent.label_ in PLACE_LABELS]
    taken = {token.i for span in spans for token in span}
    for ent in entities:
        if (
            ent.label_ in {"NORP", "PERSON", "ORG"}
            and ent.start not in taken
            and _reads_as_place(ent)
        ):
            spans.append(ent)
            taken.update(token.i for token in ent)
    spans.extend(_unlabelled_names(sentence, taken))
    return spans


def _known_head(span: Span) -> Span:
    """ "Aleppo Bombing", "Qamishli Hasaka": the longest leading part the gazetteer knows."""
    if is_place_name(span.text) or len(span) == 1:
        return span
    for end in range(span.end - 1, span.start, -1):
        if is_place_name(span.doc[span.start : end].text):
            return span.doc[span.start : end]
    return span


def _unlabelled_names(sentence: Span, taken: set[int]) -> list[Span]:
    """Runs of proper nouns the model left untagged, after "from", "in", "western" ..."""
    found = []
    index = sentence.start
    while index < sentence.end:
        end = index
        while (
            end < sentence.end
            and sentence.doc[end].pos_ == "PROPN"
            and end not in taken
            and not entity_label(sentence.doc[end])
        ):
            end += 1
        if end > index:
            span = _known_head(sentence.doc[index:end])
            if _reads_as_place(span, untagged=True):
                found.append(span)
            index = end
        else:
            index += 1
    return found


def _reads_as_place(ent: Span, *, untagged: bool = False) -> bool:
    """A name the model tagged as a nationality, a person or nothing, used as a place."""
    if _CALENDAR_WORD.match(ent.text) or is_nationality(ent.text):
        return False  # "of June", "Saturdays blast", "the Syrian city of"
    if is_place_name(ent.text.strip()):
        return True
    if untagged and not _could_be_place_name(ent):
        return False
    text = doc_text(ent.doc)
    if _AFFIX_AFTER.match(text, ent.end_char):
        return False  # "Britain-based", "Daesh-held": part of an adjective
    before = text[max(0, ent.start_char - DIRECTION_WINDOW) : ent.start_char]
    if _LOCATIVE_NOUN.search(before) or _SETTLEMENT_AFTER.match(text, ent.end_char):
        return True
    if _NATIONALITY.search(ent.text) or ent.label_ == "ORG":
        return False
    preposition = _governing_preposition(ent)
    if ent.label_ == "PERSON":
        return preposition in _PERSON_AS_PLACE_PREPOSITIONS
    if untagged:  # "the western MSM": a compass word alone does not make a place
        return preposition in _LOCATIVE_PREPOSITIONS
    return preposition in _LOCATIVE_PREPOSITIONS or bool(_DIRECTION.search(before))


def _could_be_place_name(span: Span) -> bool:
    """Not a title ("President"), an administrative word ("District") or, for one word
    outside the gazetteer, a plural ("Casualties", "Democrats")."""
    words = span.text.split()
    if words[0].rstrip(".") in entity_vocab().titles or words[-1].lower() in _ADMIN_WORDS:
        return False
    return not (len(words) == 1 and words[0].endswith("s") and not words[0].endswith("ss"))


def _governing_preposition(ent: Span) -> str | None:
    """The preposition before a name, across articles and adjectives ("from flooded X")."""
    index = ent.start - 1
    while index >= 0 and ent.doc[index].pos_ in {"DET", "ADJ"} and ent.start - index <= MAX_SKIPPED:
        index -= 1
    return ent.doc[index].lower_ if index >= 0 else None


def _bare_name(span: Span) -> str:
    name = span.text.strip(" \"“”‘’'")
    words = name.split()
    if len(words) > 1 and _is_possessive_place(words[0]):
        name = " ".join(words[1:])  # "Syria's Hama", "Aleppos Salaheddin": the inner place
    name = re.sub(r"^(?:the\s+)", "", name, flags=re.IGNORECASE)
    return re.sub(r"\s+(?:city|town)$", "", name, flags=re.IGNORECASE)


def _is_possessive_place(word: str) -> bool:
    """ "Syria's" or, with the apostrophe lost in scraping, "Syrias"."""
    stem = re.sub(r"(?:['’]s|s)$", "", word)
    return stem != word and is_place_name(stem)


def normalize_place(span: Span) -> str:
    """The place as written, with a compass part folded in front: "East Aleppo"."""
    name = _bare_name(span)
    before = doc_text(span.doc)[max(0, span.start_char - DIRECTION_WINDOW) : span.start_char]
    match = _DIRECTION.search(before)
    if match:
        return f"{match.group('dir').capitalize()} {name}"
    return name
