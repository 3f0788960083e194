"""The time window a figure covers ("over the past 24 hours" -> "past 24 hours")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from keeptabs.extract.dates import TIME_OF_DAY
from keeptabs.extract.doctext import doc_text, entities_in, span_text
from keeptabs.extract.entities import WEEKDAYS
from keeptabs.extract.verb_actions import frame_vocab
from keeptabs.extract.vocab import action_vocab, period_patterns

_DATE_LABELS = frozenset({"DATE", "TIME"})
# The day a window falls on, written right after it.
_DAY_AFTER = re.compile(
    rf"\s+(?:today|yesterday|tonight|(?:on\s+)?(?:{WEEKDAYS})"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(r"\d{1,2}\s+\w+,?\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}")
_WEEKDAY_NAMES = frozenset(WEEKDAYS.lower().split("|"))
# Where a "since ..." phrase ends when no comma ends it: at its first year.
# ... or before a word that opens a clause of its own ("... Khan al-Assal when at least 30"),
# or before the figure it was raised to.
_SINCE_END = re.compile(
    r"\b(?:(?:19|20)\d{2}|(?:last|this)\s+(?:year|month|week))\b"
    r"|(?=\s+(?:when|where|which|who|while|whereas)\b)"
    r"|(?=\s+(?:according\s+to|said|says|reported|told)\b)"  # the speaker after it
    r"|(?=\s+to\s+\d)",  # "since the agreement came into effect to 465": the figure
    re.IGNORECASE,
)
# How the war a "since ..." phrase dates began, which the wires write after its year:
# "since it started in 2011 with the brutal repression of anti-government protests",
# "... in March 2011 with anti-government protests that were met with a regime crackdown"
_HOW_IT_BEGAN = re.compile(
    r"\s+with\s+(?:the\s+)?(?:(?:brutal|bloody|violent)\s+)?(?:(?:repression|suppression)\s+of\s+)?"
    r"(?:(?:peaceful|anti-[\w-]+|pro-democracy|popular)\s+)?"
    r"(?:protests|demonstrations|an?\s+(?:peaceful\s+|popular\s+)?uprising)"
    r"(?:\s+that\s+were\s+met\s+with\s+an?\s+(?:(?:bloody|brutal|regime|government)\s+)?crackdown)?"
    r"|\s+that\s+were\s+met\s+with\s+an?\s+(?:(?:bloody|brutal|regime|government)\s+)?crackdown",
    re.IGNORECASE,
)
# What a window of days was spent on: "24 hours of battle", "two days of air and ground
# operations", "three weeks of operations".
_ACTIVITIES = (
    "fighting|battles?|clashes|combat|airstrikes|air\\s+strikes|strikes|raids|air\\s+raids"
    "|bombing|bombardment|shelling|operations|offensive|attacks|violence|siege|war|conflict"
    "|infighting"
)
_OF_ACTIVITY = re.compile(
    rf"\s+of\s+(?:(?-i:[a-z][a-z-]*)\s+){{0,3}}?(?:{_ACTIVITIES})\b",  # "of such heavy rebel"
    re.IGNORECASE,
)
_UNIT_END = re.compile(r"\b(?:hours?|days?|nights?|weeks?|months?|years?)$", re.IGNORECASE)
# A window right after a verb of saying dates the report: "said earlier today that five".
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|reported|announced|added|stated|told\s+\w+)\s+(?:earlier\s+|later\s+)?$",
    re.IGNORECASE,
)
# A figure in a clause on the period's own event: "since the attack when 30 were killed".
_TOLL_OF_ITS_EVENT = re.compile(r"\s+(?:when|where|in which)\b", re.IGNORECASE)
_PART_OF_DAY = re.compile(
    r"\b(?:(?:early|late|mid|earlier|later)(?:\s+on)?\s+|mid-|since\s+"
    # "around midday on Wednesday", "at dawn Tuesday"
    rf"|{TIME_OF_DAY}(?:\s+on)?\s+)$",
    re.IGNORECASE,
)
_POSSESSIVE_DAY = re.compile(
    r"^(today|yesterday|tonight|(?:" + WEEKDAYS + r"))['’]?s$", re.IGNORECASE
)
# An ordinal or a superlative that a "since" phrase ranks among its kind: "the fifth
# operation since September", "the deadliest attack since 2016", "one of the worst since"
_RANKED_SINCE = re.compile(
    r"\b(?:the|its|their|his|her)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|latest|biggest|largest|deadliest|bloodiest|heaviest|highest|fiercest"
    r"|worst|most\s+\w+)\b[^,.;:]{0,60}$",
    re.IGNORECASE,
)
_COMPLEMENTS = frozenset({"xcomp", "oprd", "acomp"})
_CAUSING_MARKS = frozenset({"after", "when", "as"})
DATELINE_CHARS = 30  # "25 September 2016" and the space before it


def find_period(sentence: str, number_offset: int) -> str | None:
    """The period phrase in ``sentence`` nearest to the number at ``number_offset``."""
    best: tuple[int, str] | None = None
    for start, end, period in _periods_in(sentence):
        if end <= number_offset and _TOLL_OF_ITS_EVENT.match(sentence, end, number_offset):
            continue  # "since the attack in X when at least 30 were killed": its toll
        if _SAID_BEFORE.search(sentence, max(0, start - 40), start) and not _OF_ACTIVITY.search(
            period
        ):
            continue  # "the centre said earlier today that five were killed": the report's;
            # but "says a month of infighting has killed 300" is the event's
        ranked = (
            _RANKED_SINCE.search(sentence, max(0, start - 80), start)
            if period[:5].lower() == "since"
            else None
        )
        if ranked is not None and (number_offset < ranked.start() or number_offset >= end):
            continue  # "26 pirates ... in the fifth operation since September": which
            # operation, not the pirates' period; not "the latest of 7000 killed since"
        distance = start - number_offset if start >= number_offset else number_offset - end
        if best is None or distance < best[0]:
            best = (distance, period)
    return best[1] if best else None


@lru_cache(maxsize=1024)  # every claim of a sentence asks; sentences repeat in a batch
def _periods_in(sentence: str) -> tuple[tuple[int, int, str], ...]:
    found = []
    lowered = sentence.lower()
    for pattern in period_patterns():
        if not pattern.may_match(lowered):
            continue
        for match in pattern.regex.finditer(sentence):
            start, end = match.span("period")
            day = _DAY_AFTER.match(sentence, end)
            if day is not None:  # "at dawn yesterday", "so far today", "overnight Friday"
                end = day.end()
            activity = _OF_ACTIVITY.match(sentence, end)
            if activity is not None and _UNIT_END.search(sentence, start, end):
                end = activity.end()  # "in the past 24 hours of fighting"
            stop = _SINCE_END.search(sentence, start, end)
            if sentence[start:end].lower().startswith("since") and stop is not None:
                end = stop.end()  # "since ... in March 2011 a series of car bombs"
                told = _HOW_IT_BEGAN.match(sentence, end)
                if told is not None:  # "... in 2011 with the brutal repression of protests"
                    end = told.end()
            found.append((start, end, sentence[start:end].strip()))
    return tuple(found)


_HOLIDAY = re.compile(r"Christmas|Easter|Ramadan|Eid(?: al-\w+)?|New Year|Nowruz")
_QUOTED = re.compile(r"“[^“”]{3,}”")


def _quote_around(sentence: Span, number: Token) -> tuple[int, int] | None:
    """Where the curly quotation marks around ``number`` open and close, if it is in any."""
    text = span_text(sentence)
    if "“" not in text:
        return None  # most sentences
    offset = number.idx - sentence.start_char
    for match in _QUOTED.finditer(text):
        if match.start() < offset < match.end():
            return match.start() + sentence.start_char, match.end() + sentence.start_char
    return None


def find_date_period(sentence: Span, root: Token, number: Token) -> str | None:
    """A date the claim's own clause gives ("left the town on Monday" -> "Monday").

    Only dates that modify the claim's own verb (``root``) or a verb it depends on ("a
    bomb exploded on Wednesday, killing six") count: those of a verb of saying ("said on
    Sunday") are report dates, those of a relative clause belong to something else.
    """
    dates = _dates_in(sentence)
    if not dates:
        return None  # most sentences: nothing more to read
    # "on Monday when at least 15 were killed" before any other date of the sentence
    # ("Tuesdays casualties come on the heels of airstrikes on X on Monday when ...")
    when = next((date for date in dates if _opens_when_clause(date, root, number)), None)
    if when is not None:
        return _with_part_of_day(when)
    events = [d for d in dates if not (_is_dateline_day(d) or _is_dateline(d))]
    reporting = action_vocab().reporting
    # "16 airstrikes were reported late Saturday": what the figure counts is the report
    reported = root.lemma_.lower() in reporting and any(
        c.dep_ == "nsubjpass" for c in root.children
    )
    event_verbs = {root.i} | {a.i for a in root.ancestors if a.pos_ in {"VERB", "AUX"}}
    event_verbs |= {c.i for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"}
    # "were killed and nine other injured on Thursday": the parser makes "other" the
    # conjunct and hangs the second verb, with the date, from it
    event_verbs |= {
        verb.i
        for c in root.children
        if c.dep_ == "conj" and c.pos_ != "VERB"
        for verb in c.children
        if verb.dep_ == "acl" and verb.pos_ == "VERB"
    }
    # "killed after a gas barrel was dropped on Wednesday": the event that caused it
    event_verbs |= {
        c.i
        for c in root.children
        if c.dep_ == "advcl" and any(m.lower_ in _CAUSING_MARKS for m in c.children)
    }
    # "killed in rebel shelling of X on Friday": the attack's noun misread as a verb, on
    # the claim's verb or one joined to it ("were killed and many injured in shelling")
    event_verbs |= {
        c.i
        for verb in list(event_verbs)
        for c in sentence.doc[verb].children
        if c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and not any(m.dep_ in {"mark", "nsubj", "advmod"} for m in c.children)
        and c.lower_ in action_vocab().attack_nouns
    }
    # "left dozens wounded Wednesday": the complement that says what became of them
    event_verbs |= {c.i for c in root.children if c.dep_ in _COMPLEMENTS and c.pos_ == "VERB"}
    event_verbs |= {
        participle.i
        for obj in root.children
        if obj.dep_ == "dobj"
        for participle in obj.children
        if participle.dep_ == "acl" and participle.tag_ == "VBN"
    }
    quote = _quote_around(sentence, number)
    for entity in dates:
        if entity.start <= number.i < entity.end:
            continue
        if quote is not None and not quote[0] <= entity.start_char < quote[1]:
            continue  # a figure in quotation marks: a date outside them dates the quoting
        if _HOLIDAY.fullmatch(entity.text) and entity.root.dep_ == "compound":
            continue  # "an office Christmas party Friday": what party, not when
        if _is_dateline_day(entity) or _is_dateline(entity):
            # "AFP Saturday 25 Jun 2016 Air strikes killed ...", "Published September 15
            # 2016 Twenty-three civilians ...": the report's date
            continue
        saying = _saying_right_before(entity)
        if saying is not None and not (reported and saying.i == root.i):
            continue  # "a monitoring group said Friday 19 people were killed": the report's
        if _dates_the_event_noun(entity, root):
            return _with_part_of_day(entity)  # "a suicide bombing ... on Thursday killed 29"
        verb = next((a for a in entity[0].ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if (
            verb is not None
            and verb.lemma_.lower() in reporting
            and number.i < entity.start
            and _before_speaker(entity, verb)  # "killed on Thursday state media reported"
        ):
            return _with_part_of_day(entity)
        if (
            verb is not None
            and verb.lemma_.lower() in reporting
            and _opens_the_sentence(entity, sentence)
            and entity.end <= number.i < verb.i
        ):
            # "On July 31 an assault killed 80 rights groups said": the parser hangs the
            # opening date on the closing verb of saying, but it dates the event
            return _with_part_of_day(entity)
        if verb is None and _opens_the_sentence(entity, sentence) and entity.end <= number.i:
            # "On September 17 US-led coalition aircraft carried out four strikes": the
            # parse hangs the opening date from no verb, but it dates the sentence's event
            return _with_part_of_day(entity)
        if verb is None or verb.i not in event_verbs:
            if _only_weekday_after(events, entity, root, number, verb):
                return _with_part_of_day(entity)  # "... blasts that rocked X on Wednesday"
            continue  # a date of another clause
        if verb.lemma_.lower() in reporting and not (reported and verb.i == root.i):
            continue  # a date of the report itself
        return _with_part_of_day(entity)
    return None


_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_MORE_DAY_PARTS = re.compile(r"\s+and\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\b")
_WEEKDAY_WORD = re.compile(r"\b(?:" + WEEKDAYS + r")\b")
_DAY_WORD = re.compile(r"\b(?:" + WEEKDAYS + r"|[Tt]oday|[Yy]esterday|[Tt]onight)\b")


_STATE_VERBS = frozenset({"be", "have", "number"})  # with stative_verbs: "200000 lived"


def _only_weekday_after(
    events: list[Span], entity: Span, root: Token, number: Token, verb: Token | None
) -> bool:
    """A weekday (or "today", "yesterday") after the figure that is its sentence's only
    date dates the figure's event, though it hangs from a clause below it or from no verb
    ("one person was killed in blasts that rocked the capital on Wednesday", "killed in
    shelling by regime forces on the neighborhood on Sunday", "Nine Civilians Killed in
    Regime Airstrikes on Rural Homs Today"); not a verb of saying's, nor a state's
    ("200000 people lived there")."""
    if entity.start < number.i or not _DAY_WORD.search(entity.text):
        return False
    if verb is not None and verb.lemma_.lower() in action_vocab().reporting:
        return False
    state = root.lemma_.lower()
    if state in frame_vocab().stative_verbs or state in _STATE_VERBS:
        return False
    return len(events) == 1  # of the sentence's dates, datelines left out


def _dates_in(sentence: Span) -> list[Span]:
    """The sentence's dates: the model's, and weekdays it left untagged ("shelling on the
    regime-held parts of the city on Wednesday")."""
    dates = [entity for entity in entities_in(sentence) if entity.label_ in _DATE_LABELS]
    if not _WEEKDAY_WORD.search(span_text(sentence)):
        return dates  # most sentences: no Token made for each word
    taken = {token.i for entity in dates for token in entity}
    doc = sentence.doc
    for token in sentence:
        if token.i in taken or token.lower_ not in _WEEKDAY_NAMES or not token.text[0].isupper():
            continue
        end = token.i + 1
        if end < sentence.end and doc[end].lower_ in _DAY_PARTS:
            end += 1  # "Thursday evening"
        dates.append(Span(doc, token.i, end, label="DATE"))
    return sorted(dates, key=lambda span: span.start)


def _dates_the_event_noun(entity: Span, root: Token) -> bool:
    """A date on the attack that did what the claim counts: "An air strike on Tuesday
    killed 18", "a mid-August suicide attack that killed 32", "killed in a bombing that
    targeted a border crossing on Thursday"."""
    for ancestor in entity[0].ancestors:
        if ancestor.i == root.i:
            return False
        if ancestor.lemma_.lower() in action_vocab().attack_nouns and _argument_of(ancestor, root):
            return True
        if ancestor.pos_ in {"VERB", "AUX"} and ancestor.dep_ != "relcl":
            return False  # the date of another verb
    return False


def _argument_of(noun: Token, verb: Token) -> bool:
    """The verb's subject, or the noun of a preposition on it ("killed in a bombing"), or
    the noun a relative clause with the verb describes."""
    if noun.head.i == verb.i and noun.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if noun.dep_ == "pobj" and noun.head.head.i == verb.i and noun.head.lower_ in {"in", "by"}:
        return True
    # "the Tuesday raids killed 27": a verb the parser hangs on the attack as a participle
    return verb.dep_ in {"relcl", "acl"} and verb.head.i == noun.i


def _with_part_of_day(entity: Span) -> str:
    """The date as written, with "early"/"late" before it ("Early on Monday")."""
    text = doc_text(entity.doc)
    part = _PART_OF_DAY.search(text, max(0, entity.start_char - 24), entity.start_char)
    start = part.start() if part is not None else entity.start_char
    end = entity.end_char
    if entity[-1].lower_ in _DAY_PARTS and (more := _MORE_DAY_PARTS.match(text, end)):
        end = more.end()  # "on Sunday afternoon and evening"
    written = text[start:end].removeprefix("the ").strip()
    return _POSSESSIVE_DAY.sub(r"\1", written)  # "todays shelling": today


def _opens_when_clause(entity: Span, root: Token, number: Token) -> bool:
    """A date right before "when" or "where" whose clause holds the figure: "on June 19
    when at least six people were killed", "the massacre in Raqqa today where 65 were
    killed", "in July when a bomber on a motorcycle killed 16" (the clause's verb may be
    misparsed as a noun the figure's verb hangs from)."""
    doc = entity.doc
    if entity.end >= len(doc) or doc[entity.end].lower_ not in {"when", "where"}:
        return False
    opener = doc[entity.end]
    head = opener.head
    return (
        entity.end < number.i
        and head.i > opener.i
        and (head.i == root.i or any(a.i == head.i for a in root.ancestors))
    )


def _is_dateline_day(entity: Span) -> bool:
    """A weekday followed by a full date: a dateline, not "on Saturday 12 people died"."""
    if entity.text.split()[-1].lower() not in _WEEKDAY_NAMES:
        return False
    following = doc_text(entity.doc)[entity.end_char : entity.end_char + DATELINE_CHARS]
    return _FULL_DATE.match(following.lstrip()) is not None


def _is_dateline(entity: Span) -> bool:
    """A full date not after a preposition: a dateline ("4 September 2016 Two people were
    killed", "in Raqqa 21 November 2016 SANA ...", "Published September 15 2016") dates
    the report; "on 22 May 2015" dates the event."""
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    return _FULL_DATE.fullmatch(entity.text) is not None and (
        before is None or before.pos_ != "ADP"
    )


def _saying_right_before(entity: Span) -> Token | None:
    """The verb of saying right before a date, "on" at most between them ("said Friday 19
    people were killed", "reported on Monday that"): the date is the report's, wherever
    the parser hangs it; not before a possessive ("said Friday's raids killed 19", or
    "Fridays" with its apostrophe lost)."""
    doc = entity.doc
    before = entity.start - 1
    if before >= 0 and doc[before].lower_ == "on":
        before -= 1
    if before < 0 or doc[before].pos_ not in {"VERB", "AUX"}:
        return None
    possessive = _POSSESSIVE_DAY.match(entity[-1].text) is not None or (
        entity.end < len(doc) and doc[entity.end].tag_ == "POS"
    )
    saying = doc[before].lemma_.lower() in action_vocab().reporting and not possessive
    return doc[before] if saying else None


def _opens_the_sentence(entity: Span, sentence: Span) -> bool:
    """Whether only a preposition or punctuation comes before ``entity`` ("- On July 31")."""
    return all(t.is_punct or t.pos_ == "ADP" for t in sentence.doc[sentence.start : entity.start])


def _before_speaker(entity: Span, verb: Token) -> bool:
    """A date between the figure and a speaker named before the verb of saying: with the
    comma lost, the parser hangs it on the report, but it dates the event ("were killed
    on Thursday state media reported"); a report's date follows the verb ("said on")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and entity.end <= subject.left_edge.i and subject.i < verb.i
