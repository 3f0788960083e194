"""Extraction vocabularies, loaded once from ``data/*.json`` and checked."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from keeptabs.errors import ConfigError

# Folders of the user's own vocabularies, separated like PATH: a file there with the
# name of a bundled data file extends it (lists are appended, objects merged).
DATA_PATH_VARIABLE = "KEEPTABS_DATA_PATH"


def load_data(name: str, package: str = "keeptabs.extract") -> dict[str, Any]:
    """Read ``PACKAGE/data/NAME``, extended by the user's files of that name."""
    bundled = resources.files(package).joinpath(f"data/{name}")
    data = _read_object(bundled, f"data file '{name}'", "Restore it from git.")
    for folder in filter(None, os.environ.get(DATA_PATH_VARIABLE, "").split(os.pathsep)):
        extra = Path(folder) / name
        if extra.is_file():
            data = _merged(data, _read_object(extra, f"'{extra}'", "Fix the JSON in it."))
    return data


def _read_object(source: Traversable, what: str, advice: str) -> dict[str, Any]:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"Could not load {what}: {error}. {advice}") from error
    if not isinstance(data, dict):
        raise ConfigError(f"The {what} must hold a JSON object. {advice}")
    return data


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` on top of ``base``: objects merge, lists extend, other values replace."""
    result = dict(base)
    for key, value in extra.items():
        old = result.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            result[key] = _merged(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            result[key] = [*old, *value]
        else:
            result[key] = value
    return result


@dataclass(frozen=True, slots=True)
class ActionVocab:
    phrases: dict[str, str]
    nominalizations: dict[str, str]
    light_verbs: frozenset[str]
    reporting: frozenset[str]
    figure_verbs: frozenset[str]
    figure_nouns: frozenset[str]
    attack_nouns: frozenset[str]
    event_nouns: frozenset[str]  # "the downing brought the toll to 18": events, no speaker
    finding_verbs: frozenset[str]  # "an inquiry found that ...": report with a clause
    verb_particles: dict[str, str]  # "point" reports only as "point out"


@cache
def action_vocab() -> ActionVocab:
    data = load_data("actions.json")
    return ActionVocab(
        phrases={k.lower(): v for k, v in data["phrases"].items()},
        nominalizations={k.lower(): v for k, v in data["nominalizations"].items()},
        light_verbs=frozenset(data["light_verbs"]),
        reporting=frozenset(data["reporting"]),
        figure_verbs=frozenset(data["figure_verbs"]),
        figure_nouns=frozenset(data["figure_nouns"]),
        attack_nouns=frozenset(data["attack_nouns"]),
        event_nouns=frozenset(data.get("event_nouns", ())),
        finding_verbs=frozenset(data.get("finding_verbs", ())),
        verb_particles=dict(data.get("verb_particles", {})),
    )


@dataclass(frozen=True, slots=True)
class CountedVocab:
    casualty_words: dict[str, str]
    toll_nouns: dict[str, str]
    toll_verbs: frozenset[str]
    light_nouns: frozenset[str]
    referring_nouns: frozenset[str]
    light_verbs: frozenset[str]
    kind_compounds: frozenset[str]  # "air" in "air raids": the kind of thing counted


@cache
def counted_vocab() -> CountedVocab:
    data = load_data("counted.json")
    return CountedVocab(
        casualty_words=dict(data["casualty_words"]),
        toll_nouns=dict(data["toll_nouns"]),
        toll_verbs=frozenset(data["toll_verbs"]),
        light_nouns=frozenset(data["light_nouns"]),
        referring_nouns=frozenset(data["referring_nouns"]),
        light_verbs=frozenset(data["casualty_light_verbs"]),
        kind_compounds=frozenset(data.get("kind_compounds", ())),
    )


@dataclass(frozen=True, slots=True)
class SpeakerVocab:
    nouns: frozenset[str]  # "activists said", "local media reported"
    opening: re.Pattern[str]  # "Monitors 15 killed ...": a headline speaker, colon lost


@cache
def speaker_vocab() -> SpeakerVocab:
    data = load_data("speakers.json")
    opening = sorted(map(re.escape, data.get("opening_speakers", ())), key=len, reverse=True)
    return SpeakerVocab(
        nouns=frozenset(word.lower() for word in data["speaker_nouns"]),
        opening=re.compile(rf"(?P<who>{'|'.join(opening) or '(?!)'})\s+"),
    )


@dataclass(frozen=True, slots=True)
class PeriodPattern:
    """A period pattern, and the words of which a sentence must hold one for it to be
    tried (empty: every sentence)."""

    regex: re.Pattern[str]
    requires: tuple[str, ...] = ()

    def may_match(self, lowered: str) -> bool:
        return not self.requires or any(word in lowered for word in self.requires)


@cache
def period_patterns() -> tuple[PeriodPattern, ...]:
    patterns = load_data("periods.json")["patterns"]
    compiled = []
    for entry in patterns:
        pattern = entry if isinstance(entry, str) else entry.get("regex", "")
        requires = () if isinstance(entry, str) else entry.get("requires", ())
        try:
            regex = re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise ConfigError(
                f"periods.json: bad pattern {pattern!r} ({error}). Fix it."
            ) from error
        if "period" not in regex.groupindex:
            raise ConfigError(f"periods.json: pattern {pattern!r} has no (?P<period>...) group.")
        if not isinstance(requires, list | tuple) or not all(
            isinstance(word, str) and word == word.lower() for word in requires
        ):
            raise ConfigError(
                f"periods.json: 'requires' of {pattern!r} must be a list of lower-case words."
            )
        compiled.append(PeriodPattern(regex, tuple(requires)))
    return tuple(compiled)


MAX_REMEMBERED_NAMES = 100_000  # names whose organisation is kept once looked up


@dataclass(frozen=True, slots=True)
class ActorTable:
    """Aliases -> organisation, matched as whole words by one alternation (longest first)."""

    pattern: re.Pattern[str]
    capitals: re.Pattern[str]  # short all-capital aliases, matched case-sensitively
    organisations: dict[str, str]  # alias, case-folded with straight quotes -> organisation
    names: dict[str, str] = field(default_factory=dict)  # organisation, case-folded -> itself
    found: dict[str, str | None] = field(default_factory=dict, compare=False)  # name -> answer

    def organisation(self, name: str | None) -> str | None:
        """The organisation whose alias ``name`` mentions, if any (each name looked up once:
        the frame readers ask about the same speakers again and again)."""
        if not name:
            return None
        if name not in self.found:
            if len(self.found) >= MAX_REMEMBERED_NAMES:
                self.found.clear()  # a corpus of millions of speakers stays within bounds
            self.found[name] = self._organisation(name)
        return self.found[name]

    def _organisation(self, name: str) -> str | None:
        found = [m for m in (self.pattern.search(name), self.capitals.search(name)) if m]
        if not found and (bare := _BARE_POSSESSIVE.sub(r"\1", name)) != name:
            return self.organisation(bare)  # "the Observatorys director": no apostrophe
        if not found:
            return None
        best = max(found, key=lambda match: len(match.group()))
        named = self.pattern.match(name, best.end() + 1) if best.group().islower() else None
        if named is not None and name[best.end()] == " ":
            best = named  # "the rights watchdog Human Rights Watch": the name it describes
        return self.organisations.get(_alias_key(best.group()))

    def canonical(self, name: str) -> str | None:
        """The organisation ``name`` is the name or an alias of, exactly ("Russian MoD" ->
        "Russian Ministry of Defence"); ``None`` for any other name."""
        key = _alias_key(name.strip())
        found = self.organisations.get(key)
        if found is None and key in self.names:
            found = self.names[key]
        return found

    def is_actor(self, name: str) -> bool:
        """``name`` is exactly one of the table's aliases ("Islamic State", "SANA")."""
        return _alias_key(name) in self.organisations


# A name with its possessive written without the apostrophe, as some corpora strip it.
_BARE_POSSESSIVE = re.compile(r"\b([A-Z][\w-]*[a-z])s\b")


def _alias_key(alias: str) -> str:
    return alias.casefold().replace("’", "'")


def _alternation(aliases: list[str]) -> str:
    escaped = (
        re.escape(alias).replace("’", "(?:'|’)").replace("'", "(?:'|’)") for alias in aliases
    )
    return rf"(?<!\w)(?:{'|'.join(escaped)})(?!\w)"


@cache
def actor_table() -> ActorTable:
    organisations = load_data("actors.json")["organisations"]
    table = {_alias_key(alias): org for org, aliases in organisations.items() for alias in aliases}
    aliases = sorted(
        {alias for aliases in organisations.values() for alias in aliases}, key=len, reverse=True
    )
    # Short all-capital aliases (UN, SAA, WHO) must match in capitals: "who" is a word.
    capitals = [alias for alias in aliases if alias.isupper() and len(alias) <= 4]
    others = [alias for alias in aliases if alias not in capitals]
    return ActorTable(
        pattern=re.compile(_alternation(others), re.IGNORECASE),
        capitals=re.compile(_alternation(capitals)),
        organisations=table,
        names={_alias_key(org): org for org in organisations},
    )
