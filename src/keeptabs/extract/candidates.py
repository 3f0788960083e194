"""Which number phrases become claims: the number layer's quantities, less those that
count nothing new in the story.

The number layer already sets aside dates, ages, durations, ordinals and ids.  Here,
from the words around a quantity: loose vague words ("several fighters"), re-mentions
("the two pilots", "all four areas"), a bare "one" or "a" that counts no person,
zeros of share counters ("0 0 0"), a site's counters and stamps ("Get short URL 2440",
"48 Related"), years of an era ("1750 BC"), compound modifiers ("a 20-member team") and fixed
distances between places ("25 kilometres west of Raqqa").  Vocabularies are in
``data/candidates.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from keeptabs.extract.entities import is_nationality
from keeptabs.extract.numbers_words import OF_THEM, ONE_CONTEXT, one_counts_alone
from keeptabs.extract.vocab import load_data
from keeptabs.types import Quantity

_SMALL_WORD_NUMBERS = frozenset(
    "two three four five six seven eight nine ten eleven twelve".split()
)
WEAK_ONE = frozenset({"one", "a", "an"})  # a count only with a person after it
LOOKAROUND = 40  # characters of context read on either side of a number
COUNTER_LOOKBACK = 120  # ... and before it for a site's furniture ("Topic <a title> (61)")
_MODIFIER = re.compile(r"^-[a-z]")  # "20-member", "five-storey": the number modifies a noun
# A fixed distance between places: "25 kilometres west of Raqqa", "3 km (2 miles) from".
_PLACE_DISTANCE = re.compile(
    # "30 km (20 miles) south of": the conversion in brackets too
    # "10 km to the north of Idleb"
    r"^\s*\)?\s*(?:\([^)]{1,30}\)\s*)?(?:(?:to\s+the\s+)?(?:north|south|east|west|north-?east"
    r"|north-?west|south-?east|south-?west)(?:ern)?\s+of|from|away from|outside|off)\b",
    re.IGNORECASE,
)
_EVENT_DISTANCE = re.compile(r"\b(?:within|up to|as far as|reached|range of)\s*$", re.IGNORECASE)
# A site's counters and stamps run into the text: "Get short URL 2440", "(updated 2340
# 23.10.2017)", "Slideshow (21 Images)", "48 Related"; and years of an era ("1750 BC").
_SITE_COUNTER_BEFORE = re.compile(
    # "Get short URL 0 87", "Get short URL 11990", "... Islamic State Rises (1881) 0 25":
    # two counters at most ("Get short URL 0 85 12 Daesh terrorists": the story's 12)
    r"(?:\bshort URL(?:\s+0)?|\(updated|\bSlideshow\s*\(|\)\s+0"
    # "Last Update: ... GMT 12:55 1": a counter after the time stamp; "Topic Operation
    # to Liberate Raqqa (61) 112010": a topic's count of stories, and a counter after it
    # (written so: "the topic of the talks (" in prose is no page furniture)
    r"|(?-i:\bGMT\s+\d{1,2}:\d{2}|\bTopic\b[^()\n]{1,80}\((?:\d+\))?))\s*$",
    re.IGNORECASE,
)
# A number standing alone after the text's last sentence or on a line of its own: a
# page's counter or an editor's code ("... SANA reported. 219-11", "... sources said. 12")
_ALONE_BEFORE = re.compile(r"(?:^|\n|[.!?\"”]\s)\s*$")
_ALONE_AFTER = re.compile(r"^\s*(?:\n|$)")
_SITE_COUNTER_AFTER = re.compile(
    r"^\s*(?:Related\b|Images?\)|Community\s+standards|Comments?\b)"
    r"|^\s*(?:BCE?|AD|B\.C\.|A\.D\.)\b"
)
_THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
MIN_GIVEN_DIGITS = 2  # "the 2 ..." may well be new; "the 19 men" seldom is
# A speaker restating the figure makes it a claim of their own: "His figures allege the 83"
_SAYING = re.compile(
    r"\b(?:said|says|say|alleged?|alleges|claim(?:s|ed)?|report(?:s|ed)?|according|told"
    r"|confirm(?:s|ed)?|figures?)\b",
    re.IGNORECASE,
)


def _given_before(quantity: Quantity, text: str) -> bool:
    """Whether the figure, in digits, was given earlier in the document."""
    if not quantity.text.isdigit() or len(quantity.text) < MIN_GIVEN_DIGITS:
        return False
    return re.search(rf"(?<![\d,.]){quantity.text}(?![\d,.])", text[: quantity.start]) is not None


_BY_ONE = re.compile(r"\bby\s+$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)]|and\b|or\b|$)")
_MARGIN_OF_ERROR = re.compile(r"^\s+margins?\s+of\s+error\b", re.IGNORECASE)
_MARGIN_BEFORE = re.compile(
    r"\bmargins?\s+of\s+error\s+(?:of\s+)?(?:plus\s+or(?:\s+minus)?\s*|±\s*)?$", re.IGNORECASE
)
_LENGTH_UNITS = frozenset(
    {"kilometer", "kilometre", "meter", "metre", "mile", "km", "m", "yard", "foot", "feet"}
)


@dataclass(frozen=True, slots=True)
class CandidateVocab:
    weak_vague: frozenset[str]
    anaphora: re.Pattern[str]
    person_after_one: re.Pattern[str]


@cache
def candidate_vocab() -> CandidateVocab:
    data = load_data("candidates.json")
    determiners = sorted(data["anaphoric_determiners"], key=len, reverse=True)
    persons = "|".join(
        sorted([*data["person_nouns"], *data.get("things_after_one", ())], key=len, reverse=True)
    )
    return CandidateVocab(
        weak_vague=frozenset(data["weak_vague"]),
        anaphora=re.compile(rf"\b(?:{'|'.join(map(re.escape, determiners))})\s+$", re.IGNORECASE),
        person_after_one=re.compile(rf"^(?:\s+[\w-]+){{0,2}}?\s+(?:{persons})s?\b", re.IGNORECASE),
    )


def is_claim_candidate(quantity: Quantity, text: str) -> bool:
    """Whether ``quantity`` (found in ``text``) can be a claim."""
    if not quantity.is_claim_kind:
        return False
    vocab = candidate_vocab()
    words = quantity.text.lower()
    before = text[max(0, quantity.start - LOOKAROUND) : quantity.start]
    after = text[quantity.end : quantity.end + LOOKAROUND]
    if quantity.kind == "vague" and words in vocab.weak_vague:
        return False
    if words in WEAK_ONE:  # "one person"; "one of them" (the number layer kept it after a count)
        if _BY_ONE.search(before):
            return False  # "by one count", "by one estimate": a way of counting
        wider_before = text[max(0, quantity.start - ONE_CONTEXT) : quantity.start]
        return bool(
            vocab.person_after_one.match(after)
            or OF_THEM.match(after)
            or (words == "one" and one_counts_alone(wider_before, after))
            or (words == "one" and _nationality_after(after))  # "one English climber"
        )
    if words in _SMALL_WORD_NUMBERS and vocab.anaphora.search(before):
        return False
    if _THE_BEFORE.search(before) and not _SAYING.search(before) and _given_before(quantity, text):
        return False  # "executed the 19 men" after "19 men were executed": a re-mention
    if quantity.text == "0" or (_MODIFIER.match(after) and quantity.kind == "count"):
        return False
    wide = text[max(0, quantity.start - COUNTER_LOOKBACK) : quantity.start]
    if _SITE_COUNTER_BEFORE.search(wide) or _SITE_COUNTER_AFTER.match(after):
        return False
    if _ALONE_BEFORE.search(before) and _ALONE_AFTER.match(after):
        return False
    if quantity.kind == "percent" and (
        _MARGIN_OF_ERROR.match(after) or _MARGIN_BEFORE.search(before)
    ):
        return False  # "a 3.1 percent margin of error": about the poll, not the events
    return not _is_place_distance(quantity, before, after)


def _nationality_after(after: str) -> bool:
    """ "one Australian and ...", "one English climber": a nationality after "one", alone
    or before a person noun, counts a person (not "one British pound")."""
    word = _FIRST_WORD.match(after)
    if word is None or not is_nationality(word.group(1)):
        return False
    rest = after[word.end() :]
    return bool(_NO_NOUN_AFTER.match(rest) or candidate_vocab().person_after_one.match(rest))


def _is_place_distance(quantity: Quantity, before: str, after: str) -> bool:
    if quantity.kind != "measure" or (quantity.unit or "").lower() not in _LENGTH_UNITS:
        return False
    return bool(_PLACE_DISTANCE.match(after)) and not _EVENT_DISTANCE.search(before)
