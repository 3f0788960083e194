"""The FastAPI app: server-rendered pages, list downloads and the JSON API over one ledger.

``keeptabs serve`` runs it with uvicorn on 127.0.0.1.  Every answer carries a strict
Content-Security-Policy; write endpoints answer 403 unless the app was given a token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from keeptabs.web.api import api_router, error_body
from keeptabs.web.pages import NotFound
from keeptabs.web.render import CONTENT_SECURITY_POLICY, SERVER_ONLY_POLICY, Linker, render
from keeptabs.web.routes import page_router
from keeptabs.web.state import Answer, AppState, app_state

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY + SERVER_ONLY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(db_url: str | None = None, *, token: str | None = None) -> FastAPI:
    """The app over the ledger of the database at ``db_url`` (the default store if None);
    ``token`` turns on the write endpoints for requests that bear it."""
    app = FastAPI(
        title="keeptabs",
        summary="Every figure the news reports, with who said it, about what, where and when.",
        version=_version(),
        docs_url=None,  # Swagger UI needs a CDN and inline scripts: /docs is rendered here
        redoc_url=None,
    )
    app.state.keeptabs = AppState(db_url, token=token or None)
    static = resources.files("keeptabs.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api_router)
    app.add_api_route("/docs", _api_docs, methods=["GET"], include_in_schema=False)
    app.include_router(page_router)
    app.middleware("http")(_cache_api_answers)
    app.middleware("http")(_security_headers)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(NotFound, _not_found)
    app.add_middleware(HeadAsGet)
    return app


class HeadAsGet:
    """HEAD answered as GET without the body, as HTTP asks of every GET resource (link
    checkers and uptime probes send HEAD); FastAPI's routes answer GET alone."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _api_docs(request: Request) -> Response:
    """The API reference, rendered from the OpenAPI schema (no CDN, no script)."""
    schema = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **operation}
        for path, methods in schema.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    page = render("api_docs.html", linker=Linker(), schema=schema, operations=operations)
    return HTMLResponse(page)


async def _cache_api_answers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Answers to GET /api/... kept by URL like the pages' (until a write): the ledger
    they read does not change between writes."""
    if request.method != "GET" or not request.url.path.startswith("/api/"):
        return await call_next(request)
    state = app_state(request)
    key = f"{request.url.path}?{request.url.query}"
    answer = state.answer(key)
    if answer is None:
        generation = state.generation
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        answer = Answer(body, response.headers.get("content-type", "application/json"))
        state.keep(key, answer, generation)
    return Response(answer.body, media_type=answer.media_type)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json") or path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status)
    page = render("error.html", linker=Linker(), status=status, message=message)
    return HTMLResponse(page, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = (
        str(exc.detail)
        if exc.status_code != 404 or exc.detail != "Not Found"
        else (f"Nothing at {request.url.path}. See / for the overview or /docs for the API.")
    )
    response = _error(request, exc.status_code, message)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    if exc.status_code == 405 and (allowed := _allowed_methods(request)):
        response.headers["Allow"] = ", ".join(allowed)
    return response


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> list[str]:
    """The methods some route answers at the request's path: Starlette's 405 names only
    the first matching route's, which would hide POST /api/documents behind its GET."""
    routes = [route for route in request.app.router.routes if not isinstance(route, Mount)]
    allowed = [
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes
        )
    ]
    if "GET" in allowed:  # see HeadAsGet
        allowed.insert(allowed.index("GET") + 1, "HEAD")
    return allowed


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg')}"
        for error in exc.errors()
    )
    return _error(request, 422, f"Invalid request: {problems}.")


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(request, 404, str(exc))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("keeptabs")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"
