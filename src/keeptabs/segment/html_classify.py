"""Give each block a kind: body, caption, comment or boilerplate.

Trafilatura's main text and comments are mapped back onto the blocks; DOM signals
(comment containers, comment headings, "NAME says" headers, captions, share bars)
then correct it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from keeptabs.segment.html_blocks import HEADING_TAGS, Block, tag_of
from keeptabs.segment.html_rules import Rules, TokenRule, any_match

# Blocks shorter than this must equal a whole trafilatura line to count as matched:
# short strings ("Politics", "Share") occur inside many longer lines by chance.
SHORT_BLOCK_WORDS = 5
SHORT_BLOCK_CHARS = 30  # ...and fewer chars: CJK text has no spaces to count words by
# A comment region is rejected when it holds more than this share of the main text
# and the main text before it is shorter than MIN_BODY_BEFORE chars: such a "comment"
# container is the article itself (opinion pages are often classed "comment").
MAX_BODY_SHARE_IN_COMMENTS = 0.5
MIN_BODY_BEFORE = 300
# Headings and header lines are short; longer blocks are prose, not labels.
MAX_HEADING_WORDS = 8
MAX_HEADER_WORDS = 14
# Paragraphs that trafilatura dropped are taken back when they are prose of at least
# this many words and sit next to main-text blocks (see recover_dropped_prose).
MIN_RECOVER_WORDS = 12
BOILERPLATE_DEPTH = 3

_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)]$")


class LineIndex:
    """Finds blocks in an extractor's text, each span of that text used at most once."""

    def __init__(self, text: str | None) -> None:
        lines: list[str] = []
        for raw in (text or "").split("\n"):
            line = raw.strip()
            if line.startswith("- "):
                line = line[2:]
            parts = line.strip("|").split("|") if line.startswith("|") else [line]
            lines.extend(" ".join(p.split()) for p in parts if p.strip())
        self.lined = "\n" + "\n".join(lines) + "\n"
        self.spaced = self.lined.replace("\n", " ")
        self.used = bytearray(len(self.lined))

    def take(self, flat: str) -> bool:
        """Mark and report the first unused occurrence of ``flat``."""
        if len(flat.split()) < SHORT_BLOCK_WORDS and len(flat) < SHORT_BLOCK_CHARS:
            return self._take(self.lined, f"\n{flat}\n", 1)
        # long blocks: prefer a match on word boundaries, else any (extractors glue
        # "end.Start" where a block boundary had no space)
        return self._take(self.spaced, f" {flat} ", 1) or self._take(self.spaced, flat, 0)

    def _take(self, hay: str, needle: str, pad: int) -> bool:
        pos = hay.find(needle)
        while pos >= 0:
            start, end = pos + pad, pos + len(needle) - pad
            if self.used.find(1, start, end) < 0:
                self.used[start:end] = b"\x01" * (end - start)
                return True
            pos = hay.find(needle, pos + 1)
        return False


@dataclass
class Signals:
    """Per-block facts gathered before deciding kinds."""

    blocks: Sequence[Block]
    chains: list[list[etree._Element]]  # owner and its ancestors, innermost first
    in_body: list[bool]  # trafilatura main text
    in_comments: list[bool]  # trafilatura comments
    body_inside: dict[etree._Element, int] = field(default_factory=dict)
    first_block: dict[etree._Element, int] = field(default_factory=dict)
    body_before: list[int] = field(default_factory=list)  # main-text chars before block i
    block_count: dict[etree._Element, int] = field(default_factory=dict)
    _matched: dict[tuple[int, etree._Element], bool] = field(default_factory=dict)

    def matches(self, rule: TokenRule, el: etree._Element) -> bool:
        """``rule.matches(el)``, memoised: the same ancestors recur in every chain."""
        key = (id(rule), el)
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = rule.matches(el)
        return found

    def first_match(
        self, chain: Iterable[etree._Element], rule: TokenRule
    ) -> etree._Element | None:
        """The innermost element of ``chain`` that ``rule`` matches."""
        return next((el for el in chain if self.matches(rule, el)), None)

    def __post_init__(self) -> None:
        running = 0
        for block, chain, body in zip(self.blocks, self.chains, self.in_body, strict=True):
            self.body_before.append(running)
            size = len(block.flat) if body else 0
            running += size
            for el in chain:
                self.first_block.setdefault(el, block.index)
                self.body_inside[el] = self.body_inside.get(el, 0) + size
                self.block_count[el] = self.block_count.get(el, 0) + 1
        self.body_total = running

    def holds_article(self, roots: Sequence[etree._Element]) -> bool:
        """True when would-be comment regions hold the article (MAX_BODY_SHARE_...)."""
        inside = sum(self.body_inside.get(root, 0) for root in roots)
        if inside == 0 or inside <= MAX_BODY_SHARE_IN_COMMENTS * self.body_total:
            return False
        first = min(self.first_block[root] for root in roots if root in self.first_block)
        return self.body_before[first] < MIN_BODY_BEFORE


def ancestors(el: etree._Element) -> list[etree._Element]:
    """``el`` and its ancestors, innermost first, stopping below <body>."""
    chain: list[etree._Element] = []
    node: etree._Element | None = el
    while node is not None and tag_of(node) not in {"body", "html"}:
        chain.append(node)
        node = node.getparent()
    return chain


def marker_regions(sig: Signals, rules: Rules) -> set[etree._Element]:
    """Comment containers named by class/id/itemtype, outermost valid one per block."""
    memo: dict[etree._Element, bool] = {}
    roots: set[etree._Element] = set()
    for chain in sig.chains:
        for el in reversed(chain):
            ok = memo.get(el)
            if ok is None:
                ok = sig.matches(rules.comment_container, el) and not sig.holds_article([el])
                memo[el] = ok
            if ok:
                roots.add(el)
                break
    return roots


def _in_nav(chain: Sequence[etree._Element]) -> bool:
    return any(tag_of(el) in {"nav", "menu"} for el in chain)


def heading_regions(sig: Signals, rules: Rules) -> set[etree._Element]:
    """What follows a "12 Comments" / "Leave a reply" heading, at the heading's level."""
    roots: set[etree._Element] = set()
    for block, chain in zip(sig.blocks, sig.chains, strict=True):
        # a lone "Comments" in a div is usually a button next to the share bar; as a
        # heading, or with a count ("Comments (12)"), it opens the comment section
        label = block.tag in HEADING_TAGS or (
            block.words <= MAX_HEADING_WORDS and (block.words > 1 or _DIGIT.search(block.flat))
        )
        if not label or _in_nav(chain) or not any_match(rules.comment_heading, block.flat):
            continue
        el = block.owner
        # climb out of wrappers that hold nothing but the heading
        while (parent := el.getparent()) is not None and len(parent) == 1:
            if tag_of(parent) in {"body", "html"}:
                break
            el = parent
        siblings = [sib for sib in el.itersiblings() if sib in sig.first_block]
        if siblings and not sig.holds_article(siblings):
            roots.update(siblings)
    return roots


def header_units(sig: Signals, rules: Rules) -> dict[etree._Element, str | None]:
    """Comments without markers: units that open with a "NAME says:" header line."""
    headers: list[tuple[Block, re.Match[str]]] = []
    for block in sig.blocks:
        found = any_match(rules.comment_header, block.flat)
        if found and block.words <= MAX_HEADER_WORDS:
            headers.append((block, found))
    counts: dict[etree._Element, int] = {}
    for block, _ in headers:
        for el in sig.chains[block.index]:
            counts[el] = counts.get(el, 0) + 1
    units: dict[etree._Element, str | None] = {}
    for block, found in headers:
        unit = _climb_unit(block, counts, sig)
        if sig.block_count.get(unit, 0) >= 2 and not sig.holds_article([unit]):
            units[unit] = _clean_author(found.groupdict().get("author"))
    return units


def _climb_unit(header: Block, counts: dict[etree._Element, int], sig: Signals) -> etree._Element:
    """Highest ancestor that starts at the header and holds no other header."""
    el = header.owner
    while (parent := el.getparent()) is not None and tag_of(parent) not in {"body", "html"}:
        # one block (a date line) may come before the name; more means a wider container
        if sig.first_block.get(parent, header.index) < header.index - 1:
            break
        if counts.get(parent, 0) > 1:
            break
        el = parent
    return el


def _clean_author(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip(" :-–—|").strip()
    return name if 0 < len(name) <= 60 else None


def build_signals(blocks: Sequence[Block], body_text: str | None, comments: str | None) -> Signals:
    """Map trafilatura's main text and comments onto the blocks."""
    body_index, comment_index = LineIndex(body_text), LineIndex(comments)
    in_body = [body_index.take(block.flat) for block in blocks]
    in_comments = [
        not hit and comment_index.take(b.flat) for b, hit in zip(blocks, in_body, strict=True)
    ]
    chains = [ancestors(block.owner) for block in blocks]
    return Signals(blocks=blocks, chains=chains, in_body=in_body, in_comments=in_comments)


def _is_caption(block: Block, sig: Signals, rules: Rules, body: bool) -> bool:
    chain = sig.chains[block.index]
    if block.words > rules.caption_max_words:
        return False
    # only the nearest ancestors: a "has-caption" class on a page wrapper says nothing
    if block.tag == "figure" or any(sig.matches(rules.caption, el) for el in chain[:3]):
        return True
    if sig.first_match(chain, rules.boilerplate) is not None:
        return False
    return (not body or block.words <= 30) and any_match(rules.caption_text, block.flat) is not None


def _is_boilerplate_text(block: Block, rules: Rules) -> bool:
    return block.words <= rules.boilerplate_max_words and bool(
        any_match(rules.boilerplate_text, block.flat)
    )


def _in_boilerplate(block: Block, sig: Signals, rules: Rules) -> bool:
    """Inside a share bar, newsletter box, related-links list (by class/id, nearby)."""
    chain = sig.chains[block.index][:BOILERPLATE_DEPTH]
    return any(sig.matches(rules.boilerplate, el) for el in chain)


def classify(blocks: Sequence[Block], sig: Signals, rules: Rules) -> None:
    """Set ``kind`` (and comment ``unit``/``author``) on every block."""
    units = header_units(sig, rules)
    roots = marker_regions(sig, rules) | heading_regions(sig, rules) | set(units)
    for block, chain in zip(blocks, sig.chains, strict=True):
        body = sig.in_body[block.index]
        if any(el in roots for el in chain):
            block.kind = "comment"
        elif _is_caption(block, sig, rules, body):
            block.kind = "caption"
        elif body:
            # boilerplate classes are not trusted against trafilatura here: wrappers
            # such as "story-header" or "promo-body" hold main text (F1 0.953 -> 0.931)
            block.kind = "boilerplate" if _is_boilerplate_text(block, rules) else "body"
        elif sig.in_comments[block.index] and not _in_boilerplate(block, sig, rules):
            block.kind = "comment"
        else:
            block.kind = "boilerplate"
    recover_dropped_prose(blocks, sig, rules)
    assign_comment_units(blocks, sig, rules, units)


def _is_prose(block: Block) -> bool:
    return block.words >= MIN_RECOVER_WORDS and bool(_SENTENCE_END.search(block.flat))


def _signature(el: etree._Element | None) -> tuple[str, str] | None:
    """Tag and class of a container; None when it has no class to tell it apart."""
    if el is None or not (el.get("class") or "").strip():
        return None
    return tag_of(el), " ".join(sorted((el.get("class") or "").split()))


def recover_dropped_prose(blocks: Sequence[Block], sig: Signals, rules: Rules) -> None:
    """Take back prose that trafilatura dropped: paragraphs between main-text blocks in
    the same container, or in another container of the same tag and class (sites that
    cut a story into several "article-body" chunks)."""
    body = [b for b in blocks if b.kind == "body"]
    if not body:
        return
    lo, hi = body[0].index, body[-1].index
    parents = {b.owner.getparent() for b in body}
    kinds = {_signature(b.owner.getparent()) for b in body} - {None}
    for block in blocks:
        if block.kind != "boilerplate" or not _is_prose(block):
            continue
        parent = block.owner.getparent()
        same_parent = lo < block.index < hi and parent in parents
        if not (same_parent or _signature(parent) in kinds):
            continue
        if sig.first_match(sig.chains[block.index], rules.boilerplate) is None:
            block.kind = "body"


def assign_comment_units(
    blocks: Sequence[Block], sig: Signals, rules: Rules, units: dict[etree._Element, str | None]
) -> None:
    """Group comment blocks by the comment they belong to and find its author."""
    authors: dict[etree._Element, str | None] = dict(units)
    for block in blocks:
        if block.kind != "comment":
            continue
        chain = sig.chains[block.index]
        unit = next((el for el in chain if el in units), None)
        unit = unit if unit is not None else sig.first_match(chain, rules.comment_item)
        block.unit = unit
        if unit is not None and unit not in authors:
            authors[unit] = find_author(unit, rules)
        block.author = authors.get(unit) if unit is not None else None


def find_author(unit: etree._Element, rules: Rules) -> str | None:
    """The commenter's name: an author-classed element inside the comment, or a header."""
    for el in unit.iter():
        if el is unit or not isinstance(el.tag, str) or not rules.comment_author.matches(el):
            continue
        text = " ".join("".join(el.itertext()).split())
        found = any_match(rules.comment_header, text)
        name = _clean_author(found.groupdict().get("author") if found else text)
        if name:
            return name
    return None
