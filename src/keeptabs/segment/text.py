"""Plain text -> headline | body | caption | comment | boilerplate segments.

A cascade, cheapest evidence first:

1. Each non-blank line is a block.  Boilerplate and caption blocks are recognised by
   web-chrome patterns kept as data (``data/text_markers.json``).
2. The headline is the given title, or the first short title-like block near the top.
3. Where editorial text ends is a change point: every remaining block gets a
   comment score from general signals (comment headers, names on a line of their own,
   first and second person outside quotes, questions, insults and informal register)
   against editorial signals (attribution verbs, datelines); the comment section
   starts where the sum of scores over the rest of the document is highest, if that
   sum is convincing.  No single article's strings are needed.
4. Blocks are widened to tile the text (whitespace joins the block before it) and
   neighbours of one kind and author are merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from keeptabs.extract.sentences import sentence_spans
from keeptabs.segment.markers import (
    TextMarkers,
    any_matches,
    count_hits,
    load_text_markers,
    matches_any,
)
from keeptabs.types import Segment, SegmentKind

# A headline is short: news titles run 20-120 characters; 200 allows long wire titles.
MAX_MARKER_LINE = 400  # longer lines are prose: markers judge their sentences, not them
MAX_HEADLINE_CHARS = 200
MIN_HEADLINE_WORDS = 3
# The headline sits in the first few blocks, after at most a line or two of site chrome.
HEADLINE_SEARCH_BLOCKS = 7
HEADLINE_FULL_WORDS = 15  # past this length a line is no more headline-like
MASTHEAD_WORDS = 4  # site names and taglines are this short; headlines rarely are
MASTHEAD_PENALTY = 4.0
# Comment scores.  A header ("NAME says", "• NAME") is near-certain; a name alone on a line
# is good evidence; each informal signal in a text block is weaker, editorial cues pull back.
HEADER_SCORE = 3.0
NAME_LINE_SCORE = 1.2
SIGNAL_SCORE = 0.8
MAX_SIGNAL_SCORE = 2.4  # one rant full of "I" and "?" must not outweigh several blocks
EDITORIAL_SCORE = -0.9
MAX_EDITORIAL_SCORE = -1.8
BLOCK_PRIOR = -0.3  # a block with no evidence leans editorial: bodies come first
# The tail must add up to this much comment evidence: about one header plus a reply,
# or three informal blocks.  Lower lets a body's closing question start a comment section.
MIN_COMMENT_EVIDENCE = 2.0
MIN_PROSE_WORDS = 6  # shorter lines on web pages are menus and labels, whatever their tone
MIN_PROSE_COMMENTS = 2  # one chatty block after an article is not yet a comment section
FOOTER_SCORE = -3.0  # "About us", "Privacy policy": a comment section has ended
MAX_NAME_CHARS = 40
MAX_NAME_WORDS = 4
_NAME_PARTICLES = frozenset({"jr", "sr", "de", "van", "von", "al", "el", "bin", "da", "le", "la"})
_FUNCTION_WORDS = frozenset(
    "the a an of in on to and or for with from by at is are was were be this that it its "
    "as not but has have had will would".split()  # never part of a person's name
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’]{12,}’")
_SAYS_SUFFIX = re.compile(r"\s+(says|said|wrote|writes|replied|replies)\s*:?$", re.IGNORECASE)
_LEADING_MARKS = re.compile(r"^[^\w]+|^\d+[.)]\s*")  # bullets and list numbers before a name
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+", re.UNICODE)


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    text: str
    kind: SegmentKind | None = None
    author: str | None = None
    score: float = 0.0
    header: bool = False


def segment_text(text: str, *, title: str | None = None) -> tuple[Segment, ...]:
    """Segment plain ``text``; ``title``, when known, pins the headline."""
    blocks = _split_blocks(text)
    if not blocks:
        return (Segment("boilerplate", 0, len(text)),) if text else ()
    markers = load_text_markers()
    blocks = [part for block in blocks for part in _without_furniture(text, block, markers)]
    for block in blocks:
        if block.kind is None and len(block.text) <= MAX_MARKER_LINE:
            block.kind = _fixed_kind(block.text, markers)  # longer ones were judged above
    first_body = _mark_headline(blocks, title) + 1
    _mark_comments(blocks, first_body, markers)
    for block in blocks:
        block.kind = block.kind or "body"
    return _tile(text, blocks)


def _split_blocks(text: str) -> list[_Block]:
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            blocks.append(_Block(start, start + len(stripped), stripped))
    return blocks


def _without_furniture(text: str, block: _Block, markers: TextMarkers) -> list[_Block]:
    """A long line holding a whole article (a corpus cell, a page flattened to one line)
    with the site's furniture run into it ("... he said. Contact Us Terms of Use"): the
    sentences that match a boilerplate marker are boilerplate, the rest stays a block."""
    if len(block.text) <= MAX_MARKER_LINE:
        return [block]
    tail: list[_Block] = []
    page_end = min(
        (
            found.start()
            for p in markers.page_end
            if (found := p.search(text, block.start, block.end))
        ),
        default=None,
    )
    if page_end is not None and page_end > block.start:
        # "... the monitor said. Source: TRT World Related News ...": the rest is furniture
        tail = [_Block(page_end, block.end, text[page_end : block.end], "boilerplate")]
        head = text[block.start : page_end].rstrip()
        block = _Block(block.start, block.start + len(head), head)
    if not any_matches(markers.boilerplate, block.text):
        return [block, *tail]
    parts: list[_Block] = []
    for start, end in sentence_spans(text, block.start, block.end):
        furniture = any_matches(markers.boilerplate, text[start:end])
        if parts and not furniture and parts[-1].kind is None:
            parts[-1].end, parts[-1].text = end, text[parts[-1].start : end]
            continue
        parts.append(_Block(start, end, text[start:end], "boilerplate" if furniture else None))
    return [*parts, *tail]


def _fixed_kind(line: str, markers: TextMarkers) -> SegmentKind | None:
    if any_matches(markers.boilerplate, line):
        return "boilerplate"
    if len(line) <= MAX_MARKER_LINE and any_matches(markers.caption, line):
        return "caption"
    return None


def _mark_headline(blocks: list[_Block], title: str | None) -> int:
    """Mark the headline block (and the masthead above it); return its index or -1.

    With a known title, the block that repeats it.  Otherwise the most title-like
    block among the first few, before the first full paragraph: site names, taglines
    and navigation above it are masthead boilerplate.
    """
    candidates: list[tuple[float, int]] = []
    for index, block in enumerate(blocks[:HEADLINE_SEARCH_BLOCKS]):
        if block.kind is not None:
            continue
        if title is not None:
            if _same_title(block.text, title):
                block.kind = "headline"
                return index
            continue
        if _is_paragraph(block.text) or block.text.endswith("."):
            break  # body prose has begun; a headline comes before it
        if _looks_like_headline(block.text):
            candidates.append((_headline_score(block.text), index))
    if not candidates:
        return -1
    _score, chosen = max(candidates, key=lambda pair: (pair[0], -pair[1]))
    blocks[chosen].kind = "headline"
    for block in blocks[:chosen]:
        block.kind = block.kind or "boilerplate"
    return chosen


def _is_paragraph(line: str) -> bool:
    """Body prose: long, or several sentences ending in a full stop."""
    sentences = len(re.split(r"(?<=[.!?])\s+(?=[A-Z])", line))
    return len(line) > MAX_HEADLINE_CHARS or (sentences > 1 and line.endswith("."))


def _headline_score(line: str) -> float:
    """Longer lines read more like headlines, up to a point; site names and sentences less."""
    words = line.split()
    score = float(min(len(words), HEADLINE_FULL_WORDS))
    if len(words) <= MASTHEAD_WORDS or line.isupper():
        score -= MASTHEAD_PENALTY  # "The Harbour Courier", "VALDREN DAILY"
    return score


def _same_title(line: str, title: str) -> bool:
    def fold(value: str) -> str:
        return " ".join(value.casefold().split())

    return fold(line).startswith(fold(title)[:MAX_HEADLINE_CHARS])


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if len(line) > MAX_HEADLINE_CHARS or len(words) < MIN_HEADLINE_WORDS:
        return False
    return not line.endswith((":", ",", ";")) and not _is_paragraph(line)


def _mark_comments(blocks: list[_Block], first_body: int, markers: TextMarkers) -> None:
    scored = [i for i in range(first_body, len(blocks)) if blocks[i].kind is None]
    if len(scored) < 2:
        return  # a comment section needs an editorial block before it
    for index in scored:
        _score_block(blocks[index], markers)
    found = _comment_range([blocks[i].score for i in scored], to_end=True)
    if found is None or found[0] == 0:
        return  # no comment section, or nothing editorial before it
    _label_comments([blocks[i] for i in scored[found[0] : found[1]]])


def _label_comments(blocks: list[_Block]) -> None:
    """Comment kind for each block; a header's author carries to the replies below it."""
    author: str | None = None
    for block in blocks:
        author = block.author if block.header and block.author else author
        block.kind, block.author = "comment", author


def _comment_range(scores: Sequence[float], *, to_end: bool) -> tuple[int, int] | None:
    """The run of blocks whose comment scores add up most, if the sum is convincing.

    ``to_end``: the run must reach the last block (plain text, where footers are already
    set aside); otherwise it may stop earlier (HTML, where unknown footers follow).
    """
    best: tuple[int, int] | None = None
    best_sum = MIN_COMMENT_EVIDENCE
    for end in [len(scores)] if to_end else range(len(scores), 0, -1):
        running = 0.0
        for start in range(end - 1, -1, -1):
            running += scores[start]
            if running >= best_sum:
                best, best_sum = (start, end), running
    return best


def find_comment_tail(texts: Sequence[str]) -> list[tuple[bool, str | None]]:
    """Which of ``texts`` (blocks after the last editorial one, which comes first) are
    reader comments with no markup to say so, and who wrote each: ``(is_comment, author)``.

    Web pages end in menus of short Title Case links that read like names, so here only
    prose counts as evidence, and at least two prose blocks must read like comments.
    """
    markers = load_text_markers()
    blocks = [_text_block(text, markers) for text in texts]
    found = _comment_range([b.score for b in blocks[1:]], to_end=False)
    if found is not None:
        start, end = found[0] + 1, found[1] + 1
        voiced = [b for b in blocks[start:end] if matches_any(markers.reader_voice, b.text)]
        if len(voiced) >= MIN_PROSE_COMMENTS:
            if start > 1 and blocks[start - 1].header:
                start -= 1  # the commenter's name just above the first comment
            _label_comments(blocks[start:end])
    return [(block.kind == "comment", block.author) for block in blocks]


def _text_block(text: str, markers: TextMarkers) -> _Block:
    """A block of one or more lines: a name on the first line heads the rest."""
    lines = [line.strip() for line in text.split("\n") if line.strip()] or [""]
    block = _Block(0, len(text), " ".join(lines))
    if _fixed_kind(" ".join(lines), markers) == "boilerplate":
        block.score = FOOTER_SCORE
        return block
    first = _Block(0, 0, lines[0])
    _score_block(first, markers)
    block.score, block.header, block.author = first.score, first.header, first.author
    if len(lines) > 1:
        rest = _Block(0, 0, " ".join(lines[1:]))
        _score_block(rest, markers)
        block.score = rest.score + (HEADER_SCORE if block.score >= HEADER_SCORE else 0.0)
        block.header = block.header and bool(block.author)
    elif block.score < HEADER_SCORE and len(lines[0].split()) < MIN_PROSE_WORDS:
        block.score = BLOCK_PRIOR  # a lone short line: a name, or just a menu link
    return block


def _score_block(block: _Block, markers: TextMarkers) -> None:
    header = matches_any(markers.comment_header, block.text)
    if header:
        author = _clean_author(header.groupdict().get("author"))
        if author is not None or "author" not in header.groupdict():
            block.header, block.author, block.score = True, author, HEADER_SCORE
            return
    if _looks_like_name(block.text):
        block.header, block.author, block.score = True, block.text, NAME_LINE_SCORE
        return
    unquoted = _QUOTED.sub(" ", block.text)
    informal = min(MAX_SIGNAL_SCORE, SIGNAL_SCORE * count_hits(markers.comment_words, unquoted))
    editorial = max(
        MAX_EDITORIAL_SCORE, EDITORIAL_SCORE * count_hits(markers.editorial_words, unquoted)
    )
    block.score = BLOCK_PRIOR + informal + editorial


def _clean_author(author: str | None) -> str | None:
    if author is None:
        return None
    author = _SAYS_SUFFIX.sub("", _LEADING_MARKS.sub("", author.strip()))
    return author if _looks_like_name(author) else None


def _looks_like_name(line: str) -> bool:
    """A person's name or a user handle alone on a line: "Monte George Jr", "archie1954"."""
    if not line or len(line) > MAX_NAME_CHARS or line[-1] in ".:;,!?\"”'’)":
        return False
    words = _WORD.findall(line)
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(words) != len(line.split()):
        return False
    if any(word.casefold() in _FUNCTION_WORDS for word in words) or words[0].isdigit():
        return False
    capitalised = all(w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in words)
    handle = len(words) == 1 and any(ch.isdigit() for ch in words[0])
    lowercase_pair = len(words) == 2 and all(w.isalpha() and w.islower() for w in words)
    return capitalised or handle or lowercase_pair


def _tile(text: str, blocks: list[_Block]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for index, block in enumerate(blocks):
        start = 0 if index == 0 else block.start
        end = blocks[index + 1].start if index + 1 < len(blocks) else len(text)
        kind: SegmentKind = block.kind or "body"
        previous = segments[-1] if segments else None
        if previous and previous.kind == kind and previous.author == block.author:
            segments[-1] = Segment(kind, previous.start, end, previous.author)
        else:
            segments.append(Segment(kind, start, end, block.author))
    return tuple(segments)
