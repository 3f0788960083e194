"""Which numbers are not claims: dates, times, ages, identifiers, list markers.

Each rule is a small test on the text around one number; :func:`classify` runs them
in order and the first that holds names the kind.  See docs/numbers.md for the rules.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Final

from keeptabs.extract.numbers_match import NumberMatch
from keeptabs.extract.numbers_tables import (
    MAX_AGE,
    MAX_LIST_MARKER,
    MIN_ID_DIGITS,
    MONTH_WORDS,
    MONTHS,
    YEAR_RANGE,
    tables,
)
from keeptabs.extract.numbers_text import PREV_WORD, next_word, prev_word

__all__ = ["Protected", "classify", "propagate_list_markers"]

_MONTH_BEFORE: Final = re.compile(rf"(?i)\b(?:{MONTHS})\.?,?\s+(?:the\s+)?$")
_MONTH_DAY_BEFORE: Final = re.compile(rf"(?i)\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+$")
_HISTORIC_YEAR_MIN: Final = 500  # "in 611", "in 1453": years before YEAR_RANGE, in context
_YEAR_PREPOSITIONS: Final = frozenset({"in", "since", "until", "by"})
_CLAUSE_END: Final = re.compile(r"\s*(?:[.,;:)]|and\b|when\b|$)")
_MONTH_AFTER: Final = re.compile(rf"(?i)(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b")
# All three start with a bare \d (then look back) so the regex engine can skip to digits.
_PHONE: Final = re.compile(r"\d(?<!\w\d)\d{2}([-.])\d{3}\1\d{4}\b")  # "800-800-3855"
_DATE_CHAIN: Final = re.compile(r"\d(?<!\w\d)\d{0,3}([/.-])\d{1,2}\1\d{2,4}\b")
# "10:30", "23:37:00", and "8:30pm", "11:39AM" with am/pm run on
_CLOCK: Final = re.compile(r"\d(?<!\w\d)\d?:\d{2}(?::\d{2})?(?:\b|(?=(?i:[ap]\.?m)\b))")
_YEAR_BEFORE: Final = re.compile(
    r"(?i)\b(?:in|since|by|until|till|of|from|year|during|early|late|mid|before|after|circa|"
    rf"summer|winter|spring|autumn|fall|{MONTHS})\.?,?[\s-]+$"
)
# A time of day: "600 pm", "6.30am", "0300 GMT" (digits before am/pm or a time zone),
# "10 a. m." (a tokenizer's spacing kept)
_TIME_AFTER: Final = re.compile(
    r"(?i)\s?(?:a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])|\s(?:GMT|UTC|local time)\b"
)
# Scraped dates that lost a space: "Apr 232017" is 23 April 2017.
_GLUED_DAY_YEAR: Final = re.compile(r"(?:0?[1-9]|[12]\d|3[01])(?:19|20)\d\d")
# After a number these end a label ("Resolution 2254 of ..."); a verb does not ("Another 70 were").
_LABEL_END_WORDS: Final = frozenset("the a an and or but in on at to of for with by from".split())
_STAMP_BEFORE: Final = re.compile(r"\b(?:19|20)\d\d\s+at\s+$")  # "Oct 2014 at 1514"
_CLOCK_LOOKALIKE_UNITS: Final = frozenset({"picometer", "attometer"})  # 'pm', 'am'
TITLE_CASE_SHARE: Final = 0.6  # of a line's longer words capitalised: a headline, not a label
MAX_TITLE_CHARS: Final = 300  # a longer line is prose, whatever its capitals
_AGE_AFTER: Final = re.compile(r"(?i)(?:\s*|-)old\b|\s+years?\s+of\s+age\b")
_NAME_WORD: Final = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?"  # "Banky", "LaCalamita", "McDonald"
# "Banky, 40,", "Tennant and Hakim, both 51,": a name, then an age between commas
_SUFFIX: Final = r"(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV))?"  # "Comeaux Jr.,", "LaCalamita III,"
_NAME_COMMA: Final = re.compile(rf"\b(?P<name>{_NAME_WORD}){_SUFFIX},\s$|\b{_NAME_WORD},\s+both\s$")
# "Anthony LaCalamita, 38." "Robyn Mendes, 48 - an ex-girlfriend": an age closing the
# sentence or before a dash only after a first and a last name ("By Friday, 55." is no age)
_FULL_NAME_COMMA: Final = re.compile(rf"\b[A-Z][a-z]+\s+(?P<name>{_NAME_WORD}){_SUFFIX},\s$")
_AGE_CLOSE: Final = re.compile(r"[,)]")
_AGE_END: Final = re.compile(r"\.|\s[-–—]\s")
_CALENDAR_WORDS: Final = MONTH_WORDS | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tonight",
}  # fmt: skip
# "in Hama, 14", "in eastern Ghouta, 14": a place, then a figure
_LOCATIVE_BEFORE: Final = re.compile(
    r"\b(?:in|at|near|from|to|of|outside|around|on|by|since|until|during|across|into)"
    r"\s+(?:[a-z]+\s+)?$"
)
NAME_REACH: Final = 24  # characters before an age searched for the name and its comma
_ID_BEFORE: Final = re.compile(  # \Z, not $: a letter ending the line before is no label
    r"(?:\b(?:No|Nos|Nr|Nrs|nr|nrs|no)\.\s*|#\s*|[A-Za-z]|\b[A-Z][A-Za-z]{0,4}-)\Z"
)
_LIST_BEFORE: Final = re.compile(r"(?:^|\n|[.!?]\s)[ \t]*(?:[-*•][ \t]*)?$")
_LIST_AFTER: Final = re.compile(r"[.):]?[ \t]+([A-Z][a-z]*)")
_NUMBERED_ITEM: Final = re.compile(r"[.)][ \t]+\w")
_LEADING_INT: Final = re.compile(r"\d+")
_NEXT_WORD: Final = re.compile(r"[ \t]*-?[ \t]*([A-Za-z]+)")
_FUNCTION_WORDS: Final = frozenset(
    "the a an and or but in on at to of for with by from was were is are has had have when while"
    " after before as that which who it he she they we i will would saw until during its".split()
)  # a year followed by these stays a year: "in 2016 the", "2016 was"
_SENTENCE_STARTERS: Final = frozenset(
    "The A An Most Many Some In On At It This That These Those We They He She I If When As All"
    " There Our My His Her Their What Why How Who No Not For And But Also So Then".split()
)  # "1 The civilians…": a list marker, not "1 Syrian soldier"
_LIST_WORDS: Final = frozenset("point points item items step steps paragraph option".split())
_COUNTER_NOUNS: Final = frozenset("comments comment replies likes shares views retweets".split())
_COORDINATE_AFTER: Final = re.compile(
    r"\s*(?:°|degrees?)\s+(?:in\s+)?(?:longitude|latitude|north|south|east|west)\b", re.IGNORECASE
)
_EMERGENCY_NUMBERS: Final = frozenset({"911", "999", "112"})
_DIALLING: Final = frozenset({"dial", "dialed", "dialled", "dialing", "dialling", "emergency"})
_CALLING: Final = frozenset({"call", "called", "calling", "calls"})  # "called 911"
_EMERGENCY_AFTER: Final = re.compile(
    r"\s+(?:calls?|callers?|operators?|dispatchers?|supervisors?|lines?|cent(?:er|re)s?)\b"
)
# "Day six of the revolt", "on day one,"; not "every day 300 of the displaced"
_DAY_NUMBER_AFTER: Final = re.compile(r"\s*(?:of\b|[,.;:!?)]|$)")
_NAMED_DAY: Final = re.compile(r"(?:\bDay|\bon\s+day)\s+$")
# A street address: "the 12000 block of East 223rd Street", "at 24 Independent Street",
# "40 East 5th Ave."
_ADDRESS_AFTER: Final = re.compile(
    r"\s+(?:block\s+of\b|(?:Highway|Hwy|Freeway)\b"
    r"|(?:[A-Z][a-z]+\s+|\d+(?:st|nd|rd|th)\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard"
    r"|Blvd|Lane|Drive)\b)"
)
_AGE_WORDS: Final = frozenset(("age", "aged", "ages"))
# Both ends of an age range written out: "aged from four to 10", "aged between 5 and 12"
_AGE_RANGE_BEFORE: Final = re.compile(
    # "aged from four to 10", "aged between 5 and 12", "ages 47 and 48"
    r"\b(?:aged|ages)\s+(?:(?:from|between)\s+(?:[\w-]+\s+(?:to|and)\s+)?|\d+\s+(?:and|to)\s+)$",
    re.IGNORECASE,
)
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# --------------------------------------------------------------------------- protected spans


class Protected:
    """Date chains ('5/17/2018') and clock times ('10:30') around a position, found lazily.

    Both are made of digits and '/.:-' only, so the run of those characters around a
    number is scanned (once) instead of the whole text.
    """

    __slots__ = ("_runs", "_text")
    _SEPARATORS: Final = frozenset("/.:-")
    _RUN_END: Final = re.compile(r"[\d/.:-]*")
    _SEPARATOR_AHEAD: Final = re.compile(r"\d*[/.:-]")

    def __init__(self, text: str) -> None:
        self._text = text
        self._runs: dict[int, list[tuple[int, int, str]]] = {}

    def kind_at(self, pos: int) -> str | None:
        text, seps = self._text, self._SEPARATORS
        if pos >= len(text) or not (text[pos].isdecimal() or text[pos] in seps):
            return None
        start = pos
        while start and (text[start - 1].isdecimal() or text[start - 1] in seps):
            start -= 1
        if start == pos and not self._SEPARATOR_AHEAD.match(text, pos):
            return None  # a run of bare digits: the usual case
        spans = self._runs.get(start)
        if spans is None:
            spans = self._runs[start] = self._scan(start)
        for s, e, kind in spans:
            if s <= pos < e:
                return kind
        return None

    def _scan(self, start: int) -> list[tuple[int, int, str]]:
        text = self._text
        run = self._RUN_END.match(text, start)  # always matches (maybe empty)
        end = run.end() if run else start
        if not any(c in self._SEPARATORS for c in text[start:end]):
            return []
        # past the run: one character for the closing \b, four for a run-on "p.m."
        stop = min(len(text), end + 5)
        spans = [(m.start(), m.end(), "date") for m in _DATE_CHAIN.finditer(text, start, stop)]
        spans += [(m.start(), m.end(), "identifier") for m in _PHONE.finditer(text, start, stop)]
        return spans + [(m.start(), m.end(), "time") for m in _CLOCK.finditer(text, start, stop)]


# --------------------------------------------------------------------------- rules


def _is_date(text: str, num: NumberMatch, before: str) -> bool:
    value, raw = num.value, text[num.core_start : num.core_end]
    if num.qualifier == "range" and (head := _LEADING_INT.match(raw)):
        raw = head.group()  # '2013-14': the first year decides
    if value is None or not raw.isdigit():
        return False
    if num.core_start != num.start:
        before = prev_word(text, num.core_start).lower()
    if before in MONTH_WORDS and _GLUED_DAY_YEAR.fullmatch(raw):
        return True
    if 1 <= value <= 31 and (before in MONTH_WORDS or _MONTH_AFTER.match(text, num.end)):
        return True
    if _HISTORIC_YEAR_MIN <= value < YEAR_RANGE[0] and before in _YEAR_PREPOSITIONS:
        return bool(_CLAUSE_END.match(text, num.end))  # "converted to Islam in 611."
    if len(raw) != 4 or not YEAR_RANGE[0] <= value <= YEAR_RANGE[1] or num.unit:
        return False
    if _MONTH_DAY_BEFORE.search(text, max(0, num.start - 20), num.start):
        return True  # "on July 29 2016", "February 27 2016": the commas lost
    if text.startswith(("s", "'s"), num.core_end) and num.qualifier != "range":
        return True  # the 1960s
    if num.qualifier == "range" or _YEAR_BEFORE.search(
        text, max(0, num.core_start - 16), num.start
    ):
        return True
    nxt = next_word(text, num.end)
    if not nxt or nxt in _FUNCTION_WORDS:
        return True
    return _year_before_noun(text, num, before)


def _year_before_noun(text: str, num: NumberMatch, before: str) -> bool:
    """A bare year-like number before a noun: 'the 2016 offensive' (year), '2000 people'.

    A capitalised word next keeps the year reading ('2016 Aleppo offensive').  A plural
    noun makes it a count, unless a determiner comes before the number and the noun
    names events ('the 2014 elections').  A singular noun phrase makes it a year only
    after a determiner ('The 2019 flood', 'Syria's 2012 constitution'): without one,
    '2000 killed' stays a count.
    """
    words = _words_after(text, num.end)
    if not words:
        return True  # 'The', 'In': a capitalised function word starts a new sentence
    nouns = tables().year_nouns
    possessive = before == "s" and num.start >= 3 and text[num.start - 3] in "'’"
    determined = num.qualifier == "exact" and (before in nouns["determiners"] or possessive)
    if not words[0].islower():
        return True
    plural = next((w for w in words if _is_plural(w, nouns)), None)
    if plural is not None:
        return determined and plural in nouns["plural_events"]
    return determined


def _words_after(text: str, pos: int) -> list[str]:
    """Up to three words after pos, joined by spaces or hyphens, before a function word
    (or, after the first word, a capitalised one)."""
    words: list[str] = []
    while len(words) < 3 and (m := _NEXT_WORD.match(text, pos)):
        word = m.group(1)
        if word.lower() in _FUNCTION_WORDS or (words and not word.islower()):
            break
        words.append(word)
        pos = m.end()
    return words


def _is_plural(word: str, nouns: dict[str, frozenset[str]]) -> bool:
    if word in nouns["irregular_plurals"] or word.endswith("men"):
        return True
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and (word not in nouns["not_plural"])
    )


def _is_time(text: str, num: NumberMatch, before: str) -> bool:
    """'600 pm', '6am', '0300 GMT': clock times written without a colon; 'Oct 2014 at
    1514': a wire's time stamp after its date."""
    raw = text[num.core_start : num.core_end]
    if not raw.isdigit() or len(raw) > 4:
        return False
    if _TIME_AFTER.match(text, num.core_end):
        return True
    return (
        before == "at"
        and len(raw) == 4
        and int(raw[:2]) < 24 and int(raw[2:]) < 60
        and bool(_STAMP_BEFORE.search(text, max(0, num.start - 12), num.start))
    )  # fmt: skip


def _is_age(text: str, num: NumberMatch, before: str) -> bool:
    if before in _AGE_WORDS or _AGE_RANGE_BEFORE.search(text, max(0, num.start - 40), num.start):
        return True  # "aged 12", "aged from four to 10"
    if num.unit == "year" and (old := _AGE_AFTER.match(text, num.end)):
        num.end = old.end() if text[num.end] == "-" else num.end  # 'six-year-old'
        return True
    value = num.value
    if not (
        num.form == "digits" and num.unit is None and value is not None
        and value.is_integer() and 0 < value <= MAX_AGE
    ):  # fmt: skip
        return False
    low = max(0, num.start - NAME_REACH)
    if _AGE_CLOSE.match(text, num.end):
        name = _NAME_COMMA.search(text, low, num.start)
    elif _AGE_END.match(text, num.end):
        name = _FULL_NAME_COMMA.search(text, low, num.start)
    else:
        return False
    return (
        name is not None
        and (name.group("name") or "").lower() not in _CALENDAR_WORDS  # "on Monday, 12,"
        and not _LOCATIVE_BEFORE.search(text, max(0, name.start() - NAME_REACH), name.start())
    )


def _is_identifier(text: str, num: NumberMatch, before: str) -> bool:
    raw = text[num.core_start : num.core_end]
    if raw.isdigit() and len(raw) >= MIN_ID_DIGITS:
        return True
    if _id_before(text, num.core_start):
        return True
    if num.end < len(text) and text[num.end].isalpha():
        return True  # 860BOX, 3D
    if next_word(text, num.end).lower() in _COUNTER_NOUNS:
        return True
    if raw.isdigit() and _ADDRESS_AFTER.match(text, num.end):
        return True
    if _COORDINATE_AFTER.match(text, num.end):
        return True  # "55.96 degrees in longitude": where, no count
    if raw in _EMERGENCY_NUMBERS and (
        before in _DIALLING
        or (raw == "911" and (before in _CALLING or _EMERGENCY_AFTER.match(text, num.end)))
    ):
        return True  # "dialed 911", "911 calls", "a 911 supervisor"; not "112 calls"
    if (
        before == "day"
        and _DAY_NUMBER_AFTER.match(text, num.end)
        and _NAMED_DAY.search(text, max(0, num.start - 12), num.start)
    ):
        return True  # "Day six of the revolt", "on day one,": which day, no count
    label = _LABEL_HYPHEN.search(text, max(0, num.core_start - 12), num.core_start)
    if num.form == "digits" and label is not None and label.group(1) in tables().label_nouns:
        return True  # "Sukhoi-34 bombers"
    return num.form == "digits" and raw.isdigit() and _capital_label(text, num)


def _id_before(text: str, pos: int) -> bool:
    """'No. 5', '#5', 'G20', 'SCP-173': what comes just before marks an identifier."""
    lo = max(0, pos - 6)
    j = pos - 1
    if j < lo:
        return False
    if text[j] in _ASCII_LETTERS:
        return True
    while j >= lo and text[j].isspace():
        j -= 1  # after spaces only 'No. 5' and '# 5' can match
    if j < lo or text[j] not in (".#-" if j == pos - 1 else ".#"):
        return False
    return bool(_ID_BEFORE.search(text, lo, pos))


def _capital_label(text: str, num: NumberMatch) -> bool:
    """'Voyager 2 in 1979', 'Resolution 2254,', 'Comments 6': a capitalised word names it."""
    start = num.start
    if start < 2 or text[start - 1] not in " \t" or text[start - 2] not in _ASCII_LETTERS:
        return False  # needs a word, then one space, then the number
    prev = PREV_WORD.search(text, max(0, num.start - 24), num.start)
    if not prev or not prev.group(1)[0].isupper() or num.start - prev.end(1) != 1:
        return False
    if prev.group(1) in tables().label_nouns:
        return True  # "Division 30 near the town", "Base 46 west of the city"
    if prev.group(1).lower() in tables().prefix_cues or _MONTH_BEFORE.search(
        text, prev.start(), num.start
    ):
        return False
    if _in_title_case_line(text, num.start):
        return False  # a headline capitalises every word: "ISIL Kills over 50 in Syria"
    if _LIST_OF_PLACES_BEFORE.search(text, max(0, num.start - 40), num.start) and (
        _LIST_OF_PLACES_AFTER.match(text, num.end)
    ):
        return False  # "counted in Hammouriya 100 in Kfar Batna 67 in Saqba": a list
    nxt = next_word(text, num.end)
    rest = text[num.end : num.end + 2]
    return not nxt or nxt.lower() in _LABEL_END_WORDS or not rest.strip(" ")[:1].isalpha()


# A list of counts by place that lost its commas: "150 in Hammouriya 100 in Kfar Batna"
_LIST_OF_PLACES_BEFORE: Final = re.compile(
    r"\b(?:in|at|near)\s+(?:the\s+(?:neighbou?rhood|district|village|town)\s+)?"
    r"(?:[A-Z][\w'-]*\s+){1,3}$"
)
_LIST_OF_PLACES_AFTER: Final = re.compile(r"\s+(?:in|at|near)\s+[A-Z]")


_LABEL_HYPHEN: Final = re.compile(r"\b([A-Z][A-Za-z]+)-$")


def _in_title_case_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    if end - start > MAX_TITLE_CHARS:
        return False  # prose: headlines are short
    words = [w for w in text[start:end].split() if len(w) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised >= TITLE_CASE_SHARE * len(words)


def _is_list_marker(text: str, num: NumberMatch, before: str) -> bool:
    value = num.value
    if num.form != "digits" or value is None or not value.is_integer() or value > MAX_LIST_MARKER:
        return False
    if before in _LIST_WORDS:
        return True
    if not _LIST_BEFORE.search(text, max(0, num.start - 8), num.start):
        return False
    if _NUMBERED_ITEM.match(text, num.end):
        return True  # "1. Manda says", "3) the"
    after = _LIST_AFTER.match(text, num.end)
    return after is not None and after.group(1) in _SENTENCE_STARTERS


_RULES: Final[tuple[tuple[str, Callable[[str, NumberMatch, str], bool]], ...]] = (
    ("date", _is_date),
    ("time", _is_time),
    ("age", _is_age),
    ("identifier", _is_identifier),
    ("list_marker", _is_list_marker),
)


def classify(text: str, num: NumberMatch, protected: Protected | None, before: str) -> str:
    """The kind of num: its unit's kind, a non-claim kind from the rules, or count/range.

    ``before`` is the lowercased word just before ``num.start`` (see ``apply_prefix``).
    """
    if (
        protected is not None
        and num.form != "words"
        and (kind := protected.kind_at(num.core_start))
    ):
        return kind
    if num.kind != "count":
        return "duration" if num.kind == "vague" and num.unit_kind == "duration" else num.kind
    if num.unit_kind == "duration":
        return "age" if _is_age(text, num, before) else "duration"
    if num.unit in _CLOCK_LOOKALIKE_UNITS and _is_time(text, num, before):
        num.unit = None
        return "time"  # "600 pm" is a time of day; "2.1 pm" stays picometres
    if num.unit_kind:
        return num.unit_kind
    if num.form in ("frac", "vulgar", "fraction"):
        num.unit = "fraction"
        return "measure"
    for kind, test in _RULES:
        if test(text, num, before):
            return kind
    return "range" if num.qualifier == "range" else "count"


def propagate_list_markers(text: str, nums: list[NumberMatch]) -> None:
    """'point 1 and 2': a number joined to a list marker by 'and' or ',' is one too."""
    for prev, num in itertools.pairwise(nums):
        if prev.kind != "list_marker" or num.kind != "count":
            continue
        if text[prev.end : num.start].strip().lower() in ("and", ",", "&", "or"):
            num.kind = "list_marker"
