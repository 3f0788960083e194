"""Metadata found in plain text: clues a scraper leaves behind ("Site icon X")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from keeptabs.errors import InputError

# Lines that name the site in scraped WordPress/AMP pages: "Site icon Middle East Monitor",
# "Site logo: X".  Only the first lines are searched: further down such a line is a quote.
_SITE_CLUES = re.compile(r"^\s*Site (?:icon|logo)[:\s]+(?P<outlet>[^\n]{2,80}?)\s*$", re.MULTILINE)
_CLUE_SEARCH_CHARS = 600  # the page header of a scrape; the clue never sits deeper
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = frozenset({"url", "outlet", "published", "title"})


@dataclass(frozen=True, slots=True)
class TextClues:
    outlet: str | None = None


def find_text_clues(text: str) -> TextClues:
    """Return the outlet named by a site-icon line near the top of the text, if any."""
    match = _SITE_CLUES.search(text[:_CLUE_SEARCH_CHARS])
    return TextClues(outlet=match.group("outlet") if match else None)


def sidecar_path(path: Path) -> Path:
    """``story.txt`` -> ``story.meta.json`` (beside it)."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str | None]:
    """Read ``NAME.meta.json`` beside ``path``; an absent sidecar gives ``{}``."""
    meta_path = sidecar_path(path)
    if not meta_path.is_file():
        return {}
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(
            f"Could not read the sidecar '{meta_path}': {error}. "
            'Fix it to a JSON object such as {"url": ..., "outlet": ..., "published": ...}.',
            path=str(path),
            stage="ingest",
        ) from error
    if not isinstance(data, dict):
        raise InputError(
            f"The sidecar '{meta_path}' is not a JSON object. "
            'Write it as {"url": ..., "outlet": ..., "published": ...}.',
            path=str(path),
            stage="ingest",
        )
    return {
        key: (str(value) if value is not None else None)
        for key, value in data.items()
        if key in SIDECAR_KEYS
    }
