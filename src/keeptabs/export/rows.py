"""Flat records of claims and documents, the rows every export format writes.

A claim row is :func:`keeptabs.report.records.claim_record` plus the claim's id, its
document's title, outlet, url and publication date, and the person's review if any.
Raw bytes never reach a row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from keeptabs.extract.sentences import claim_sentence
from keeptabs.report.records import CLAIM_FIELDS, claim_record
from keeptabs.types import Claim, Document, Review

REVIEWED = "reviewed"
UNREVIEWED = "unreviewed"

CLAIM_ROW_FIELDS: tuple[str, ...] = (
    "id",
    "doc_id",
    *CLAIM_FIELDS,
    "title",
    "outlet",
    "url",
    "published",
    "review_rating",
    "review_author",
    "review_date",
    "status",
)

DOCUMENT_ROW_FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "title",
    "outlet",
    "url",
    "published",
    "media_type",
    "claims",
    "chars",
)


def doc_name(document: Document) -> str:
    """The short name a person knows a document by: its file name, or for a corpus row
    (``corpus.csv#unit_id``) the part after the last slash."""
    return (
        Path(document.path).name if "#" not in document.path else document.path.rsplit("/", 1)[-1]
    )


def claim_rows(
    documents: Iterable[Document], claims: Iterable[Claim], reviews: Iterable[Review] = ()
) -> list[dict[str, Any]]:
    """One flat record per claim, in the order given; fields :data:`CLAIM_ROW_FIELDS`."""
    by_id = {document.id: document for document in documents}
    verdicts = {review.claim_id: review for review in reviews}
    return [_claim_row(claim, by_id.get(claim.doc_id), verdicts.get(claim.id)) for claim in claims]


def _claim_row(claim: Claim, document: Document | None, review: Review | None) -> dict[str, Any]:
    name = doc_name(document) if document else claim.doc_id
    row: dict[str, Any] = {"id": claim.id, "doc_id": claim.doc_id}
    row.update(claim_record(claim, name))
    row.update(
        title=document.title if document else None,
        outlet=document.outlet if document else None,
        url=document.url if document else None,
        published=document.published if document else None,
        review_rating=review.rating if review else None,
        review_author=review.author if review else None,
        review_date=review.date if review else None,
        status=REVIEWED if review else UNREVIEWED,
    )
    return row


def document_rows(documents: Iterable[Document], claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """One flat record per document, with its number of claims; fields
    :data:`DOCUMENT_ROW_FIELDS`."""
    counts = Counter(claim.doc_id for claim in claims)
    return [
        {
            "id": document.id,
            "name": doc_name(document),
            "title": document.title,
            "outlet": document.outlet,
            "url": document.url,
            "published": document.published,
            "media_type": document.media_type,
            "claims": counts[document.id],
            "chars": len(document.text),
        }
        for document in documents
    ]


def quote_offsets(documents: Iterable[Document], claims: Iterable[Claim]) -> dict[str, int]:
    """Claim id -> where the claim's quote (its sentence) starts in the document text
    (see :func:`claim_sentence`); the number's own offset for an unknown document."""
    texts: Mapping[str, str] = {document.id: document.text for document in documents}
    return {
        claim.id: claim_sentence(texts[claim.doc_id], claim)[0]
        if claim.doc_id in texts
        else claim.start
        for claim in claims
    }
