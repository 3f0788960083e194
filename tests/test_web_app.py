"""The web app without a browser: routes, error shape, headers, downloads, writes, report."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from keeptabs.web.app import create_app
from keeptabs.web.static_report import write_report
from keeptabs.web.view import LedgerView

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db, token=TOKEN))


@pytest.fixture(scope="module")
def view(client: TestClient) -> LedgerView:
    state = client.app.state.keeptabs  # type: ignore[attr-defined]
    return state.view()  # type: ignore[no-any-return]


def test_web_every_page_answers_with_a_strict_policy(client: TestClient, view: LedgerView) -> None:
    doc_id = next(iter(view.documents))
    paths = [
        "/", "/documents", "/claims", "/series", "/findings", "/framing", "/search?q=Aleppo",
        f"/documents/{doc_id}", f"/claims/{view.claims[0].id}", f"/series/{view.series[0].id}",
        f"/findings/{view.findings[0].id}", "/docs",
    ]  # fmt: skip
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe" not in policy
        assert "<script>" not in response.text.replace("<script src=", "")  # no inline script
        assert 'style="' not in response.text
        head = client.head(path)  # link checkers ask HEAD: same status and type, no body
        assert head.status_code == 200 and head.content == b"", path
        assert head.headers["content-type"] == response.headers["content-type"]


def test_web_errors_have_one_shape(client: TestClient) -> None:
    for path in ("/api/claims/nope", "/api/series/nope", "/api/nothing", "/api/claims?limit=0"):
        response = client.get(path)
        body = response.json()
        assert response.status_code in {404, 422}
        assert body["ok"] is False and body["status"] == response.status_code and body["error"]
    assert client.get("/documents/nope").status_code == 404
    refused = client.delete("/claims")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, HEAD"
    assert "No document" in client.get("/documents/nope").text


def test_web_hostile_text_is_escaped(client: TestClient, view: LedgerView) -> None:
    doc_id = next(d.id for d in view.documents.values() if "Hostile" in d.text)
    page = client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(" in page
    assert "<script>alert" not in client.get("/search?q=alert").text


def test_web_facets_filter_the_list_and_its_downloads(client: TestClient, view: LedgerView) -> None:
    places = Counter(row["place"] for row in view.claim_rows if row["place"])
    place, expected = places.most_common(1)[0]
    assert 0 < expected < len(view.claims)
    reply = client.get("/claims.csv", params={"place": place})
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert len(rows) == expected and {row["place"] for row in rows} == {place}
    page = client.get("/claims", params={"place": place.upper()}).text
    assert re.search(rf'class="count">{expected}<', page)
    api = client.get("/api/claims", params={"place": place, "limit": 1}).json()
    assert api["total"] == expected and len(api["items"]) == 1
    both = client.get("/api/claims", params={"place": place, "section": "comment"}).json()
    assert both["total"] < expected


def test_web_downloads_parse(client: TestClient, view: LedgerView) -> None:
    total = len(view.claims)
    assert len(client.get("/claims.json").json()) == total
    lines = client.get("/claims.jsonl").text.splitlines()
    assert len(lines) == total and json.loads(lines[0])["id"]
    table = pq.read_table(io.BytesIO(client.get("/claims.parquet").content))
    assert table.num_rows == total
    hxl = list(csv.reader(io.StringIO(client.get("/claims.hxl").text)))
    assert all(tag.startswith("#") for tag in hxl[1] if tag) and len(hxl) == total + 2
    prov = client.get("/claims.prov").json()
    assert len([k for k in prov["entity"] if k.startswith("kt:claim/")]) == total
    series = list(csv.DictReader(io.StringIO(client.get("/series.csv").text)))
    assert len(series) == len(view.series)
    assert client.get("/series.hxl").status_code == 404
    disposition = client.get("/findings.csv").headers["content-disposition"]
    assert "keeptabs-findings.csv" in disposition


def test_web_writes_need_the_token(web_db: str, tmp_path: Path) -> None:
    body = {"text": "Storm hits Testville\n\nAt least 30 people were killed, officials said."}
    closed = TestClient(create_app(web_db))
    assert closed.post("/api/documents", json=body).status_code == 403
    client = TestClient(create_app(web_db, token=TOKEN))
    assert client.post("/api/documents", json=body).status_code == 401
    wrong = {"Authorization": "Bearer wrong"}
    assert client.post("/api/documents", json=body, headers=wrong).status_code == 401


def test_web_review_shows_in_claimreview(web_db: str, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(web_db.removeprefix("sqlite:///"), copy)
    client = TestClient(create_app(f"sqlite:///{copy}", token=TOKEN))
    headers = {"Authorization": f"Bearer {TOKEN}"}
    claim_id = client.get("/api/claims", params={"section": "headline"}).json()["items"][0]["id"]
    assert client.get("/claims.claimreview").json() == []
    answer = client.post(
        f"/api/claims/{claim_id}/review",
        json={"rating": "misleading", "author": "A. Checker"},
        headers=headers,
    )
    assert answer.status_code == 201
    reviews = client.get("/claims.claimreview").json()
    assert len(reviews) == 1 and reviews[0]["author"]["name"] == "A. Checker"
    assert client.get(f"/api/claims/{claim_id}").json()["item"]["status"] == "reviewed"
    added = client.post(
        "/api/documents",
        json={"text": "Storm hits Testville\n\nAt least 30 people were killed, officials said."},
        headers=headers,
    )
    assert added.status_code == 201 and added.json()["item"]["claims"] >= 1
    assert any(r["value"] == 30 for r in client.get("/claims.json").json())


def test_web_static_report_links_resolve(view: LedgerView, tmp_path: Path) -> None:
    summary = write_report(view, tmp_path / "report")
    assert summary.pages == 6 + len(view.documents) + len(view.claims) + len(view.series) + len(
        view.findings
    )
    pages = list((tmp_path / "report").rglob("*.html"))
    assert not [page for page in pages if ":" in page.name]  # Windows allows no ':' in names
    assert 'href="claims.csv"' in (tmp_path / "report" / "claims.html").read_text(encoding="utf-8")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in text
        for link in re.findall(r'(?:href|src)="([^"#?]+)"', text):
            if link.startswith(("http://", "https://")):
                continue
            assert (page.parent / link).resolve().exists(), f"{page}: {link}"
    assert (tmp_path / "report" / "static" / "vendor" / "vega.min.js").exists()


def test_web_claim_page_shows_the_framing_of_its_sentence(
    client: TestClient, view: LedgerView
) -> None:
    headline = next(
        row
        for row in view.claim_rows
        if row["outlet"] == "Middle East Monitor" and row["section"] == "headline"
    )  # "Russia claims to have 'helped' 8,000 Syrians flee Aleppo"
    page = client.get(f"/claims/{headline['id']}").text
    terms = re.findall(r'<span class="term" title="([^"]+)">([^<]+)</span>', page)
    assert any(category == "scare_quotes" and "helped" in text for category, text in terms)
    assert any(category.startswith("attribution") and "claims" in text for category, text in terms)


def test_web_rejected_text_is_kept_with_its_reason(web_db: str, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(web_db.removeprefix("sqlite:///"), copy)
    client = TestClient(create_app(f"sqlite:///{copy}", token=TOKEN))
    headers = {"Authorization": f"Bearer {TOKEN}"}
    answer = client.post("/api/documents", json={"text": "\v \t"}, headers=headers)
    item = answer.json()["item"]
    assert answer.status_code == 201 and item["outcome"] == "rejected" and item["rejections"]


def test_web_document_marks_framing_words_that_examples_link_to(
    client: TestClient, view: LedgerView
) -> None:
    monitor = next(d for d in view.documents.values() if d.outlet == "Middle East Monitor")
    page = client.get(f"/documents/{monitor.id}").text
    marked = re.findall(
        r'<span class="framing-term [^"]*" id="t(\d+)" title="([^"]+)">([^<]+)</span>', page
    )
    titles = {title for _, title, _ in marked}
    assert "government: regime" in titles and any("scare quotes" in t for t in titles)
    for start, _, words in marked:  # every mark sits on the words it names
        words = html.unescape(words)
        assert monitor.text[int(start) : int(start) + len(words)] == words
    links = re.findall(r'href="/documents/([0-9a-f]+)#t(\d+)"', client.get("/framing").text)
    assert links
    doc_id, start = links[0]
    assert f'id="t{start}"' in client.get(f"/documents/{doc_id}").text


def test_web_empty_download_keeps_its_header(client: TestClient) -> None:
    text = client.get("/claims.csv", params={"place": "Nowhere At All"}).text
    assert text.splitlines()[0].startswith("id,") and len(text.splitlines()) == 1


def test_web_reference_findings_are_shown(web_db: str, tmp_path: Path) -> None:
    import shutil

    from keeptabs.store.base import open_store
    from keeptabs.types import ReferenceFigure

    copy = tmp_path / "copy.db"
    shutil.copy(web_db.removeprefix("sqlite:///"), copy)
    with open_store(f"sqlite:///{copy}") as store:
        figure = ReferenceFigure(
            "ref.csv",
            2,
            8000,
            counted="civilians",
            action="leave",
            place="East Aleppo",
            period="past 24 hours",
        )
        store.add_references([figure])
    client = TestClient(create_app(f"sqlite:///{copy}"))
    rows = client.get("/findings.json").json()
    found = [row for row in rows if row["type"].startswith("reference")]
    assert found  # as `keeptabs findings` lists them
    assert all(client.get(f"/findings/{row['id']}").status_code == 200 for row in found)
