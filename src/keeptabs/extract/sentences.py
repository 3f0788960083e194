"""Sentences in plain text, without a parse: where they split, and the sentence that
holds a claim (its ``quote`` found again, else the sentence around its number)."""

from __future__ import annotations

import re

from keeptabs.types import Claim

# A sentence ends at . ! or ? (and any closing quote), before a capital, digit or quote
# (or a subheading's dash, or the debris of a quotation mark that lost its encoding:
# "ï¿½ï¿½Around 15 were killed").
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=(?:-\s+)?(?:ï¿½|\ufffd)*[\"“‘(]?[A-Z0-9])")
# Abbreviations after which a full stop does not end a sentence ("Gen. Igor", "U.S. Army").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Gov|Sen|Rep|St|Jr|Sr|No|Nos|vs|Prof|Brig|Adm|Cpl|Pvt)"
    r"|\b[A-Z](?:\.[A-Z])*)\.$"
)
# A subheading set between dashes in a wire story ("- Air raids kill thousands - While
# the ..."): a sentence of its own, as is the text after it.
_SUBHEADING = re.compile(r"-\s+[A-Z][^.!?\n-]{2,80}?\s+-\s+(?=[\"“‘(]?[A-Z])")
# Capitalised number words that open a lead run on after a subheading or a tag list.
_NUMBER_WORDS = (
    "One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen"
    "|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy"
    "|Eighty|Ninety|Dozens|Scores|Hundreds|Thousands"
)
# Scraped text loses full stops between a caption, a tag list or a subheading and the
# sentence after it ("... injuring 3 civilians In the same context three civilians",
# "Tags Syria Aleppo airstrikes At least 51 civilians"): a capitalised function or number
# word right after a lower-case word starts a sentence; not after a verb of saying, where
# it opens an unmarked quotation ("said The gangs ...").
_RUN_ON_START = re.compile(
    r"(?=[A-Z])"  # fails fast where no capital is: the regex is tried at every position
    r"(?:(?<=[a-z0-9] )(?<!\bsaid )(?<!\bsays )(?<!\bwrote )(?<!\badded )(?<!\btold )"
    r"(?:In|On|At|The|A|An|According|Meanwhile"
    # a capitalised number word: a subheading run into its sentence ("... in Hama
    # countryside Three citizens were killed")
    rf"|(?P<number>{_NUMBER_WORDS}))"
    r"(?= [a-z0-9])"
    r"|(?<=[a-z0-9] )Tags(?= [A-Z]))"  # a tag list run into the text before it
)
_NUMBER_WORD = re.compile(rf"(?<= )(?:{_NUMBER_WORDS}|At least|More than)\b")
# Where a claim's quote cannot be found again, its sentence is looked for this far either
# side of the number (a line break ends a sentence too).
MAX_SENTENCE_CHARS = 600


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the sentences in ``text[start:end]`` (lines break sentences too)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        cursor = start + line.start()
        line_end = start + line.end()
        for match in _SENTENCE_END.finditer(text, cursor, line_end):
            if _ABBREVIATION.search(text[max(cursor, match.start() - 12) : match.start() + 1]):
                continue
            spans.extend(_without_subheading(text, cursor, match.start() + 1))
            cursor = match.end()
        if text[cursor:line_end].strip():
            spans.extend(_without_subheading(text, cursor, line_end))
    return spans


def _without_subheading(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]``, with a subheading at its start split off, and
    split again where a run-on sentence starts (see ``_RUN_ON_START``)."""
    heading = _SUBHEADING.match(text, start, end)
    if heading is not None and heading.end() < end:
        return [(start, heading.end() - 1), *_run_ons(text, heading.end(), end)]
    return _run_ons(text, start, end)


def _run_ons(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for found in _RUN_ON_START.finditer(text, start, end):
        if (
            found.group("number") is not None
            and _in_title_case(text, start, found.start())
            and _SMALL_WORD_AFTER.match(text, found.end())
        ):
            continue  # "Twin Bomb Attacks Kill 50 Injure Dozens in ...": one headline
        spans.extend(_tag_list_split(text, start, found.start() - 1))
        start = found.start()
    spans.extend(_tag_list_split(text, start, end))
    return spans


TITLE_CASE_WORDS = 3  # words before a run-on start looked at
# The words Title Case leaves in lower case; a lead run on after a headline goes on with
# others ("... Kefraya Eight persons were wounded").
_SMALL_WORD_AFTER = re.compile(r" (?:in|of|on|at|to|for|and|from|near|by|as|after|with)\b")
_WORD_BEFORE = re.compile(r"[\w'’-]+")


def _in_title_case(text: str, start: int, at: int) -> bool:
    """Whether the words right before ``at`` are a Title Case run (two of the last three
    capitalised, the one next to it among them), where a capitalised number word after
    them, followed by a small word, starts no sentence ("Kill 50 Injure Dozens in"); not
    a name closing a sentence ("in Hama countryside Three citizens")."""
    words = _WORD_BEFORE.findall(text, max(start, at - 60), at)[-TITLE_CASE_WORDS:]
    capitalised = [word[0].isupper() for word in words]
    return bool(capitalised) and capitalised[-1] and sum(capitalised) >= 2


def _tag_list_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A tag list ends where a capitalised number word opens the lead, whatever follows
    it ("Tags Aleppo Syria Hizbollah Four Hizballah members were killed")."""
    if not text.startswith("Tags ", start):
        return [(start, end)]
    lead = _NUMBER_WORD.search(text, start, end)
    if lead is None:
        return [(start, end)]
    return [(start, lead.start() - 1), (lead.start(), end)]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, within :data:`MAX_SENTENCE_CHARS` of it."""
    low = max(text.rfind("\n", 0, start) + 1, start - MAX_SENTENCE_CHARS)
    line_end = text.find("\n", end)
    high = min(len(text) if line_end == -1 else line_end, end + MAX_SENTENCE_CHARS)
    spans = sentence_spans(text, low, high)
    first = next((s for s in spans if s[1] > start), None)
    last = next((s for s in spans if s[1] >= end), None)
    if first is None or last is None:
        return low, high
    return first[0], last[1]


def claim_sentence(text: str, claim: Claim) -> tuple[int, int]:
    """Where the claim's sentence is in its document's ``text``: its ``quote`` found
    again around the number, else the sentence around the number."""
    quote = claim.quote
    if quote:
        found = text.find(quote, max(0, claim.end - len(quote)), claim.start + len(quote))
        if found != -1 and found <= claim.start and claim.end <= found + len(quote):
            return found, found + len(quote)
    return sentence_bounds(text, claim.start, claim.end)
