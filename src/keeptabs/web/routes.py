"""The page routes: HTML views, and every list also as .json, .csv, .jsonl and .parquet
(claims also as HXL, ClaimReview and PROV), with the facets of the query string."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from keeptabs.web.downloads import CLAIMS_ONLY, DOWNLOADS, download
from keeptabs.web.pages import (
    LISTS,
    claim_page,
    document_page,
    finding_page,
    framing_page,
    list_page,
    list_rows,
    overview_page,
    search_page,
    series_page,
)
from keeptabs.web.render import Linker
from keeptabs.web.state import Answer, app_state
from keeptabs.web.view import LedgerView

page_router = APIRouter(include_in_schema=False)
LINKER = Linker()
HTML = "text/html; charset=utf-8"


def _answer(request: Request, make: Callable[[LedgerView], Answer]) -> Response:
    state = app_state(request)
    key = str(request.url.path) + "?" + str(request.url.query)
    answer = state.cached(key, lambda: make(state.view()))
    return Response(answer.body, media_type=answer.media_type, headers=dict(answer.headers))


def _html(text: str) -> Answer:
    return Answer(text.encode("utf-8"), HTML)


@page_router.get("/")
def overview(request: Request) -> Response:
    return _answer(request, lambda view: _html(overview_page(view, LINKER)))


@page_router.get("/search")
def search(request: Request, q: str = "") -> Response:
    return _answer(request, lambda view: _html(search_page(view, LINKER, q)))


@page_router.get("/framing")
def framing(request: Request) -> Response:
    return _answer(request, lambda view: _html(framing_page(view, LINKER)))


def _list_route(kind: str) -> None:
    def html(request: Request, page: int = Query(1, ge=1)) -> Response:
        query = dict(request.query_params)
        return _answer(request, lambda view: _html(list_page(view, LINKER, kind, query, page=page)))

    def data(request: Request, fmt: str) -> Response:
        if fmt not in DOWNLOADS or (fmt in CLAIMS_ONLY and kind != "claims"):
            raise HTTPException(404, f"No {kind} download as '{fmt}'. Try .json or .csv.")
        query = dict(request.query_params)
        return _answer(request, lambda view: download(kind, fmt, list_rows(view, kind, query)))

    page_router.add_api_route(f"/{kind}", html, methods=["GET"], name=f"{kind}_page")
    page_router.add_api_route(f"/{kind}.{{fmt}}", data, methods=["GET"], name=f"{kind}_download")


for _kind in LISTS:
    _list_route(_kind)


@page_router.get("/documents/{doc_id}")
def document(request: Request, doc_id: str) -> Response:
    return _answer(request, lambda view: _html(document_page(view, LINKER, doc_id)))


@page_router.get("/claims/{claim_id}")
def claim(request: Request, claim_id: str) -> Response:
    return _answer(request, lambda view: _html(claim_page(view, LINKER, claim_id)))


@page_router.get("/series/{series_id}")
def series(request: Request, series_id: str) -> Response:
    return _answer(request, lambda view: _html(series_page(view, LINKER, series_id)))


@page_router.get("/findings/{finding_id}")
def finding(request: Request, finding_id: str) -> Response:
    return _answer(request, lambda view: _html(finding_page(view, LINKER, finding_id)))
