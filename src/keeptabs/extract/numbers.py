"""The number layer: find number phrases in text, with qualifier, bounds, unit and kind.

``find_numbers(text)`` returns :class:`~keeptabs.types.Quantity` objects sorted by start
and never overlapping; ``text[q.start:q.end] == q.text`` always.  Numbers that are not
claims (dates, times, durations, ages, ordinals, identifiers, list markers) are still
reported, with that ``kind``, so callers can skip them on purpose.

The vocabularies (qualifier cues, number words, units) are data files in ``data/``,
loaded and validated once.  See ``docs/numbers.md`` for the rules and their limits.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final, get_args

from keeptabs.errors import ConfigError
from keeptabs.types import Qualifier, Quantity

__all__ = ["NumberMatch", "find_numbers", "match_numbers"]

_DATA_DIR: Final = Path(__file__).with_name("data")
_QUALIFIERS: Final[frozenset[str]] = frozenset(get_args(Qualifier))
_UNIT_KINDS: Final = frozenset({"measure", "money", "duration", "percent"})
MAX_FRACTION_DENOMINATOR: Final = 100  # "1/40" is a fraction; "20/2030" is a date or an id
MAX_LIST_MARKER: Final = 30  # list items past 30 are rare; bigger line-initial numbers count
MAX_AGE: Final = 115  # "Ahmed, 24," reads as an age only for plausible human ages
MIN_ID_DIGITS: Final = 10  # unseparated digit strings this long are ids (phones, URLs, ISBNs)
MAX_DOZENS: Final = 100  # "3 dozen" multiplies; "2016 dozens" is a year then a new phrase
PREFIX_WINDOW: Final = 40  # characters before a number searched for a qualifier cue
YEAR_RANGE: Final = (1800, 2100)  # four-digit numbers in this span read as years


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Tables:
    prefix_cues: dict[str, Qualifier]
    suffix_cues: dict[str, Qualifier]
    range_openers: tuple[str, ...]
    cardinals: dict[str, int]
    scales: dict[str, int]
    ordinals: dict[str, int]
    fraction_words: dict[str, int]
    dozen_words: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, tuple[float, float]]
    unit_words: dict[str, _Unit]  # lowercased, spaces collapsed
    unit_symbols: dict[str, _Unit]  # case-sensitive


def _load_json(name: str) -> dict[str, Any]:
    path = _DATA_DIR / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"Could not read {path}: {exc}. Reinstall keeptabs.") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must hold a JSON object. Check the file.")
    return data


def _check_qualifiers(table: dict[str, str], where: str) -> dict[str, Qualifier]:
    bad = {cue: cls for cue, cls in table.items() if cls not in _QUALIFIERS}
    if bad:
        raise ConfigError(
            f"qualifiers.json {where}: unknown classes {bad}. Use {sorted(_QUALIFIERS)}."
        )
    return {" ".join(cue.lower().split()): cls for cue, cls in table.items()}  # type: ignore[misc]


def _load_units() -> tuple[dict[str, _Unit], dict[str, _Unit]]:
    words: dict[str, _Unit] = {}
    symbols: dict[str, _Unit] = {}
    for entry in _load_json("number_units.json")["units"]:
        if entry["kind"] not in _UNIT_KINDS:
            raise ConfigError(f"number_units.json: bad kind in {entry}. Use {sorted(_UNIT_KINDS)}.")
        unit = _Unit(entry["unit"], entry["kind"])
        for word in entry["words"]:
            words.setdefault(" ".join(word.lower().split()), unit)
        for symbol in entry["symbols"]:
            symbols.setdefault(symbol, unit)
    return words, symbols


@functools.cache
def _tables() -> _Tables:
    qualifiers = _load_json("qualifiers.json")
    words = _load_json("number_words.json")
    vague = {k: (float(v[0]), float(v[1])) for k, v in words["vague"].items() if k != "_doc"}
    if any(lo > hi for lo, hi in vague.values()):
        raise ConfigError("number_words.json: a vague amount has lower > upper. Fix its bounds.")
    unit_words, unit_symbols = _load_units()
    return _Tables(
        prefix_cues=_check_qualifiers(qualifiers["prefix"], "prefix"),
        suffix_cues=_check_qualifiers(qualifiers["suffix"], "suffix"),
        range_openers=tuple(qualifiers["range_openers"]),
        cardinals=words["cardinals"],
        scales=words["scales"],
        ordinals=words["ordinals"],
        fraction_words=words["fraction_words"],
        dozen_words=words["dozen_words"],
        multipliers={k: v for k, v in words["suffix_multipliers"].items() if k != "_doc"},
        vague=vague,
        unit_words=unit_words,
        unit_symbols=unit_symbols,
    )


# --------------------------------------------------------------------------- patterns


def _alt(words: Any) -> str:
    """A regex alternation of literal words as a trie, longest match tried first.

    A trie ('t(?:wo|hree)') fails at the first letter that differs, so scanning
    a long text costs one or two comparisons per position instead of one per word.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = []
    for char in sorted(node, key=lambda c: (c == "", c)):  # "" (word end) last: longest wins
        if char == "":
            continue
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body


_MONTHS: Final = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_VULGAR: Final = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Patterns:
    words: re.Pattern[str]  # for lowercased text: case-insensitive scanning is ~3x slower
    words_ci: re.Pattern[str]  # for text whose lowercase form changes length
    starts: re.Pattern[str]  # finds candidates for `words` ('a'/'an' are looked back for)
    starts_ci: re.Pattern[str]
    word_token: re.Pattern[str]
    multiplier: re.Pattern[str]
    unit: re.Pattern[str]
    prefix_cue: re.Pattern[str]
    suffix_cue: re.Pattern[str]
    range_sep: re.Pattern[str]


def _word_pattern(t: _Tables, flags: int = 0) -> re.Pattern[str]:
    """Runs of number words ('two hundred and six') and vague amounts ('tens of thousands')."""
    ords = _alt(t.ordinals)
    plural_ords = _alt([w + "s" for w in t.ordinals if w not in ("second", "first")] + ["firsts"])
    word = _alt([*t.cardinals, *t.scales, *t.fraction_words, *t.dozen_words]) + "|" + plural_ords
    word += "|" + ords
    sep = r"(?:\s*-\s*|\s*,\s+|\s+(?:(?:and|&)\s+)?(?:(?:a|an)\s+)?|\s+point\s+)"
    run = rf"(?:(?:a|an)\s+)?(?:{word})(?:{sep}(?:{word}))*\b"
    return re.compile(rf"(?:(?P<vague>(?:{_alt(t.vague)})\b)|(?P<words>{run}))", flags)


def _word_starts(t: _Tables, flags: int = 0) -> re.Pattern[str]:
    """Words that can start a number phrase: a bare trie, which the regex engine scans fast."""
    firsts = [*t.cardinals, *t.scales, *t.ordinals, *t.fraction_words, *t.dozen_words]
    firsts += [w.split()[0] for w in t.vague]
    return re.compile(rf"(?:{_alt(firsts)})\b", flags)


# Every digit form starts with a digit, '.' or a vulgar fraction: the pattern consumes
# that first character as one character class, so the regex engine skips ahead to the
# next such character instead of trying each form at every position; then it checks
# that no digit or '.' came before it.
_V: Final = "".join(_VULGAR)
_DIGIT_PATTERN: Final = re.compile(
    rf"[\d.{_V}](?<![\d.].)(?:"
    rf"(?P<dotted>(?<=\d)\d*(?:\.\d+){{2,}}(?!\d))"
    rf"|(?P<ordnum>(?<=\d)\d*(?:st|nd|rd|th)\b)"
    rf"|(?P<frac>(?<=\d)(?<!/\d)(?:\d*\s+\d+)?\d*/\d+(?![/\d]))"
    rf"|(?P<vulgar>(?<=[{_V}])|(?<=\d)\d*[{_V}])"
    rf"|(?P<digits>(?:(?<=\d)\d{{0,2}}(?:,\d{{3}}(?!\d))+(?:\.\d+)?"  # 8,461 and 1,674,200.5
    rf"|(?<=\d)(?<![A-Za-z]\d)\d{{0,2}}(?:[ \u00a0\u202f\u2009]\d{{3}}(?!\d))+(?:\.\d+)?"  # 816 000
    rf"|(?<=\d)\d*(?:\.\d+)?|(?<=\.)\d+)"
    rf"(?:[eE][-+]?\d+|\s?[x×]\s?10\^?[-−]?\d+)?(?!\d)))"
)
_URL: Final = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w.@-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|html?|php|aspx?)\b\S*"
)
_URL_HINTS: Final = ("http", "www.", ".com", ".org", ".net", ".htm", ".php", ".asp")


def _unit_pattern(t: _Tables) -> re.Pattern[str]:
    words = _alt(t.unit_words)
    symbols = _alt(t.unit_symbols)
    return re.compile(rf"(?:\s?-\s?|\s*)(?:(?P<uw>(?i:{words}))\b|(?P<us>{symbols})(?![A-Za-z]))")


@functools.cache
def _patterns() -> _Patterns:
    t = _tables()
    scale_words = _alt([*t.scales, *t.dozen_words])
    return _Patterns(
        words=_word_pattern(t),
        words_ci=_word_pattern(t, re.IGNORECASE),
        starts=_word_starts(t),
        starts_ci=_word_starts(t, re.IGNORECASE),
        word_token=re.compile(r"[A-Za-z]+|&"),
        multiplier=re.compile(
            rf"(?:\s?(?P<mw>(?i:{scale_words}))\b"
            rf"|[ ]{{0,2}}(?P<ms>{_alt(t.multipliers)})(?![A-Za-z0-9]))"
        ),
        unit=_unit_pattern(t),
        prefix_cue=re.compile(rf"(?i)(?<![\w-])(?P<cue>{_alt(t.prefix_cues)})\s+$"),
        suffix_cue=re.compile(
            rf"(?i)(?:\s+(?P<cue>{_alt(w for w in t.suffix_cues if w[0].isalpha())})\b"
            rf"|(?P<sym>{_alt(w for w in t.suffix_cues if not w[0].isalpha())})(?![\w]))"
        ),
        range_sep=re.compile(r"\s*(?:-\s*)?(?:to|and|-|–|—|through)\s*", re.IGNORECASE),
    )


@functools.cache
def _cue_ends() -> frozenset[str]:
    """Last words of the prefix cues: the cue regex runs only after one of these."""
    return frozenset(cue.split()[-1] for cue in _tables().prefix_cues)


# --------------------------------------------------------------------------- found numbers


@dataclass(slots=True)
class NumberMatch:
    """A number phrase being built; ``core_*`` is the bare number without cue, sign word or unit."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float | None
    form: str  # digits | words | frac | ordinal | vague | dotted | url
    kind: str = "count"
    qualifier: Qualifier = "exact"
    lower: float | None = None
    upper: float | None = None
    unit: str | None = None
    unit_kind: str | None = None
    cue: str | None = None
    scale: int = 1  # the multiplier word applied ("million"), for ranges "2 to 3 million"
    prefix_currency: bool = False

    def quantity(self, text: str) -> Quantity:
        lower, upper = self.lower, self.upper
        if self.qualifier in ("exact", "approx") and self.value is not None:
            lower = upper = self.value
        si_value, si_unit = (
            _to_si(self.value, self.unit) if self.kind == "measure" else (None, None)
        )
        return Quantity(
            text=text[self.start : self.end],
            start=self.start,
            end=self.end,
            value=self.value,
            lower=lower,
            upper=upper,
            qualifier=self.qualifier,
            kind=self.kind,  # type: ignore[arg-type]
            unit=self.unit,
            cue=self.cue,
            si_value=si_value,
            si_unit=si_unit,
        )


# --------------------------------------------------------------------------- digit forms


def _parse_digits(raw: str) -> float:
    """'8,461' -> 8461, '816 000' -> 816000, '-1.3e6' -> -1300000, '2.48×10−5' -> 2.48e-05."""
    text = raw.replace("−", "-").replace("×", "x")
    text = re.sub(r"[,\s\u00a0\u202f\u2009]", "", text)
    if "x10" in text:
        mantissa, _, power = text.partition("x10")
        return float(f"{mantissa}e{power.lstrip('^')}")
    return float(text)


def _parse_fraction(raw: str) -> float | None:
    """'3/4' -> 0.75, '2 1/2' -> 2.5, '-4/5' -> -0.8; None for '1/0' or '20/2030'."""
    text = raw.replace("−", "-").replace(" ", " ")
    negative = text.lstrip().startswith(("-", "+")) and text.lstrip()[0] == "-"
    parts = text.lstrip("-+ ").split()
    whole = float(parts[0]) if len(parts) == 2 else 0.0
    num, den = (float(x) for x in parts[-1].split("/"))
    if den == 0 or den > MAX_FRACTION_DENOMINATOR or (num >= den and len(parts) == 1 and den != 1):
        return None
    value = whole + num / den
    return -value if negative else value


def _parse_vulgar(raw: str) -> float:
    whole = raw[:-1]
    return (float(whole) if whole else 0.0) + _VULGAR[raw[-1]]


def _from_match(text: str, m: re.Match[str]) -> list[NumberMatch]:
    form = m.lastgroup or ""
    start, end = m.start(), m.end()
    raw = text[start:end]
    if form == "words":
        return _parse_word_run(text, start, raw)
    if form == "vague":
        lo, hi = _tables().vague[" ".join(raw.lower().split())]
        return [NumberMatch(start, end, start, end, None, "vague", "vague", "vague", lo, hi)]
    if form == "dotted":  # 192.168.1.2, version 2.3.1: each part an identifier
        return [
            NumberMatch(start + p.start(), start + p.end(), start + p.start(), start + p.end(),
                        float(p.group()), "dotted", "identifier")
            for p in re.finditer(r"\d+", raw)
        ]  # fmt: skip
    value: float | None
    if form == "ordnum":
        return [NumberMatch(start, end, start, end, float(raw[:-2]), "ordinal", "ordinal")]
    value = _parse_fraction(raw) if form == "frac" else None
    if form == "vulgar":
        value = _parse_vulgar(raw)
    elif form == "digits":
        value = _parse_digits(raw)
    if value is None:
        return _fraction_parts(start, raw) if form == "frac" else []
    return [_with_sign(text, NumberMatch(start, end, start, end, value, form))]


def _fraction_parts(start: int, raw: str) -> list[NumberMatch]:
    """'2222/2222', '20/2030': not a fraction, so each side is a number of its own."""
    return [
        NumberMatch(start + p.start(), start + p.end(), start + p.start(), start + p.end(),
                    float(p.group()), "digits")
        for p in re.finditer(r"\d+", raw)
    ]  # fmt: skip


def _with_sign(text: str, num: NumberMatch) -> NumberMatch:
    """'-1', '- 10 k', '−4/5': a sign not after a word or number (so '50-75' is a range)."""
    j = num.start - 1
    if j >= 1 and text[j] == " ":
        j -= 1
    if j < 0 or text[j] not in "-−" or num.value is None:
        return num
    if j and (text[j - 1].isalnum() or text[j - 1] in ")%.,/"):
        return num  # glued to what comes before: '50-75', 'i7-860'
    before = text[max(0, j - 3) : j].rstrip(" ")[-1:]
    if j < num.start - 1 and (before.isdigit() or before == "%"):
        return num  # '50 - 75': a spaced dash between numbers
    num.start = num.core_start = j
    num.value = -num.value if text[j] != "+" else num.value
    return num


def _url_numbers(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """Numbers inside URLs become bare identifiers: '…/201611271047905042-syrian…'."""
    if not any(hint in text for hint in _URL_HINTS):
        return found
    spans = [m.span() for m in _URL.finditer(text)]
    if not spans:
        return found
    out = [n for n in found if not any(s <= n.start < e for s, e in spans)]
    for s, e in spans:
        for p in re.finditer(r"\d+", text[s:e]):
            a, b = s + p.start(), s + p.end()
            out.append(NumberMatch(a, b, a, b, float(p.group()), "url", "identifier"))
    return out


# --------------------------------------------------------------------------- word forms


@dataclass(frozen=True, slots=True)
class _Tok:
    word: str  # lowercased
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Int:
    value: float
    end: int  # index of the first token not consumed
    last: str | None  # class of the last token: small, tens, hundred, scale, implied
    top_scale: int  # the smallest scale word used so far ("thousand"), 1 if none
    before_and: float | None = None  # value before the last 'and': 'one hundred | and three'
    and_scale: int = 1  # the scale word just before that 'and' ("billion"), 1 if none


def _parse_integer(toks: list[_Tok], i: int, *, implied: bool) -> _Int:
    """Cardinal words from toks[i]: 'two hundred and two thousand' -> 202000."""
    t = _tables()
    total, cur, top = 0, (1 if implied else 0), 0
    last: str | None = "implied" if implied else None
    before_and: float | None = None
    and_scale, j = 1, i
    while j < len(toks):
        w = toks[j].word
        nxt = toks[j + 1].word if j + 1 < len(toks) else ""
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
    t = _tables()
    if word in t.fraction_words:
        return t.fraction_words[word]
    base = word[:-1] if plural and word.endswith("s") else word
    if plural != word.endswith("s") or (base in ("second", "first") and not plural):
        return None
    return t.ordinals.get(base)


def _fraction_phrase(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """'a half', 'one quarter', 'three fifths', 'two thirds' starting at toks[i]."""
    if i >= len(toks):
        return None
    w = toks[i].word
    numerator = 1.0 if w in ("a", "an") else float(_tables().cardinals.get(w, -1))
    if numerator < 0 or i + 1 >= len(toks):
        return None
    den = _denominator(toks[i + 1].word, plural=numerator != 1)
    if den is None or (den == 2 and toks[i + 1].word == "second"):
        return None
    return numerator / den, i + 2


def _word_number(
    toks: list[_Tok], i: int, j: int, value: float, form: str, kind: str = "count"
) -> tuple[NumberMatch, int]:
    s, e = toks[i].start, toks[j - 1].end
    return NumberMatch(s, e, s, e, value, form, kind), j


def _point_digits(toks: list[_Tok], j: int) -> tuple[str, int]:
    """Digits spoken after 'point': 'zero three' -> '03', 'seventy-one' -> '71'."""
    cards, digits = _tables().cardinals, ""
    while j < len(toks) and toks[j].word in cards:
        v = cards[toks[j].word]
        if v >= 20 and j + 1 < len(toks) and 0 < cards.get(toks[j + 1].word, 0) < 10:
            v, j = v + cards[toks[j + 1].word], j + 1
        digits, j = digits + str(v), j + 1
    return digits, j


def _leading_fraction(toks: list[_Tok], i: int, k: int) -> tuple[NumberMatch, int]:
    """'half', 'a quarter', 'half a million', 'quarter million', 'half a dozen'."""
    t = _tables()
    part = 1 / t.fraction_words[toks[k].word]
    nxt = [tok.word for tok in toks[k + 1 : k + 3]]
    multipliers = {**t.scales, **t.dozen_words}
    if nxt and nxt[0] in multipliers:
        return _word_number(toks, i, k + 2, part * multipliers[nxt[0]], "words")
    if len(nxt) == 2 and nxt[0] in ("a", "an") and nxt[1] in multipliers:
        return _word_number(toks, i, k + 3, part * multipliers[nxt[1]], "words")
    return _word_number(toks, i, k + 1, part, "fraction")


def _lone_ordinal(text: str, toks: list[_Tok], i: int, k: int) -> tuple[NumberMatch, int] | None:
    """An ordinal word with no cardinal before it: 'second', 'a fifth', 'a twenty-first'."""
    t = _tables()
    w = toks[k].word
    nxt = toks[k + 1].word if k + 1 < len(toks) else ""
    if i < k and w in t.cardinals and t.cardinals[w] >= 20 and t.ordinals.get(nxt, 99) < 10:
        return _word_number(toks, i, k + 2, 1 / (t.cardinals[w] + t.ordinals[nxt]), "fraction")
    if w not in t.ordinals:
        return None
    if i < k and w not in ("first", "second") and not _noun_follows(text, toks[k].end):
        return _word_number(toks, i, k + 1, 1 / t.ordinals[w], "fraction")
    return _word_number(toks, k, k + 1, float(t.ordinals[w]), "ordinal", "ordinal")


def _ordinal_after(toks: list[_Tok], i: int, n: _Int) -> tuple[NumberMatch, int] | None:
    """'twenty-first' -> 21st, 'two hundredth' -> 200th, 'one fifth' -> 0.2."""
    t = _tables()
    word = toks[n.end].word
    ordv = t.ordinals[word]
    lone_one = n.end - i == 1 and toks[i].word == "one"
    if lone_one and word not in ("first", "second"):
        return _word_number(toks, i, n.end + 1, 1 / ordv, "fraction")
    if ordv >= 100:
        return _word_number(toks, i, n.end + 1, n.value * ordv, "ordinal", "ordinal")
    round_to = 100 if ordv >= 10 else 10
    if n.last in ("tens", "hundred", "scale") and n.value % round_to == 0:
        return _word_number(toks, i, n.end + 1, n.value + ordv, "ordinal", "ordinal")
    return None


def _and_fraction(toks: list[_Tok], i: int, n: _Int) -> tuple[NumberMatch, int] | None:
    """'one and a half', 'three million and a quarter', 'one and a half million'."""
    frac = _fraction_phrase(toks, n.end + 1)
    if frac is None:
        return None
    part, j = frac
    scales = _tables().scales
    after = toks[j].word if j < len(toks) else ""
    if n.last == "scale":
        value = n.value + part * scales.get(after, n.top_scale)
    else:
        value = (n.value + part) * scales.get(after, 1)
    return _word_number(toks, i, j + (after in scales), value, "words")


def _after_integer(text: str, toks: list[_Tok], i: int, n: _Int) -> tuple[NumberMatch, int]:
    t = _tables()
    nxt = toks[n.end].word if n.end < len(toks) else ""
    found: tuple[NumberMatch, int] | None = None
    if nxt == "point":
        digits, j = _point_digits(toks, n.end + 1)
        if digits:
            found = _word_number(toks, i, j, float(f"{int(n.value)}.{digits}"), "words")
    elif nxt in t.ordinals:
        found = _ordinal_after(toks, i, n)
    elif nxt in ("and", "&"):
        found = _and_fraction(toks, i, n)
    elif (den := _denominator(nxt, plural=True)) and n.before_and is not None:
        part = (n.value - n.before_and) / den * n.and_scale  # 'one hundred and three quarters'
        found = _word_number(toks, i, n.end + 1, n.before_and + part, "words")
    elif den and (nxt.endswith("s") or n.value == 1):
        found = _word_number(toks, i, n.end + 1, n.value / den, "fraction")
    return found or _word_number(toks, i, n.end, n.value, "words")


def _parse_words(text: str, toks: list[_Tok], i: int) -> tuple[NumberMatch, int] | None:
    t = _tables()
    k = i + 1 if toks[i].word in ("a", "an") else i
    if k >= len(toks):
        return None
    if toks[k].word in t.fraction_words and not toks[k].word.endswith("s"):
        return _leading_fraction(toks, i, k)
    n = _parse_integer(toks, k, implied=i < k)
    if n.end == k:
        return _lone_ordinal(text, toks, i, k)
    return _after_integer(text, toks, i, n)


def _parse_word_run(text: str, offset: int, raw: str) -> list[NumberMatch]:
    toks = [
        _Tok(m.group().lower(), offset + m.start(), offset + m.end())
        for m in _patterns().word_token.finditer(raw)
    ]
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        parsed = _parse_words(text, toks, i)
        if parsed is None:
            i += 1
            continue
        num, i = parsed
        if _plainly_counts(text, num):
            out.append(num)
    return out


_NEXT_WORD: Final = re.compile(r"[ \t]*-?[ \t]*([A-Za-z]+)")
_PREV_WORD: Final = re.compile(r"([A-Za-z]+)[ \t]*$")
_ONE_STOP_NEXT: Final = frozenset(
    "of another or and who whom whose which that is was are were has had have would will can could"
    " may might must does did do else more less by than the a an to in on at for from with as if"
    " way".split()
)  # "one of them", "one another", "no one was": not a count
_ONE_STOP_PREV: Final = frozenset(
    "the this that which each any no every some someone anyone per its his her their our my your"
    " little".split()
)  # "the one you mentioned", "which one": pronoun uses
_HALF_NEXT: Final = frozenset("of a an the their its his her our".split())


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _prev_word(text: str, pos: int) -> str:
    """The word just before pos, skipping spaces and one '.' ('Dec. 12'); '' if none."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j >= 0 and text[j] == ".":
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return text[k + 1 : j + 1]


def _noun_follows(text: str, pos: int) -> bool:
    """'a third shell' (ordinal) versus 'a third of' / 'a third.' (fraction)."""
    word = _next_word(text, pos)
    return bool(word) and word.islower() and word not in ("of", "and", "or", "to", "in")


def _plainly_counts(text: str, num: NumberMatch) -> bool:
    """Drop pronoun 'one' and loose 'half': they must plainly count or divide something."""
    core = text[num.core_start : num.core_end].lower()
    if core == "one":
        if _prev_word(text, num.core_start).lower() in ("minus", "negative"):
            return True
        nxt = _next_word(text, num.core_end)
        return (
            bool(nxt)
            and nxt.lower() not in _ONE_STOP_NEXT
            and (_prev_word(text, num.core_start).lower() not in _ONE_STOP_PREV)
        )
    if core == "half":
        window = text[max(0, num.core_start - PREFIX_WINDOW) : num.core_start]
        return _next_word(text, num.core_end).lower() in _HALF_NEXT or bool(
            _patterns().prefix_cue.search(window)
        )
    return True


# --------------------------------------------------------------------------- extensions

_CURRENCY_PREFIX: Final = re.compile(r"(?P<cur>US\$|A\$|C\$|\$|£|€|¥|USD|EUR|GBP)\s?$")
_CURRENCY_CODES: Final = {
    "$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
    "A$": "AUD", "C$": "CAD", "USD": "USD", "EUR": "EUR", "GBP": "GBP",
}  # fmt: skip
_SIGN_WORD: Final = re.compile(r"(?i)(?<![\w-])(?:minus|negative)\s+$")
_PER: Final = re.compile(r"\s*/\s*|\s+per\s+", re.IGNORECASE)
_CLOCK_AFTER: Final = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|o'clock|GMT\b|UTC\b)", re.IGNORECASE)
_INCH: Final = re.compile(r"\s?in\b(?=\.?\s*$|\s+(?:thick|long|wide|tall|high|deep|gap)\b)")
_SPACED_SHORT: Final = frozenset({"k", "K", "M", "G", "mn", "bn", "mln", "bln", "tn", "tln", "MM"})


def _extend_currency(text: str, num: NumberMatch) -> None:
    m = _CURRENCY_PREFIX.search(text, max(0, num.start - 5), num.start)
    if m:
        num.start, num.unit, num.unit_kind = m.start(), _CURRENCY_CODES[m.group("cur")], "money"
        num.prefix_currency = True


def _extend_multiplier(text: str, num: NumberMatch) -> None:
    m = _patterns().multiplier.match(text, num.end)
    if not m or num.value is None:
        return
    t = _tables()
    if m.group("mw"):
        word = m.group("mw").lower()
        if word in t.dozen_words and (m.group("mw") != word or num.value >= MAX_DOZENS):
            return  # '2016 Dozens of civilians': a new sentence, not 24,192
        scale = t.scales.get(word) or t.dozen_words[word]
    else:
        short = m.group("ms")
        spaced = m.start("ms") > num.end
        if (short == "m" and not num.prefix_currency) or (spaced and short not in _SPACED_SHORT):
            return
        scale = t.multipliers[short]
    num.value, num.scale, num.end = num.value * scale, scale, m.end()
    num.core_end = num.end
    _and_half_after(text, num)


_AND_HALF: Final = re.compile(r"\s+and\s+(?:a|one)\s+(half|quarter)\b", re.IGNORECASE)


def _and_half_after(text: str, num: NumberMatch) -> None:
    """'3 million and a half' -> 3,500,000."""
    m = _AND_HALF.match(text, num.end)
    if m and num.value is not None and num.scale >= 1000:
        part = 0.5 if m.group(1).lower() == "half" else 0.25
        num.value += part * num.scale
        num.end = num.core_end = m.end()


def _extend_unit(text: str, num: NumberMatch) -> None:
    if num.form == "digits" and _clock_follows(text, num):
        num.kind = "time"
        return
    m = _patterns().unit.match(text, num.end)
    if m is None:
        if num.unit_kind == "money":
            _extend_per(text, num)
        elif num.form in ("digits", "frac") and (inch := _INCH.match(text, num.end)):
            num.end, num.unit, num.unit_kind = inch.end(), "inch", "measure"
        return
    t = _tables()
    if m.group("uw"):
        unit = t.unit_words[" ".join(m.group("uw").lower().split())]
    else:
        if num.form != "digits" and len(m.group("us")) < 2:
            return  # 'two m', 'one t': single-letter symbols only follow digits
        unit = t.unit_symbols[m.group("us")]
    if num.unit_kind == "money" and unit.kind != "money":
        return _extend_per(text, num)
    num.end, num.unit, num.unit_kind = m.end(), unit.unit, unit.kind
    _extend_per(text, num)


def _extend_per(text: str, num: NumberMatch) -> None:
    """'200 kilometres per hour', '$15.4/hour': a rate, unit 'kilometer / hour'."""
    per = _PER.match(text, num.end)
    if per is None or num.unit is None:
        return
    m = _patterns().unit.match(text, per.end())
    if m is None or m.start() != per.end() or text[m.start() : m.start() + 1].isspace():
        return
    denominator = _unit_of(m)
    if denominator is not None and denominator.kind in ("measure", "duration"):
        num.end, num.unit = m.end(), f"{num.unit} / {denominator.unit}"
        num.unit_kind = "money" if num.unit_kind == "money" else "measure"


def _unit_of(m: re.Match[str]) -> _Unit | None:
    t = _tables()
    if m.group("uw"):
        return t.unit_words[" ".join(m.group("uw").lower().split())]
    return t.unit_symbols.get(m.group("us"))


def _clock_follows(text: str, num: NumberMatch) -> bool:
    """'2 pm', '2.17pm', "6 o'clock": a clock time ('2.1 pm' stays picometres)."""
    if not _CLOCK_AFTER.match(text, num.end) or num.value is None:
        return False
    raw = text[num.core_start : num.core_end]
    hours, _, minutes = raw.partition(".")
    return hours.isdigit() and int(hours) <= 24 and (not minutes or len(minutes) == 2)


def _extend_number(text: str, num: NumberMatch) -> NumberMatch:
    if num.form in ("digits", "frac", "vulgar"):
        _extend_currency(text, num)
    if num.form == "digits":
        _extend_multiplier(text, num)
    if num.kind in ("count", "vague"):
        _extend_unit(text, num)
    if num.kind == "time":
        m = _CLOCK_AFTER.match(text, num.end)
        num.end = m.end() if m else num.end
    return num


# --------------------------------------------------------------------------- ranges

_RANGEABLE: Final = frozenset({"digits", "words"})
_CHAIN_AFTER: Final = re.compile(r"[-/–]\d")


def _can_join(text: str, a: NumberMatch, b: NumberMatch) -> str | None:
    """The separator word if a and b form a range ('250,000 – 300,000', '8- to 16-meter')."""
    if a.form not in _RANGEABLE or b.form not in _RANGEABLE or a.form != b.form:
        return None
    if a.kind != "count" or b.kind != "count" or (a.unit and a.unit != b.unit):
        return None
    m = _patterns().range_sep.fullmatch(text, a.end, b.start)
    if m is None or "\n" in m.group():
        return None
    sep = m.group().strip(" -").lower() or "-"
    if sep == "and" and not _opener_before(text, a, "between"):
        return None
    if _CHAIN_AFTER.match(text, b.end) or (
        a.start and (text[a.start - 1] in "-/" or text[a.start - 1].isalpha())
    ):
        return None  # phone numbers, dates: 222-2222/2222, 5/17/2018
    return sep


def _opener_before(text: str, a: NumberMatch, word: str) -> bool:
    return _prev_word(text, a.start).lower() == word


def _join_range(a: NumberMatch, b: NumberMatch) -> NumberMatch:
    lower, upper = a.value, b.value
    scaled = lower is not None and upper is not None and b.scale > 1 and a.scale == 1
    if scaled and lower is not None and upper is not None and lower * b.scale <= upper:
        lower *= b.scale  # "2 to 3 million": the scale word covers both ends
    return replace(
        b, start=a.start, core_start=a.core_start, value=lower, lower=lower, upper=upper,
        qualifier="range", prefix_currency=a.prefix_currency, unit=b.unit or a.unit,
        unit_kind=b.unit_kind or a.unit_kind,
    )  # fmt: skip


def _join_ranges(text: str, nums: list[NumberMatch]) -> list[NumberMatch]:
    out: list[NumberMatch] = []
    for num in nums:
        if out and _can_join(text, out[-1], num):
            out[-1] = _join_range(out[-1], num)
        else:
            out.append(num)
    return out


# --------------------------------------------------------------------------- qualifiers


def _apply_prefix(text: str, num: NumberMatch) -> None:
    """Sign words and qualifier cues written just before the number."""
    lo = max(0, num.start - PREFIX_WINDOW)
    prev = _prev_word(text, num.start).lower()
    if (
        prev in _SIGN_WORDS
        and num.value is not None
        and (sign := _SIGN_WORD.search(text, lo, num.start))
    ):
        num.start = num.core_start = sign.start()
        num.value = -num.value
        num.lower, num.upper = num.value, num.value
        prev = _prev_word(text, num.start).lower()
    if num.qualifier == "range":
        opener = _PREV_WORD.search(text, lo, num.start)
        if opener and opener.group(1).lower() in _tables().range_openers:
            num.start, num.cue = opener.start(), opener.group(1)
        return
    if num.qualifier == "vague":
        return
    cue = _patterns().prefix_cue.search(text, lo, num.start) if prev in _cue_ends() else None
    if cue:
        _set_qualifier(num, _tables().prefix_cues[" ".join(cue.group("cue").lower().split())])
        num.start, num.cue = cue.start(), cue.group("cue")


def _apply_suffix(text: str, num: NumberMatch) -> None:
    if num.qualifier != "exact":
        return
    m = _patterns().suffix_cue.match(text, num.end)
    if m:
        cue = m.group("cue") or m.group("sym")
        _set_qualifier(num, _tables().suffix_cues[" ".join(cue.lower().split())])
        num.end, num.cue = m.end(), cue


def _set_qualifier(num: NumberMatch, qualifier: Qualifier) -> None:
    num.qualifier = qualifier
    value = num.value
    if qualifier in ("more_than", "at_least"):
        num.lower, num.upper = value, None
    elif qualifier in ("up_to", "nearly"):
        num.lower, num.upper = None, value
    else:
        num.lower, num.upper = value, value


# --------------------------------------------------------------------------- kinds

_MONTH_WORDS: Final = frozenset(_MONTHS.split("|"))
_SIGN_WORDS: Final = frozenset({"minus", "negative"})
_MONTH_BEFORE: Final = re.compile(rf"(?i)\b(?:{_MONTHS})\.?,?\s+(?:the\s+)?$")
_MONTH_AFTER: Final = re.compile(rf"(?i)(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b")
# Both start with a bare \d (then look back) so the regex engine can skip to digits fast.
_DATE_CHAIN: Final = re.compile(r"\d(?<!\w\d)\d{0,3}([/.-])\d{1,2}\1\d{2,4}\b")
_CLOCK: Final = re.compile(r"\d(?<!\w\d)\d?:\d{2}(?::\d{2})?\b")
_YEAR_BEFORE: Final = re.compile(
    r"(?i)\b(?:in|since|by|until|till|of|from|year|during|early|late|mid|before|after|circa|"
    r"summer|winter|spring|autumn|fall)[\s-]+$"
)
_AGE_AFTER: Final = re.compile(r"(?i)(?:\s*|-)old\b|\s+years?\s+of\s+age\b")
_NAME_COMMA: Final = re.compile(r"\b[A-Z][a-z]+,\s$")
_ID_BEFORE: Final = re.compile(
    r"(?:\b(?:No|Nos|Nr|Nrs|nr|nrs|no)\.\s*|#\s*|[A-Za-z]|\b[A-Z][A-Za-z]{0,4}-)$"
)
_LIST_BEFORE: Final = re.compile(r"(?:^|\n|[.!?]\s)[ \t]*(?:[-*•][ \t]*)?$")
_LIST_AFTER: Final = re.compile(r"[.):]?[ \t]+([A-Z][a-z]*)")
_NUMBERED_ITEM: Final = re.compile(r"[.)][ \t]+\w")
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


def _is_date(text: str, num: NumberMatch) -> bool:
    value, raw = num.value, text[num.core_start : num.core_end]
    if num.qualifier == "range" and (head := re.match(r"\d+", raw)):
        raw = head.group()  # '2013-14': the first year decides
    if value is None or not raw.isdigit():
        return False
    lo = max(0, num.core_start - 16)
    month_before = _prev_word(text, num.core_start).lower() in _MONTH_WORDS
    if 1 <= value <= 31 and (month_before or _MONTH_AFTER.match(text, num.end)):
        return True
    if len(raw) != 4 or not YEAR_RANGE[0] <= value <= YEAR_RANGE[1] or num.unit:
        return False
    if text.startswith(("s", "'s"), num.core_end) and num.qualifier != "range":
        return True  # the 1960s
    if num.qualifier == "range" or _YEAR_BEFORE.search(text, lo, num.start):
        return True
    nxt = _next_word(text, num.end)
    return not nxt or not nxt.islower() or nxt in _FUNCTION_WORDS


def _is_age(text: str, num: NumberMatch) -> bool:
    lo = max(0, num.start - 16)
    if _prev_word(text, num.start).lower() in ("age", "aged", "ages"):
        return True
    if num.unit == "year" and (old := _AGE_AFTER.match(text, num.end)):
        num.end = old.end() if text[num.end] == "-" else num.end  # 'six-year-old'
        return True
    value = num.value
    return (
        num.form == "digits" and num.unit is None and value is not None
        and value.is_integer() and 0 < value <= MAX_AGE
        and bool(_NAME_COMMA.search(text, lo, num.start))
        and text[num.end : num.end + 1] in (",", ")")
    )  # fmt: skip


def _is_identifier(text: str, num: NumberMatch) -> bool:
    raw = text[num.core_start : num.core_end]
    if raw.isdigit() and len(raw) >= MIN_ID_DIGITS:
        return True
    if _ID_BEFORE.search(text, max(0, num.core_start - 6), num.core_start):
        return True
    if num.end < len(text) and text[num.end].isalpha():
        return True  # 860BOX, 3D
    if _next_word(text, num.end).lower() in _COUNTER_NOUNS:
        return True
    return num.form == "digits" and raw.isdigit() and _capital_label(text, num)


def _capital_label(text: str, num: NumberMatch) -> bool:
    """'Voyager 2 in 1979', 'Resolution 2254,', 'Comments 6': a capitalised word names it."""
    prev = _PREV_WORD.search(text, max(0, num.start - 24), num.start)
    if not prev or not prev.group(1)[0].isupper() or num.start - prev.end(1) != 1:
        return False
    if prev.group(1).lower() in _tables().prefix_cues or _MONTH_BEFORE.search(
        text, prev.start(), num.start
    ):
        return False
    nxt = _next_word(text, num.end)
    rest = text[num.end : num.end + 2]
    return not nxt or nxt.lower() in _FUNCTION_WORDS or not rest.strip(" ")[:1].isalpha()


def _is_list_marker(text: str, num: NumberMatch) -> bool:
    value = num.value
    if num.form != "digits" or value is None or not value.is_integer() or value > MAX_LIST_MARKER:
        return False
    if _prev_word(text, num.start).lower() in _LIST_WORDS:
        return True
    if not _LIST_BEFORE.search(text, max(0, num.start - 8), num.start):
        return False
    if _NUMBERED_ITEM.match(text, num.end):
        return True  # "1. Manda says", "3) the"
    after = _LIST_AFTER.match(text, num.end)
    return after is not None and after.group(1) in _SENTENCE_STARTERS


def _classify(text: str, num: NumberMatch, protected: list[tuple[int, int, str]]) -> str:
    for start, end, kind in protected:
        if start <= num.core_start < end:
            return kind
    if num.kind != "count":
        return "duration" if num.kind == "vague" and num.unit_kind == "duration" else num.kind
    if num.unit_kind == "duration":
        return "age" if _is_age(text, num) else "duration"
    if num.unit_kind:
        return num.unit_kind
    if num.form in ("frac", "vulgar", "fraction"):
        num.unit = "fraction"
        return "measure"
    for kind, test in _RULES:
        if test(text, num):
            return kind
    return "range" if num.qualifier == "range" else "count"


_RULES: Final = (
    ("date", _is_date),
    ("age", _is_age),
    ("identifier", _is_identifier),
    ("list_marker", _is_list_marker),
)


def _protected_spans(text: str) -> list[tuple[int, int, str]]:
    spans = [(m.start(), m.end(), "date") for m in _DATE_CHAIN.finditer(text)]
    spans += [(m.start(), m.end(), "time") for m in _CLOCK.finditer(text)]
    return spans


def _propagate_list_markers(text: str, nums: list[NumberMatch]) -> None:
    """'point 1 and 2': a number joined to a list marker by 'and' or ',' is one too."""
    for prev, num in itertools.pairwise(nums):
        gap = text[prev.end : num.start].strip().lower()
        if prev.kind == "list_marker" and num.kind == "count" and gap in ("and", ",", "&", "or"):
            num.kind = "list_marker"


# --------------------------------------------------------------------------- SI units


@functools.cache
def _registry() -> Any:
    import pint  # lazy: building the registry takes ~0.4 s

    return pint.UnitRegistry()


@functools.cache
def _si_factor(unit: str) -> tuple[float, str] | None:
    """Multiplier and SI unit for a unit (None for offset units like degrees Celsius)."""
    ureg = _registry()
    try:
        one = ureg.Quantity(1.0, unit)
        if not one._ok_for_muldiv():  # offset units convert value by value
            return None
        base = one.to_base_units()
    except Exception:  # pint raises many types; an unknown unit just has no SI value
        return (float("nan"), "")
    return float(base.magnitude), str(base.units)


def _to_si(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    if value is None or unit is None or unit == "fraction":
        return None, None
    factor = _si_factor(unit)
    if factor is None:
        base = _registry().Quantity(value, unit).to_base_units()
        return float(base.magnitude), str(base.units)
    if factor[1] == "":
        return None, None
    return value * factor[0], factor[1]


# --------------------------------------------------------------------------- entry points


def _scan_words(text: str) -> list[re.Match[str]]:
    p = _patterns()
    lowered = text.lower()
    words, starts = p.words, p.starts
    if len(lowered) != len(text):  # rare characters whose lowercase is longer ('İ')
        lowered, words, starts = text, p.words_ci, p.starts_ci
    out: list[re.Match[str]] = []
    last_end = 0
    for cand in starts.finditer(lowered):
        pos = cand.start()
        if pos < last_end or (pos and lowered[pos - 1].isalpha()):
            continue
        article = _ARTICLE_BEFORE.search(lowered, max(last_end, pos - 4), pos)
        m = (article and words.match(lowered, article.start())) or words.match(lowered, pos)
        if m:
            out.append(m)
            last_end = m.end()
    return out


_ARTICLE_BEFORE: Final = re.compile(r"(?<![a-z])an? $", re.IGNORECASE)


def match_numbers(text: str) -> list[NumberMatch]:
    """Every number phrase in ``text`` as a :class:`NumberMatch` (keeps the core span)."""
    found: list[NumberMatch] = []
    for m in _DIGIT_PATTERN.finditer(text):
        found.extend(_from_match(text, m))
    for m in _scan_words(text):
        found.extend(_from_match(text, m))
    found = [_extend_number(text, num) for num in _url_numbers(text, found)]
    found.sort(key=lambda n: (n.start, -n.end))
    nums = _join_ranges(text, _drop_overlaps(found))
    protected = _protected_spans(text) if ("/" in text or ":" in text or "-" in text) else []
    for num in nums:
        _apply_prefix(text, num)
        _apply_suffix(text, num)
        num.kind = _classify(text, num, protected)
    _propagate_list_markers(text, nums)
    return _drop_overlaps(nums)


def _drop_overlaps(nums: list[NumberMatch]) -> list[NumberMatch]:
    out: list[NumberMatch] = []
    for num in sorted(nums, key=lambda n: (n.start, -n.end)):
        if not out or num.start >= out[-1].end:
            out.append(num)
    return out


def find_numbers(text: str) -> list[Quantity]:
    """Number phrases in ``text``, sorted by start and never overlapping.

    >>> [(q.text, q.value, q.qualifier) for q in find_numbers("up to 50,000 people")]
    [('up to 50,000', 50000.0, 'up_to')]
    """
    return [num.quantity(text) for num in match_numbers(text)]
