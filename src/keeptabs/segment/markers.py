"""The plain-text segmenter's patterns, loaded once from ``data/text_markers.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from keeptabs.errors import ConfigError

_GROUPS = (
    "boilerplate",
    "caption",
    "comment_header",
    "comment_words",
    "editorial_words",
    "reader_voice",
)


@dataclass(frozen=True, slots=True)
class TextMarkers:
    boilerplate: tuple[re.Pattern[str], ...]
    caption: tuple[re.Pattern[str], ...]
    comment_header: tuple[re.Pattern[str], ...]
    comment_words: tuple[re.Pattern[str], ...]
    editorial_words: tuple[re.Pattern[str], ...]
    reader_voice: tuple[re.Pattern[str], ...]


@cache
def load_text_markers() -> TextMarkers:
    source = resources.files("keeptabs.segment").joinpath("data/text_markers.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    compiled: dict[str, tuple[re.Pattern[str], ...]] = {}
    for group in _GROUPS:
        patterns = data.get(group)
        if not isinstance(patterns, list):
            raise ConfigError(f"text_markers.json needs a list '{group}'. Restore it from git.")
        compiled[group] = tuple(_compile(pattern, group) for pattern in patterns)
    return TextMarkers(**compiled)


def _compile(pattern: str, group: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ConfigError(
            f"text_markers.json, list '{group}': bad pattern {pattern!r} ({error}). "
            "Fix the pattern."
        ) from error


def matches_any(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.search(line)
        if match:
            return match
    return None


def any_matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    """Whether any of ``patterns`` matches ``line``: one pass of their alternation."""
    joined = _alternation(patterns)
    if joined is None:
        return matches_any(patterns, line) is not None
    return joined.search(line) is not None


@cache
def _alternation(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)
    except re.error:  # a user's pattern with global flags ("(?s)...") joins no others
        return None


def count_hits(patterns: tuple[re.Pattern[str], ...], line: str) -> int:
    return sum(1 for pattern in patterns if pattern.search(line))
