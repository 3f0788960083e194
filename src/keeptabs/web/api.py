"""The JSON API under ``/api``: lists with facets and paging, items by id, search, and
two write endpoints (ingest a text, review a claim) that need the app's token.

Every error has one shape: ``{"ok": false, "error": "...", "status": 404}``.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from keeptabs.types import RawDocument, Review
from keeptabs.web.pages import list_rows, paged
from keeptabs.web.state import AppState, app_state
from keeptabs.web.view import LedgerView

MAX_LIMIT = 1000  # rows per API page; the list downloads (.json, .csv) give every row
DEFAULT_LIMIT = 100
MAX_TEXT_CHARS = 2_000_000  # an article sent to POST /api/documents; books are not news


class ErrorBody(BaseModel):
    ok: Literal[False] = False
    error: str
    status: int


class ItemsPage(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class Item(BaseModel):
    ok: Literal[True] = True
    item: dict[str, Any]


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="Plain text")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date, e.g. 2016-12-15")


class NewReview(BaseModel):
    rating: str = Field(min_length=1, max_length=40, examples=["misleading"])
    author: str = Field(min_length=1, max_length=200)
    date: str | None = Field(None, description="ISO date; today when left out")
    note: str | None = Field(None, max_length=4000)


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 422)
}
api_router = APIRouter(prefix="/api", tags=["ledger"], responses=ERRORS)
bearer = HTTPBearer(auto_error=False, description="The token given to `keeptabs serve --token`")

Facet = Annotated[str | None, Field(max_length=200)]


class Paging(BaseModel):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class DocumentQuery(Paging):
    outlet: Facet = None


class SeriesQuery(DocumentQuery):
    """The facets of a series (``period`` is its kind: daily, cumulative ...)."""

    place: Facet = None
    counted: Facet = None
    action: Facet = None
    source: Facet = None
    period: Facet = None
    status: Facet = None


class ClaimQuery(SeriesQuery):
    section: Facet = None


class FindingQuery(Paging):
    type: Facet = None
    detail: Facet = None
    outlet: Facet = None
    source: Facet = None


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def _view(request: Request) -> LedgerView:
    return app_state(request).view()


def _page(rows: list[dict[str, Any]], limit: int, offset: int) -> ItemsPage:
    return ItemsPage(
        total=len(rows), limit=limit, offset=offset, items=paged(rows, limit=limit, offset=offset)
    )


@api_router.get("/claims", response_model=ItemsPage)
def claims(request: Request, query: Annotated[ClaimQuery, Query()]) -> ItemsPage:
    """Claims, filtered by facets (exact, case-insensitive), a page at a time."""
    return _list(request, "claims", query)


@api_router.get("/claims/{claim_id}", response_model=Item)
def claim(request: Request, claim_id: str) -> Item:
    found = _view(request).claim(claim_id)
    if found is None:
        raise HTTPException(404, f"No claim with id '{claim_id}'.")
    return Item(item=found[1])


@api_router.get("/documents", response_model=ItemsPage)
def documents(request: Request, query: Annotated[DocumentQuery, Query()]) -> ItemsPage:
    """Documents (without their text), filtered by outlet."""
    return _list(request, "documents", query)


@api_router.get("/documents/{doc_id}", response_model=Item)
def document(request: Request, doc_id: str) -> Item:
    """A document with its text, segments and claims."""
    view = _view(request)
    found = view.documents.get(doc_id)
    if found is None:
        raise HTTPException(404, f"No document with id '{doc_id}'.")
    row = next(r for r in view.document_rows if r["id"] == doc_id)
    segments = [
        {"kind": s.kind, "start": s.start, "end": s.end, "author": s.author}
        for s in view.segments.get(doc_id, [])
    ]
    claims = [view.claim_rows[view.claim_index[c.id]] for c in view.claims_by_doc.get(doc_id, [])]
    return Item(item={**row, "text": found.text, "segments": segments, "claims": claims})


@api_router.get("/series", response_model=ItemsPage)
def series_list(request: Request, query: Annotated[SeriesQuery, Query()]) -> ItemsPage:
    """Series of figures across documents, with their reconciled (conservative) figure."""
    return _list(request, "series", query)


@api_router.get("/series/{series_id}", response_model=Item)
def series(request: Request, series_id: str) -> Item:
    """A series: its claims, origins, reconciled figures per policy and findings."""
    view = _view(request)
    found = view.series_index.get(series_id)
    if found is None:
        raise HTTPException(404, f"No series with id '{series_id}'.")
    findings = [view.finding_index[f].record for f in found.findings]
    return Item(item={"id": found.id, **found.record, "findings": findings})


@api_router.get("/findings", response_model=ItemsPage)
def findings(request: Request, query: Annotated[FindingQuery, Query()]) -> ItemsPage:
    """Findings: conflicts, agreements, shared origins and errors inside documents."""
    return _list(request, "findings", query)


@api_router.get("/findings/{finding_id}", response_model=Item)
def finding(request: Request, finding_id: str) -> Item:
    found = _view(request).finding_index.get(finding_id)
    if found is None:
        raise HTTPException(404, f"No finding with id '{finding_id}'.")
    return Item(item=found.record)


@api_router.get("/search", response_model=ItemsPage)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)],
    limit: Annotated[int, Query(ge=1, le=50)] = 50,
) -> ItemsPage:
    """Documents and claims holding every word of ``q`` (prefixes match too)."""
    hits = _view(request).search.search(q, limit=limit)
    items = [
        {
            "kind": hit.kind,
            "id": hit.id,
            "doc_id": hit.doc_id,
            "title": hit.title,
            "snippet": "".join(text for text, _ in hit.pieces),
        }
        for hit in hits
    ]
    return ItemsPage(total=len(items), limit=limit, offset=0, items=items)


def _require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> AppState:
    state = app_state(request)
    if state.token is None:
        raise HTTPException(
            403,
            "Write endpoints are off. Start the server with `keeptabs serve --token TOKEN` "
            "(or KEEPTABS_TOKEN) and send `Authorization: Bearer TOKEN`.",
        )
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), state.token.encode()):
        raise HTTPException(
            401,
            "Missing or wrong token: send `Authorization: Bearer TOKEN`.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return state


Writer = Annotated[AppState, Depends(_require_token)]


@api_router.post("/documents", response_model=Item, status_code=201)
def add_document(body: NewDocument, state: Writer) -> Item:
    """Ingest a plain-text article: segment, extract and store it (needs the token).
    ``outcome`` is ``ingested``, ``unchanged`` or ``rejected`` (with the reasons)."""
    from keeptabs.pipeline import process

    digest = hashlib.sha256(body.text.encode("utf-8")).hexdigest()[:16]
    meta = {
        "title": body.title,
        "outlet": body.outlet,
        "url": body.url,
        "published": body.published,
    }
    raw = RawDocument(
        raw=body.text.encode("utf-8"), path=f"api/{digest}.txt", meta=meta, text=body.text
    )
    result = process(raw)
    outcome = state.write(lambda store: store.save(result))
    # A rejected text is kept too, with its reason (``keeptabs rejections``): the request
    # did what it asked, and the answer says what became of the text.
    return Item(
        item={
            "id": result.document.id if result.document else None,
            "outcome": outcome,
            "claims": len(result.claims),
            "rejections": [r.message for r in result.rejections],
        }
    )


@api_router.post("/claims/{claim_id}/review", response_model=Item, status_code=201)
def review_claim(claim_id: str, body: NewReview, request: Request, state: Writer) -> Item:
    """Mark a claim reviewed, with a rating (needs the token); shown in ClaimReview."""
    if state.view().claim(claim_id) is None:
        raise HTTPException(404, f"No claim with id '{claim_id}'.")
    day = body.date or datetime.now(UTC).date().isoformat()
    review = Review(claim_id, body.rating, body.author, day, body.note)
    state.write(lambda store: store.add_review(review))
    return Item(item={"claim_id": claim_id, "rating": review.rating, "date": day})


def _list(request: Request, kind: str, query: Paging) -> ItemsPage:
    facets = query.model_dump(exclude={"limit", "offset"}, exclude_none=True)
    rows = list_rows(_view(request), kind, {k: v for k, v in facets.items() if v})
    return _page(rows, query.limit, query.offset)
