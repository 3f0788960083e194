"""Parse HTML with lxml, drop what is never text, and cut the page into text blocks.

A block is the inline text owned by one block-level element (a paragraph, a list item,
a heading, a table cell, the loose text of a ``div``), in document order.  Later stages
classify blocks; this module only renders them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped,unused-ignore]
from lxml import html as lxml_html  # type: ignore[import-untyped,unused-ignore]

# Elements whose content is never page text: code, styling, embedded media, widgets.
NEVER_TEXT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "input",
        "textarea",
        "select",
        "option",
        "picture",
        "source",
    }
)

# Elements that start a new block of text (HTML flow content that renders on its own line).
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(slots=True)
class Block:
    """One rendered block; ``kind`` is filled in by the classifier."""

    text: str  # lines of the block, whitespace collapsed, joined by "\n"
    flat: str  # the same on one line, for matching
    owner: etree._Element  # the block-level element that owns the text
    index: int  # position in document order
    kind: str = "boilerplate"
    unit: etree._Element | None = None  # the comment this block belongs to, if any
    author: str | None = None

    @property
    def tag(self) -> str:
        return tag_of(self.owner)

    @property
    def words(self) -> int:
        return len(self.flat.split())


def tag_of(el: etree._Element) -> str:
    """Lower-case tag name; '' for comments, processing instructions and entities."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def parse_html(html: str) -> etree._Element | None:
    """Parse a document leniently; None when there is nothing to parse."""
    if not html or not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html)
    except ValueError:
        # lxml refuses str input that carries an XML encoding declaration.
        try:
            return lxml_html.document_fromstring(html.encode("utf-8"))
        except (ValueError, etree.ParserError):
            return None
    except etree.ParserError:
        return None


def remove_keep_tail(el: etree._Element) -> None:
    """Remove ``el`` and its subtree but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def clean_tree(root: etree._Element) -> None:
    """Drop scripts, styles, hidden elements, HTML comments and other non-text nodes."""
    doomed = [
        el
        for el in root.iter()
        if not isinstance(el.tag, str) or tag_of(el) in NEVER_TEXT or _is_hidden(el)
    ]
    for el in doomed:
        remove_keep_tail(el)


def _render(pieces: list[str]) -> str:
    raw = _INVISIBLE.sub("", "".join(pieces))
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def walk_blocks(root: etree._Element) -> list[Block]:
    """Cut the tree into blocks in document order (iteratively: pages nest deeply)."""
    body = root.find("body")
    start = body if body is not None else root
    blocks: list[Block] = []
    owners: list[etree._Element] = [start]
    pieces: list[str] = []

    def flush() -> None:
        text = _render(pieces)
        pieces.clear()
        if text:
            flat = " ".join(text.split())
            blocks.append(Block(text=text, flat=flat, owner=owners[-1], index=len(blocks)))

    for event, el in etree.iterwalk(start, events=("start", "end")):
        tag = tag_of(el)
        is_block = tag in BLOCK_TAGS and el is not start
        if event == "start":
            if is_block:
                flush()
                owners.append(el)
            if tag == "br":
                pieces.append("\n")
            if el.text:
                pieces.append(el.text)
        else:
            if is_block:
                flush()
                owners.pop()
            if el.tail and el is not start:
                pieces.append(el.tail)
    flush()
    return blocks
