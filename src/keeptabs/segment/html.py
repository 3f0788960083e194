"""Segment an HTML news page into headline, body, captions, comments and boilerplate.

The page is cut into text blocks (:mod:`keeptabs.segment.html_blocks`); trafilatura's
main text and comments are mapped onto them and corrected with DOM rules
(:mod:`keeptabs.segment.html_classify`, rules in ``data/comment_markers.json``).  The
text is then rebuilt as headline, body paragraphs, captions, comments and the rest,
blocks separated by blank lines, with segments that tile it exactly.  Nothing here
touches the network: trafilatura and htmldate only ever see markup, never a URL to fetch.
"""

from __future__ import annotations

import copy
import datetime
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import htmldate
import trafilatura
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from keeptabs.segment.html_blocks import Block, clean_tree, parse_html, walk_blocks
from keeptabs.segment.html_classify import build_signals, classify
from keeptabs.segment.html_rules import load_rules
from keeptabs.segment.text import find_comment_tail
from keeptabs.types import Segment, SegmentKind

__all__ = ["HtmlPage", "segment_html"]

LOG = logging.getLogger(__name__)
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")

SEPARATOR = "\n\n"
# Order of the kinds in the rebuilt text: what a reader reads first comes first.
KIND_ORDER: tuple[SegmentKind, ...] = ("headline", "body", "caption", "comment", "boilerplate")
# An h1 is the headline when it shares at least this share of words with the title
# metadata (og:title often adds " | Site name", so equality is too strict).
HEADLINE_OVERLAP = 0.6


@dataclass(frozen=True)
class HtmlPage:
    """A segmented page: ``segments`` tile ``text``; metadata as found in the markup."""

    text: str
    segments: tuple[Segment, ...]
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None


@dataclass(frozen=True)
class _Extraction:
    ran: bool
    body: str | None = None
    comments: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


def _date_params(url: str | None) -> dict[str, Any]:
    """htmldate.find_date settings: search text and URL too, prefer the original
    publication date over updates, never a date later than today."""
    return {
        "extensive_search": True,
        "original_date": True,
        "outputformat": "%Y-%m-%d",
        "url": url,
        "max_date": datetime.date.today().isoformat(),
    }


def segment_html(html: str, *, url: str | None = None) -> HtmlPage:
    """Segment ``html``; ``url`` only informs metadata (it is never fetched)."""
    root = parse_html(html)
    if root is None:
        return HtmlPage(text="", segments=(), title=None, url=url, published=None, outlet=None)
    found = _run_trafilatura(html, url)
    published = found.published if found.ran else _find_date(root, url)
    clean_tree(root)
    blocks = walk_blocks(root)
    rules = load_rules()
    classify(blocks, build_signals(blocks, found.body, found.comments), rules)
    _find_unmarked_comments(blocks)
    headline = _pick_headline(blocks, found.title)
    text, segments = _assemble(blocks, headline)
    return HtmlPage(
        text=text,
        segments=segments,
        title=found.title or headline,
        url=url,
        published=published,
        outlet=found.outlet,
    )


def _find_unmarked_comments(blocks: Sequence[Block]) -> None:
    """Reader comments with no markup (no class, no heading): found by their register,
    as in plain text, among the blocks left as boilerplate after the article."""
    if any(block.kind == "comment" for block in blocks):
        return
    body = [index for index, block in enumerate(blocks) if block.kind == "body"]
    if not body:
        return
    tail = [block for block in blocks[body[-1] + 1 :] if block.kind == "boilerplate"]
    verdicts = find_comment_tail([blocks[body[-1]].text, *(block.text for block in tail)])
    for block, (is_comment, author) in zip(tail, verdicts[1:], strict=True):
        if is_comment:
            block.kind, block.author = "comment", author


def _run_trafilatura(html: str, url: str | None) -> _Extraction:
    """Main text, comments, title, site name and date; trafilatura loads str input
    offline and runs htmldate.find_date on its parsed tree (see _date_params)."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=True,
            with_metadata=True,
            include_tables=True,
            date_extraction_params=_date_params(url),
        )
    except (ValueError, TypeError, AttributeError, etree.LxmlError) as err:
        LOG.warning("trafilatura failed (%s); using DOM rules only", err)
        doc = None
    if doc is None:
        return _Extraction(ran=False)
    return _Extraction(
        ran=True,
        published=_clean(getattr(doc, "date", None)),
        body=_clean(getattr(doc, "text", None), keep_lines=True),
        comments=_clean(getattr(doc, "comments", None), keep_lines=True),
        title=_clean(getattr(doc, "title", None)),
        outlet=_clean(getattr(doc, "sitename", None)),
    )


def _find_date(root: etree._Element, url: str | None) -> str | None:
    """Publication date via htmldate on a copy of the tree (a str could be taken for a URL)."""
    try:
        found = htmldate.find_date(copy.deepcopy(root), **_date_params(url))
    except (ValueError, TypeError, etree.LxmlError) as err:
        LOG.warning("htmldate failed: %s", err)
        return None
    return found if isinstance(found, str) else None


def _clean(value: object, *, keep_lines: bool = False) -> str | None:
    """A non-empty str, whitespace collapsed unless ``keep_lines``; markup-like titles are
    dropped (broken pages can make an extractor read raw tags as text)."""
    if not isinstance(value, str) or (not keep_lines and _MARKUP.search(value)):
        return None
    value = value.strip() if keep_lines else " ".join(value.split())
    return value or None


def _words(text: str) -> set[str]:
    return {w.strip(".,:;!?'\"‘’“”").lower() for w in text.split()} - {""}


def _pick_headline(blocks: Sequence[Block], title: str | None) -> str | None:
    """Use the h1 that matches the title as headline; else the title itself."""
    h1s = [b for b in blocks if b.tag == "h1" and b.kind != "comment"]
    if title:
        want = _words(title)
        for block in h1s:
            have = _words(block.flat)
            if have and len(have & want) >= HEADLINE_OVERLAP * min(len(have), len(want)):
                block.kind = "headline"
                return None
        return title
    if h1s:
        h1s[0].kind = "headline"
        return None
    return None


def _assemble(blocks: Sequence[Block], headline: str | None) -> tuple[str, tuple[Segment, ...]]:
    """Rebuild the text in KIND_ORDER and cut it into tiling segments."""
    runs: list[tuple[SegmentKind, list[str], str | None]] = []
    if headline:
        runs.append(("headline", [headline], None))
    for kind in KIND_ORDER:
        for group in _groups([b for b in blocks if b.kind == kind], kind):
            runs.append((kind, [b.text for b in group], group[0].author))
    pieces: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for i, (kind, texts, author) in enumerate(runs):
        chunk = SEPARATOR.join(texts) + (SEPARATOR if i < len(runs) - 1 else "")
        pieces.append(chunk)
        segments.append(Segment(kind=kind, start=offset, end=offset + len(chunk), author=author))
        offset += len(chunk)
    return "".join(pieces), tuple(segments)


def _groups(blocks: Sequence[Block], kind: SegmentKind) -> list[list[Block]]:
    """One segment per paragraph; a comment's blocks and runs of boilerplate go together."""
    groups: list[list[Block]] = []
    for block in blocks:
        prev = groups[-1][-1] if groups else None
        joined = prev is not None and (
            kind == "boilerplate"
            or (kind == "comment" and block.unit is not None and block.unit is prev.unit)
        )
        if joined:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups
