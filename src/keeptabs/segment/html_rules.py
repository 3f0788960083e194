"""Element and text rules for HTML segmentation, loaded from ``data/comment_markers.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from keeptabs.segment.html_blocks import tag_of


@dataclass(frozen=True)
class TokenRule:
    """Matches an element by its class/id tokens, itemtype and itemprop."""

    tags: frozenset[str]
    exact: frozenset[str]
    contains: re.Pattern[str] | None  # the "contains" list as one alternation
    exclude: frozenset[str]
    itemtypes: tuple[str, ...]
    itemprops: frozenset[str]
    id_regex: re.Pattern[str] | None

    def matches(self, el: etree._Element) -> bool:
        if tag_of(el) in self.tags:
            return True
        ident = (el.get("id") or "").lower()
        if self.id_regex is not None and ident and self.id_regex.search(ident):
            return True
        if self.itemtypes or self.itemprops:
            itemtype = (el.get("itemtype") or "").lower()
            if any(t in itemtype for t in self.itemtypes):
                return True
            if set((el.get("itemprop") or "").lower().split()) & self.itemprops:
                return True
        tokens = [*(el.get("class") or "").lower().split(), ident]
        return any(self._token_matches(t) for t in tokens if t)

    def _token_matches(self, token: str) -> bool:
        if token in self.exclude:
            return False
        if token in self.exact:
            return True
        return self.contains is not None and self.contains.search(token) is not None


@dataclass(frozen=True)
class Rules:
    comment_container: TokenRule
    comment_item: TokenRule
    comment_author: TokenRule
    caption: TokenRule
    boilerplate: TokenRule
    comment_heading: tuple[re.Pattern[str], ...]
    comment_header: tuple[re.Pattern[str], ...]
    comment_footer: tuple[re.Pattern[str], ...]
    caption_text: tuple[re.Pattern[str], ...]
    caption_max_words: int
    boilerplate_text: tuple[re.Pattern[str], ...]
    boilerplate_max_words: int


def _token_rule(spec: dict[str, Any]) -> TokenRule:
    id_regex = spec.get("id_regex")
    return TokenRule(
        tags=frozenset(spec.get("tags", ())),
        exact=frozenset(spec.get("exact", ())),
        contains=_alternation(spec.get("contains", [])),
        exclude=frozenset(spec.get("exclude", ())),
        itemtypes=tuple(spec.get("itemtype_contains", ())),
        itemprops=frozenset(spec.get("itemprop", ())),
        id_regex=re.compile(id_regex) if id_regex else None,
    )


def _alternation(words: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def _patterns(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in items)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read the marker file once per process."""
    source = resources.files("keeptabs.segment").joinpath("data/comment_markers.json")
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return Rules(
        comment_container=_token_rule(data["comment_container"]),
        comment_item=_token_rule(data["comment_item"]),
        comment_author=_token_rule(data["comment_author"]),
        caption=_token_rule(data["caption"]),
        boilerplate=_token_rule(data["boilerplate"]),
        comment_heading=_patterns(data["comment_heading_regex"]),
        comment_header=_patterns(data["comment_header_regex"]),
        comment_footer=_patterns(data["comment_footer_regex"]),
        caption_text=_patterns(data["caption"]["text_regex"]),
        caption_max_words=int(data["caption"]["max_words"]),
        boilerplate_text=_patterns(data["boilerplate"]["text_regex"]),
        boilerplate_max_words=int(data["boilerplate"]["max_words"]),
    )


def any_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The first pattern's match on ``text``, or None."""
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            return found
    return None
