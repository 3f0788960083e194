"""The pages in a real browser: Debian's chromium driven by Playwright, against the app
served by uvicorn on loopback.  Screenshots of the main pages go to artifacts/screenshots
(or $KEEPTABS_ARTIFACTS/screenshots)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from keeptabs.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("KEEPTABS_ARTIFACTS", ROOT / "artifacts")) / "screenshots"
# Flags a headless chromium needs here: no sandbox as root, no GPU, and no calls home
# (the machine's network is closed, and refused connections slow every start).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WAIT_MS = 15_000  # a page, a chart or a swap that takes longer than this is broken


def _chromium() -> str:
    path = os.environ.get("KEEPTABS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        reason = f"{path} is missing: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true, so this is an error)")
        pytest.skip(reason)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: str) -> Iterator[str]:
    """The app on a loopback port, in a thread of this process."""
    app = create_app(web_db)
    app.state.keeptabs.view()  # build the ledger before the first page is asked for
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield base
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(WAIT_MS)
    opened.problems = []  # CSP violations and script errors, for the tests to assert on
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on(
        "console",
        lambda message: (
            opened.problems.append(message.text)
            if message.type == "error" and "favicon" not in message.text
            else None
        ),
    )
    yield opened
    context.close()


def _api(server: str, path: str, **params: Any) -> Any:
    return httpx.get(f"{server}{path}", params=params, timeout=30).json()


def test_browser_document_view_highlights_the_seed_claims(server: str, page: Any) -> None:
    documents = _api(server, "/api/documents", limit=100)["items"]
    seed = max((d for d in documents if "hostile" not in d["name"]), key=lambda d: d["claims"])
    claims = _api(server, f"/api/documents/{seed['id']}")["item"]["claims"]
    page.goto(f"{server}/documents/{seed['id']}")
    marks = page.locator("mark.claim")
    assert marks.count() == len(claims) > 5
    texts = {marks.nth(i).get_attribute("data-claim") for i in range(marks.count())}
    assert texts == {claim["id"] for claim in claims}
    first = marks.first
    frame = first.locator(".frame")
    assert not frame.is_visible()
    first.focus()
    assert frame.is_visible() and claims[0]["number_text"] in frame.inner_text()
    assert not page.problems
    items = [_api(server, f"/api/documents/{d['id']}")["item"] for d in documents]
    # the seed pages carry reader comments: shown apart from the body
    with_comments = next(i for i in items if any(s["kind"] == "comment" for s in i["segments"]))
    page.goto(f"{server}/documents/{with_comments['id']}")
    comments = page.locator("section.segment-comment")
    expected = sum(1 for s in with_comments["segments"] if s["kind"] == "comment")
    assert comments.count() == expected
    assert "reader comment" in comments.first.inner_text().lower()
    assert page.locator("section.segment-body").first.evaluate(
        "element => getComputedStyle(element).backgroundColor"
    ) != comments.first.evaluate("element => getComputedStyle(element).backgroundColor")


def test_browser_timeline_renders_as_svg_with_marks(server: str, page: Any) -> None:
    series = _api(server, "/api/series", limit=1000)["items"]
    busiest = max(series, key=lambda s: s["claims"])
    page.goto(f"{server}/series/{busiest['id']}")
    page.locator("#timeline[data-rendered=true] svg").wait_for()
    symbols = page.locator("#timeline svg g.mark-symbol.role-mark path")
    assert symbols.count() == busiest["claims"] >= 2
    assert page.locator("#timeline svg g.mark-rule.role-mark line").count() == busiest["claims"]
    assert page.locator(".side-by-side .outlet-column").count() >= 1
    assert not page.problems  # no CSP violation, no script error


def test_browser_facet_changes_the_rows(server: str, page: Any) -> None:
    page.goto(f"{server}/claims")
    count = page.locator("#results .count")
    before = int(count.inner_text().replace(",", ""))
    select = page.locator("form.facets select[name=section]")
    select.select_option("headline")
    page.wait_for_url("**/claims?section=headline*")
    page.locator("#results .count").filter(has_not_text=str(before)).wait_for()
    after = int(page.locator("#results .count").inner_text().replace(",", ""))
    rows = page.locator("#results table.claims tbody tr")
    assert 0 < after < before and rows.count() == after
    sections = {rows.nth(i).locator("td").nth(9).inner_text() for i in range(rows.count())}
    assert sections == {"headline"}
    assert not page.problems


def test_browser_export_downloads_and_parses(server: str, page: Any) -> None:
    page.goto(f"{server}/claims?section=body")
    total = int(page.locator("#results .count").inner_text().replace(",", ""))
    with page.expect_download() as waiting:
        page.locator(".exports a", has_text="CSV").click()
    download = waiting.value
    assert download.suggested_filename == "keeptabs-claims.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == total > 0 and {row["section"] for row in rows} == {"body"}


def test_browser_hostile_document_shows_its_markup_as_text(server: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    documents = _api(server, "/api/documents", limit=100)["items"]
    hostile = next(d for d in documents if "hostile" in d["name"])
    page.goto(f"{server}/documents/{hostile['id']}")
    page.goto(f"{server}/search?q=alert")
    page.goto(f"{server}/documents/{hostile['id']}")
    text = page.locator("article.document").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(" in text
    assert page.locator("article img").count() == 0
    assert page.locator("article script").count() == 0
    assert dialogs == []


def test_browser_screenshots_of_the_main_pages(server: str, page: Any) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    documents = _api(server, "/api/documents", limit=100)["items"]
    seed = max(documents, key=lambda d: d["claims"])
    series = max(_api(server, "/api/series", limit=1000)["items"], key=lambda s: s["claims"])
    pages = {
        "overview": "/",
        "claims": "/claims",
        "document": f"/documents/{seed['id']}",
        "series": f"/series/{series['id']}",
        "findings": "/findings",
        "framing": "/framing",
        "search": "/search?q=civilians",
    }
    for name, path in pages.items():
        page.goto(f"{server}{path}")
        if name == "series":
            page.locator("#timeline[data-rendered=true] svg").wait_for()
        if name == "document":
            page.locator("mark.claim").first.focus()
        shot = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(shot), full_page=name != "claims")
        assert shot.stat().st_size > 10_000
