"""Claims: each number phrase that counts something, with the frame around it.

Only paragraphs that hold a claim-kind number are parsed with spaCy, in one batch;
every other stage works on their sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Span

from keeptabs.extract.attribution import Attribution, SourceMemory, attribute, remember_sources
from keeptabs.extract.casing import proper_names, sentence_case
from keeptabs.extract.frame import counted_noun, governing_action, number_token
from keeptabs.extract.nlp import load_nlp
from keeptabs.extract.numbers import find_numbers
from keeptabs.extract.places import find_place
from keeptabs.extract.time import find_period
from keeptabs.types import Claim, Quantity, Segment

DEFAULT_COUNTED = "people"  # "75,000 liberated", "around 2.5 million": news counts people
# Words that open a subset of the figure just given: "including 2,934 children".
_SUBSET_CUE = re.compile(
    r"(?:\bincluding|\bamong (?:them|whom|those)|\bof (?:whom|them|which)|\bamong)"
    r"\s+(?:some\s+|about\s+|at least\s+)?$",
    re.IGNORECASE,
)
# Between two parts of one list: "162 residential blocks and 11 kilometers".
_LIST_JOIN = re.compile(r"^[^.;:()\d]{0,40}?(?:,|\band)\s*$")
# Bare words that read as a number but rarely count anything in news ("one final lie").
_WEAK_NUMBER_WORDS = frozenset({"one", "a", "an"})
_PART_ACTIONS = frozenset({"include", "be"})  # a subset takes the action of its whole


@dataclass(slots=True)
class _Paragraph:
    start: int
    end: int
    segment: Segment
    quantities: list[Quantity]


def extract_claims(
    text: str, segments: Sequence[Segment], *, doc_id: str, nlp: Language | None = None
) -> list[Claim]:
    """Every claim in ``text``; ``segments`` tile it (boilerplate is skipped)."""
    paragraphs = list(_paragraphs_with_numbers(text, segments))
    if not paragraphs:
        return []
    nlp = nlp or load_nlp()
    memory = SourceMemory()
    claims: list[Claim] = []
    names = proper_names(text)
    texts = (sentence_case(text[p.start : p.end], names) for p in paragraphs)
    for paragraph, doc in zip(paragraphs, nlp.pipe(texts), strict=True):
        for sentence in doc.sents:
            claims.extend(_sentence_claims(sentence, paragraph, doc_id, memory, claims))
            remember_sources(sentence, memory)
    return claims


def _paragraphs_with_numbers(text: str, segments: Sequence[Segment]) -> Iterator[_Paragraph]:
    starts = [segment.start for segment in segments]
    by_line: dict[tuple[int, int], _Paragraph] = {}
    for quantity in find_numbers(text):
        if not quantity.is_claim_kind or quantity.text.lower() in _WEAK_NUMBER_WORDS:
            continue
        segment = segments[bisect.bisect_right(starts, quantity.start) - 1] if segments else None
        if segment is None or segment.kind == "boilerplate":
            continue
        line_start = max(text.rfind("\n", segment.start, quantity.start) + 1, segment.start)
        line_end = text.find("\n", quantity.end, segment.end)
        key = (line_start, segment.end if line_end == -1 else line_end)
        paragraph = by_line.setdefault(key, _Paragraph(key[0], key[1], segment, []))
        paragraph.quantities.append(quantity)
    yield from sorted(by_line.values(), key=lambda p: p.start)


def _sentence_claims(
    sentence: Span, paragraph: _Paragraph, doc_id: str, memory: SourceMemory, earlier: list[Claim]
) -> Iterator[Claim]:
    made: list[Claim] = []
    for quantity in paragraph.quantities:
        local = _shift(quantity, -paragraph.start)
        if not sentence.start_char <= local.start < sentence.end_char:
            continue
        same_paragraph = [c for c in earlier[-3:] if c.start >= paragraph.start]
        claim = _frame_claim(sentence, local, paragraph, doc_id, memory, made or same_paragraph)
        made.append(claim)
    yield from _link_parts(sentence, paragraph.start, made)


def _frame_claim(
    sentence: Span,
    quantity: Quantity,
    paragraph: _Paragraph,
    doc_id: str,
    memory: SourceMemory,
    before: Sequence[Claim],
) -> Claim:
    token = number_token(sentence, quantity)
    counted: str | None = None
    action = place = None
    if token is not None:
        counted, counted_token = counted_noun(token, quantity)
        action, verb = governing_action(counted_token)
        scope = list(verb.subtree) if verb is not None else list(sentence)
        place = find_place(sentence, scope, token.i)
    if counted is None:
        countable = [c for c in before if c.kind in {"count", "vague", "range"}]
        counted = countable[-1].counted if countable else DEFAULT_COUNTED
    attribution = (
        attribute(sentence, token, memory, headline=paragraph.segment.kind == "headline")
        if token is not None
        else None
    )
    if attribution is None and paragraph.segment.kind == "comment" and paragraph.segment.author:
        attribution = Attribution(paragraph.segment.author, None)
    offset = paragraph.start
    return Claim(
        doc_id=doc_id,
        section=paragraph.segment.kind,
        start=quantity.start + offset,
        end=quantity.end + offset,
        number_text=quantity.text,
        quote=sentence.text.strip(),
        value=quantity.value,
        lower=quantity.lower,
        upper=quantity.upper,
        qualifier=quantity.qualifier,
        kind=quantity.kind,
        unit=quantity.unit,
        counted=counted,
        action=action,
        place=place,
        period=find_period(sentence.text, quantity.start - sentence.start_char),
        source=attribution.source if attribution else None,
        source_org=attribution.source_org if attribution else None,
    )


def _shift(quantity: Quantity, delta: int) -> Quantity:
    from dataclasses import replace

    return replace(quantity, start=quantity.start + delta, end=quantity.end + delta)


def _link_parts(sentence: Span, offset: int, claims: list[Claim]) -> list[Claim]:
    """Mark subsets ("including 2,934 children") with the value of their whole."""
    text = sentence.doc.text
    linked: list[Claim] = []
    whole: Claim | None = None
    for index, claim in enumerate(claims):
        local_start = claim.start - offset
        before = text[sentence.start_char : local_start]
        in_parentheses = before.rstrip().endswith("(")
        is_part = bool(_SUBSET_CUE.search(before)) or (
            index > 0
            and linked[-1].part_of is not None
            and bool(_LIST_JOIN.match(text[linked[-1].end - offset : local_start]))
        )
        if is_part and whole is not None:
            claim = _as_part(claim, whole)
        elif not in_parentheses:
            whole = claim
        linked.append(claim)
    return linked


def _as_part(claim: Claim, whole: Claim) -> Claim:
    from dataclasses import replace

    return replace(
        claim,
        part_of=whole.value,
        action=whole.action
        if claim.action in _PART_ACTIONS or claim.action is None
        else claim.action,
        place=claim.place or whole.place,
        source=claim.source or whole.source,
        source_org=claim.source_org or whole.source_org,
    )
