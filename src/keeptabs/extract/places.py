"""Where a figure happened: of the places its sentence names (``place_spans``), the one
its clause gives, with compass parts folded in; "the city", "there" and "the same place"
resolved against the places named before (``place_memory.PlaceMemory``).

"eastern Aleppo", "east Aleppo" and "the eastern parts of Aleppo" all become
"East Aleppo".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Span, Token

from keeptabs.extract.doctext import doc_text, span_text
from keeptabs.extract.gazetteer import (
    city_population,
    is_country,
    is_place_name,
    possessive_place,
)
from keeptabs.extract.headline_speakers import story_start
from keeptabs.extract.place_memory import (
    PlaceMemory,
    back_noun,
    back_words,
    compass_of,
    named_kind,
    site_name,
)
from keeptabs.extract.place_sites import building_site
from keeptabs.extract.place_spans import place_spans, tagged
from keeptabs.extract.place_words import (
    DIRECTION,
    DIRECTION_WINDOW,
    MAX_SKIPPED,
    PLACE_KIND_NOUNS,
    SETTLEMENT_AFTER,
    SITE_AFTER,
    SITE_KINDS,
    SUBJECTS,
    after_compass,
    bare_name,
    has_subject,
    is_possessive_place,
)
from keeptabs.extract.vocab import action_vocab

# "in the north of Raqqa city": a part of the city ("north of Raqqa" lies outside it)
_DIRECTION_OF = re.compile(
    r"\bthe\s+(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west"
    r"|cent(?:er|re))"
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?(?:capital|city|town|village)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
# "killed south of Homs", "strikes west of the city of Raqqa": a bearing from the place,
# which lies outside it, kept as written
_BEARING_OF = re.compile(
    r"(?:^|[^\w\s]\s*|\b(?!the\b)\w+\s+)(?P<dir>north|south|east|west|north[- ]?east"
    r"|north[- ]?west|south[- ]?east|south[- ]?west)\s+of\s+(?:the\s+)?"
    r"(?:(?:[A-Z][a-z]+\s+)?(?:capital|city|town|village)\s+(?:of\s+)?)?"
    r"(?:(?-i:[A-Z][a-z]+)['’]?s\s+)?$",  # "north of Syrias Aleppo"
    re.IGNORECASE,
)
# "Aleppo eastern countryside": the part named after the place
_DIRECTION_AFTER = re.compile(
    r"\s+(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern"
    r"\s+(?:countryside|suburbs|outskirts|districts|neighbou?rhoods|parts|edges)\b",
    re.IGNORECASE,
)
# A second compass word coordinated before the one that closes on the place
_PAIRED_DIRECTION = re.compile(
    r"\b(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+and\s+$",
    re.IGNORECASE,
)
_CENTRE = {"Center": "Central", "Centre": "Central"}  # "the center of Damascus"
# ... opening a headline without its article: "Center of Damascus Shelled"
_OPENING_CENTRE = re.compile(r"\s*Cent(?:er|re)\s+of\s+")
_SURROUNDINGS = re.compile(  # a region around a city: "Aleppo and the neighbouring countryside"
    r" and (?:its|the) (?:(?:neighbou?ring|surrounding)\s+)?"
    r"(?:countryside|surroundings|towns and villages|villages|towns)\b",
    re.IGNORECASE,
)
# "Rukban camp" is not the town of Rukban; "Sham hospital" is a building named Sham, but
# "Latamneh hospital" the one in the village of Latamneh
_NAMED_KINDS = frozenset({"camp", "pocket", "hospital"})
_WHOLE_KINDS = frozenset({"province", "governorate"})
_WITHIN = frozenset({"in", "on", "across", "throughout", "inside"})
_COORDINATION = re.compile(
    # "Aleppo city and al-Hader town": a kind after a name does not part the list
    r"\s*(?:(?:city|town|village)\s+)?(?:,|and|, and)\s*"
    r"(?:(?:north|south|east|west)(?:ern)?\s+|neighbou?ring\s+)?",
    re.IGNORECASE,
)
# Between the names of a headline's run of places that lost its commas ("attacks in
# Daraa countryside Aleppo Damascus"): nothing, or the kind of the name before.
_UNSEPARATED = re.compile(r"\s+(?:(?:its\s+)?countryside\s+)?", re.IGNORECASE)
_UNSEPARATED_NAME = re.compile(
    r"\s+(?:(?:its\s+)?countryside\s+)?(?P<last>and\s+)?(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)"
)
# "the southern (rebel-held) neighbourhood of X": X is that neighbourhood, not a part of X
_THE_ONE_PART = re.compile(
    r"\bthe\s+(?:north|south|east|west|central)\w*\s+(?:[\w-]+\s+)?"
    r"(?:neighbou?rhood|district|quarter|suburb)\s+of\s+$",
    re.IGNORECASE,
)
_CONTAINED_BY = re.compile(
    r"(?:\s+[a-z]+){0,2}\s*\(?\s*(?:(?P<comma>,)|\bin\b|\bnear\b|\bon\b)\s*(?:the\s+)?"
    r"(?:[a-z]+-(?:held|controlled)\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+(?:parts?\s+of\s+(?:the\s+)?)?)?(?:rural\s+)?"
    r"(?:(?:countryside|outskirts|suburbs|province|governorate)\s+of\s+(?:the\s+)?)?(?:(?:al|el)-)?"
    # "Al-Quriyah southeast of Deir Ezzor": a bearing from the second locates the first
    # ... also at a distance: "Maarat al-Numan about 30 km (20 miles) south of Idlib"
    r"|(?:\s+(?:about|some|around|nearly|only)?\s*\d+\s*(?:km|kilometres|kilometers|miles)"
    r"(?:\s*\(\d+\s*(?:km|miles)\))?)?"
    r"\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?"
    # "Douma, the largest town in the Eastern Ghouta": an apposition says where it lies
    # ("the village of Hassadjek" right after a name names the village, not its container)
    r"|,?\s+(?:the|a)\s+(?:(?:[a-z-]+\s+){1,3}(?:town|city|village|district|suburb)\s+of"
    r"|(?:[a-z-]+\s+){0,3}(?:town|city|village|district|suburb)\s+in)\s+(?:the\s+)?",
    re.IGNORECASE,
)
MAX_OWNED_GAP = 4  # tokens from a possessive place to the place it owns ("opposition-held")
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
_ISLAND_OF = re.compile(r"\s+islands?\s+of\s+", re.IGNORECASE)
_DESTINATION = re.compile(
    r"\b(?:to|towards?|into|(?:bound|headed|heading|destined)\s+for)\s+(?:the\s+)?"
    r"(?:(?!(?:in|at|of|from|near)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_DIVIDERS = frozenset({"|", "–", "—"})
MAX_CLAUSE_CLIMB = 3  # clauses climbed from the figure's own to find the event's place


def find_place(
    sentence: Span,
    clause: Span,
    anchor: int,
    *,
    named: PlaceMemory | None = None,
    skip: tuple[int, int] | None = None,
    headline: bool = False,
) -> str | None:
    """The place in ``clause`` (the claim's verb and its dependents) nearest to token
    ``anchor``, else in the clause it hangs from ("a bomb exploded in X, killing six");
    "the city" or "the country" there means the one ``named`` before.  Names within the
    characters ``skip`` (the claim's period: "since Syria's war began") do not count."""
    spans = place_spans(sentence)
    if skip is not None:
        spans = [span for span in spans if not skip[0] <= span.start_char < skip[1]]
    if headline:  # "... Monitor - Region - World - Ahram Online": the outlet's sections
        spans = [span for span in spans if not _after_dash(span, anchor)]
    # "... mercenaries in Syria Moscow AFP Saturday 7 Oct 2017 Some 120 fighters ...": the
    # headline repeated before a wire dateline does not locate the story's figures
    spans = [span for span in spans if not _before_dateline(span, anchor)]
    counted = _counted_head(sentence.doc[anchor])
    if counted.lemma_.lower() in PLACE_KIND_NOUNS:
        # "two other locations", "4 Syrian towns": places counted, located only by their
        # own phrase ("20 villages in Hama") or the place a "where" clause hangs from
        # ("in Hama where the rebels have seized 14 villages")
        phrase = sentence.doc[counted.left_edge.i : counted.right_edge.i + 1]
        own = [span for span in spans if phrase.start <= span.start < phrase.end]
        # "two villages Tokhar and Hoshariyeh": the run of names the phrase gives
        first = _coordinated(own[0], own) if own else []
        where = next(
            (t for t in sentence if t.lower_ == "where" and t.i < anchor <= t.head.right_edge.i),
            None,
        )
        if not first and where is not None:
            first = [span for span in spans if span.end == where.i][:1]
        return " and ".join(normalize_place(part) for part in first) or None
    speakers = _speaker_phrases(sentence)  # a place in a speaker's phrase is no scene
    own_back = _own_back_reference(counted, spans)
    resolved = named.resolve(own_back) if own_back is not None and named is not None else None
    if resolved is not None:  # "three attacks in the country"
        return resolved
    candidates = [span for span in spans if clause.start <= span.start < clause.end]
    antecedent = _where_antecedent(clause, spans, anchor)
    own = [span for span in candidates if counted.left_edge.i <= span.start <= counted.right_edge.i]
    if antecedent is not None and not own:  # "in Raqqa where 8000 people remain trapped"
        candidates = [antecedent]
    # "the city" in the claim's own clause, outside a speaker's phrase
    back = next(
        (
            token
            for token in _outside(back_words(clause), speakers, anchor)
            if back_noun(token) not in {None, "country"}
        ),
        None,
    )
    if not candidates and named is not None and back is not None:
        # "while six others were killed in a village near the city": the claim's own
        # clause refers back before a clause it hangs from names a place
        resolved = named.resolve(back)
        if resolved is not None:
            return resolved
    parent: Span | None = clause
    climbed: list[Span] = []  # the clauses the claim's hangs from, searched in turn
    for _ in range(MAX_CLAUSE_CLIMB):  # "exploded in X, killing six and wounding 32"
        parent = _event_parent(parent) if not candidates and parent is not None else None
        if parent is None:
            break
        climbed.append(parent)
        candidates = [span for span in spans if parent.start <= span.start < parent.end]
    if not candidates and len(clause) < len(sentence):
        # a misattached place ("claims ... flee Aleppo"): the one after the number
        candidates = [span for span in spans if span.start > anchor][:1]
    # "in Douma, the largest town in Eastern Ghouta, where raids killed 16": the container
    # only locates the place it contains, which stands in for it
    candidates = list(
        dict.fromkeys(
            _innermost(span, spans)
            for span in candidates
            if not _across_divider(span, anchor)
            and not _in_speaker_phrase(span.start, speakers, anchor)
        )
    )
    if back is not None and named is not None and all(is_country(bare_name(c)) for c in candidates):
        # "placed in tunnels under historic parts of the city": the city beats a country
        resolved = named.resolve(back)
        if resolved is not None or not candidates:
            return resolved
    if not candidates:
        there = next((t for t in clause if t.lower_ == "there" and t.dep_ == "advmod"), None)
        if there is not None and named is not None:  # "security forces killed 80 there"
            return named.resolve_there(there)
        if named is None:
            return None
        # "the city" in the claim's clause or one it hangs from ("a bombing in the central
        # city that killed 12"), else anywhere in a sentence naming no place
        resolved = _first_resolved(_outside(back_words(clause), speakers, anchor), named)
        for wider in climbed if resolved is None else ():
            resolved = _first_resolved(_outside(back_words(wider), speakers, anchor), named)
            if resolved is not None:
                break
        if resolved is None and not spans:
            # the topic set before the figure, or the predicate of the counted noun
            # ("civilians that the media claimed were in the city")
            # ("half of the countrys population"): the figure's own phrase too
            scope = [*sentence[: anchor - sentence.start], *counted.subtree]
            if counted.dep_ in SUBJECTS:
                scope += list(counted.head.subtree)
            resolved = _first_resolved(_outside(scope, speakers, anchor), named)
        if resolved is not None:
            return resolved
        candidates = list(
            dict.fromkeys(
                _innermost(span, spans)  # "Khan Sheikhun in Idlib province suffered ..."
                for span in spans
                if _sentence_scene(span, clause, anchor, speakers, headline=headline)
            )
        )
        if not candidates:  # "killed seven students inside a classroom"
            return building_site([clause, *climbed])
    own_clause = [c for c in candidates if not _in_other_clause(c, clause.root, anchor)]
    if own_clause:  # "killed in Syria amid reports that dozens were killed outside Aleppo"
        candidates = own_clause
    span = min(
        candidates,
        key=lambda s: (
            _whole_country(s),
            _is_destination(s),
            s.start < anchor,
            abs(s.start - anchor),
        ),
    )
    span = _place_near_region(span, candidates)
    listed = _listed_after_kind(span) or _unseparated_run(span, spans, headline=headline)
    if listed is not None:
        return listed
    place = " and ".join(normalize_place(part) for part in _coordinated(span, candidates))
    return _refined_by_compass(place, span, clause)


_NEAR_A_PLACE = re.compile(
    r"\s+(?:near|close\s+to)\s+(?:the\s+(?:[a-z]+\s+)?(?:city|town|village)\s+of\s+)?$"
)


def _place_near_region(span: Span, candidates: list[Span]) -> Span:
    """ "in eastern Syria near the city of Deir al-Zor": the place a region is located by
    is where it happened (but "in central Syria including near Palmyra" is the region)."""
    if not is_country(bare_name(span)):
        return span
    text = doc_text(span.doc)
    for other in candidates:
        after = other.start > span.end and not is_country(bare_name(other))
        if after and _NEAR_A_PLACE.fullmatch(text, span.end_char, other.start_char):
            return other
    return span


def _whole_country(span: Span) -> bool:
    """A country named whole, which any other place beats; not a part of it ("in
    northeastern Syria near the border with Iraq": the region)."""
    return is_country(bare_name(span)) and not after_compass(span)


def _sentence_scene(
    span: Span,
    clause: Span,
    anchor: int,
    speakers: list[tuple[int, int]],
    *,
    headline: bool = False,
) -> bool:
    """Whether ``span``, outside the figure's clauses, still sets the scene of the whole
    sentence ("Rocket attacks on X left one dead and three others injured"): not a
    country, not a name describing a noun ("the Idlib Media Center"), not a speaker's;
    for a clause with a subject of its own joined by "and", only the cause named in the
    first clause's subject ("Shelling hit X and dozens were hurt": not X), except in a
    headline, whose clauses run together tell one event ("Terrorists Commit Massacre in
    Hama Village 14 Civilians Killed")."""
    root = span.root
    if is_country(bare_name(span)) or _across_divider(span, anchor):
        return False
    if _of_a_war(clause.root):
        return False  # "talks in Astana failed to end the conflict in which thousands died"
    verb = clause.root
    if verb.dep_ == "conj" and has_subject(verb) and not headline:
        # the first clause: "left" in "Shelling of X left six dead and 10 wounded"
        first = next((a for a in verb.ancestors if has_subject(a)), verb.head)
        subjects = [c for c in first.children if c.dep_ in SUBJECTS]
        if not any(s.left_edge.i <= span.start <= s.right_edge.i for s in subjects):
            return False
    head = root.head
    describes = root.dep_ in {"compound", "nmod", "amod"} and head.pos_ in {"NOUN", "PROPN"}
    owns = possessive_place(span.text) is not None  # "Aleppos Civilian Massacre Continues"
    if describes and not owns and head.lemma_.lower() not in PLACE_KIND_NOUNS:
        return False  # a name describing a noun, but not "X neighborhood"
    if any(low <= span.start < high for low, high in speakers):
        return False
    reporting = action_vocab().reporting
    return not any(
        token.dep_ in SUBJECTS and token.head.lemma_.lower() in reporting
        for token in (root, *root.ancestors)
    )


def _outside(
    tokens: Iterable[Token], speakers: list[tuple[int, int]], anchor: int
) -> Iterator[Token]:
    """``tokens`` not in a speaker's phrase ("according to the medical source in the
    city"), unless the figure is in it too."""
    return (token for token in tokens if not _in_speaker_phrase(token.i, speakers, anchor))


def _in_speaker_phrase(index: int, speakers: list[tuple[int, int]], anchor: int) -> bool:
    """Whether token ``index`` is in a speaker's phrase that does not hold the figure."""
    return any(low <= index < high and not low <= anchor < high for low, high in speakers)


_CAUSE_MARKS = frozenset({"when", "after", "as", "while", "before", "because", "since"})


def _in_other_clause(span: Span, root: Token, anchor: int) -> bool:
    """Whether ``span`` lies in a clause below ``root`` with a subject of its own that does
    not hold the figure ("killed in Syria amid reports that dozens were killed outside
    Aleppo"); not in a relative clause, nor in a clause of the event's cause ("killed when
    airstrikes hit the village of Hayan"), whose place is the figure's."""
    reporting = action_vocab().reporting
    for verb in span.root.ancestors:
        if verb.i == root.i:
            return False
        if (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() in reporting
            and not verb.left_edge.i <= anchor <= verb.right_edge.i
        ):
            return True  # "killed 24 people a monitor said a day after Russia and the US agreed"
        if verb.pos_ != "VERB" or verb.dep_ == "relcl":
            continue
        if not (has_subject(verb) or _subject_joined_to_object(verb)):
            continue
        marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}}
        if verb.dep_ == "advcl" and marks & _CAUSE_MARKS:
            continue
        if not verb.left_edge.i <= anchor <= verb.right_edge.i:
            return True
    return False


def _subject_joined_to_object(verb: Token) -> bool:
    """ "killed 20 people and civilian casualties were also reported in X": a second
    clause whose subject the parser joined to the first one's object; its auxiliary
    still opens a clause of its own."""
    if verb.dep_ != "conj":
        return False
    auxiliary = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"}), None)
    if auxiliary is None or auxiliary.i > verb.i or auxiliary.i == 0:
        return False
    before = verb.doc[auxiliary.i - 1]
    return before.pos_ in {"NOUN", "PROPN"} and before.dep_ == "conj" and before.head.i < verb.i


def _first_resolved(tokens: Iterable[Token], named: PlaceMemory) -> str | None:
    """The place the first of ``tokens`` that refers back means ("the city"); a site no
    earlier sentence named ("the airport") is passed over."""
    for token in tokens:
        noun = back_noun(token)
        if noun:
            resolved = named.resolve(token)
            if resolved is not None or noun not in SITE_KINDS:
                return resolved
    return None


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
    if "where" not in span_text(clause).lower():
        return None  # most clauses: no Token made for each word
    where = next((t for t in clause if t.lower_ == "where" and t.i < anchor), None)
    if where is None or not anchor < clause.root.i:
        return None
    end = where.i
    while end > 0 and clause.doc[end - 1].is_punct:
        end -= 1  # "in Thessaloniki, where": the comma between
    return next((span for span in spans if span.end == end), None)


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
    named_after = [
        (child.left_edge.i, child.right_edge.i + 1)
        for token in (doc[i] for i in range(sentence.start, sentence.end) if i in verbs)
        if token.lemma_.lower() in reporting
        for child in token.children
        if child.dep_ == "nsubj" and child.i > token.i  # a speaker before the verb may be
        # a misparse that swallows the claim's own phrase ("... near Raqqa a monitor said")
    ]
    # "an informed source in Homs told Sputnik": a speaker placed just before the verb
    placed = [
        (start, token.i)
        for token in (doc[i] for i in range(sentence.start, sentence.end) if i in verbs)
        if token.lemma_.lower() in reporting
        for start in _placed_speaker(sentence, token)
    ]
    # "According to information from the local council of Afrin, the village of X ...":
    # an opening "according to" phrase is all source
    opening = [
        (token.i, token.right_edge.i + 1)
        for token in (sentence if "ccording to" in span_text(sentence) else ())
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)
    ]
    return named_after + placed + opening


# People who speak from a place: "a source in Homs", "residents of Douma"
_PLACED_SPEAKERS = frozenset(
    {"source", "official", "activist", "resident", "correspondent", "reporter", "doctor"}
    | {"medic", "spokesman", "spokeswoman", "witness", "journalist", "governor", "monitor"}
    | {"ministry", "agency", "office", "embassy", "council"}  # "the ministry in Moscow said"
)
MAX_PLACED_SPEAKER = 6  # tokens from "source in" to the verb of saying


def _placed_speaker(sentence: Span, verb: Token) -> Iterator[int]:
    """Where "a source in X" starts, when it stands right before ``verb`` ("... an informed
    source in Homs told Sputnik"), whatever the parser made of it."""
    doc = sentence.doc
    for index in range(verb.i - 1, max(sentence.start, verb.i - MAX_PLACED_SPEAKER) - 1, -1):
        word = doc[index]
        if word.is_punct or word.pos_ in {"VERB", "AUX"}:
            return
        if (
            word.lower_ in {"in", "from", "at", "of"}
            and index > sentence.start
            and doc[index - 1].lemma_.lower() in _PLACED_SPEAKERS
        ):
            yield index - 1
            return


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
    # "55 percent of the country including major cities Damascus ...": what "including"
    # names only narrows the phrase
    high = next((t.i for t in counted.doc[low:high] if t.lower_ == "including"), high)
    if any(low <= span.start < high for span in spans):
        return None
    return next((t for t in back_words(counted.doc[low:high]) if back_noun(t)), None)


def _refined_by_compass(place: str, span: Span, clause: Span) -> str:
    """ "In Aleppo city 18 were killed ... in the east of the city": "East Aleppo"."""
    if " " in place:
        return place  # already has a part, or is a run of places
    for token in back_words(clause):
        if any(c.dep_ in {"compound", "amod"} and is_place_name(c.text) for c in token.children):
            continue  # "the Aleppo province" names a place; it does not refer back
        if token.i > span.end and back_noun(token) not in {None, "country"}:
            direction = compass_of(token)
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


def _unseparated_run(span: Span, spans: list[Span], *, headline: bool) -> str | None:
    """ "Ten civilians injured in attacks in Daraa countryside Aleppo Damascus": known
    places run together with no comma are a list, kept as written; in a headline always,
    in the body when "and" closes the list ("in Aleppo Hama Damascus and its countryside"),
    for there a name may well be followed by its province ("the city of Qamishli Hasaka")."""
    text = doc_text(span.doc)
    ordered = sorted(spans, key=lambda s: s.start)
    low = ordered.index(span)
    while low > 0 and _UNSEPARATED.fullmatch(
        text[ordered[low - 1].end_char : ordered[low].start_char]
    ):
        low -= 1
    start, end = ordered[low].start_char, span.end_char
    names, closed = 1 + ordered.index(span) - low, False
    while not closed:
        following = _UNSEPARATED_NAME.match(text, end)
        if following is None:
            break
        words = following.group("name").split()
        size = next((n for n in (len(words), 1) if is_place_name(" ".join(words[:n]))), 0)
        if not size or is_country(" ".join(words[:size])):
            break  # "in Daraa Syria": the country only says where Daraa is
        end = following.start("name") + len(" ".join(words[:size]))
        names, closed = names + 1, bool(following.group("last"))
    around = _SURROUNDINGS.match(text, end)
    if around and names > 1:  # "Aleppo Hama Damascus and its countryside"
        end, closed = around.end(), True
    if names < 2 or not (headline or closed):
        return None
    return text[start:end]


def _after_dash(span: Span, anchor: int) -> bool:
    """Whether a spaced dash stands between the figure and ``span``, after the figure."""
    doc = span.doc
    return any(
        token.text == "-" and token.whitespace_ and doc[token.i - 1].whitespace_
        for token in doc[anchor + 1 : span.start]
    )


def _before_dateline(span: Span, anchor: int) -> bool:
    """Whether a wire dateline ("AFP Saturday 7 Oct 2017") stands between ``span`` and
    the figure after it."""
    if span.end > anchor:
        return False
    return story_start(doc_text(span.doc), span.doc[anchor].idx, span.end_char) > span.end_char


def _across_divider(span: Span, anchor: int) -> bool:
    """ "Israeli attack ... kills three | Jordan Times": a name past a headline's divider
    belongs to the outlet's name, not to the figure."""
    low, high = sorted((span.start, anchor))
    between = span.doc[low:high]
    if not any(divider in span_text(between) for divider in _DIVIDERS):
        return False  # most spans: no Token made for each word
    return any(token.text in _DIVIDERS for token in between)


def _innermost(span: Span, spans: list[Span]) -> Span:
    """The place at the bottom of a chain of containers: "Bab Touma neighborhood in the
    Old City in Damascus" is Bab Touma for all three."""
    for _ in range(MAX_CLAUSE_CLIMB):
        inner = _contained(span, spans)
        if inner is None:
            break
        span = inner
    return span


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
    named_after = next(
        (
            other
            for other in spans
            if other.start >= span.end
            and (
                _part_of_city(other, span, city_first=True)
                # "the Persian Gulf island of Qeshm": the island, whatever its size
                or _ISLAND_OF.fullmatch(text[span.end_char : other.start_char]) is not None
                # "in Aleppos opposition-held Atareb": a place the possessive owns
                or (
                    len(span) == 1
                    and is_possessive_place(span.text)
                    and other.start - span.end <= MAX_OWNED_GAP
                    and all(
                        t.pos_ in {"ADJ", "VERB", "NOUN"} or t.text == "-"
                        for t in span.doc[span.end : other.start]
                    )
                )
            )
        ),
        None,
    )
    if named_after is not None:  # "the Damascus suburb of Jaramana": Jaramana
        return named_after
    return next(
        (
            other
            for other in spans
            if other.end <= span.start
            and not is_country(bare_name(other))
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


def _part_of_city(part: Span, city: Span, *, city_first: bool = False) -> bool:
    """ "the Mezzeh district of Damascus": a part of the city named after it; but "the
    Damascus suburb of Ghouta" names Ghouta, a part of Damascus, after it (with
    ``city_first``, the city is written first)."""
    first, second = (city, part) if city_first else (part, city)
    between = doc_text(part.doc)[first.end_char : second.start_char]
    if first[-1].lower_ in _PART_WORDS:  # the kind inside the name: "the [al Midan district]"
        between = f" {first[-1].lower_}{between}"
    return _PART_OF.fullmatch(between) is not None and city_population(
        bare_name(city)
    ) > city_population(bare_name(part))


def _is_destination(span: Span) -> bool:
    """ "fled to X", "buses bound for X": where people went, not where it happened."""
    text = doc_text(span.doc)
    return (
        _DESTINATION.search(text, max(0, span.start_char - DIRECTION_WINDOW), span.start_char)
        is not None
    )


_WAR_NOUNS = frozenset({"war", "conflict", "crisis", "uprising", "revolution", "insurgency"})


def _of_a_war(verb: Token) -> bool:
    """Whether ``verb`` is in a relative clause on a war ("the conflict in which hundreds
    of thousands are believed to have been killed", "the civil war that began in 2011 and
    has since killed 300000"): a toll of the whole war, not of a scene the sentence sets."""
    for word in (verb, *verb.ancestors):
        if word.dep_ == "relcl":
            return word.head.lemma_.lower() in _WAR_NOUNS
    return False


def _event_parent(clause: Span) -> Span | None:
    """The clause of the verb that ``clause`` depends on, unless that is a verb of saying."""
    root = clause.root
    head = root.head
    if root.dep_ == "relcl" and head.lemma_.lower() in _WAR_NOUNS:
        return None  # a war's toll is located by its own words only (see _of_a_war)
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
    if root.dep_ == "conj" and has_subject(root):
        relative = head.doc[head.left_edge.i : head.i]
        if any(t.tag_ in {"WDT", "WP"} for t in relative):
            # "an attack in which six died and four more were injured": both clauses
            # are the relative clause, whose antecedent the next climb reaches
            return head.doc[head.left_edge.i : head.right_edge.i + 1]
        return None  # "residents left Aleppo, and militants laid down their weapons"
    if head.lemma_.lower() in action_vocab().reporting and not any(
        c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in head.children
    ):
        # a verb of saying; but "the mine claimed the life of a woman" killed, and "the
        # fighting in X is reported to have killed 130": its raised subject did
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if root.dep_ == "xcomp" and raised is not None:
            return head.doc[raised.left_edge.i : raised.right_edge.i + 1]
        return None
    return head.doc[head.left_edge.i : head.right_edge.i + 1]


def _verbs(doc: Doc) -> frozenset[int]:
    return tagged(doc, VERB)


def _with_kind(span: Span) -> str:
    name = bare_name(span)
    text = doc_text(span.doc)
    kind = SETTLEMENT_AFTER.match(text, span.end_char)
    if kind and kind.group("kind").lower() in _NAMED_KINDS:
        return named_kind(name, kind.group().strip())
    site = SITE_AFTER.match(text, span.end_char)
    return site_name(name, site) if site is not None else name


def normalize_place(span: Span) -> str:
    """The place as written, with a compass part folded in front: "East Aleppo"; a camp or
    a pocket named for a place keeps its noun ("Aleppo pocket", "Rukban camp")."""
    name = _with_kind(span)
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - DIRECTION_WINDOW) : span.start_char]
    match = DIRECTION.search(before) or _DIRECTION_OF.search(before)
    if match is None:
        line_start = text.rfind("\n", 0, span.start_char) + 1
        if _OPENING_CENTRE.fullmatch(text, line_start, span.start_char):
            return f"Central {name}"  # "Center of Damascus Shelled ..." opening a headline
    if match and _THE_ONE_PART.search(before):
        match = None  # "the southern neighbourhood of Sheikh Said" is all of Sheikh Said
    kind = SETTLEMENT_AFTER.match(text, span.end_char)
    if kind and kind.group("kind").lower() in _WHOLE_KINDS:
        return name  # "northern Idlib province" is the province, named by where it lies
    around = _SURROUNDINGS.match(text, span.end_char)
    if around:  # "Aleppo and its countryside"
        name += around.group()
    after = None if match else _DIRECTION_AFTER.match(text, span.end_char)
    if after:
        return f"{after.group('dir').capitalize()} {name}"
    bearing = None if match else _BEARING_OF.search(before)
    if bearing:
        direction = bearing.group("dir").lower()
        paired = _PAIRED_DIRECTION.search(before[: bearing.start("dir")])
        if paired:  # "east and southwest of Damascus"
            direction = f"{paired.group('dir').lower()} and {direction}"
        return f"{direction} of {name}"
    if match:
        direction = match.group("dir").capitalize()
        direction = _CENTRE.get(direction, direction)
        paired = _PAIRED_DIRECTION.search(before[: match.start("dir")])
        if paired:  # "the southern and southwestern parts of Aleppo"
            direction = f"{paired.group('dir').capitalize()} and {direction}"
        return f"{direction} {name}"
    return name
