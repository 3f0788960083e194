"""The places a sentence names: entities, gazetteer names, names written with their
kind ("the town of Turmanin"), borders and facilities, less the names that are not the
event's place (actors, agents, origins, countries used as adjectives).

``place_spans(sentence)`` is computed once per sentence; ``keeptabs.extract.places``
chooses among them for each claim.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from keeptabs.extract.doctext import doc_text, entities_in, entity_label, proper_name, span_text
from keeptabs.extract.entities import entity_vocab, is_nationality
from keeptabs.extract.gazetteer import (
    country_of,
    has_toponym_prefix,
    is_country,
    is_place_name,
    place_first_words,
)
from keeptabs.extract.place_filters import (
    in_actor_name,
    is_agent,
    is_country_modifier,
    names_origin,
)
from keeptabs.extract.place_words import (
    ADMIN_WORDS,
    COMPASS_WORD,
    DIRECTION,
    DIRECTION_WINDOW,
    LOCATIVE_NOUN,
    MAX_SKIPPED,
    MODIFIERS,
    PLACE_KIND_NOUNS,
    PLACE_LABELS,
    SETTLEMENT_AFTER,
    SITE_AFTER,
    is_possessive_place,
)
from keeptabs.extract.vocab import action_vocab, actor_table, load_data

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


_WITHIN_PREPOSITIONS = frozenset({"in", "inside", "near"})
_NATIONALITY = re.compile(r"(?:an|ian|ish|ese|ic|i|ch)s?$")


_BORDER = re.compile(
    r"\b(?P<countries>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\s+border(?:\s+crossing)?\b"
    r"(?!\s+(?:town|village|city|area|region|guards?|police)\b)"  # "a Syrian border town"
    # "in a town on the border with Iraq", "at a border crossing with Turkey"
    r"|(?<!\w)border(?:\s+crossing)?\s+with\s+(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)


# Places named with their kind in text that is not parsed: "the town of Turmanin", "in
# the Al Mashhad district"
_KIND_OF_NAME = re.compile(
    r"\bthe\s+(?P<kind>town|village|city|district|neighbou?rhood|quarter|camp|suburb)\s+of\s+"
    r"(?P<name>(?:(?:al|el)[- ])?[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*){0,3})"
    r"|\b(?:in|of|on|at|from|near|inside|targeted|targeting|hit|hitting|struck|shelled|rocked)"
    r"\s+(?:the\s+)?"
    r"(?P<before>(?:(?:al|el)[- ])?[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*){0,3})"
    r"\s+(?:(?:military|border|air)\s+)?"
    r"(?P<after>village|town|district|neighbou?rhood|quarter|camp|airport|airbase|base|crossing"
    r"|road|square|checkpoint|market|hall|street|barrens|court)\b"
    # "the Castello road", "the Tishrin Dam": a site with its kind
    r"|\b[Tt]he\s+(?:[a-z]+\s+)?(?P<site>[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*){0,2}?)"
    r"\s+(?i:(?:military\s+|border\s+)?(?:road|highway|airport|air\s+base|airbase|base|crossing|dam))\b"
)


_FACILITY_NOUNS = frozenset(
    {"Center", "Centre", "Hospital", "School", "Mosque", "Market", "Square", "Airport", "Street"}
    | {"University", "Stadium", "Prison", "Church", "Bakery", "Base", "Airbase", "Dam"}
    | {"Palace", "Club", "Academy", "Housing", "Station"}
)

_FACILITY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_FACILITY_NOUNS)) + r")\b")

_STRIKING_VERBS = frozenset({"hit", "target", "strike", "bomb", "shell", "attack", "storm"})

_FACILITY_PREPOSITIONS = frozenset({"near", "at", "in", "inside", "outside", "on", "from"})


def _within(part: Span, whole: Span) -> bool:
    return whole.start <= part.start and part.end <= whole.end


_ARTICLE_NAME = re.compile(
    r"\b(?:in|on|at|near|into|inside|outside|towards?)\s+(?:the\s+)?"
    r"(?P<name>(?:[A-Z][\w'’]+\s+)?(?:al|el|Al|El)-[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)"
)
_SITE_WORDS = frozenset(
    {"area", "camp", "neighborhood", "neighbourhood", "district", "village", "town", "city"}
    | {"street", "square", "hall", "road", "checkpoint", "hospital", "mosque", "market"}
    | {"countryside", "suburb", "quarter", "region"}
)

_ORGANISATION_WORDS = frozenset(
    {"Club", "Association", "Council", "Committee", "Party", "Group", "Team", "Company"}
    | {"Bank", "Agency", "Office", "Ministry", "Front", "Army", "Brigade", "Media", "News"}
    | {"Times", "Post", "Herald", "Observer", "Monitor", "Network", "Union", "Society"}
)


_CALENDAR_WORD = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:['’]?s)?\.?$"
)


# "X and other neighbourhoods": X is one of them
_AND_OTHER_KINDS = re.compile(
    r"\s+and\s+(?:the\s+)?other\s+(?:\w+\s+)?(?:towns|villages|neighbou?rhoods|districts|areas"
    r"|cities|suburbs|quarters|provinces|regions)\b",
    re.IGNORECASE,
)


# A person's title or a ship's prefix right before a name: "Mr Buckley", "District
# Attorney David Soares", "INS Mysore" (the gazetteer knows towns of those names)
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Lt|Capt|Sgt|Col|Gen|Attorney|Officer|Deputy|Judge|Mayor|Senator|Rev"
    r"|INS|HMS|USS|MV|RFA)\.?\s+$"
)
_AFFIX_AFTER = re.compile(r"-(?:based|backed|led|born|funded|run|held|controlled|allied)\b")


TITLE_RUN = 4  # tokens either side of a name read for Title Case

MIN_TITLE_WORD = 3  # "in", "of" and "the" stay lower case in Title Case


def _before_run_on(name: str) -> str:
    """ "the city of Deir al-Zor Syrias SANA ...": a name ends before a possessive place
    or an actor that opens the next phrase (the comma lost)."""
    words = name.split()
    for index in range(1, len(words)):
        if is_possessive_place(words[index]) or actor_table().is_actor(words[index]):
            return " ".join(words[:index])
    return name


def kind_names(text: str, start: int, end: int) -> dict[int, str]:
    """Names written with their kind in ``text[start:end]`` ("the town of Turmanin", "in
    the Leramun district"), by where they start: the parser may not tag them."""
    found = {}
    for match in _KIND_OF_NAME.finditer(text, start, end):
        group = next(key for key in ("name", "before", "site") if match.group(key))
        name = _before_run_on(match.group(group))
        if not (
            _CALENDAR_WORD.match(name)  # "on Monday village elders"
            or is_nationality(name.split()[0])  # "in Kurdish town"
            or actor_table().is_actor(name)  # "in Daesh town"
        ):
            found[match.start(group)] = name
    for match in _feature_names().finditer(text, start, end):
        found.setdefault(match.start(), match.group())  # "the Gulf of Aden", "Mount Sefton"
    return found


_FEATURE_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"  # "Aden", "Good Hope"


@cache
def _feature_names() -> re.Pattern[str]:
    """A water or a landform named with its kind before the name ("the Gulf of Aden",
    "Mount Sefton"; ``kinds_before_name`` in data/places.json)."""
    kinds = load_data("places.json").get("kinds_before_name", {})
    with_of = "|".join(map(re.escape, kinds.get("with_of", ())))
    without = "|".join(map(re.escape, kinds.get("without_of", ())))
    return re.compile(rf"\b(?:(?:{with_of})\s+of\s+(?:the\s+)?|(?:{without})\s+){_FEATURE_NAME}")


def _is_feature(name: str) -> bool:
    found = _feature_names().fullmatch(name)
    return found is not None


def place_spans(sentence: Span) -> list[Span]:
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
        if (len(ent) == 1 and is_possessive_place(span_text(ent))) or _reads_as_place(known or ent):
            spans.append(known if known is not None else ent)
            taken.update(token.i for token in ent)
    spans.extend(_unlabelled_names(sentence, taken))
    spans.extend(_joined_names(entities, spans))
    for name in _names_with_kind(sentence):
        inside = [span for span in spans if _overlap(name, span)]
        if (len(inside) == 1 and _inside(inside[0], name)) or (
            _is_feature(name.text) and all(_within(span, name) for span in inside)
        ):
            for span in inside:  # "the al Midan district", "the neighborhood of Bab
                spans.remove(span)  # Alnairab", "the Gulf of Aden": the name, not its
                # "Midan", its "Bab", its "Gulf" or its "Aden"
        if not any(_overlap(name, span) for span in spans):
            spans.append(name)
    for border in _border_names(sentence):  # "the Turkish border": not Turkey
        spans = [span for span in spans if not _overlap(border, span)] + [border]
    spans.extend(_names_after_kind(sentence, spans))
    spans.extend(_article_names(sentence, spans))
    facilities = _facility_names(sentence, spans)
    if facilities:  # "Research" and "Tests Center" were parts of one facility's name
        spans = [s for s in spans if not any(f.start <= s.start < f.end for f in facilities)]
    spans.extend(facilities)
    for name in _coordinated_names(entities, spans):  # "al-Qosour and al-Jora"
        spans = [s for s in spans if not _within(s, name)] + [name]
    if not spans:
        return spans
    text = doc_text(sentence.doc)
    spans = [_completed(span, sentence) for span in spans]
    return [
        span
        for span in spans
        if not in_actor_name(span, text)  # "the Islamic State in Iraq and the Levant"
        and not is_country_modifier(span)
        and not is_agent(span)
        and not names_origin(span)
        and not _AFFIX_AFTER.match(text, span.end_char)  # "Istanbul-based", "US-led"
        and not _TITLE_BEFORE.search(text, max(0, span.start_char - 12), span.start_char)
        and not _common_word(span, text)
    ]


def _common_word(span: Span, text: str) -> bool:
    """An unknown one-word name that the text also writes in lower case is an ordinary
    word capitalised ("Besieged Towns", "Directorate of Health", "across Country"); a
    broken token ("mid-" of "mid-July") names nothing."""
    if span_text(span).endswith("-") or span_text(span).startswith("-"):
        return True  # "mid-" of "mid-July", "-Alawite" of "majority-Alawite"
    if len(span) != 1 or is_place_name(span_text(span)):
        return False
    word = span_text(span).lower()
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def _completed(span: Span, sentence: Span) -> Span:
    """ "Sheikh" before "Said" read as a verb: the gazetteer's longer name, when the words
    after the span complete one ("Sheikh Said"); "New Aleppo", a district named for its
    city."""
    before = span.start - 1
    if (
        before > sentence.start
        and span.doc[before].text in {"New", "Old"}
        and not _in_title_case(span.doc[before : span.end])
    ):
        return Span(span.doc, before, span.end, label=span.label_ or "GPE")
    for size in (2, 1):
        end = span.end + size
        if end <= sentence.end and span.doc[end - 1].text[:1].isupper():
            longer = span.doc[span.start : end]
            if is_place_name(span_text(longer)):
                return Span(span.doc, span.start, end, label=span.label_ or "GPE")
    return span


def _border_names(sentence: Span) -> list[Span]:
    """ "near the Turkish border", "a Syria-Turkey border crossing": a border named by its
    countries is a place of its own, not either country."""
    text = doc_text(sentence.doc)
    found = []
    for match in _BORDER.finditer(text, sentence.start_char, sentence.end_char):
        words = re.split(r"[\s-]+", match.group("countries") or match.group("country"))
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
        for start, name in kind_names(text, sentence.start_char, sentence.end_char).items()
    )
    found = []
    for span in spans:
        while span is not None and len(span) > 1 and not _name_word(span[-1]):
            span = span[:-1]  # "near the town of Manbij Killing 80": a headline's verb
        if span is not None and len(span):
            found.append(span)
    return found


_SETTLEMENT_KINDS = frozenset({"village", "villages", "town", "towns"})


def _names_after_kind(sentence: Span, spans: list[Span]) -> list[Span]:
    """ "targeted two villages Tokhar and Hoshariyeh": names in apposition to a village or
    town noun are places, known or not (the commas lost, the parser makes them its
    apposition and that one's conjuncts)."""
    found: list[Span] = []
    words = span_text(sentence).lower()
    if "village" not in words and "town" not in words:
        return found  # most sentences: no Token made for each word
    for kind in sentence:
        if kind.lower_ not in _SETTLEMENT_KINDS or kind.pos_ != "NOUN":
            continue
        for name in kind.children:
            if name.dep_ != "appos" or name.i != kind.i + 1:
                continue
            for word in (name, *(c for c in name.children if c.dep_ == "conj")):
                if (
                    word.pos_ == "PROPN"
                    and _name_word(word)
                    and not _CALENDAR_WORD.match(word.text)
                    and not _in_title_case(word.doc[word.i : word.i + 1])
                    and not any(span.start <= word.i < span.end for span in [*spans, *found])
                ):
                    found.append(proper_name(word))
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
        span_text(rest)
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
        if ent.label_ not in {"PERSON", "ORG"} or _CALENDAR_WORD.match(span_text(ent)):
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
            s.start <= token.i and start < s.end and is_place_name(span_text(s)) for s in found
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


def _article_names(sentence: Span, found: list[Span]) -> list[Span]:
    """ "in Qasr al-Sharkasi", "on al-Wafideen Camp": a name with the Arabic article after a
    locative preposition is a place the gazetteer lacks (a village, a camp, a district);
    not one that names a group's people or deeds ("in al-Qaeda attacks")."""
    text = doc_text(sentence.doc)
    names = []
    for match in _ARTICLE_NAME.finditer(text, sentence.start_char, sentence.end_char):
        name = _before_run_on(match.group("name"))  # "in al-Sinaah FNA reports"
        span = sentence.doc.char_span(match.start("name"), match.start("name") + len(name))
        if span is None or any(_overlap(span, other) for other in found):
            continue
        words = span_text(span).replace("-", " ").split()
        if any(word in entity_vocab().org_words for word in words):
            continue  # "in Jaish al-Islam attacks": an armed group
        after = sentence.doc[span.end] if span.end < len(sentence.doc) else None
        if after is not None and after.pos_ == "NOUN" and after.lower_ not in _SITE_WORDS:
            continue
        names.append(span)
    return names


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
            if is_place_name(part) and not COMPASS_WORD.fullmatch(part.lower()):
                best = (first, last)
                break
    if best is None:
        return None
    return span.doc[span.start + best[0] : span.start + best[1] + 1]


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
    return tagged(doc, PROPN)


def tagged(doc: Doc, pos: int) -> frozenset[int]:
    """Indices of the Doc's tokens with coarse tag ``pos``, read from one array."""
    key = f"keeptabs.pos.{pos}"
    found: frozenset[int] | None = doc.user_data.get(key)
    if found is None:
        tags = doc.to_array(POS).tolist()
        found = doc.user_data[key] = frozenset(i for i, tag in enumerate(tags) if tag == pos)
    return found


def _reads_as_place(ent: Span, *, untagged: bool = False) -> bool:
    """A name the model tagged as a nationality, a person or nothing, used as a place."""
    name = span_text(ent)
    if _CALENDAR_WORD.match(name) or is_nationality(name):
        return False  # "of June", "Saturdays blast", "the Syrian city of"
    if is_place_name(name.strip()):
        return True
    if actor_table().is_actor(name):
        return False  # "raids on the Islamic State"
    last = name.split()[-1].lower() if name.split() else ""
    if last.removesuffix("s") in action_vocab().attack_nouns:
        return False  # "in New Terrorist Mortar Shell Attacks": an event, not a place
    if (
        has_toponym_prefix(name)
        and not _in_title_case(ent)
        and _governing_preposition(ent) in _PERSON_AS_PLACE_PREPOSITIONS
    ):
        return True  # "air strikes on Tel Minis": a name that opens like a place's
    if untagged and not _could_be_place_name(ent):
        return False
    text = doc_text(ent.doc)
    if _AFFIX_AFTER.match(text, ent.end_char):
        return False  # "Britain-based", "Daesh-held": part of an adjective
    before = text[max(0, ent.start_char - DIRECTION_WINDOW) : ent.start_char]
    if LOCATIVE_NOUN.search(before) or SETTLEMENT_AFTER.match(text, ent.end_char):
        return True
    if _AND_OTHER_KINDS.match(text, ent.end_char):
        return True  # "on Hamadaniyah Midan and other neighbourhoods"
    if SITE_AFTER.match(text, ent.end_char):
        return True  # "the Castello road", "Tabqa base"
    if ent.label_ == "ORG":
        return False
    if _NATIONALITY.search(span_text(ent)) and not (
        # "killed in Qaterji": a name that only ends like "Iraqi", after "in"
        ent.label_ == "PERSON"
        and span_text(ent).endswith("i")  # not "in Arabic"
        and _governing_preposition(ent) in _WITHIN_PREPOSITIONS
    ):
        return False
    if not _could_be_place_name(ent) or _in_title_case(ent):
        return False  # "Casualties", "District"; any name in "Killed in Suspected Gas Attack"
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in {"a", "an"}:
        return False  # "concealed in a Mazda": a thing of that make, no place
    head = ent.root.head
    if (
        ent.root.dep_ in MODIFIERS
        and head.pos_ == "NOUN"
        and head.i >= ent.end
        and head.lemma_.lower() not in PLACE_KIND_NOUNS  # "the Sumaria area"
        and not _bearing_from(head)  # "around Al-Maleh north of Aleppo"
    ):
        return False  # "in Assad clans hometown": a name describing a common noun
    preposition = _governing_preposition(ent)
    if ent.label_ == "PERSON":
        return preposition in _PERSON_AS_PLACE_PREPOSITIONS
    if untagged:  # "the western MSM": a compass word alone does not make a place
        return preposition in _LOCATIVE_PREPOSITIONS
    return preposition in _LOCATIVE_PREPOSITIONS or bool(DIRECTION.search(before))


def _coordinated_names(entities: list[Span], spans: list[Span]) -> list[Span]:
    """ "on al-Qosour and al-Jora neighborhoods": a name joined by "and" to a place, that
    opens with an Arabic article or a place name's first word, is a place too."""
    found: list[Span] = []
    ends = {span.end for span in spans}
    for ent in entities:
        if ent.label_ not in {"PERSON", "ORG"} or ent.start < 2 or (ent.start - 1) not in ends:
            continue
        if ent.doc[ent.start - 1].lower_ != "and" or any(
            _overlap(ent, s) and not _within(s, ent) for s in spans
        ):
            continue
        if _OPENS_WITH_ARTICLE.match(span_text(ent)) or has_toponym_prefix(span_text(ent)):
            found.append(Span(ent.doc, ent.start, ent.end, label="GPE"))
            ends.add(ent.end)
    return found


_OPENS_WITH_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa][dnrstz])-[A-Z]")


def _bearing_from(word: Token) -> bool:
    """ "north of", "southeast of": a compass word locating the name before it."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (
        bool(COMPASS_WORD.fullmatch(word.lower_))
        and following is not None
        and (following.lower_ == "of")
    )


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
    words = span_text(span).split()
    if words[0].rstrip(".") in entity_vocab().titles or words[0].lower() in ADMIN_WORDS:
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
    if (
        word.lower_ == "on"
        and index > 0
        and word.doc[index - 1].lemma_.lower() in action_vocab().attack_nouns
    ):
        return "in"
    return word.lower_
