"""Where a figure happened: place entities near it, with compass parts kept apart.

"eastern Aleppo", "east Aleppo" and "the eastern parts of Aleppo" all become
"East Aleppo"; spaCy's small model sometimes tags a city as NORP or PERSON, so a
capitalised name after a locative cue ("from X", "the area of X") counts too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from keeptabs.extract.doctext import doc_text, entities_in, entity_label, span_text
from keeptabs.extract.entities import entity_vocab, is_nationality
from keeptabs.extract.gazetteer import (
    capital_of,
    city_population,
    country_of,
    is_country,
    is_place_name,
    place_first_words,
    possessive_place,
)
from keeptabs.extract.vocab import action_vocab, actor_table, load_data

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
    r"\b(?P<dir>north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|central)"
    r"(?:ern)?\b(?:"
    # "western regime-held neighbourhoods of": who holds the part does not change it
    r"(?:\s+\w+-\w+|\s+(?:rebel|regime|opposition|government|residential|besieged))*"
    r"\s+(?:parts?|neighbou?rhoods?|districts?|areas?|sides?|outskirts|suburbs|countryside|sectors?)\s+(?:of|in)"
    # "the eastern suburbs of the capital Damascus", but "the northern city of Aleppo" is
    # all of Aleppo
    r"(?:\s+the)?(?:\s+(?:capital|city|town|village|province)(?:\s+of)?)?)?"
    r"(?:\s+the)?\s*$",
    re.IGNORECASE,
)
# "in the north of Raqqa city": a part of the city ("north of Raqqa" lies outside it)
_DIRECTION_OF = re.compile(
    r"\bthe\s+(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"\s+of\s+(?:the\s+)?(?:(?:capital|city|town|village)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_BORDER = re.compile(
    r"\b(?P<countries>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\s+border(?:\s+crossing)?\b"
    r"(?!\s+(?:town|village|city|area|region|guards?|police)\b)"  # "a Syrian border town"
)
_SURROUNDINGS = re.compile(r" and its (?:countryside|surroundings)\b")  # a region around a city
# "the district of X" is a district, but "a northern district of X" is a part of X
_A_PART_OF = re.compile(
    r"\ban?\s+(?:[\w-]+\s+)?(?:district|neighbou?rhood|quarter|suburb|area)\s+of\s+$",
    re.IGNORECASE,
)
_LOCATIVE_NOUN = re.compile(
    r"\b(?P<kind>area|district|neighbou?rhood|town|village|city|region|province|governorate|camp|suburb|quarter)s?\s+of\s+$",
    re.IGNORECASE,
)
# Nouns that, with "the", mean a place named before ("the city", "the country").
_BACK_NOUNS = frozenset(
    {"city", "town", "village", "camp", "country", "capital", "pocket", "neighbourhood"}
    | {"neighborhood", "district", "province", "governorate", "hospital", "place"}
)
_ONLY_WITH_SAME = frozenset({"place"})  # "in the same place", but not "took place"
_BACK_WORDS = _BACK_NOUNS | {f"{noun}s" for noun in _BACK_NOUNS}  # with lost apostrophes
_BACK_WORD_IDS = frozenset(get_string_id(word) for word in _BACK_WORDS)  # as spaCy's LOWER
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})  # may mean the place last named
# "the district of X" ... "the same neighbourhood": words for one kind of place
_KIND_SYNONYMS = {
    "neighborhood": "neighbourhood",
    "district": "neighbourhood",
    "quarter": "neighbourhood",
}
# Places named with their kind in text that is not parsed: "the town of Turmanin", "in
# the Al Mashhad district"
_KIND_OF_NAME = re.compile(
    r"\bthe\s+(?P<kind>town|village|city|district|neighbou?rhood|quarter|camp|suburb)\s+of\s+"
    r"(?P<name>(?:(?:al|el)[- ])?[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*){0,3})"
    r"|\b(?:in|of|on|at|from|near)\s+(?:the\s+)?"
    r"(?P<before>(?:(?:al|el)[- ])?[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*){0,3})"
    r"\s+(?P<after>village|town|district|neighbou?rhood|quarter|camp)\b"
)
# "Rukban camp" is not the town of Rukban; "Sham hospital" is a building named Sham, but
# "Latamneh hospital" the one in the village of Latamneh
_NAMED_KINDS = frozenset({"camp", "pocket", "hospital"})
_NAMED_KINDS_AFTER = re.compile(r"\s+(?:camp|pocket|hospital)s?\b")
_BUILDING_KINDS = frozenset({"hospital"})
_WHOLE_KINDS = frozenset({"province", "governorate"})
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*)*")
_WITHIN = frozenset({"in", "on", "across", "throughout", "inside"})
# Counted nouns that are places themselves: "two other locations", "4 towns".
_PLACE_KIND_NOUNS = frozenset(
    {"location", "site", "area", "town", "village", "city", "neighbourhood", "neighborhood"}
    | {"district", "province", "region", "locality", "place"}
)
_FACILITY_NOUNS = frozenset(
    {"Center", "Centre", "Hospital", "School", "Mosque", "Market", "Square", "Airport", "Street"}
    | {"University", "Stadium", "Prison", "Church", "Bakery", "Base", "Airbase", "Dam"}
)
_FACILITY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_FACILITY_NOUNS)) + r")\b")
_STRIKING_VERBS = frozenset({"hit", "target", "strike", "bomb", "shell", "attack", "storm"})
_FACILITY_PREPOSITIONS = frozenset({"near", "at", "in", "inside", "outside", "on", "from"})
_ORGANISATION_WORDS = frozenset(
    {"Club", "Association", "Council", "Committee", "Party", "Group", "Team", "Company"}
    | {"Bank", "Agency", "Office", "Ministry", "Front", "Army", "Brigade", "Media", "News"}
    | {"Times", "Post", "Herald", "Observer", "Monitor", "Network", "Union", "Society"}
)
_TOWARDS = frozenset({"to", "into", "towards", "toward"})
_COMPASS_WORD = re.compile(
    r"(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(?:ern)?"
)
_CALENDAR_WORD = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:['’]?s)?\.?$"
)
# "al-Salehia village", "Salaheddin district": a settlement word after a name.
_SETTLEMENT_AFTER = re.compile(
    r"\s+(?P<kind>village|town|city|neighbou?rhood|district|camp|pocket|province|governorate|suburb|countryside|hospital)s?\b",
    re.IGNORECASE,
)
_ADMIN_WORDS = frozenset(
    {"district", "province", "governorate", "region", "area", "city", "town", "border", "crossing"}
)
_AFFIX_AFTER = re.compile(r"-(?:based|backed|led|born|funded|run|held|controlled|allied)\b")
_COORDINATION = re.compile(
    r"\s*(?:,|and|, and)\s*(?:(?:north|south|east|west)(?:ern)?\s+|neighbou?ring\s+)?",
    re.IGNORECASE,
)
_CONTAINED_BY = re.compile(
    r"(?:\s+[a-z]+)?\s*(?:(?P<comma>,)|\bin\b)\s*(?:the\s+)?(?:[a-z]+-(?:held|controlled)\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+)?(?:rural\s+)?"
    # "Al-Quriyah southeast of Deir Ezzor": a bearing from the second locates the first
    r"|\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?"
    # "Douma, the largest town in the Eastern Ghouta": an apposition says where it lies
    r"|,?\s+(?:the|a)\s+(?:[a-z-]+\s+){0,3}(?:town|city|village|district|suburb)"
    r"\s+(?:in|of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PART_WORDS = frozenset({"district", "neighbourhood", "neighborhood", "quarter", "suburb"})
_PLURAL_KIND_OF = re.compile(
    r"\b(?:towns|villages|cities|districts|neighbou?rhoods|quarters|areas|provinces|regions)"
    r"\s+(?:of|including|such\s+as)\s+(?:the\s+)?"
)
_PLURAL_KIND_AFTER = re.compile(
    r"\s+(?:towns|villages|cities|districts|neighbou?rhoods|quarters|provinces|regions)\b"
)
_NAME_LIST = re.compile(
    r"(?:(?:al|el)-)?[A-Z][\w'’-]*(?:(?:\s*,\s*|\s+)(?:and\s+)?(?:(?:al|el)-)?[A-Z][\w'’-]*)*"
)
_PART_OF = re.compile(
    r"\s+(?:district|neighbou?rhood|quarter|suburb|zone|area|sector)s?\s+of\s+(?:the\s+)?"
)
_DESTINATION = re.compile(
    r"\b(?:to|towards?|into|(?:bound|headed|heading|destined)\s+for)\s+(?:the\s+)?"
    r"(?:(?!(?:in|at|of|from|near)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Nouns after which "on X" names the place hit.
_ATTACK_NOUNS = frozenset(
    {"attack", "strike", "airstrike", "raid", "assault", "offensive", "bombing", "shelling"}
    | {"bombardment", "offensive", "advance", "push", "march"}
)
_ORIGIN_VERBS = frozenset({"originate", "hail"})
_ORIGIN_NOUNS = frozenset({"native", "mercenary", "national", "citizen", "recruit", "volunteer"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIERS = frozenset({"compound", "nmod", "poss"})
_DIVIDERS = frozenset({"|", "–", "—"})
_COUNTRY_ABBREVIATIONS = frozenset({"U.S.", "US", "USA", "U.S.A.", "UK", "U.K.", "UAE"})
MAX_CLAUSE_CLIMB = 3  # clauses climbed from the figure's own to find the event's place
TITLE_RUN = 4  # tokens either side of a name read for Title Case
MIN_TITLE_WORD = 3  # "in", "of" and "the" stay lower case in Title Case
DIRECTION_WINDOW = 45  # characters before a name searched for "the eastern parts of"
ACTOR_NAME_REACH = 60  # characters either side of a place searched for an actor's name


def find_place(
    sentence: Span,
    clause: Span,
    anchor: int,
    *,
    named: PlaceMemory | None = None,
    skip: tuple[int, int] | None = None,
) -> str | None:
    """The place in ``clause`` (the claim's verb and its dependents) nearest to token
    ``anchor``, else in the clause it hangs from ("a bomb exploded in X, killing six");
    "the city" or "the country" there means the one ``named`` before.  Names within the
    characters ``skip`` (the claim's period: "since Syria's war began") do not count."""
    spans = _place_spans(sentence)
    if skip is not None:
        spans = [span for span in spans if not skip[0] <= span.start_char < skip[1]]
    counted = _counted_head(sentence.doc[anchor])
    if counted.lemma_.lower() in _PLACE_KIND_NOUNS:
        # "two other locations", "4 Syrian towns": places counted, located only by their
        # own phrase ("20 villages in Hama")
        clause = sentence.doc[counted.left_edge.i : counted.right_edge.i + 1]
        own = [span for span in spans if clause.start <= span.start < clause.end]
        return " and ".join(normalize_place(part) for part in own[:1]) or None
    own_back = _own_back_reference(counted, spans)
    if own_back is not None and named is not None:  # "three attacks in the country"
        return named.resolve(own_back)
    candidates = [span for span in spans if clause.start <= span.start < clause.end]
    antecedent = _where_antecedent(clause, spans, anchor)
    own = [span for span in candidates if counted.left_edge.i <= span.start <= counted.right_edge.i]
    if antecedent is not None and not own:  # "in Raqqa where 8000 people remain trapped"
        candidates = [antecedent]
    if not candidates and named is not None:
        # "while six others were killed in a village near the city": the claim's own
        # clause refers back before a clause it hangs from names a place
        own_back = next(
            (t for t in _back_words(clause) if _back_noun(t) not in {None, "country"}), None
        )
        if own_back is not None:
            return named.resolve(own_back)
    parent: Span | None = clause
    for _ in range(MAX_CLAUSE_CLIMB):  # "exploded in X, killing six and wounding 32"
        parent = _event_parent(parent) if not candidates and parent is not None else None
        if parent is None:
            break
        candidates = [span for span in spans if parent.start <= span.start < parent.end]
    if not candidates and len(clause) < len(sentence):
        # a misattached place ("claims ... flee Aleppo"): the one after the number
        candidates = [span for span in spans if span.start > anchor][:1]
    speakers = _speaker_phrases(sentence)
    # "in Douma, the largest town in Eastern Ghouta, where raids killed 16": the container
    # only locates the place it contains, which stands in for it
    candidates = list(
        dict.fromkeys(
            _contained(span, spans) or span
            for span in candidates
            if not _across_divider(span, anchor)
            and not any(
                low <= span.start < high and not low <= anchor < high for low, high in speakers
            )
        )
    )
    back = next(
        (token for token in _back_words(clause) if _back_noun(token) not in {None, "country"}),
        None,
    )
    if (
        back is not None
        and named is not None
        and all(is_country(_bare_name(c)) for c in candidates)
    ):
        # "placed in tunnels under historic parts of the city": the city beats a country
        return named.resolve(back)
    if not candidates:
        there = next((t for t in clause if t.lower_ == "there" and t.dep_ == "advmod"), None)
        if there is not None and named is not None:  # "security forces killed 80 there"
            return named.resolve_there(there)
        # "the city" in the claim's clause, else anywhere in a sentence naming no place
        back = next((token for token in _back_words(clause) if _back_noun(token)), None)
        if back is None and not spans:
            # the topic set before the figure, or the predicate of the counted noun
            # ("civilians that the media claimed were in the city")
            scope = list(sentence[: anchor - sentence.start])
            if counted.dep_ in _SUBJECTS:
                scope += list(counted.head.subtree)
            back = next((token for token in scope if _back_noun(token)), None)
        return named.resolve(back) if back is not None and named is not None else None
    span = min(
        candidates,
        key=lambda s: (
            is_country(_bare_name(s)),
            _is_destination(s),
            s.start < anchor,
            abs(s.start - anchor),
        ),
    )
    listed = _listed_after_kind(span)
    if listed is not None:
        return listed
    place = " and ".join(normalize_place(part) for part in _coordinated(span, candidates))
    return _refined_by_compass(place, span, clause)


def _listed_after_kind(span: Span) -> str | None:
    """ "the towns of Kafr Nabl Maarat Hurma and Saraqeb": the whole list after a plural
    kind of place, as written, where the parser finds only some of its names."""
    text = doc_text(span.doc)
    kinds = list(
        _PLURAL_KIND_OF.finditer(text, max(0, span.start_char - DIRECTION_WINDOW), span.start_char)
    )
    found = _NAME_LIST.match(text, kinds[-1].end()) if kinds else None
    if found and found.end() >= span.end_char and " and " in found.group():
        return found.group()
    # "bomb blasts that hit Tartous Homs and Hasakeh cities"
    low = max(0, span.start_char - DIRECTION_WINDOW)
    for found in _NAME_LIST.finditer(text, low, span.end_char + DIRECTION_WINDOW):
        if (
            found.start() <= span.start_char < found.end()
            and " and " in found.group()
            and _PLURAL_KIND_AFTER.match(text, found.end())
        ):
            return found.group()
    return None


def _where_antecedent(clause: Span, spans: list[Span], anchor: int) -> Span | None:
    """The place a "where" clause hangs from, for the figure that is its subject: "in
    Raqqa where 8000 people remain"."""
    where = next((t for t in clause if t.lower_ == "where" and t.i < anchor), None)
    if where is None or not anchor < clause.root.i:
        return None
    return next((span for span in spans if span.end == where.i), None)


def _speaker_phrases(sentence: Span) -> list[tuple[int, int]]:
    """Token ranges of the speakers named after verbs of saying ("said Dr X, a member of
    parliament for Latakia"): a place there describes the speaker, not the event."""
    key = f"keeptabs.speakers.{sentence.start}"
    cached: list[tuple[int, int]] | None = sentence.doc.user_data.get(key)
    if cached is None:
        cached = sentence.doc.user_data[key] = _find_speaker_phrases(sentence)
    return cached


def _find_speaker_phrases(sentence: Span) -> list[tuple[int, int]]:
    reporting = action_vocab().reporting
    doc = sentence.doc
    verbs = _verbs(doc)
    return [
        (child.left_edge.i, child.right_edge.i + 1)
        for token in (doc[i] for i in range(sentence.start, sentence.end) if i in verbs)
        if token.lemma_.lower() in reporting
        for child in token.children
        if child.dep_ == "nsubj" and child.i > token.i  # a speaker before the verb may be
        # a misparse that swallows the claim's own phrase ("... near Raqqa a monitor said")
    ]


def _counted_head(number: Token) -> Token:
    """The noun a number counts, past the other numbers of a range ("250,000 - 300,000
    civilians")."""
    token = number.head
    for _ in range(MAX_SKIPPED):
        if token.pos_ not in {"NUM", "SYM", "PUNCT"} or token.head.i == token.i:
            break
        token = token.head
    return token


def _own_back_reference(counted: Token, spans: list[Span]) -> Token | None:
    """ "attacks in the country": a place named before, inside the counted noun's own
    phrase, when the phrase names no place itself."""
    if counted.pos_ not in {"NOUN", "PROPN"}:
        return None
    low, high = counted.i, counted.right_edge.i + 1
    if any(low <= span.start < high for span in spans):
        return None
    return next((t for t in _back_words(counted.doc[low:high]) if _back_noun(t)), None)


def _refined_by_compass(place: str, span: Span, clause: Span) -> str:
    """ "In Aleppo city 18 were killed ... in the east of the city": "East Aleppo"."""
    if " " in place:
        return place  # already has a part, or is a run of places
    for token in _back_words(clause):
        if token.i > span.end and _back_noun(token) not in {None, "country"}:
            direction = _compass_of(token)
            part = token.head.head  # "east" in "in the east of the city"
            if direction and part.dep_ == "pobj" and part.head.lower_ in _WITHIN:
                return f"{direction} {place}"
    return place


def _coordinated(span: Span, candidates: list[Span]) -> list[Span]:
    """ "Foua and Kafarya", "Aleppo, Idlib and Hama": the run of places joined to ``span``."""
    text = doc_text(span.doc)
    ordered = sorted(candidates, key=lambda s: s.start)
    index = ordered.index(span)
    low = high = index
    while low > 0 and _COORDINATION.fullmatch(
        text[ordered[low - 1].end_char : ordered[low].start_char]
    ):
        low -= 1
    while high + 1 < len(ordered) and _COORDINATION.fullmatch(
        text[ordered[high].end_char : ordered[high + 1].start_char]
    ):
        high += 1
    return ordered[low : high + 1]


def _across_divider(span: Span, anchor: int) -> bool:
    """ "Israeli attack ... kills three | Jordan Times": a name past a headline's divider
    belongs to the outlet's name, not to the figure."""
    low, high = sorted((span.start, anchor))
    return any(token.text in _DIVIDERS for token in span.doc[low:high])


def _contained(span: Span, spans: list[Span]) -> Span | None:
    """The place ``span`` contains: "Khan Shaikhoun in Idlib Province", "Douma, Rural
    Damascus", "X hospital in the northern Hama governorate": the second name only
    locates the first, where it happened.  A comma in a list ("Aleppo, Hama and Idlib")
    joins equals."""
    text = doc_text(span.doc)
    in_list = any(
        other.start >= span.end and _COORDINATION.fullmatch(text[span.end_char : other.start_char])
        for other in spans
    )
    return next(
        (
            other
            for other in spans
            if other.end <= span.start
            and not is_country(_bare_name(other))
            and (
                (
                    (found := _CONTAINED_BY.fullmatch(text[other.end_char : span.start_char]))
                    is not None
                    and not (found.group("comma") and in_list)
                )
                or _part_of_city(other, span)
            )
        ),
        None,
    )


def _part_of_city(part: Span, city: Span) -> bool:
    """ "the Mezzeh district of Damascus": a part of the city named after it; but "the
    Damascus suburb of Ghouta" names Ghouta, a part of Damascus, after it."""
    between = doc_text(part.doc)[part.end_char : city.start_char]
    if part[-1].lower_ in _PART_WORDS:  # the kind inside the name: "the [al Midan district]"
        between = f" {part[-1].lower_}{between}"
    return _PART_OF.fullmatch(between) is not None and city_population(
        _bare_name(city)
    ) > city_population(_bare_name(part))


def _is_destination(span: Span) -> bool:
    """ "fled to X", "buses bound for X": where people went, not where it happened."""
    text = doc_text(span.doc)
    return (
        _DESTINATION.search(text, max(0, span.start_char - DIRECTION_WINDOW), span.start_char)
        is not None
    )


def _event_parent(clause: Span) -> Span | None:
    """The clause of the verb that ``clause`` depends on, unless that is a verb of saying."""
    root = clause.root
    head = root.head
    if root.dep_ in {"relcl", "acl"} and head.i < root.i:
        # "an attack on X which killed 86", "clashes near X left 40 dead": the noun's phrase
        return head.doc[head.left_edge.i : root.left_edge.i]
    if root.pos_ not in {"VERB", "AUX"}:
        # a noun phrase ("rockets" in "a facility in X was hit by rockets killing six"):
        # the verb it belongs to
        while head.head.i != head.i and head.pos_ not in {"VERB", "AUX"}:
            head = head.head
    if head.i == root.i or head.pos_ not in {"VERB", "AUX"} or root.dep_ == "ccomp":
        return None
    if root.dep_ == "conj" and _has_subject(root):
        return None  # "residents left Aleppo, and militants laid down their weapons"
    if head.lemma_.lower() in action_vocab().reporting:
        return None
    return head.doc[head.left_edge.i : head.right_edge.i + 1]


@dataclass(slots=True)
class PlaceMemory:
    """The places a document has named so far, for "the city" or "the country" later.

    A name written with its kind ("al-Salehia village", "the town of X") is kept under
    that kind, so "the village" finds it even after a province was named.
    """

    last: str | None = None  # the last place other than a country
    country: str | None = None
    by_kind: dict[str, str] = field(default_factory=dict)

    def remember(self, sentence: Span, *, up_to: int | None = None) -> None:
        """Keep the places ``sentence`` names (those before token ``up_to`` if given)."""
        text = doc_text(sentence.doc)
        spans = _place_spans(sentence)
        end = sentence.end_char
        if up_to is not None:
            spans = [span for span in spans if span.end <= up_to]
            end = sentence.doc[up_to].idx if up_to < len(sentence.doc) else end
        found = _kind_names(text, sentence.start_char, end)
        found.update((span.start_char, _bare_name(span)) for span in spans)
        for at, name in sorted(found.items()):
            self._note(text, name, at, at + len(name))

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
        found.update(_kind_names(text, start, end))
        for at, name in sorted(found.items()):
            self._note(text, name, at, at + len(name))

    def _note(self, text: str, name: str, start: int, end: int) -> None:
        """Keep ``name``, written at ``text[start:end]``, under its kind if it has one."""
        if is_country(name):
            self.country = name
            return
        before = text[max(0, start - DIRECTION_WINDOW) : start]
        kind = (
            None if _A_PART_OF.search(before) else _LOCATIVE_NOUN.search(before)
        ) or _SETTLEMENT_AFTER.match(text, end)
        noun = kind.group("kind").lower() if kind else None
        noun = _KIND_SYNONYMS.get(noun, noun) if noun else None
        if noun is not None:
            named = _NAMED_KINDS_AFTER.match(text, end)
            self.by_kind[noun] = _named_kind(name, named.group().strip()) if named else name
        if (noun is None or noun in _SETTLEMENT_NOUNS) and name.split()[-1].lower() not in (
            _ADMIN_WORDS
        ):
            self.last = name  # a province or a camp is no "the town"

    def resolve(self, token: Token) -> str | None:
        """The place "the city", "the village", "the country" or "the capital" means,
        with a compass part in front ("the east of the city": "East Aleppo"); places
        named earlier in the token's own sentence count."""
        noun = _back_noun(token)
        if noun is None:
            return None
        if any(span.end <= token.i for span in _place_spans(token.sent)):
            here = replace(self, by_kind=dict(self.by_kind))
            here.remember(token.sent, up_to=token.i)
            return here._resolve(noun, token)
        return self._resolve(noun, token)

    def resolve_there(self, token: Token) -> str | None:
        """The place "there" means: the one last named, in the token's sentence too."""
        here = replace(self, by_kind=dict(self.by_kind))
        here.remember(token.sent, up_to=token.i)
        return here.last

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
        elif noun in _SETTLEMENT_NOUNS:
            name = self.by_kind.get(noun) or self.last
        elif noun in _ONLY_WITH_SAME:  # "in the same place": the place last named
            name = self.last
        else:  # "the province", "the camp": only one named as such
            name = self.by_kind.get(_KIND_SYNONYMS.get(noun, noun))
        direction = _compass_of(token)
        return f"{direction} {name}" if name and direction else name


def _kind_names(text: str, start: int, end: int) -> dict[int, str]:
    """Names written with their kind in ``text[start:end]`` ("the town of Turmanin", "in
    the Leramun district"), by where they start: the parser may not tag them."""
    found = {}
    for match in _KIND_OF_NAME.finditer(text, start, end):
        group = "name" if match.group("name") else "before"
        name = match.group(group)
        if not (
            _CALENDAR_WORD.match(name)  # "on Monday village elders"
            or is_nationality(name.split()[0])  # "in Kurdish town"
            or actor_table().is_actor(name)  # "in Daesh town"
        ):
            found[match.start(group)] = name
    return found


def _compass_of(token: Token) -> str | None:
    """ "the east of the city", "the eastern suburbs of the capital", "the lower town":
    the part named."""
    level = next((c.lower_ for c in token.children if c.lower_ in {"lower", "upper"}), None)
    if level is not None:
        return level.capitalize()
    whose = _COMPASS_WORD.fullmatch(token.head.lower_)
    if token.dep_ in {"poss", "compound"} and whose:  # "the country's north"
        return whose.group("dir").capitalize()
    if not (token.dep_ == "pobj" and token.head.lower_ == "of"):
        return None
    part = token.head.head
    if not any(child.lower_ == "the" for child in part.children):
        return None  # "east of the city" is outside it; "a western district" is some district
    for word in (part, *part.children):
        found = _COMPASS_WORD.fullmatch(word.lower_)
        if found:
            return found.group("dir").capitalize()
    return None


def _back_words(span: Span) -> Iterator[Token]:
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


def _back_noun(token: Token) -> str | None:
    """ "left the city", "in the village", "the city center", "the countrys population":
    the kind of place named earlier that ``token`` refers to. Not a destination
    ("crossed into the western part of the city")."""
    noun = token.lower_
    if noun not in _BACK_WORDS:
        return None  # most tokens: no attribute but the text read
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        noun.endswith("s")
        and noun[:-1] in _BACK_NOUNS
        and following is not None
        and following.pos_ == "NOUN"
    ):
        noun = noun[:-1]  # a possessive scraped without its apostrophe: "the hospitals surgeon"
    if noun not in _BACK_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if noun in _ONLY_WITH_SAME and not any(child.lower_ == "same" for child in token.children):
        return None
    holder = token.head if token.dep_ in {"compound", "poss"} else token  # "the city center"
    if not any(child.lower_ in {"the", "this"} for child in (*token.children, *holder.children)):
        return None
    preposition = holder.head if holder.dep_ == "pobj" else None
    while preposition is not None and preposition.lower_ == "of":  # "into the west of X"
        preposition = preposition.head.head if preposition.head.dep_ == "pobj" else None
    if preposition is not None and preposition.lower_ in _TOWARDS:
        return None
    return noun


def _place_spans(sentence: Span) -> list[Span]:
    """The places ``sentence`` names (computed once per sentence: every claim asks)."""
    key = f"keeptabs.places.{sentence.start}"
    cached: list[Span] | None = sentence.doc.user_data.get(key)
    if cached is None:
        cached = sentence.doc.user_data[key] = _find_place_spans(sentence)
    return cached


def _find_place_spans(sentence: Span) -> list[Span]:
    entities = entities_in(sentence)
    spans = [
        _known_head(ent)
        for ent in entities
        if ent.label_ in PLACE_LABELS and not _unknown_in_title_case(ent)
    ]
    taken = {token.i for span in spans for token in span}
    for ent in entities:
        if ent.label_ not in {"NORP", "PERSON", "ORG"} or ent.start in taken:
            continue
        known = _known_part(ent)
        if (len(ent) == 1 and _is_possessive_place(ent.text)) or _reads_as_place(known or ent):
            spans.append(known if known is not None else ent)
            taken.update(token.i for token in ent)
    spans.extend(_unlabelled_names(sentence, taken))
    spans.extend(_joined_names(entities, spans))
    for name in _names_with_kind(sentence):
        inside = [span for span in spans if _overlap(name, span)]
        if len(inside) == 1 and _inside(inside[0], name):
            spans.remove(inside[0])  # "the al Midan district", "the neighborhood of Bab
            # Alnairab": the name, not its "Midan" or its "Bab"
        if not any(_overlap(name, span) for span in spans):
            spans.append(name)
    for border in _border_names(sentence):  # "the Turkish border": not Turkey
        spans = [span for span in spans if not _overlap(border, span)] + [border]
    facilities = _facility_names(sentence, spans)
    if facilities:  # "Research" and "Tests Center" were parts of one facility's name
        spans = [s for s in spans if not any(f.start <= s.start < f.end for f in facilities)]
    spans.extend(facilities)
    if not spans:
        return spans
    text = doc_text(sentence.doc)
    return [
        span
        for span in spans
        if not _in_actor_name(span, text)  # "the Islamic State in Iraq and the Levant"
        and not _is_country_modifier(span)
        and not _is_agent(span)
        and not _names_origin(span)
        and not _AFFIX_AFTER.match(text, span.end_char)  # "Istanbul-based", "US-led"
    ]


def _in_actor_name(span: Span, text: str) -> bool:
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


def _border_names(sentence: Span) -> list[Span]:
    """ "near the Turkish border", "a Syria-Turkey border crossing": a border named by its
    countries is a place of its own, not either country."""
    text = doc_text(sentence.doc)
    found = []
    for match in _BORDER.finditer(text, sentence.start_char, sentence.end_char):
        words = re.split(r"[\s-]+", match.group("countries"))
        if all(is_nationality(w) or is_country(w) or country_of(w) for w in words):
            span = sentence.doc.char_span(*match.span(), alignment_mode="contract")
            if span is not None and len(span):
                found.append(span)
    return found


def _names_with_kind(sentence: Span) -> list[Span]:
    """Names written with their kind, which model and gazetteer may not know or may know
    only in part: "the al Midan district of Damascus", "the town of Turmanin"."""
    text = doc_text(sentence.doc)
    spans = (
        sentence.doc.char_span(start, start + len(name), alignment_mode="contract")
        for start, name in _kind_names(text, sentence.start_char, sentence.end_char).items()
    )
    found = []
    for span in spans:
        while span is not None and len(span) > 1 and not _name_word(span[-1]):
            span = span[:-1]  # "near the town of Manbij Killing 80": a headline's verb
        if span is not None and len(span):
            found.append(span)
    return found


def _name_word(token: Token) -> bool:
    """A capitalised word that is no verb: a word of a name ("Alnairab", tagged ADJ), not
    a Title Case headline's participle ("Killing", tagged PROPN)."""
    participle = token.lower_.endswith("ing") and not is_place_name(token.text)
    return token.text[:1].isupper() and token.pos_ not in {"VERB", "AUX"} and not participle


def _inside(part: Span, name: Span) -> bool:
    """Whether ``part`` is a piece of ``name`` at one of its ends, and the rest of the name
    is more name but no known place of its own ("Qamishli Hasaka" is two places, "Manbij
    Killing" a place and a headline's verb)."""
    if not (name.start <= part.start and part.end <= name.end) or len(part) == len(name):
        return False
    rest = (
        name.doc[part.end : name.end]
        if part.start == name.start
        else name.doc[name.start : part.start]
    )
    return all(_name_word(t) or t.lower_ in {"al", "el"} for t in rest) and not is_place_name(
        rest.text
    )


def _overlap(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end


def _joined_names(entities: list[Span], spans: list[Span]) -> list[Span]:
    """ "the neighbourhoods of Karam Alnozha and Tal Alzarazir": a name joined by "and"
    to a place is a place too, though no cue stands before it."""
    joined = []
    for ent in entities:
        root = ent.root
        if root.dep_ != "conj" or any(s.start <= root.i < s.end for s in spans):
            continue
        if ent.label_ not in {"PERSON", "ORG"} or _CALENDAR_WORD.match(ent.text):
            continue
        if any(s.start <= root.head.i < s.end for s in spans) and _could_be_place_name(ent):
            joined.append(ent)
    return joined


def _facility_names(sentence: Span, found: list[Span]) -> list[Span]:
    """ "near the Research and Tests Center", "at Al-Quds Hospital": a capitalised name
    ending in a facility noun after a locative preposition is a place (spaCy's FAC)."""
    doc = sentence.doc
    facilities: list[Span] = []
    if not _FACILITY_WORD.search(span_text(sentence)):
        return facilities  # the usual case, decided on the text alone
    for token in sentence:
        if token.text not in _FACILITY_NOUNS:
            continue
        start = token.i
        while (
            start > sentence.start
            and (
                doc[start - 1].text[:1].isupper()
                or doc[start - 1].lower_ in {"al", "el", "-"}  # "al-Kallasa Street"
                or (doc[start - 1].lower_ in {"and", "of"} and doc[start - 2].text[:1].isupper())
            )
        ):
            start -= 1
        if start == token.i or any(
            s.start <= token.i and start < s.end and is_place_name(s.text) for s in found
        ):
            continue  # no name before it, or a known place in it ("Aleppo University": Aleppo)
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.lower_ == "the" and start > 1:
            before = doc[start - 2]
        name = doc[start : token.i + 1]
        if _in_title_case(name):
            continue  # "Bombers Detonate Explosives Near Police Station": a headline's capitals
        if before is not None and (
            before.lower_ in _FACILITY_PREPOSITIONS or before.lemma_.lower() in _STRIKING_VERBS
        ):
            facilities.append(name)
    return facilities


def _known_head(span: Span) -> Span:
    """ "Aleppo Bombing", "Qamishli Hasaka": the longest leading part the gazetteer knows."""
    return _known_part(span, leading=True) or span


def _known_part(span: Span, *, leading: bool = False) -> Span | None:
    """The longest part of a name the gazetteer knows: "Qamishli Hasaka" -> "Qamishli",
    "Syrias Aleppo Bomb Blast" -> "Aleppo"; ``None`` when no part is known."""
    text = doc_text(span.doc)
    if is_place_name(text[span.start_char : span.end_char]):
        return span
    tokens = list(span)
    first_words = place_first_words()
    best: tuple[int, int] | None = None
    for first, token in enumerate(tokens[:1] if leading else tokens):
        if token.text not in first_words:
            continue  # no known name starts with this word: skip without building parts
        for last in range(len(tokens) - 1, first - 1, -1):
            whole = (first, last) == (0, len(tokens) - 1)
            if whole or (best is not None and last - first <= best[1] - best[0]):
                continue  # the whole name was tried; a part no longer than the best loses
            part = text[token.idx : tokens[last].idx + len(tokens[last])]
            if is_place_name(part) and not _COMPASS_WORD.fullmatch(part.lower()):
                best = (first, last)
                break
    if best is None:
        return None
    return span.doc[span.start + best[0] : span.start + best[1] + 1]


def _is_agent(span: Span) -> bool:
    """ "Russia has lost 12 soldiers", "Israel seized the Golan": a country or city as the
    subject of a transitive verb stands for its government, not for the place of the event."""
    root = span.root
    if span.start > 0 and span.doc[span.start - 1].lower_ in _BACK_NOUNS:
        return False  # "near the capital Damascus killed 23": a name in apposition, misparsed
    owner = root
    if root.dep_ == "poss" or _is_possessive_place(span.text):
        while owner.dep_ in _MODIFIERS and owner.head.i > owner.i:
            owner = owner.head  # "Turkeys state-run agency reported": the agency's owner
    if owner.dep_ == "nsubj" and owner.head.lemma_.lower() in action_vocab().reporting:
        return True  # "what the United States says was an attack": a speaker
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    # "Iran is his closest ally and has extended him credit": verbs sharing the subject
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and not _has_subject(c))]
    return any(
        verb.pos_ == "VERB"
        and verb.tag_ != "VBG"  # "throughout Raqqa destroying structures"
        and any(child.dep_ == "dobj" for child in verb.children)  # "after Palmyra fell"
        for verb in verbs
    )


def _names_origin(span: Span) -> bool:
    """ "nine natives from the North Caucasus", "mercenaries originating from Tunisia":
    where people come from, not where the event happened."""
    preposition = span.root.head
    if span.root.dep_ != "pobj" or preposition.lower_ not in {"from", "of"}:
        return False
    owner = preposition.head
    if preposition.lower_ == "of":  # "nine natives of the Northern Caucasus"
        return owner.lemma_.lower() in _ORIGIN_NOUNS
    if owner.lemma_.lower() in _ORIGIN_VERBS:
        return True
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in _person_nouns()


@cache
def _person_nouns() -> frozenset[str]:
    return frozenset(load_data("candidates.json")["person_nouns"]) | _ORIGIN_NOUNS


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in _SUBJECTS for child in verb.children)


def _is_country_modifier(span: Span) -> bool:
    """ "Syria evacuees", "the Syria situation", "U.S. raids": a country before a common
    noun it modifies works as an adjective, not as the place of the event."""
    root = span.root
    before = doc_text(span.doc)[max(0, span.start_char - DIRECTION_WINDOW) : span.start_char]
    return (
        not _DIRECTION.search(before)  # "Central Syria Attack" names a region
        and not (len(span) == 1 and _is_possessive_place(span.text))  # "Syrias war"
        and (is_country(_bare_name(span)) or span.text in _COUNTRY_ABBREVIATIONS)
        and root.dep_ in {"compound", "nmod", "amod"}
        and span.end <= root.head.i <= span.end + MAX_SKIPPED
        and root.head.pos_ == "NOUN"
    )


def _unlabelled_names(sentence: Span, taken: set[int]) -> list[Span]:
    """Runs of proper nouns the model left untagged, after "from", "in", "western" ..."""
    found = []
    proper = _proper_nouns(sentence.doc)
    index = sentence.start
    while index < sentence.end:
        end = index
        while (
            end < sentence.end
            and end in proper
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


def _proper_nouns(doc: Doc) -> frozenset[int]:
    """Indices of the Doc's proper nouns, read from one array."""
    return _tagged(doc, PROPN)


def _verbs(doc: Doc) -> frozenset[int]:
    return _tagged(doc, VERB)


def _tagged(doc: Doc, pos: int) -> frozenset[int]:
    """Indices of the Doc's tokens with coarse tag ``pos``, read from one array."""
    key = f"keeptabs.pos.{pos}"
    found: frozenset[int] | None = doc.user_data.get(key)
    if found is None:
        tags = doc.to_array(POS).tolist()
        found = doc.user_data[key] = frozenset(i for i, tag in enumerate(tags) if tag == pos)
    return found


def _reads_as_place(ent: Span, *, untagged: bool = False) -> bool:
    """A name the model tagged as a nationality, a person or nothing, used as a place."""
    if _CALENDAR_WORD.match(ent.text) or is_nationality(ent.text):
        return False  # "of June", "Saturdays blast", "the Syrian city of"
    if is_place_name(ent.text.strip()):
        return True
    if actor_table().is_actor(ent.text):
        return False  # "raids on the Islamic State"
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
    if not _could_be_place_name(ent) or _in_title_case(ent):
        return False  # "Casualties", "District"; any name in "Killed in Suspected Gas Attack"
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in {"a", "an"}:
        return False  # "concealed in a Mazda": a thing of that make, no place
    head = ent.root.head
    if (
        ent.root.dep_ in _MODIFIERS
        and head.pos_ == "NOUN"
        and head.i >= ent.end
        and head.lemma_.lower() not in _PLACE_KIND_NOUNS  # "the Sumaria area"
    ):
        return False  # "in Assad clans hometown": a name describing a common noun
    preposition = _governing_preposition(ent)
    if ent.label_ == "PERSON":
        return preposition in _PERSON_AS_PLACE_PREPOSITIONS
    if untagged:  # "the western MSM": a compass word alone does not make a place
        return preposition in _LOCATIVE_PREPOSITIONS
    return preposition in _LOCATIVE_PREPOSITIONS or bool(_DIRECTION.search(before))


def _unknown_in_title_case(ent: Span) -> bool:
    """ "Dozens Wounded in Terrorist Battle in Aleppo": in a Title Case run the model
    takes capitalised words for names; only the gazetteer's names count there."""
    return _known_part(ent, leading=True) is None and _in_title_case(ent)


def _in_title_case(span: Span) -> bool:
    """A name inside a run of Title Case ("58 Killed in Suspected Gas Attack in Syrias
    Idlib"): every word is capitalised there, so capitals do not mark a name."""
    doc = span.doc
    low, high = max(0, span.start - TITLE_RUN), min(len(doc), span.end + TITLE_RUN)
    words = [
        token.text
        for token in doc[low:high]
        if token.is_alpha and len(token) > MIN_TITLE_WORD and not span.start <= token.i < span.end
    ]
    return len(words) >= 2 and all(word[0].isupper() for word in words)


def _could_be_place_name(span: Span) -> bool:
    """Not a title ("President"), an administrative word ("District") or, for one word
    outside the gazetteer, a plural ("Casualties", "Democrats")."""
    words = span.text.split()
    if words[0].rstrip(".") in entity_vocab().titles or words[0].lower() in _ADMIN_WORDS:
        return False  # "President X", "District" ("Vell Province" is a name)
    if words[-1] in _ORGANISATION_WORDS:
        return False  # "Norrow Rowing Club", "Aleppo Media Center"
    return not (len(words) == 1 and words[0].endswith("s") and not words[0].endswith("ss"))


def _governing_preposition(ent: Span) -> str | None:
    """The preposition before a name, across articles and adjectives ("from flooded X");
    "on" counts as "in" after an attack ("the strike on X", "raids on X")."""
    index = ent.start - 1
    while index >= 0 and ent.doc[index].pos_ in {"DET", "ADJ"} and ent.start - index <= MAX_SKIPPED:
        index -= 1
    if index < 0:
        return None
    word = ent.doc[index]
    if word.lower_ == "on" and index > 0 and word.doc[index - 1].lemma_.lower() in _ATTACK_NOUNS:
        return "in"
    return word.lower_


def _bare_name(span: Span) -> str:
    name = span.text.strip(" \"“”‘’'")
    words = name.split()
    if len(words) > 1 and _is_possessive_place(words[0]):
        name = " ".join(words[1:])  # "Syria's Hama", "Aleppos Salaheddin": the inner place
    elif len(words) == 1 and not is_place_name(name):
        name = possessive_place(name) or name  # "Syrias war": Syria
    name = re.sub(r"^(?:the\s+)", "", name, flags=re.IGNORECASE)
    return re.sub(
        r"\s+(?:city|town|district|neighbou?rhood|quarter)$", "", name, flags=re.IGNORECASE
    )


def _with_kind(span: Span) -> str:
    name = _bare_name(span)
    kind = _SETTLEMENT_AFTER.match(doc_text(span.doc), span.end_char)
    if kind and kind.group("kind").lower() in _NAMED_KINDS:
        return _named_kind(name, kind.group().strip())
    return name


def _named_kind(name: str, kind: str) -> str:
    """ "Rukban camp", "Sham hospital"; but a building named for its place is the place."""
    building = kind.lower().removesuffix("s") in _BUILDING_KINDS
    return name if building and is_place_name(name) else f"{name} {kind}"


def _is_possessive_place(word: str) -> bool:
    return possessive_place(word) is not None


def normalize_place(span: Span) -> str:
    """The place as written, with a compass part folded in front: "East Aleppo"; a camp or
    a pocket named for a place keeps its noun ("Aleppo pocket", "Rukban camp")."""
    name = _with_kind(span)
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - DIRECTION_WINDOW) : span.start_char]
    match = _DIRECTION.search(before) or _DIRECTION_OF.search(before)
    kind = _SETTLEMENT_AFTER.match(text, span.end_char)
    if kind and kind.group("kind").lower() in _WHOLE_KINDS:
        return name  # "northern Idlib province" is the province, named by where it lies
    around = _SURROUNDINGS.match(text, span.end_char)
    if around:  # "Aleppo and its countryside"
        name += around.group()
    if match:
        return f"{match.group('dir').capitalize()} {name}"
    return name
