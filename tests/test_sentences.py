"""Sentence splitting of scraped text, before any parse."""

from __future__ import annotations

import pytest

from keeptabs.extract.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subheading run into the sentence after it
        (
            "Shells hit Damascus injuring 3 civilians In the same context two more were hurt.",
            ["Shells hit Damascus injuring 3 civilians", "In the same context two more were hurt."],
        ),
        # a tag list run into the lead
        (
            "Tags Syria Aleppo airstrikes At least 51 civilians were killed.",
            ["Tags Syria Aleppo airstrikes", "At least 51 civilians were killed."],
        ),
        # a quotation mark that lost its encoding
        (
            "The charity supports Christians. ï¿½ï¿½Around 15 were martyred he reported.",
            ["The charity supports Christians.", "ï¿½ï¿½Around 15 were martyred he reported."],
        ),
        # a lead run on after a Title Case headline still starts a sentence
        (
            "Rockets Hit Two Towns in Idlib Eight persons were wounded.",
            ["Rockets Hit Two Towns in Idlib", "Eight persons were wounded."],
        ),
        # a dateline before the lead
        (
            "27 Jul 2016 At least 48 people died.",
            ["27 Jul 2016", "At least 48 people died."],
        ),
    ],
)
def test_run_on_sentences_split_at_a_capitalised_function_word(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an unmarked quotation after a verb of saying stays with its speaker
        "The spokesman said The gangs killed 12 people.",
        # a name and a sentence start are no run-ons
        "Fighters of Jaish al-Islam attacked. The army killed 12 of them.",
        "Residents fled to The Hague.",
        # a number word inside a Title Case headline, a small word after it
        "Twin Bomb Attacks Kill 40 Injure Dozens in Syrias Hama Province.",
    ],
)
def test_no_split_inside_a_sentence(text: str) -> None:
    assert len(sentences(text)) == len([c for c in text if c == "."])


def test_a_tag_list_ends_where_a_number_word_opens_the_lead() -> None:
    text = (
        "Date of publication 15 June 2016 Tags Aleppo Syria Hizbollah Four Hizballah members "
        "were killed in Syria."
    )
    sentences = [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    assert sentences == [
        "Date of publication 15 June 2016",
        "Tags Aleppo Syria Hizbollah",
        "Four Hizballah members were killed in Syria.",
    ]
