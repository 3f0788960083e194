"""Framing terms in text: lexicon words, hedges with what they bear on, scare quotes.

Everything is a regular expression over the text (no parse), so a document of any
length costs a few passes.  Each :class:`Term` keeps its exact character span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from keeptabs.extract.sentences import claim_sentence, sentence_bounds
from keeptabs.framing.lexicon import Lexicon, load_lexicon
from keeptabs.types import Claim, Segment, SegmentKind

SCARE_QUOTES = "scare_quotes"  # the category of scare quotes, which no data file lists
OTHER_LABEL = "other"  # a scare quote around words the lexicon does not list
# Scare quotes mark a word or a short phrase ('helped', "moderate opposition"); four
# words and more are nearly always quoted speech or a title.
MAX_SCARE_WORDS = 3
# What a hedge such as "so-called" bears on: a quoted name of up to this many words
# ("so-called "Syrian Observatory of Human Rights"") or a capitalised name run.
MAX_HEDGED_WORDS = 8
MAX_HEDGED_LOWER_WORDS = 2  # "so-called humanitarian pauses": a lower-case noun phrase
# Quotations longer than this are speech whatever surrounds them; it bounds the search.
MAX_QUOTE_CHARS = 120
CUE_WINDOW = 40  # characters before or after a quotation searched for a cue
# Headlines and article bodies are what an outlet wrote; captions are often an agency's,
# comments are readers', boilerplate is the site's.
EDITORIAL_KINDS: tuple[SegmentKind, ...] = ("headline", "body")

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_CURLY_DOUBLE = re.compile(rf"(?<!\w)“([^“”\n]{{1,{MAX_QUOTE_CHARS}}}?)”")
_CURLY_SINGLE = re.compile(rf"(?<!\w)‘([^‘\n]{{1,{MAX_QUOTE_CHARS}}}?)’(?!\w)")
_STRAIGHT_SINGLE = re.compile(rf"(?<!\w)'(?=\w)([^'\n]{{1,{MAX_QUOTE_CHARS}}}?)'(?!\w)")
_STRAIGHT_DOUBLE = re.compile(r'"')
_OPENING_QUOTE = re.compile(r"""\s*(["“‘'])""")
_CLOSING = {'"': '"', "“": "”", "‘": "’", "'": "'"}
_TRAILING_PUNCT = ",.;:!?"
_SENTENCE_PUNCT = ".!?"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CONNECTORS = frozenset({"of", "for", "the", "and", "al", "el", "de", "on", "in"})
_NAME_WORD = re.compile(
    rf"[A-Z][\w'’.\-]*|(?:al|el|ad|as|ash)-[\w\-]+|\d+|(?:{'|'.join(sorted(_CONNECTORS))})(?!\w)"
)
_LOWER_STOP = re.compile(r"[a-z][\w\-]*")
_FUNCTION_WORDS = frozenset(
    "a an the of in on to and or for with from by at is are was were".split()
)
_PRECEDING_WORD = re.compile(r"([^\W\d_][\w'’]*)\s+$")
# "claimed more than 300000 lives": the word that gives a verb another sense comes within
# four words of it (a number and its qualifier between).
NOT_BEFORE_WORDS = 4
NOT_BEFORE_CHARS = 60


@dataclass(frozen=True, slots=True)
class Term:
    """A framing term: what it is, the words as written and where they are.

    ``text`` is exactly ``document.text[start:end]``.  ``target`` holds the words a
    hedge bears on ("moderate opposition" after "so-called") or the words inside scare
    quotes; for a scare quote ``label`` is the lexicon label of those words, or "other".
    """

    category: str
    label: str
    text: str
    start: int
    end: int
    target: str | None = None


def find_terms(text: str, *, lexicon: Lexicon | None = None, offset: int = 0) -> list[Term]:
    """Every framing term in ``text``, ordered by position; spans are shifted by
    ``offset`` (the position of ``text`` in its document)."""
    lexicon = lexicon or load_lexicon()
    ignored = [m.span() for m in _URL.finditer(text)]
    if lexicon.ignore:
        ignored += [m.span() for m in lexicon.ignore.finditer(text)]
    terms = [
        term
        for term in _lexicon_terms(text, lexicon)
        if not any(start <= term.start and term.end <= end for start, end in ignored)
    ]
    terms += _scare_quotes(text, lexicon)
    terms.sort(key=lambda term: (term.start, -term.end, term.category))
    if not offset:
        return terms
    return [_shifted(term, offset) for term in terms]


def document_framing(
    text: str,
    segments: Sequence[Segment] | None = None,
    *,
    kinds: Sequence[SegmentKind] = EDITORIAL_KINDS,
    lexicon: Lexicon | None = None,
) -> list[Term]:
    """The framing terms of a document's own writing: its segments of ``kinds``
    (headline and body), or the whole text when no segments are given."""
    lexicon = lexicon or load_lexicon()
    return [
        term
        for start, end in editorial_spans(text, segments, kinds=kinds)
        for term in find_terms(text[start:end], lexicon=lexicon, offset=start)
    ]


def editorial_spans(
    text: str,
    segments: Sequence[Segment] | None = None,
    *,
    kinds: Sequence[SegmentKind] = EDITORIAL_KINDS,
) -> list[tuple[int, int]]:
    """The runs of ``text`` in segments of ``kinds``, neighbours joined; all of it when
    ``segments`` is None (a text without segmentation is taken as written by the outlet)."""
    if segments is None:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    for segment in sorted(segments, key=lambda segment: segment.start):
        if segment.kind not in kinds:
            continue
        if spans and spans[-1][1] == segment.start:
            spans[-1] = (spans[-1][0], segment.end)
        else:
            spans.append((segment.start, segment.end))
    return spans


def count_words(text: str) -> int:
    """Words as rates count them: letters and digits, with inner hyphens and apostrophes."""
    return sum(1 for _ in _WORD.finditer(text))


def claim_framing(text: str, claim: Claim, *, lexicon: Lexicon | None = None) -> list[Term]:
    """The framing terms in the sentence of ``claim`` (``text`` is its document's text)."""
    start, end = claim_sentence(text, claim)
    return find_terms(text[start:end], lexicon=lexicon, offset=start)


def _lexicon_terms(text: str, lexicon: Lexicon) -> Iterator[Term]:
    matches = [*lexicon.pattern.finditer(text), *lexicon.capitals.finditer(text)]
    for match in matches:
        entry = lexicon.entry(match.group())
        if entry is None or _other_sense(text, match, lexicon, entry.category):
            continue
        term = Term(entry.category, entry.label, match.group(), match.start(), match.end())
        if entry.label in lexicon.naming_hedges:
            term = _with_target(text, term, lexicon)
        yield term


def _other_sense(text: str, match: re.Match[str], lexicon: Lexicon, category: str) -> bool:
    """The form is a noun ("the claims": a word of ``not_after`` just before it) or has
    another sense ("claimed the lives", "claimed responsibility": a word of ``not_before``
    among the next few)."""
    not_after, not_before = lexicon.not_after[category], lexicon.not_before[category]
    if not_after:
        before = _PRECEDING_WORD.search(text, max(0, match.start() - 30), match.start())
        if before is not None and before.group(1).casefold() in not_after:
            return True
    if not_before:
        after = text[match.end() : match.end() + NOT_BEFORE_CHARS]
        following = [word.casefold() for word in _WORD.findall(after)[:NOT_BEFORE_WORDS]]
        return not not_before.isdisjoint(following)
    return False


def _with_target(text: str, term: Term, lexicon: Lexicon) -> Term:
    """A naming hedge widened to the name it bears on: quoted, a lexicon term, a
    capitalised name, or a short lower-case phrase."""
    quoted = _OPENING_QUOTE.match(text, term.end)
    if quoted:
        close = _CLOSING[quoted.group(1)]
        stop = text.find(close, quoted.end(), quoted.end() + MAX_QUOTE_CHARS)
        inner = text[quoted.end() : stop] if stop != -1 else ""
        if inner and "\n" not in inner and len(inner.split()) <= MAX_HEDGED_WORDS:
            end = stop + len(close)
            return _widened(text, term, end, inner.strip().rstrip(_TRAILING_PUNCT))
    gap = len(text[term.end :]) - len(text[term.end :].lstrip(" "))
    after = term.end + gap
    found = lexicon.pattern.match(text, after) or lexicon.capitals.match(text, after)
    if found and lexicon.entry(found.group()):
        return _widened(text, term, found.end(), found.group())
    words = _following_name(text, after)
    if words:
        return _widened(text, term, words[-1].end(), text[words[0].start() : words[-1].end()])
    return term


def _following_name(text: str, start: int) -> list[re.Match[str]]:
    """The capitalised name (with "of", "for" ... inside it) or lower-case words at
    ``start``, stopping at punctuation."""
    words: list[re.Match[str]] = []
    position = start
    capitalised = text[start : start + 1].isupper()
    pattern = _NAME_WORD if capitalised else _LOWER_STOP
    limit = MAX_HEDGED_WORDS if capitalised else MAX_HEDGED_LOWER_WORDS
    while len(words) < limit:
        word = pattern.match(text, position)
        if word is None or (not capitalised and word.group().casefold() in _FUNCTION_WORDS):
            break
        words.append(word)
        position = word.end()
        if not text.startswith(" ", position):
            break
        position += 1
    while words and words[-1].group() in _CONNECTORS:
        words.pop()  # a name does not end in a connecting word
    return words


def _widened(text: str, term: Term, end: int, target: str) -> Term:
    return Term(term.category, term.label, text[term.start : end], term.start, end, target)


def _scare_quotes(text: str, lexicon: Lexicon) -> Iterator[Term]:
    for start, end, inner in _quotations(text):
        words = inner.strip().rstrip(_TRAILING_PUNCT).strip()
        count = len(words.split())
        if not words or not words[0].isalpha() or count > MAX_SCARE_WORDS:
            continue
        if _is_speech_or_name(text, start, end, inner, lexicon):
            continue
        entry = lexicon.entry(words)
        label = entry.label if entry else OTHER_LABEL
        yield Term(SCARE_QUOTES, label, text[start:end], start, end, words)


def _quotations(text: str) -> Iterator[tuple[int, int, str]]:
    """Each quotation as (start, end, inner text): curly pairs, straight single quotes
    that are no apostrophes, and straight double quotes paired in order on each line."""
    for pattern in (_CURLY_DOUBLE, _CURLY_SINGLE, _STRAIGHT_SINGLE):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), match.group(1)
    line_start = 0
    for line in text.split("\n"):
        marks = [m.start() for m in _STRAIGHT_DOUBLE.finditer(line)]
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            if closing - opening <= MAX_QUOTE_CHARS:
                inner = line[opening + 1 : closing]
                yield line_start + opening, line_start + closing + 1, inner
        line_start += len(line) + 1


def _is_speech_or_name(text: str, start: int, end: int, inner: str, lexicon: Lexicon) -> bool:
    """Quoted speech (after "said" or a colon; or punctuated and followed by "he said")
    or a name (after "called", "dubbed"), not scare quotes."""
    before = text[max(0, start - CUE_WINDOW) : start]
    if before.rstrip().endswith(":") or lexicon.speech_cues.search(before):
        return True
    naming = lexicon.naming_cues.search(before)
    if naming and not re.search(r"so[\s\-]called\s*$", before, re.IGNORECASE):
        return True
    if inner.rstrip()[-1:] in _SENTENCE_PUNCT:  # 'adding that it's a "colossal operation."'
        sentence = sentence_bounds(text, start, end)[0]
        if lexicon.speech_within.search(text, max(sentence, start - MAX_QUOTE_CHARS), start):
            return True
    after = text[end : end + CUE_WINDOW]
    punctuated = inner.rstrip()[-1:] in _TRAILING_PUNCT or after[:1] in {",", "."}
    return punctuated and lexicon.speech_after.match(after) is not None


def _shifted(term: Term, offset: int) -> Term:
    return Term(
        term.category, term.label, term.text, term.start + offset, term.end + offset, term.target
    )
