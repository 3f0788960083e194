"""Tests for keeptabs.segment.html."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keeptabs.segment.html import HtmlPage, segment_html

DATA = Path(__file__).parent / "data" / "html"
AEB = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "html" / "scrapinghub-aeb"

ARTICLE = """<html><head><title>Dam repairs to cost $12 million | The Gazette</title>
<meta property="og:title" content="Dam repairs to cost $12 million">
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2023-05-17T08:00:00+00:00">
<style>p { color: red }</style><script>var secret = "SCRIPT-IN-HEAD";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dam repairs to cost $12 million</h1>
<p>Repairs to the Millbrook dam will cost about $12 million, the county engineer told
commissioners on Tuesday, nearly twice the estimate made two years ago.</p>
<script>alert(1)</script>
<p>The dam, built in 1931, holds back a reservoir that supplies water to roughly 40,000
residents in three towns along the river valley.</p>
<p>Engineers found cracks in the spillway during an inspection in March and lowered the
water level by six feet as a precaution while the work is planned.</p>
<figure><img src="dam.jpg"><figcaption>The spillway in March. Photo: Ann Roe</figcaption></figure>
<p>Commissioners are expected to vote on a financing plan next month, and construction
could begin in the autumn if state grants come through as hoped.</p></article>
<div id="comments"><h3>2 Comments</h3>
<div class="comment"><span class="comment-author">Pat Lowe</span>
<p>I fished below that dam for years. Why did nobody notice the cracks sooner?</p></div>
<div class="comment"><span class="comment-author">Rob K</span>
<p>Twelve million is a bargain compared to what a failure would cost us all.</p></div></div>
<footer><p>Copyright 2023 The Gazette. All rights reserved.</p></footer></body></html>"""


def kind_text(page: HtmlPage, kind: str) -> str:
    return "\n".join(page.text[s.start : s.end] for s in page.segments if s.kind == kind)


def assert_tiles(page: HtmlPage) -> None:
    if not page.text:
        assert page.segments == ()
        return
    assert page.segments[0].start == 0
    assert page.segments[-1].end == len(page.text)
    for prev, cur in zip(page.segments, page.segments[1:], strict=False):
        assert prev.end == cur.start
    assert all(s.start < s.end for s in page.segments)


def test_segment_html_segments_tile_text() -> None:
    page = segment_html(ARTICLE)
    assert_tiles(page)
    assert {s.kind for s in page.segments} >= {"headline", "body", "caption", "comment"}


def test_segment_html_body_headline_caption() -> None:
    page = segment_html(ARTICLE)
    assert kind_text(page, "headline").strip() == "Dam repairs to cost $12 million"
    body = kind_text(page, "body")
    assert "nearly twice the estimate" in body
    assert "could begin in the autumn" in body
    assert "Photo: Ann Roe" in kind_text(page, "caption")
    assert "Photo: Ann Roe" not in body
    assert "Home" not in body and "All rights reserved" not in body


def test_segment_html_comments_land_in_comment_segments() -> None:
    page = segment_html(ARTICLE)
    comments = [s for s in page.segments if s.kind == "comment"]
    text = kind_text(page, "comment")
    assert "Why did nobody notice the cracks sooner?" in text
    assert "Twelve million is a bargain" in text
    assert "Twelve million" not in kind_text(page, "body")
    assert {"Pat Lowe", "Rob K"} <= {s.author for s in comments}


def test_segment_html_scripts_and_styles_never_reach_text() -> None:
    page = segment_html(ARTICLE)
    assert "alert(1)" not in page.text
    assert "SCRIPT-IN-HEAD" not in page.text
    assert "color: red" not in page.text


def test_segment_html_script_in_body_stays_out_of_text() -> None:
    html = (
        "<html><body><article><p>Sales rose 4 percent in May, the company said on Friday, "
        "led by strong demand for its cheaper models.</p><script>alert(1)</script>"
        "<p>The firm expects growth of about 3 percent for the full year.</p>"
        "</article></body></html>"
    )
    page = segment_html(html)
    assert "alert" not in page.text
    assert "Sales rose 4 percent" in page.text
    assert_tiles(page)


def test_segment_html_metadata_title_date_outlet() -> None:
    page = segment_html(ARTICLE, url="https://gazette.example/dam")
    assert page.title == "Dam repairs to cost $12 million"
    assert page.published == "2023-05-17"
    assert page.outlet == "The Gazette"
    assert page.url == "https://gazette.example/dam"


def test_segment_html_empty_and_url_like_input() -> None:
    assert segment_html("").text == ""
    page = segment_html("http://example.com/never-fetched")  # must not be fetched
    assert_tiles(page)


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA.glob("*.json")))
def test_segment_html_comment_gold_pages(name: str) -> None:
    spec = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    page = segment_html((DATA / f"{name}.html").read_text(encoding="utf-8"))
    assert_tiles(page)
    flat = {k: " ".join(kind_text(page, k).split()) for k in ("body", "comment")}
    for snippet in spec["main"]:
        assert snippet in flat["body"], snippet
    for snippet in spec["boilerplate"]:
        assert snippet not in flat["body"], snippet
    for snippet in spec["comments"]:
        assert snippet in flat["comment"], snippet
    assert page.title == spec["title"]
    assert page.published == spec["published"]


_words = st.text(alphabet="abcdefgh <>&;'\"é0123456789\n", max_size=30)
_tags = st.sampled_from(["p", "div", "span", "li", "h1", "h2", "figcaption", "b", "script", "br"])


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = ["<html><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(_tags)
        cls = draw(st.sampled_from(["", ' class="comment"', ' class="share"', ' id="comments"']))
        parts.append(f"<{tag}{cls}>{draw(_words)}" + ("" if draw(st.booleans()) else f"</{tag}>"))
    return "".join(parts) + draw(_words) + "</body></html>"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_html())
def test_segment_html_property_segments_tile_random_html(html: str) -> None:
    page = segment_html(html)
    assert_tiles(page)
    assert "<script" not in page.text


def _aeb_or_skip() -> Path:
    if not AEB.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{AEB} is missing and CI=true")
        pytest.skip(f"{AEB} is missing (shared eval data not checked out)")
    return AEB


@pytest.mark.shared
def test_segment_html_integration_scrapinghub_pages() -> None:
    root = _aeb_or_skip()
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for item_id in sorted(gold)[:5]:
        raw = gzip.decompress((root / "html" / f"{item_id}.html.gz").read_bytes())
        page = segment_html(raw.decode("utf-8"), url=gold[item_id]["url"])
        assert_tiles(page)
        body = kind_text(page, "body").split()
        want = gold[item_id]["articleBody"].split()
        overlap = len(set(body) & set(want)) / max(len(set(want)), 1)
        assert overlap > 0.8, (item_id, overlap)
        assert page.title
