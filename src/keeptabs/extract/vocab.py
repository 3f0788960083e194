"""Extraction vocabularies, loaded once from ``data/*.json`` and checked."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from keeptabs.errors import ConfigError


def load_data(name: str) -> dict[str, Any]:
    """Read ``keeptabs/extract/data/NAME`` as a JSON object."""
    source = resources.files("keeptabs.extract").joinpath(f"data/{name}")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(
            f"Could not load data file '{name}': {error}. Restore it from git."
        ) from error
    if not isinstance(data, dict):
        raise ConfigError(f"Data file '{name}' must hold a JSON object. Restore it from git.")
    return data


@dataclass(frozen=True, slots=True)
class ActionVocab:
    phrases: dict[str, str]
    nominalizations: dict[str, str]
    light_verbs: frozenset[str]
    reporting: frozenset[str]


@cache
def action_vocab() -> ActionVocab:
    data = load_data("actions.json")
    return ActionVocab(
        phrases={k.lower(): v for k, v in data["phrases"].items()},
        nominalizations={k.lower(): v for k, v in data["nominalizations"].items()},
        light_verbs=frozenset(data["light_verbs"]),
        reporting=frozenset(data["reporting"]),
    )


@cache
def period_patterns() -> tuple[re.Pattern[str], ...]:
    patterns = load_data("periods.json")["patterns"]
    compiled = []
    for pattern in patterns:
        try:
            regex = re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise ConfigError(
                f"periods.json: bad pattern {pattern!r} ({error}). Fix it."
            ) from error
        if "period" not in regex.groupindex:
            raise ConfigError(f"periods.json: pattern {pattern!r} has no (?P<period>...) group.")
        compiled.append(regex)
    return tuple(compiled)


@dataclass(frozen=True, slots=True)
class ActorTable:
    aliases: tuple[tuple[re.Pattern[str], str], ...]  # longest alias first

    def organisation(self, name: str | None) -> str | None:
        """The organisation whose alias ``name`` mentions, if any."""
        if not name:
            return None
        for pattern, organisation in self.aliases:
            if pattern.search(name):
                return organisation
        return None


@cache
def actor_table() -> ActorTable:
    organisations = load_data("actors.json")["organisations"]
    pairs = [(alias, org) for org, aliases in organisations.items() for alias in aliases]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    compiled = []
    for alias, org in pairs:
        # Short all-capital aliases (UN, SAA, WHO) must match in capitals: "who" is a word.
        flags = 0 if alias.isupper() and len(alias) <= 4 else re.IGNORECASE
        escaped = re.escape(alias).replace("’", "(?:'|’)").replace("'", "(?:'|’)")
        compiled.append((re.compile(rf"(?<!\w){escaped}(?!\w)", flags), org))
    return ActorTable(aliases=tuple(compiled))
