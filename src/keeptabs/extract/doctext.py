"""Per-Doc caches: the joined text and the entity spans.

``Doc.text`` and ``Doc.ents`` rebuild their result on every call; the frame readers ask
for them once per claim, so each is computed once per Doc and kept in ``user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_TEXT = "keeptabs.text"
_ENTS = "keeptabs.ents"
_LABELS = "keeptabs.labels"
_RECASED = "keeptabs.recased"


def doc_text(doc: Doc) -> str:
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def with_text(doc: Doc, text: str, *, recased: tuple[tuple[int, int], ...] = ()) -> Doc:
    """``doc``, told the text it was made from (``Doc.text`` would rebuild it) and the
    character ranges of Title Case headlines in it that were sentence-cased for the parser."""
    doc.user_data[_TEXT] = text
    if recased:
        doc.user_data[_RECASED] = recased
    return doc


def is_recased(doc: Doc, char: int) -> bool:
    """Whether the character at ``char`` is in a Title Case text that lost its capitals."""
    ranges: tuple[tuple[int, int], ...] = doc.user_data.get(_RECASED, ())
    return any(start <= char < end for start, end in ranges)


def span_text(span: Span) -> str:
    """``span.text`` without rebuilding it from the tokens on every call."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def remember_entities(doc: Doc, spans: list[Span]) -> None:
    """Keep ``spans`` as the Doc's entities (``doc.ents`` itself is left unset: its
    setter costs more than all the rule labelling)."""
    doc.user_data[_ENTS] = tuple(spans)
    doc.user_data[_LABELS] = {i: span.label_ for span in spans for i in range(span.start, span.end)}


def entity_label(token: Token) -> str:
    """The label of the entity ``token`` belongs to, or ``""``."""
    labels: dict[int, str] | None = token.doc.user_data.get(_LABELS)
    if labels is None:
        return token.ent_type_
    return labels.get(token.i, "")


def entities_of(doc: Doc) -> tuple[Span, ...]:
    found: tuple[Span, ...] | None = doc.user_data.get(_ENTS)
    if found is None:
        found = doc.user_data[_ENTS] = tuple(doc.ents)
    return found


def entities_in(span: Span) -> list[Span]:
    """The entities inside ``span`` (a sentence or a phrase)."""
    return [ent for ent in entities_of(span.doc) if span.start <= ent.start and ent.end <= span.end]


def proper_name(last: Token) -> Span:
    """The proper name whose last word is ``last``, with the proper nouns compounded
    before it ("Jowan Ibrahim", "Tal Abyad")."""
    doc, start = last.doc, last.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return doc[start : last.i + 1]
