"""Vocabulary tables and compiled patterns of the number layer, built once.

The vocabularies (qualifier cues, number words, units, currency prefixes) are data
files in ``data/``; :func:`tables` loads and validates them, :func:`patterns` compiles
the regular expressions built from them.  Both are cached for the process.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, get_args

from keeptabs.errors import ConfigError
from keeptabs.types import Qualifier

__all__ = [
    "MAX_AGE",
    "MAX_DOZENS",
    "MAX_FRACTION_DENOMINATOR",
    "MAX_LIST_MARKER",
    "MIN_ID_DIGITS",
    "MONTHS",
    "MONTH_WORDS",
    "PREFIX_WINDOW",
    "VULGAR",
    "YEAR_RANGE",
    "Patterns",
    "Tables",
    "Unit",
    "alt",
    "cue_ends",
    "norm",
    "patterns",
    "tables",
]

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

MONTHS: Final = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
MONTH_WORDS: Final = frozenset(MONTHS.split("|"))
VULGAR: Final = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip


def norm(phrase: str) -> str:
    """Lowercase with runs of whitespace collapsed: the key form of every word table."""
    return " ".join(phrase.lower().split())


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    kind: str
    not_before: frozenset[str] = frozenset()  # "barrel" before "bombs" is no unit


@dataclass(frozen=True, slots=True)
class Tables:
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
    unit_words: dict[str, Unit]  # lowercased, spaces collapsed
    unit_symbols: dict[str, Unit]  # case-sensitive
    currency_prefixes: dict[str, str]  # written before the number: '$' -> 'USD'
    unit_names: dict[str, str]  # a unit's first word, its plain name: 'USD' -> 'dollars'
    year_nouns: dict[str, frozenset[str]]  # word lists of the year-versus-count rule
    label_nouns: frozenset[str] = frozenset()  # "Division 30", "Sukhoi-34": part of a name


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
    return {norm(cue): cls for cue, cls in table.items()}  # type: ignore[misc]


def _load_units() -> tuple[dict[str, Unit], dict[str, Unit], dict[str, str], dict[str, str]]:
    words: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    prefixes: dict[str, str] = {}
    names: dict[str, str] = {}
    for entry in _load_json("number_units.json")["units"]:
        if entry["kind"] not in _UNIT_KINDS:
            raise ConfigError(f"number_units.json: bad kind in {entry}. Use {sorted(_UNIT_KINDS)}.")
        unit = Unit(entry["unit"], entry["kind"], frozenset(entry.get("not_before", ())))
        if entry.get("name") or entry["words"]:
            names.setdefault(unit.unit, entry.get("name") or entry["words"][0])
        for word in entry["words"]:
            words.setdefault(norm(word), unit)
        for symbol in entry["symbols"]:
            symbols.setdefault(symbol, unit)
        for prefix in entry.get("prefixes", ()):
            if unit.kind != "money":
                raise ConfigError(f"number_units.json: prefixes are for money only: {entry}.")
            prefixes.setdefault(prefix, unit.unit)
    return words, symbols, prefixes, names


def _word_lists(table: dict[str, Any]) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in table.items() if k != "_doc"}


@functools.cache
def tables() -> Tables:
    """The validated vocabularies, loaded once per process."""
    qualifiers = _load_json("qualifiers.json")
    words = _load_json("number_words.json")
    vague = {k: (float(v[0]), float(v[1])) for k, v in words["vague"].items() if k != "_doc"}
    if any(lo > hi for lo, hi in vague.values()):
        raise ConfigError("number_words.json: a vague amount has lower > upper. Fix its bounds.")
    unit_words, unit_symbols, prefixes, unit_names = _load_units()
    return Tables(
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
        currency_prefixes=prefixes,
        unit_names=unit_names,
        year_nouns=_word_lists(words.get("year_nouns", {})),
        label_nouns=frozenset(words.get("label_nouns", ())),
    )


# --------------------------------------------------------------------------- patterns


def alt(words: Any) -> str:
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


@dataclass(frozen=True, slots=True)
class Patterns:
    words: re.Pattern[str]  # for lowercased text: case-insensitive scanning is ~3x slower
    words_ci: re.Pattern[str]  # for text whose lowercase form changes length
    starts: re.Pattern[str]  # a non-letter, then a word that can start a number phrase
    starts_ci: re.Pattern[str]
    first: re.Pattern[str]  # a word that can start a number phrase, at the text's start
    first_ci: re.Pattern[str]
    multiplier: re.Pattern[str]
    unit: re.Pattern[str]
    prefix_cue: re.Pattern[str]
    suffix_cue: re.Pattern[str]
    currency_prefix: re.Pattern[str]


def _number_words(t: Tables) -> str:
    """One number word: cardinal, scale, fraction, dozen, ordinal or plural ordinal."""
    plural_ords = alt([w + "s" for w in t.ordinals if w not in ("second", "first")] + ["firsts"])
    word = alt([*t.cardinals, *t.scales, *t.fraction_words, *t.dozen_words]) + "|" + plural_ords
    return word + "|" + alt(t.ordinals)


def _word_pattern(t: Tables, flags: int = 0) -> re.Pattern[str]:
    """Runs of number words ('two hundred and six') and vague amounts ('tens of thousands')."""
    word = _number_words(t)
    sep = r"(?:\s*-\s*|\s*,\s+|\s+(?:(?:and|&)\s+)?(?:(?:a|an)\s+)?|\s+point\s+)"
    run = rf"(?:(?:a|an)\s+)?(?:{word})(?:{sep}(?:{word}))*\b"
    return re.compile(rf"(?:(?P<vague>(?:{alt(t.vague)})\b)|(?P<words>{run}))", flags)


def _word_starts(t: Tables, flags: int = 0, *, after: str = "") -> re.Pattern[str]:
    """Words that can start a number phrase, as a trie the regex engine scans fast.

    With ``after='[^a-z]'`` the pattern starts with the character before the word, so
    the engine skips letters at once instead of trying the trie inside every word.
    'a' starts a phrase only before a number word or 'few' ('a hundred', 'a few dozen'):
    the lookahead keeps the thousands of other articles out of the candidate loop.
    """
    firsts = [*t.cardinals, *t.scales, *t.ordinals, *t.fraction_words, *t.dozen_words]
    firsts += [w.split()[0] for w in t.vague]
    article_next = alt(sorted({*firsts, "few"} - {"a"}))
    by_letter = itertools.groupby(sorted(set(firsts) - {"a"}), key=lambda w: w[0])
    branches = [alt(group) for _, group in by_letter]  # each starts with a literal letter,
    branches.append(rf"a(?=\s+(?:{article_next}))")  # so the engine skips other letters
    return re.compile(rf"{after}(?:{'|'.join(branches)})\b", flags)


def _unit_pattern(t: Tables) -> re.Pattern[str]:
    words = alt(t.unit_words)
    symbols = alt(t.unit_symbols)
    return re.compile(rf"(?:\s?-\s?|\s*)(?:(?P<uw>(?i:{words}))\b|(?P<us>{symbols})(?![A-Za-z]))")


def _currency_prefix(t: Tables) -> re.Pattern[str]:
    """A currency sign or code just before a number: '$', 'US$', '€', 'SYP '."""
    signs = alt(p for p in t.currency_prefixes if not p[-1].isalpha())
    codes = alt(p for p in t.currency_prefixes if p[-1].isalpha())
    return re.compile(rf"(?:(?P<cur>{signs})|(?<![A-Za-z])(?P<code>{codes}))\s?$")


@functools.cache
def patterns() -> Patterns:
    """The compiled patterns built from :func:`tables`, once per process."""
    t = tables()
    scale_words = alt([*t.scales, *t.dozen_words])
    return Patterns(
        words=_word_pattern(t),
        words_ci=_word_pattern(t, re.IGNORECASE),
        starts=_word_starts(t, after="[^a-z]"),
        starts_ci=_word_starts(t, re.IGNORECASE, after="[^a-z]"),
        first=_word_starts(t),
        first_ci=_word_starts(t, re.IGNORECASE),
        multiplier=re.compile(
            rf"(?:\s?(?P<mw>(?i:{scale_words}))\b"
            rf"|[ ]{{0,2}}(?P<ms>{alt(t.multipliers)})(?![A-Za-z0-9]))"
        ),
        unit=_unit_pattern(t),
        prefix_cue=re.compile(rf"(?i)(?<![\w-])(?P<cue>{alt(t.prefix_cues)})\s+$"),
        suffix_cue=re.compile(
            rf"(?i)(?:\s+(?P<cue>{alt(w for w in t.suffix_cues if w[0].isalpha())})\b"
            rf"|(?P<sym>{alt(w for w in t.suffix_cues if not w[0].isalpha())})(?![\w]))"
        ),
        currency_prefix=_currency_prefix(t),
    )


@functools.cache
def cue_ends() -> frozenset[str]:
    """Last words of the prefix cues: the cue regex runs only after one of these."""
    return frozenset(cue.split()[-1] for cue in tables().prefix_cues)
