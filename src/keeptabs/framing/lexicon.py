"""The framing lexicon (``data/lexicon.json``), loaded, checked and compiled once.

Users extend it with a ``lexicon.json`` of their own in a folder named by
``KEEPTABS_DATA_PATH`` (see :func:`keeptabs.extract.vocab.load_data`): new labels,
new forms of a label, new categories, phrases to ignore and quotation cues.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from keeptabs.errors import ConfigError
from keeptabs.extract.vocab import DATA_PATH_VARIABLE, load_data

LEXICON_FILE = "lexicon.json"
# Forms of up to this many capitals ("SAA", "FSA") are abbreviations and must match in
# capitals: in lower case they are often other words.
MAX_CAPITAL_FORM = 4
_APOSTROPHES = "'’"
_JOINERS = re.compile(r"[\s\-‐‑–]+")  # a hyphen and a space match each other in forms


@dataclass(frozen=True, slots=True)
class Entry:
    """What a form names: its category and label."""

    category: str
    label: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled lexicon: one pattern over every form, and what each form names."""

    pattern: re.Pattern[str]  # every form but short capitals, longest first, any case
    capitals: re.Pattern[str]  # short all-capital forms, matched as written
    entries: dict[str, Entry]  # form key (see :func:`form_key`) -> category and label
    ignore: re.Pattern[str] | None  # phrases whose words are no framing terms
    not_after: dict[str, frozenset[str]]  # category -> words that make a form a noun
    not_before: dict[str, frozenset[str]]  # category -> words that give a form another sense
    categories: tuple[str, ...]  # in the order of the data file
    labels: dict[str, tuple[str, ...]]  # category -> its labels, in order
    naming_hedges: frozenset[str]  # hedge labels that bear on the name after them
    speech_cues: re.Pattern[str]  # a verb of saying, as the last word(s) of a text
    speech_after: re.Pattern[str]  # a verb of saying within three words of a text's start
    speech_within: re.Pattern[str]  # a verb of saying anywhere
    naming_cues: re.Pattern[str]  # "called", "dubbed" ... as the last word(s) of a text

    def entry(self, words: str) -> Entry | None:
        """What ``words`` name when they are exactly one form of the lexicon."""
        return self.entries.get(form_key(words))


def form_key(words: str) -> str:
    """``words`` as the lexicon keys them: case-folded, apostrophes dropped, hyphens and
    runs of spaces as one space ("Assad’s  Forces" -> "assads forces")."""
    for apostrophe in _APOSTROPHES:
        words = words.replace(apostrophe, "")
    return _JOINERS.sub(" ", words.strip()).casefold()


def load_lexicon() -> Lexicon:
    """The bundled lexicon extended by the user's files; compiled once per value of
    ``KEEPTABS_DATA_PATH``."""
    return _compiled(os.environ.get(DATA_PATH_VARIABLE, ""))


@cache
def _compiled(data_path: str) -> Lexicon:
    del data_path  # the cache key: load_data reads the variable itself
    data = load_data(LEXICON_FILE, "keeptabs.framing")
    tables = _Tables()
    for category, spec in _mapping(data.get("categories"), "'categories'").items():
        if not category.startswith("_"):
            tables.add_category(category, _mapping(spec, f"category '{category}'"))
    capitals = [form for form in tables.forms if _is_capitals(form)]
    others = [form for form in tables.forms if not _is_capitals(form)]
    ignore = _strings(data.get("ignore", []), "'ignore'")
    quotes = _mapping(data.get("quotes", {}), "'quotes'")
    speech = _alternation(_strings(quotes.get("speech_cues", []), "'speech_cues' of 'quotes'"))
    naming = _alternation(_strings(quotes.get("naming_cues", []), "'naming_cues' of 'quotes'"))
    return Lexicon(
        pattern=re.compile(_alternation(others), re.IGNORECASE),
        capitals=re.compile(_alternation(capitals)),
        entries=tables.entries,
        ignore=re.compile(_alternation(ignore), re.IGNORECASE) if ignore else None,
        not_after=tables.not_after,
        not_before=tables.not_before,
        categories=tuple(tables.labels),
        labels=tables.labels,
        naming_hedges=frozenset(_strings(data.get("naming_hedges", []), "'naming_hedges'")),
        speech_cues=re.compile(rf"{speech}\s*[,:]?\s*$", re.IGNORECASE),
        speech_after=re.compile(rf"^\s*[,.]?\s*(?:[\w.’'-]+\s+){{0,3}}?{speech}", re.IGNORECASE),
        speech_within=re.compile(speech, re.IGNORECASE),
        naming_cues=re.compile(rf"{naming}\s*[,:]?\s*$", re.IGNORECASE),
    )


@dataclass(slots=True)
class _Tables:
    """The categories read so far: form keys, forms to match, labels, sense cues."""

    entries: dict[str, Entry] = field(default_factory=dict)
    forms: set[str] = field(default_factory=set)
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_after: dict[str, frozenset[str]] = field(default_factory=dict)
    not_before: dict[str, frozenset[str]] = field(default_factory=dict)

    def add_category(self, category: str, spec: dict[str, Any]) -> None:
        label_forms = _mapping(spec.get("labels"), f"'labels' of category '{category}'")
        self.labels[category] = tuple(key for key in label_forms if not key.startswith("_"))
        for label in self.labels[category]:
            listed = _strings(label_forms[label], f"label '{label}' of category '{category}'")
            for form in _with_plurals(listed, plural=bool(spec.get("plurals"))):
                self.add_form(form, Entry(category, label))
        for key, table in (("not_after", self.not_after), ("not_before", self.not_before)):
            words = _strings(spec.get(key, []), f"'{key}' of category '{category}'")
            table[category] = frozenset(word.casefold() for word in words)

    def add_form(self, form: str, entry: Entry) -> None:
        key = form_key(form)
        old = self.entries.get(key)
        if old is not None and old != entry:
            raise ConfigError(
                f"{LEXICON_FILE}: the form {form!r} is listed under "
                f"'{old.category}/{old.label}' and '{entry.category}/{entry.label}'. "
                "Keep it under one label."
            )
        self.entries[key] = entry
        self.forms.add(form)


def _with_plurals(forms: list[str], *, plural: bool) -> list[str]:
    """``forms`` and, when ``plural``, the regular plural of each one's last word."""
    if not plural:
        return forms
    return [*forms, *(_plural(form) for form in forms if not form.endswith("s"))]


def _plural(form: str) -> str:
    if form.endswith(("x", "z", "ch", "sh")):
        return form + "es"
    if form.endswith("y") and form[-2:-1] not in tuple("aeiou"):
        return form[:-1] + "ies"
    return form + "s"


def _is_capitals(form: str) -> bool:
    return form.isupper() and len(form) <= MAX_CAPITAL_FORM


def _form_pattern(form: str) -> str:
    """A form as a regex: words joined by spaces or hyphens, apostrophes optional."""
    words = _JOINERS.split(form.strip())
    escaped = [
        "".join("['’]?" if char in _APOSTROPHES else re.escape(char) for char in word)
        for word in words
    ]
    return r"[\s\-‐‑]+".join(escaped)


def _alternation(forms: Iterable[str]) -> str:
    """One whole-word alternation, longest forms first so that the longest one wins."""
    patterns = sorted({_form_pattern(form) for form in forms if form.strip()}, key=len)
    body = "|".join(reversed(patterns)) or r"(?!)"
    return rf"(?<!\w)(?:{body})(?!\w)"


def _mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{LEXICON_FILE}: {what} must be a JSON object. Fix the file.")
    return value


def _strings(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{LEXICON_FILE}: {what} must be a list of strings. Fix the file.")
    return value
