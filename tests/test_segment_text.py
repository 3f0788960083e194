"""Plain-text segmentation: tiling, headline, captions, boilerplate, comment sections."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from keeptabs.segment.text import segment_text
from keeptabs.types import Segment

ARTICLE = """example-news.org
World | Middle East

Floods force 12,000 from homes in river town

Photo: Residents wade through water. (Reuters)

About 12,000 people left the town over the past two days, the civil protection agency said.

Officials said on Tuesday that 40 percent of homes were damaged.

Comments 3

Anna K says

I was there and I think it was far more than 12,000. Why do they always lie??

Bob

You are right, my uncle says the same.

Share this article
"""


def kinds(text: str, segments: tuple[Segment, ...]) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end].strip().split("\n")[0]) for s in segments]


def kind_at(text: str, segments: tuple[Segment, ...], needle: str) -> str:
    offset = text.index(needle)
    return next(s.kind for s in segments if s.start <= offset < s.end)


def assert_tiles(text: str, segments: tuple[Segment, ...]) -> None:
    assert segments[0].start == 0
    assert segments[-1].end == len(text)
    for left, right in itertools.pairwise(segments):
        assert left.end == right.start
        assert left.start < left.end


def test_segment_text_tiles_and_labels_a_scraped_page() -> None:
    segments = segment_text(ARTICLE)
    assert_tiles(ARTICLE, segments)
    labelled = kinds(ARTICLE, segments)
    assert labelled[0] == ("boilerplate", "example-news.org")
    assert ("headline", "Floods force 12,000 from homes in river town") in labelled
    assert ("caption", "Photo: Residents wade through water. (Reuters)") in labelled
    body = [text for kind, text in labelled if kind == "body"]
    assert body and body[0].startswith("About 12,000 people left")
    comments = [s for s in segments if s.kind == "comment"]
    assert {s.author for s in comments} == {"Anna K", "Bob"}
    assert labelled[-1] == ("boilerplate", "Share this article")


def test_segment_text_no_comments_in_plain_article() -> None:
    text = "Ten civilians were killed in Idlib on Monday, activists said.\n\nThe army denied it."
    assert {s.kind for s in segment_text(text)} == {"body"}


def test_segment_text_unmarked_comments_found_by_register() -> None:
    text = (
        "Storm kills 12 in coastal city\n\n"
        "At least 12 people were killed when the storm hit on Monday, officials said.\n\n"
        "Rescue teams reported that 300 homes were destroyed, according to the mayor.\n\n"
        "lol the media lies again, I bet it was way more than 12????\n\n"
        "Why do you believe them? My cousin lives there and says otherwise.\n\n"
        "I agree with you, this is propaganda.\n"
    )
    segments = segment_text(text)
    labelled = kinds(text, segments)
    assert labelled[0][0] == "headline"
    assert kind_at(text, segments, "At least 12") == "body"
    assert kind_at(text, segments, "Rescue teams") == "body"
    assert kind_at(text, segments, "lol the media") == "comment"
    assert kind_at(text, segments, "I agree") == "comment"


def test_segment_text_quoted_first_person_stays_body() -> None:
    text = (
        "Minister defends figures\n\n"
        "“We have evacuated 5,000 people and we will do more,” the minister said on Friday.\n\n"
        "“Our teams are working day and night,” she added.\n"
    )
    assert "comment" not in {s.kind for s in segment_text(text)}


def test_segment_text_known_title_pins_the_headline() -> None:
    text = "Short\n\nThe real title of the piece\n\nBody text here."
    segments = segment_text(text, title="The real title of the piece")
    assert ("headline", "The real title of the piece") in kinds(text, segments)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_segment_text_always_tiles_any_text(text: str) -> None:
    segments = segment_text(text)
    if not text:
        assert segments == ()
        return
    assert_tiles(text, segments)


def test_segment_text_seed_comment_sections(seed_dir: Path) -> None:
    """Where the editorial text ends in the five seed articles."""
    expected_comment_authors = {
        "000": {"Manda", "Guest", "archie1954", "Brian Harry"},
        "001": {"chris chuba", "Bob"},
        "002": set(),
        "003": set(),
        "004": {None, "Monte George Jr", "Igor Ochocinszk"},
    }
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        segments = segment_text(text)
        assert_tiles(text, segments)
        authors = {s.author for s in segments if s.kind == "comment"}
        assert authors == expected_comment_authors[path.name[:3]], path.name
        assert sum(1 for s in segments if s.kind == "headline") == 1, path.name


def _one_line_article() -> str:
    """An article body held on one line, longer than any marker line."""
    return " ".join(
        f"Sentence {n} of the report says that {n * 7} civilians were killed in the town."
        for n in range(1, 8)
    )


def test_segment_text_furniture_run_into_a_one_line_article_is_cut_off() -> None:
    """A corpus cell holds the whole article on one line, with the site's furniture run
    into its end: only the sentences that read as furniture are boilerplate."""
    body = _one_line_article()
    text = f"Strikes kill civilians\n\n{body} Follow us Contact Us Terms of Use Privacy Policy"
    segments = segment_text(text)
    kinds = [(s.kind, text[s.start : s.end][:11]) for s in segments]
    assert kinds == [
        ("headline", "Strikes kil"),
        ("body", "Sentence 1 "),
        ("boilerplate", "Follow us C"),
    ]


def test_segment_text_related_news_ends_a_one_line_page() -> None:
    """After "Related News" a flattened page holds only other stories' headlines."""
    body = _one_line_article()
    text = (
        f"Strikes kill civilians\n\n{body} Source TRT World Related News Thousands of "
        "migrants walk into Turkey | A picture is worth a thousand words"
    )
    segments = segment_text(text)
    kinds = [(s.kind, text[s.start : s.end][:12]) for s in segments]
    assert kinds == [
        ("headline", "Strikes kill"),
        ("body", "Sentence 1 o"),
        ("boilerplate", "Related News"),
    ]
    # "related news" in prose ends nothing
    prose = f"Strikes kill civilians\n\n{body} He said related news would follow."
    assert [s.kind for s in segment_text(prose)] == ["headline", "body"]


def test_segment_text_an_outlets_description_of_itself_is_furniture() -> None:
    body = _one_line_article()
    text = (
        f"Strikes kill civilians\n\n{body} The Levant Herald is the region's leading "
        "independent daily newspaper printed each day in 6 cities."
    )
    assert kind_at(text, segment_text(text), "The Levant Herald") == "boilerplate"
    # a newspaper in the news stays body
    news = f"Strikes kill civilians\n\n{body} A daily newspaper said 12 people died."
    assert kind_at(news, segment_text(news), "A daily newspaper") == "body"


def test_markers_anchored_branches_match_only_at_the_start() -> None:
    import re

    from keeptabs.segment.markers import any_matches

    patterns = (re.compile(r"^advertisement$|^click here\b"), re.compile(r"all rights reserved"))
    assert any_matches(patterns, "Click here to subscribe")
    assert not any_matches(patterns, "Readers were told to click here to subscribe")
    assert any_matches(patterns, "2016 Example News. All rights reserved.")
