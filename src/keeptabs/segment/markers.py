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
    "page_end",
    "related_headlines",
)


@dataclass(frozen=True, slots=True)
class TextMarkers:
    boilerplate: tuple[re.Pattern[str], ...]
    caption: tuple[re.Pattern[str], ...]
    comment_header: tuple[re.Pattern[str], ...]
    comment_words: tuple[re.Pattern[str], ...]
    editorial_words: tuple[re.Pattern[str], ...]
    reader_voice: tuple[re.Pattern[str], ...]
    page_end: tuple[re.Pattern[str], ...]
    related_headlines: tuple[re.Pattern[str], ...]  # each with a group "run"


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
    if any("run" not in pattern.groupindex for pattern in compiled["related_headlines"]):
        raise ConfigError(
            "text_markers.json, list 'related_headlines': every pattern needs a group "
            "(?P<run>...). Add it."
        )
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
    """Whether any of ``patterns`` matches ``line``: the branches anchored at the start
    tried there once, the others in one pass of their alternation (a long line is not
    scanned for branches that can only match at its first character)."""
    joined = _alternation(patterns)
    if joined is None:
        return matches_any(patterns, line) is not None
    anchored, free = joined
    return bool(
        (anchored is not None and anchored.match(line)) or (free is not None and free.search(line))
    )


_Joined = tuple[re.Pattern[str] | None, re.Pattern[str] | None]


@cache
def _alternation(patterns: tuple[re.Pattern[str], ...]) -> _Joined | None:
    branches = [branch for p in patterns for branch in _top_level_branches(p.pattern)]
    anchored = [b for b in branches if b.startswith("^")]
    free = [b for b in branches if not b.startswith("^")]
    try:
        return _joined(anchored), _joined(free)
    except re.error:  # a user's pattern with global flags ("(?s)...") joins no others
        return None


def _joined(branches: list[str]) -> re.Pattern[str] | None:
    if not branches:
        return None
    return re.compile("|".join(f"(?:{branch})" for branch in branches), re.IGNORECASE)


def _top_level_branches(pattern: str) -> list[str]:
    """``pattern`` split at its top-level "|" (not inside groups, classes or escapes)."""
    branches, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    branches.append(pattern[start:])
    return branches


def count_hits(patterns: tuple[re.Pattern[str], ...], line: str) -> int:
    return sum(1 for pattern in patterns if pattern.search(line))
