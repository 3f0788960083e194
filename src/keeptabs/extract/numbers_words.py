"""Numbers written in words: 'twenty-one', 'two thousand and five', 'one and a half million',
'a third', 'half a dozen', 'two hundred point zero three', and vague amounts ('thousands')."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from keeptabs.extract.numbers_match import NumberMatch
from keeptabs.extract.numbers_tables import PREFIX_WINDOW, norm, patterns, tables
from keeptabs.extract.numbers_text import next_word, noun_follows, prev_word

__all__ = ["word_numbers"]

_WORD_TOKEN: Final = re.compile(r"[A-Za-z]+|&")
_ARTICLE_BEFORE: Final = re.compile(r"(?<![a-z])an? $", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Int:
    value: float
    end: int  # index of the first word not consumed
    last: str | None  # class of the last word: small, tens, hundred, scale, implied
    top_scale: int  # the smallest scale word used so far ("thousand"), 1 if none
    before_and: float | None = None  # value before the last 'and': 'one hundred | and three'
    and_scale: int = 1  # the scale word just before that 'and' ("billion"), 1 if none


# A number parsed from words[i:j]: (i, j, value, form, kind); then the next index to parse.
_Parsed = tuple[int, int, float, str, str]
_Found = tuple[_Parsed, int]
_NounAfter = Callable[[int], bool]  # whether a noun follows words[k] in the text
_ARTICLES: Final = ("a", "an")


# --------------------------------------------------------------------------- scanning


def _scan_words(text: str) -> list[re.Match[str]]:
    """Runs of number words and vague amounts; candidates come from a fast trie scan."""
    p = patterns()
    lowered = text.lower()
    words, starts, first = p.words, p.starts, p.first
    if len(lowered) != len(text):  # rare characters whose lowercase is longer ('İ')
        lowered, words, starts, first = text, p.words_ci, p.starts_ci, p.first_ci
    out: list[re.Match[str]] = []
    last_end = 0
    if first.match(lowered) and (m := words.match(lowered)):
        out.append(m)
        last_end = m.end()
    for cand in starts.finditer(lowered):
        pos = cand.start() + 1  # the pattern starts with the character before the word
        if pos < last_end or lowered[pos - 1].isalpha():
            continue
        article = _ARTICLE_BEFORE.search(lowered, max(last_end, pos - 4), pos)
        m = (article and words.match(lowered, article.start())) or words.match(lowered, pos)
        if m:
            out.append(m)
            last_end = m.end()
    return out


def word_numbers(text: str) -> list[NumberMatch]:
    """Every number written in words, and every vague amount, in text."""
    out: list[NumberMatch] = []
    vague = tables().vague
    for m in _scan_words(text):
        start, end = m.span()
        if m.lastgroup == "vague":
            lo, hi = vague[norm(m.group())]
            out.append(NumberMatch(start, end, start, end, None, "vague", "vague", "vague", lo, hi))
        else:
            out += _parse_word_run(text, start, end)
    return _fractions_of_scales(text, out)


def _fractions_of_scales(text: str, nums: list[NumberMatch]) -> list[NumberMatch]:
    """'a quarter of a million': the fraction and the scale word make one number."""
    scales = tables().scales
    merged: list[NumberMatch] = []
    for num in nums:
        before = merged[-1] if merged else None
        if (
            before is not None
            and before.form == "fraction"
            and before.value is not None
            and text[before.end : num.start] == " of "
            and text[num.start : num.end].lower().split() in (["a", w] for w in scales)
            and num.value is not None
        ):
            merged[-1] = replace(
                before, end=num.end, core_end=num.end, value=before.value * num.value, form="words"
            )
            continue
        merged.append(num)
    return merged


def _parse_word_run(text: str, start: int, end: int) -> list[NumberMatch]:
    spans = [m.span() for m in _WORD_TOKEN.finditer(text, start, end)]
    words = tuple(text[a:b].lower() for a, b in spans)
    if _ARTICLES[0] in words or _ARTICLES[1] in words:  # 'a third shell': context decides
        parsed = _parse_run(words, lambda k: noun_follows(text, spans[k][1]))
    else:
        parsed = _parse_plain(words)
    out: list[NumberMatch] = []
    for i, j, value, form, kind in parsed:
        s, e = spans[i][0], spans[j - 1][1]
        num = NumberMatch(s, e, s, e, value, form, kind)
        if _plainly_counts(text, num):
            out.append(num)
    return out


@functools.lru_cache(maxsize=4096)
def _parse_plain(words: tuple[str, ...]) -> tuple[_Parsed, ...]:
    """The numbers in a run without 'a'/'an': the text around it never matters, so cache."""
    return _parse_run(words, _no_noun)


def _no_noun(k: int) -> bool:
    raise AssertionError("only runs with 'a' or 'an' ask what follows")  # pragma: no cover


def _parse_run(words: Sequence[str], noun_after: _NounAfter) -> tuple[_Parsed, ...]:
    out: list[_Parsed] = []
    i = 0
    while i < len(words):
        found = _parse_words(words, i, noun_after)
        if found is None:
            i += 1
            continue
        parsed, i = found
        out.append(parsed)
    return tuple(out)


# --------------------------------------------------------------------------- parsing


def _parse_words(words: Sequence[str], i: int, noun_after: _NounAfter) -> _Found | None:
    t = tables()
    k = i + 1 if words[i] in _ARTICLES else i
    if k >= len(words):
        return None
    if words[k] in t.fraction_words and not words[k].endswith("s"):
        return _leading_fraction(words, i, k)
    n = _parse_integer(words, k, implied=i < k)
    if n.end == k:
        return _lone_ordinal(words, i, k, noun_after)
    return _after_integer(words, i, n)


def _parse_integer(words: Sequence[str], i: int, *, implied: bool) -> _Int:
    """Cardinal words from words[i]: 'two hundred and two thousand' -> 202000."""
    t = tables()
    total, cur, top = 0, (1 if implied else 0), 0
    last: str | None = "implied" if implied else None
    before_and: float | None = None
    and_scale, j = 1, i
    while j < len(words):
        w = words[j]
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if w in ("and", "&") and last in ("hundred", "scale") and nxt in t.cardinals:
            before_and, and_scale = float(total + cur), (top if last == "scale" else 1)
            j += 1
            continue
        if w in t.cardinals:
            v = t.cardinals[w]
            if not (last in (None, "hundred", "scale") or (last == "tens" and 0 < v < 10)):
                break
            cur, last = cur + v, ("tens" if v >= 20 else "small")
        elif w == "hundred" and last in ("small", "tens", "implied") and 0 < cur < 100:
            cur, last = cur * 100, "hundred"
        elif w in t.scales and last is not None and cur > 0 and (not top or t.scales[w] < top):
            total, cur, top, last = total + cur * t.scales[w], 0, t.scales[w], "scale"
        elif w in t.dozen_words and last is not None:
            cur, last = cur * 12, "dozen"
        else:
            break
        j += 1
    return _Int(float(total + cur), j, last, top or 1, before_and, and_scale)


def _denominator(word: str, *, plural: bool) -> int | None:
    """'thirds' -> 3 (plural), 'third' -> 3; halves and quarters either way; never 'second'."""
    t = tables()
    if word in t.fraction_words:
        return t.fraction_words[word]
    base = word[:-1] if plural and word.endswith("s") else word
    if plural != word.endswith("s") or (base in ("second", "first") and not plural):
        return None
    return t.ordinals.get(base)


def _fraction_phrase(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """'a half', 'one quarter', 'three fifths', 'two thirds' starting at words[i]."""
    if i >= len(words):
        return None
    w = words[i]
    numerator = 1.0 if w in _ARTICLES else float(tables().cardinals.get(w, -1))
    if numerator < 0 or i + 1 >= len(words):
        return None
    den = _denominator(words[i + 1], plural=numerator != 1)
    if den is None or (den == 2 and words[i + 1] == "second"):
        return None
    return numerator / den, i + 2


def _point_digits(words: Sequence[str], j: int) -> tuple[str, int]:
    """Digits spoken after 'point': 'zero three' -> '03', 'seventy-one' -> '71'."""
    cards, digits = tables().cardinals, ""
    while j < len(words) and words[j] in cards:
        v = cards[words[j]]
        if v >= 20 and j + 1 < len(words) and 0 < cards.get(words[j + 1], 0) < 10:
            v, j = v + cards[words[j + 1]], j + 1
        digits, j = digits + str(v), j + 1
    return digits, j


def _leading_fraction(words: Sequence[str], i: int, k: int) -> _Found:
    """'half', 'a quarter', 'half a million', 'quarter million', 'half a dozen'."""
    t = tables()
    part = 1 / t.fraction_words[words[k]]
    nxt = words[k + 1 : k + 3]
    multipliers = {**t.scales, **t.dozen_words}
    if nxt and nxt[0] in multipliers:
        return (i, k + 2, part * multipliers[nxt[0]], "words", "count"), k + 2
    if len(nxt) == 2 and nxt[0] in _ARTICLES and nxt[1] in multipliers:
        return (i, k + 3, part * multipliers[nxt[1]], "words", "count"), k + 3
    return (i, k + 1, part, "fraction", "count"), k + 1


def _lone_ordinal(words: Sequence[str], i: int, k: int, noun_after: _NounAfter) -> _Found | None:
    """An ordinal word with no cardinal before it: 'second', 'a fifth', 'a twenty-first'."""
    t = tables()
    w = words[k]
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if i < k and w in t.cardinals and t.cardinals[w] >= 20 and t.ordinals.get(nxt, 99) < 10:
        return (i, k + 2, 1 / (t.cardinals[w] + t.ordinals[nxt]), "fraction", "count"), k + 2
    if w not in t.ordinals:
        return None
    if i < k and w not in ("first", "second") and not noun_after(k):
        return (i, k + 1, 1 / t.ordinals[w], "fraction", "count"), k + 1
    return (k, k + 1, float(t.ordinals[w]), "ordinal", "ordinal"), k + 1


def _ordinal_after(words: Sequence[str], i: int, n: _Int) -> _Found | None:
    """'twenty-first' -> 21st, 'two hundredth' -> 200th, 'one fifth' -> 0.2."""
    word, j = words[n.end], n.end + 1
    ordv = tables().ordinals[word]
    lone_one = n.end - i == 1 and words[i] == "one"
    if lone_one and word not in ("first", "second"):
        return (i, j, 1 / ordv, "fraction", "count"), j
    if ordv >= 100:
        return (i, j, n.value * ordv, "ordinal", "ordinal"), j
    round_to = 100 if ordv >= 10 else 10
    if n.last in ("tens", "hundred", "scale") and n.value % round_to == 0:
        return (i, j, n.value + ordv, "ordinal", "ordinal"), j
    return None


def _and_fraction(words: Sequence[str], i: int, n: _Int) -> _Found | None:
    """'one and a half', 'three million and a quarter', 'one and a half million'."""
    frac = _fraction_phrase(words, n.end + 1)
    if frac is None:
        return None
    part, j = frac
    scales = tables().scales
    after = words[j] if j < len(words) else ""
    if n.last == "scale":
        value = n.value + part * scales.get(after, n.top_scale)
    else:
        value = (n.value + part) * scales.get(after, 1)
    j += after in scales
    return (i, j, value, "words", "count"), j


def _after_integer(words: Sequence[str], i: int, n: _Int) -> _Found:
    """What follows a cardinal: 'point five', an ordinal, 'and a half', 'thirds'."""
    nxt = words[n.end] if n.end < len(words) else ""
    found: _Found | None = None
    if nxt == "point":
        digits, j = _point_digits(words, n.end + 1)
        if digits:
            found = (i, j, float(f"{int(n.value)}.{digits}"), "words", "count"), j
    elif nxt in tables().ordinals:
        found = _ordinal_after(words, i, n)
    elif nxt in ("and", "&"):
        found = _and_fraction(words, i, n)
    elif (den := _denominator(nxt, plural=True)) and n.before_and is not None:
        part = (n.value - n.before_and) / den * n.and_scale  # 'one hundred and three quarters'
        found = (i, n.end + 1, n.before_and + part, "words", "count"), n.end + 1
    elif den and (nxt.endswith("s") or n.value == 1):
        found = (i, n.end + 1, n.value / den, "fraction", "count"), n.end + 1
    return found or ((i, n.end, n.value, "words", "count"), n.end)


# --------------------------------------------------------------------------- pronoun 'one'

_ONE_STOP_NEXT: Final = frozenset(
    "of another or and who whom whose which that is was are were has had have would will can could"
    " may might must does did do else more less by than the a an to in on at for from with as if"
    " way".split()
)  # "one of them", "one another", "no one was": not a count
_ONE_STOP_PREV: Final = frozenset(
    "the this that which each any no every some someone anyone per its his her their our my your"
    " little".split()
)  # "the one you mentioned", "which one": pronoun uses
_PRONOUNS: Final = frozenset("i you we they he she it".split())
# "one of them" right after a count it divides: "Two people one of them a child"
_ONE_OF_A_COUNT: Final = re.compile(
    # a count, not a year: "In 2015 one of them was arrested"
    r"\b(?:(?!(?:19|20)\d\d\b)\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|dozens|several)"
    r"(?:\s+[a-z-]+){0,2}\s*,?\s*$",
    re.IGNORECASE,
)
OF_THEM: Final = re.compile(r"\s+of\s+(?:them|whom)\b", re.IGNORECASE)  # "one of them"
# "shooting three people, killing one,": "one" alone as the object of a casualty verb;
# "Two were arrested and one was charged": "one" the subject of a passive
_ONE_BEFALLEN: Final = re.compile(r"(?i)\b(?:(?:kill|wound|injur|shoot)(?:ing|ed)|shot)\s+$")
_ONE_ALONE: Final = re.compile(r"\s*(?:[,.;:]|and\b|$)")
_ONE_UNDERWENT: Final = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+|also\s+|confirmed\s+)?"
    r"(?:dead|[a-z]+ed)\b"
)
# A count before "one" that it is one of: "Two were held, and one was charged"
_COUNT_BEFORE: Final = re.compile(
    r"(?i)\b(?:(?!(?:19|20)\d\d\b)\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|dozens|several)\b"
)
ONE_CONTEXT = 100  # characters before "one" searched for the count it is one of


def one_counts_alone(before: str, after: str) -> bool:
    """Whether a "one" with no noun after it counts a person or thing of the story, from
    the text ``before`` and ``after`` it: after a casualty verb ("killing one,"), or as
    the subject of a passive after a count it is one of ("Two were held, and one was
    charged"; not "Not one was injured", "One is expected to be named")."""
    if _ONE_BEFALLEN.search(before):
        return bool(_ONE_ALONE.match(after))
    words = before.split()
    if words and words[-1].lower() == "another":
        return bool(_ONE_UNDERWENT.match(after))  # "while another one was injured"
    if words and words[-1].lower() in _ONE_STOP_PREV | {"not"}:
        return False
    return bool(_ONE_UNDERWENT.match(after)) and _COUNT_BEFORE.search(before) is not None


_QUARTER_BEFORE: Final = frozenset("a one first last".split())  # "a quarter", "one quarter"
_HALF_NEXT: Final = frozenset("of a an the their its his her our".split())


def _plainly_counts(text: str, num: NumberMatch) -> bool:
    """Drop pronoun 'one' and loose 'half': they must plainly count or divide something."""
    core = text[num.core_start : num.core_end].lower()
    if core == "one":
        before = prev_word(text, num.core_start).lower()
        if before in ("minus", "negative"):
            return True
        nxt = next_word(text, num.core_end)
        count_before = _ONE_OF_A_COUNT.search(text, max(0, num.core_start - 40), num.core_start)
        if count_before and OF_THEM.match(text, num.core_end):
            return True  # "Two people one of them a child", "four civilians, one of whom"
        if before == "that" and nxt.lower() not in _ONE_STOP_NEXT | _PRONOUNS:
            return True  # "said that one person was killed": "that" opens the clause
        window = text[max(0, num.core_start - ONE_CONTEXT) : num.core_start]
        if one_counts_alone(window, text[num.core_end : num.core_end + 40]):
            return True  # "killing one,", "and one was charged"
        return bool(nxt) and nxt.lower() not in _ONE_STOP_NEXT and before not in _ONE_STOP_PREV
    if core == "half":
        window = text[max(0, num.core_start - PREFIX_WINDOW) : num.core_start]
        return next_word(text, num.core_end).lower() in _HALF_NEXT or bool(
            patterns().prefix_cue.search(window)
        )
    if core == "quarter":
        # "the Christian quarter", "in Al-Zahra quarter": a part of a town; "a quarter of"
        # and "they hold a quarter" divide something
        return prev_word(text, num.core_start).lower() in _QUARTER_BEFORE or (
            next_word(text, num.core_end).lower() == "of"
        )
    return True
