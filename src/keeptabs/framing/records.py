"""Framing as plain records for ``--json`` and as a plain-text table per outlet."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from keeptabs.framing.lexicon import Lexicon, load_lexicon
from keeptabs.framing.outlets import OutletFraming, outlet_framing
from keeptabs.framing.terms import (
    SCARE_QUOTES,
    Term,
    claim_framing,
    count_words,
    document_framing,
    editorial_spans,
)
from keeptabs.reconcile.findings import claim_brief
from keeptabs.types import Claim, Document, Segment

# The table's columns: header, category, label (None: the whole category).  Headers are
# short so that fifteen columns fit a wide terminal; TABLE_LEGEND spells them out.
TABLE_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("milit", "opposition", "militants"),
    ("terr", "opposition", "terrorists"),
    ("rebel", "opposition", "rebels"),
    ("oppos", "opposition", "opposition"),
    ("jihad", "opposition", "jihadists"),
    ("regime", "government", "regime"),
    ("govt", "government", "government"),
    ("army", "government", "Syrian army"),
    ("liber", "territory", "liberate"),
    ("capt", "territory", "capture"),
    ("seize", "territory", "seize"),
    ("claim", "attribution_distancing", None),
    ("confm", "attribution_endorsing", None),
    ("hedge", "hedges", None),
    ("scare", SCARE_QUOTES, None),
)
TABLE_LEGEND = (
    "Rates per 1,000 words of headline and body. milit/terr/rebel/oppos/jihad: militants, "
    "terrorists, rebels, opposition, jihadists; regime/govt/army: regime, government, Syrian "
    "army; liber/capt/seize: liberate, capture, seize (all forms); claim: distancing "
    "attribution (claim, allege, insist); confm: endorsing attribution (confirm, "
    "acknowledge, reveal, admit); hedge: so-called, reportedly, possibly ...; scare: scare quotes."
)
OUTLET_WIDTH = 16  # outlet names past this are cut: the table must stay readable


def term_record(term: Term) -> dict[str, Any]:
    """``term`` as JSON: category, label, the words as written, span, target if any."""
    record: dict[str, Any] = {
        "category": term.category,
        "label": term.label,
        "text": term.text,
        "start": term.start,
        "end": term.end,
    }
    if term.target is not None:
        record["target"] = term.target
    return record


def label_counts(terms: Iterable[Term]) -> dict[str, dict[str, int]]:
    """How often each label of each category occurs in ``terms`` (a document's, a
    claim's, or the claims of a series)."""
    counts: dict[str, dict[str, int]] = {}
    for term in terms:
        labels = counts.setdefault(term.category, {})
        labels[term.label] = labels.get(term.label, 0) + 1
    return counts


def outlet_record(framing: OutletFraming, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """An outlet's framing as JSON: documents, words, per category and per label the
    count and rate per 1,000 words, and examples (document, span, snippet)."""
    names = names or {}
    categories = {
        category: {"count": framing.count(category), "rate": framing.rate(category)}
        for category in dict.fromkeys(tally.category for tally in framing.labels)
    }
    return {
        "outlet": framing.outlet,
        "documents": framing.documents,
        "words": framing.words,
        "categories": categories,
        "labels": [
            {
                "category": tally.category,
                "label": tally.label,
                "count": tally.count,
                "documents": tally.documents,
                "rate": tally.rate,
                "examples": [
                    {
                        "doc": names.get(example.doc_id, example.doc_id),
                        "start": example.start,
                        "end": example.end,
                        "text": example.text,
                        "snippet": example.snippet,
                    }
                    for example in tally.examples
                ],
            }
            for tally in framing.labels
        ],
    }


def document_record(
    document: Document,
    segments: Sequence[Segment] | None = None,
    *,
    name: str | None = None,
    lexicon: Lexicon | None = None,
) -> dict[str, Any]:
    """A document's framing as JSON: its words (headline and body) and terms."""
    spans = editorial_spans(document.text, segments)
    terms = document_framing(document.text, segments, lexicon=lexicon)
    return {
        "doc": name or document.id,
        "outlet": document.outlet,
        "words": sum(count_words(document.text[start:end]) for start, end in spans),
        "counts": label_counts(terms),
        "terms": [term_record(term) for term in terms],
    }


def claim_record(
    claim: Claim, text: str, *, name: str | None = None, lexicon: Lexicon | None = None
) -> dict[str, Any]:
    """A claim (as findings show it) with the framing terms of its sentence."""
    return {
        **claim_brief(claim, name),
        "terms": [term_record(term) for term in claim_framing(text, claim, lexicon=lexicon)],
    }


def framing_records(
    documents: Sequence[Document],
    claims: Iterable[Claim] = (),
    *,
    segments: Mapping[str, Sequence[Segment]] | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Everything ``keeptabs framing --json`` prints: ``outlets`` (see
    :func:`outlet_record`), ``documents`` (see :func:`document_record`) and ``claims``
    (each claim with the terms of its sentence).  ``segments`` maps document ids to
    their segments (without them whole texts count); ``names`` shows document ids."""
    names = names or {}
    lexicon = load_lexicon()
    texts = {document.id: document.text for document in documents}
    framings = outlet_framing(documents, segments, lexicon=lexicon)
    return {
        "outlets": [outlet_record(framing, names) for framing in framings],
        "documents": [
            document_record(
                document,
                segments.get(document.id) if segments is not None else None,
                name=names.get(document.id),
                lexicon=lexicon,
            )
            for document in documents
        ],
        "claims": [
            claim_record(claim, texts[claim.doc_id], name=names.get(claim.doc_id), lexicon=lexicon)
            for claim in claims
            if claim.doc_id in texts
        ],
    }


def render_table(
    framings: Sequence[OutletFraming],
    *,
    columns: Sequence[tuple[str, str, str | None]] = TABLE_COLUMNS,
    legend: bool = True,
) -> str:
    """Outlets as rows, ``columns`` as rates per 1,000 words; plain text."""
    widths = [max(len(header), 5) for header, _, _ in columns]
    head = f"{'outlet':<{OUTLET_WIDTH}} {'docs':>5} {'words':>7}"
    lines = [head + "".join(f" {h:>{w}}" for (h, _, _), w in zip(columns, widths, strict=True))]
    for framing in framings:
        cells = "".join(
            f" {framing.rate(category, label):>{width}.2f}"
            for (_, category, label), width in zip(columns, widths, strict=True)
        )
        name = framing.outlet[:OUTLET_WIDTH]
        lines.append(f"{name:<{OUTLET_WIDTH}} {framing.documents:>5} {framing.words:>7}{cells}")
    if legend:
        lines += ["", TABLE_LEGEND]
    return "\n".join(lines)
