"""The gold scorer: matching, detection, field accuracy and the normalisation it uses."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from keeptabs.errors import ConfigError
from keeptabs.evaluate.normalize import (
    action_class,
    lemma,
    normalize_place,
    period_duration_hours,
)
from keeptabs.evaluate.scoring import FIELDS, read_claims, render_table, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_PATH = SHARED / "gold" / "aleppo-2016.jsonl"
CORPUS_DIR = SHARED / "corpus" / "aleppo-2016"
DEMO_GOLD_PATH = Path(__file__).resolve().parents[1] / "src/keeptabs/demo/gold.jsonl"
DEMO_CORPUS_DIR = DEMO_GOLD_PATH.parent / "corpus"

TEXT = (
    "Floods in Norrow\n\nAbout 9,000 people were evacuated  from the lower town over the "
    "past day, including 3,100 children, the agency said. Thousands of residents fled."
)


def claim(**fields: Any) -> dict[str, Any]:
    """A claim with every gold field; defaults describe the first claim in TEXT."""
    base: dict[str, Any] = {
        "doc": "a.txt",
        "section": "body",
        "quote": "About 9,000 people were evacuated from the lower town",
        "number_text": "About 9,000",
        "value": 9000,
        "lower": 9000,
        "upper": 9000,
        "qualifier": "approx",
        "counted": "people",
        "action": "evacuate",
        "place": "Lower Norrow",
        "period": "past day",
        "source": "the agency",
        "source_org": "Civil Protection Agency",
        "part_of": None,
    }
    return base | fields


def aleppo_gold() -> list[dict[str, Any]]:
    if not GOLD_PATH.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{GOLD_PATH} is missing; CI must provide ../shared")
        pytest.skip(f"{GOLD_PATH} is absent (../shared not checked out next to the repo)")
    return read_claims(GOLD_PATH)


def aleppo_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in CORPUS_DIR.glob("*.txt")}


# --- against the shared gold --------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize("with_texts", [True, False])
def test_scoring_gold_against_itself_is_perfect(with_texts: bool) -> None:
    gold = aleppo_gold()
    report = score(gold, gold, texts=aleppo_texts() if with_texts else None)
    assert report.detection.f1 == 1.0
    assert (report.detection.fp, report.detection.fn) == (0, 0)
    assert report.pairs == tuple((i, i) for i in range(len(gold)))
    assert {name: field.accuracy for name, field in report.fields.items()} == dict.fromkeys(
        FIELDS, 1.0
    )
    assert all(section.f1 == 1.0 for section in report.by_section.values())


@pytest.mark.shared
def test_scoring_gold_quotes_are_found_in_their_documents() -> None:
    gold, texts = aleppo_gold(), aleppo_texts()
    flat = {doc: " ".join(text.split()) for doc, text in texts.items()}
    missing = [g["quote"] for g in gold if " ".join(g["quote"].split()) not in flat[g["doc"]]]
    assert missing == []


@pytest.mark.shared
def test_scoring_dropped_claim_lowers_recall_by_one_over_n() -> None:
    gold = aleppo_gold()
    report = score(gold, gold[:3] + gold[4:], texts=aleppo_texts())
    assert report.detection.recall == pytest.approx(1 - 1 / len(gold))
    assert report.detection.precision == 1.0
    assert report.detection.fn == 1


def test_scoring_demo_gold_against_itself_is_perfect() -> None:
    if not DEMO_GOLD_PATH.exists():
        pytest.skip("the demo gold file is not written yet")
    gold = read_claims(DEMO_GOLD_PATH)
    texts = {path.name: path.read_text(encoding="utf-8") for path in DEMO_CORPUS_DIR.glob("*.txt")}
    flat = {doc: " ".join(text.split()) for doc, text in texts.items()}
    assert [g["quote"] for g in gold if " ".join(g["quote"].split()) not in flat[g["doc"]]] == []
    report = score(gold, gold, texts=texts)
    assert report.detection.f1 == 1.0
    assert all(field.accuracy == 1.0 for field in report.fields.values())


# --- matching -----------------------------------------------------------------------


def test_scoring_dropped_inline_claim_lowers_recall_by_one_over_n() -> None:
    gold = [claim(), claim(quote="including 3,100 children", value=3100, part_of=9000)]
    report = score(gold, gold[:1])
    assert report.detection.recall == 0.5
    assert (report.detection.tp, report.detection.fp, report.detection.fn) == (1, 0, 1)


def test_scoring_wrong_value_makes_a_non_match() -> None:
    report = score([claim()], [claim(value=9500, lower=9500, upper=9500)])
    assert (report.detection.tp, report.detection.fp, report.detection.fn) == (0, 1, 1)
    assert report.fields["value"].n == 0


def test_scoring_other_document_makes_a_non_match() -> None:
    assert score([claim()], [claim(doc="b.txt")]).detection.tp == 0


def test_scoring_one_prediction_cannot_match_two_gold_claims() -> None:
    gold = [claim(), claim(quote="9,000 people were evacuated", section="headline")]
    report = score(gold, [claim()])
    assert report.detection.tp == 1
    assert report.detection.fn == 1
    assert report.detection.precision == 1.0


def test_scoring_greedy_matching_prefers_the_larger_overlap() -> None:
    gold = [claim(quote="9,000 people"), claim(quote="About 9,000 people were evacuated")]
    predicted = [claim(quote="About 9,000 people were evacuated from the lower town")]
    assert score(gold, predicted).pairs == ((1, 0),)


def test_scoring_matching_pairs_the_same_number_before_the_larger_overlap() -> None:
    text = "Down the street two women and two children ran for safety past the shops."
    women = claim(
        quote="Down the street two women and two children ran", number_text="two", counted="women"
    )
    children = claim(quote="and two children ran for safety", number_text="two", counted="children")
    gold = [women, children]
    predicted = [
        children | {"quote": "two women and two children ran for safety past the shops"},
        women | {"quote": "Down the street two women and two"},
    ]
    report = score(gold, predicted, texts={"a.txt": text})
    assert report.pairs == ((0, 1), (1, 0))
    assert report.fields["counted"].accuracy == 1.0
    # the extractor's quotes are whole sentences; its records say where the number starts
    sentence = "Down  the street two women and two children ran for safety"
    predicted = [
        children | {"quote": sentence, "start": text.index("two children")},
        women | {"quote": sentence, "start": text.index("two women")},
    ]
    assert score(gold, predicted, texts={"a.txt": text}).pairs == ((0, 1), (1, 0))
    predicted[1]["start"] = 3  # not where a "two" stands: located by the quote
    assert score(gold, predicted, texts={"a.txt": text}).pairs == ((0, 1), (1, 0))


def test_scoring_gold_number_written_twice_in_its_quote_is_the_one_its_noun_follows() -> None:
    text = "Among those killed were three children and three women it said."
    sentence = "Among those killed were three children and three women it said"
    children = claim(quote=sentence, number_text="three", counted="children")
    women = claim(quote=sentence, number_text="three", counted="women")
    predicted = [
        women | {"quote": sentence, "start": text.index("three women")},
        children | {"quote": sentence, "start": text.index("three children")},
    ]
    report = score([women, children], predicted, texts={"a.txt": text})
    assert report.pairs == ((0, 0), (1, 1))
    assert report.fields["counted"].accuracy == 1.0


def test_scoring_vague_claims_match_when_quotes_overlap() -> None:
    vague = claim(
        quote="Thousands of residents fled",
        number_text="Thousands",
        value=None,
        lower=1000,
        upper=9999,
        qualifier="vague",
    )
    assert score([vague], [vague | {"quote": "Thousands of residents"}]).detection.tp == 1
    elsewhere = vague | {"quote": "the agency said"}
    assert score([vague], [elsewhere], texts={"a.txt": TEXT}).detection.tp == 0
    assert score([vague], [vague | {"value": 1000}]).detection.tp == 0


def test_scoring_quotes_are_located_in_the_text_with_whitespace_differences() -> None:
    gold = [claim(quote="About 9,000 people were evacuated  from the lower\ntown")]
    predicted = [claim(quote="evacuated from the lower town over the past day")]
    assert score(gold, predicted, texts={"a.txt": TEXT}).detection.tp == 1


def test_scoring_without_text_a_lone_shared_number_is_no_overlap() -> None:
    gold = [claim(quote="Floods: 9,000 evacuated")]
    predicted = [claim(quote="About 9,000 people were evacuated")]
    assert score(gold, predicted).detection.tp == 0
    assert score(gold, predicted, texts={"a.txt": "Floods: 9,000 evacuated\n" + TEXT}).pairs == ()


def test_scoring_empty_inputs() -> None:
    assert score([], []).detection.f1 == 1.0
    assert score([claim()], []).detection.f1 == 0.0
    assert score([], [claim()]).detection.precision == 0.0


# --- fields -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_value", "predicted_value", "equal"),
    [
        (1000, 1005, True),
        (1000, 995, True),
        (1000, 1005.01, False),
        (1000, 994.9, False),
        (8461, 8500, True),  # 0.5 % of 8,461 is 42.3
        (8461, 8510, False),
        (0, 0, True),
        (93, 93.0, True),
    ],
)
def test_scoring_value_tolerance_edges(
    gold_value: float, predicted_value: float, equal: bool
) -> None:
    report = score([claim(value=gold_value)], [claim(value=predicted_value)])
    assert (report.detection.tp == 1) is equal


@pytest.mark.parametrize(("gold_upper", "predicted_upper"), [(None, 9000), (9000, None)])
def test_scoring_null_bound_equals_only_null(gold_upper: Any, predicted_upper: Any) -> None:
    report = score([claim(upper=gold_upper)], [claim(upper=predicted_upper)])
    assert report.fields["upper"].accuracy == 0.0
    assert report.fields["lower"].accuracy == 1.0


@pytest.mark.parametrize(
    ("gold_fields", "predicted_fields", "equal"),
    [
        ({"source": None, "source_org": None}, {"source": None, "source_org": None}, True),
        ({"source": None, "source_org": None}, {"source": "the agency"}, False),
        ({"source": "the agency"}, {"source": None, "source_org": None}, False),
        ({"source": "Ilsa Marrow"}, {"source": "spokeswoman Ilsa Marrow"}, True),
        ({"source": "ILSA MARROW"}, {"source": "Marrow"}, True),
        ({"source": "Ilsa Marrow"}, {"source": "the agency"}, True),  # same source_org
        ({"source": "Ilsa Marrow"}, {"source": "the mayor", "source_org": None}, False),
        (
            {"source": "Ilsa Marrow", "source_org": None},
            {"source": "the mayor", "source_org": None},
            False,
        ),
        # the same organisation by the actor table's aliases
        (
            {"source": "Igor Konashenkov", "source_org": "Russian Defence Ministry"},
            {"source": "the military", "source_org": "Russian Ministry of Defence"},
            True,
        ),
    ],
)
def test_scoring_source_rules(
    gold_fields: dict[str, Any], predicted_fields: dict[str, Any], equal: bool
) -> None:
    report = score([claim(**gold_fields)], [claim(**predicted_fields)])
    assert report.fields["source"].accuracy == (1.0 if equal else 0.0)


@pytest.mark.parametrize(
    ("name", "gold_text", "predicted_text"),
    [
        ("counted", "civilians", "civilian"),
        ("counted", "children", "child"),
        ("counted", "people", "persons"),
        ("counted", "hectares", "hectare"),
        ("counted", "percent", "%"),
        ("action", "surrender", "laid down their weapons"),
        ("action", "surrender", "laid down their arms"),
        ("action", "surrender", "lay down arms"),
        ("action", "amnesty", "amnestied"),
        ("action", "amnesty", "were pardoned"),
        ("action", "evacuate", "have been evacuated"),
        ("action", "flee", "fled"),
        ("action", "leave", "left"),
        ("counted", "policemen", "police"),
        ("place", "East Aleppo", "eastern Aleppo"),
        ("place", "East Aleppo", "east aleppo"),
        ("place", "East Aleppo", "eastern parts of Aleppo"),
        ("place", "East Aleppo", "the eastern part of Aleppo"),
        ("place", "East Aleppo", "eastern neighborhoods of Aleppo"),
        ("place", "Aleppo", "the city of Aleppo"),
        ("place", "Sheikh Maksoud", "Sheikh Maqsoud"),
        ("period", "past day", "past 24 hours"),
        ("period", "past day", "last 24 hours"),
        ("period", "past two days", "past 48 hours"),
        ("period", "since the start of the operation", "Since the start of the operation"),
        ("qualifier", "approx", "APPROX"),
        ("action", "live", "reside"),
        ("action", "live", "is home to"),
        ("source_org", "Russian Ministry of Defence", "Russian MoD"),
        ("source_org", "Syrian Observatory for Human Rights", "SOHR"),
        ("source_org", "Civil Protection Agency", "civil protection agency"),
    ],
)
def test_scoring_field_normalisation_makes_equal(
    name: str, gold_text: str, predicted_text: str
) -> None:
    report = score([claim(**{name: gold_text})], [claim(**{name: predicted_text})])
    assert report.fields[name].accuracy == 1.0, report.errors


@pytest.mark.parametrize(
    ("name", "gold_text", "predicted_text"),
    [
        ("counted", "children", "civilians"),
        ("action", "evacuate", "flee"),
        ("place", "East Aleppo", "West Aleppo"),
        ("place", "East Aleppo", "Aleppo"),
        ("period", "past day", "past two days"),
        ("period", "past night", "past day"),
        ("period", "past day", None),
        ("source_org", "Syrian Observatory for Human Rights", "Syrian Network for Human Rights"),
        ("source_org", "Russian Ministry of Defence", "Russian Ministry of Foreign Affairs"),
    ],
)
def test_scoring_field_normalisation_keeps_different(
    name: str, gold_text: str, predicted_text: str | None
) -> None:
    report = score([claim(**{name: gold_text})], [claim(**{name: predicted_text})])
    assert report.fields[name].accuracy == 0.0
    assert [error.field for error in report.errors] == [name]


def test_scoring_part_of_and_section_fields() -> None:
    gold = [claim(part_of=9000, section="body")]
    report = score(gold, [claim(part_of=None, section="headline")])
    assert report.fields["part_of"].accuracy == 0.0
    assert report.fields["section"].accuracy == 0.0
    assert report.by_section["body"].recall == 1.0
    assert report.by_section["body"].precision == 0.0  # no body predictions
    assert report.by_section["headline"].precision == 1.0


# --- normalize.py -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("civilians", "civilian"),
        ("children", "child"),
        ("people", "person"),
        ("evacuated", "evacuate"),
        ("fled", "flee"),
        ("left", "leave"),
        ("killed", "kill"),
        ("demined", "demine"),
        ("restored", "restore"),
        ("surrendered", "surrender"),
        ("casualties", "casualty"),
        ("residential blocks", "residential block"),
        ("Civilians were evacuated", "civilian be evacuate"),
        ("per cent", "percent"),
    ],
)
def test_scoring_lemma(text: str, expected: str) -> None:
    assert lemma(text) == expected


def test_scoring_action_class_falls_back_to_the_head_verb() -> None:
    assert action_class("fled their homes") == "flee"
    assert action_class("liberated") == "liberate"
    assert action_class("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eastern Aleppo", "East Aleppo"),
        ("the east of Aleppo", "East Aleppo"),
        ("militant-held districts of eastern Aleppo", "East Aleppo"),
        ("government-held parts of western Aleppo", "West Aleppo"),
        ("Aleppo’s eastern districts", "East Aleppo"),
        ("Aleppo city", "Aleppo"),
        ("Mexico City", "Mexico City"),
        ("Aleppo pocket", "Aleppo pocket"),
        # "rural" is the countryside, unless it names a governorate
        ("Rural Idlib", "Idlib"),
        ("Idlib countryside", "Idlib"),
        ("Rural Damascus", "Rural Damascus"),
        ("Qeshm Island", "Qeshm"),
        ("the island of Qeshm", "Qeshm"),
        ("Aleppo eastern countryside", "East Aleppo"),
        ("northern rural Homs", "North Homs"),
        # a list is the list of its normalised parts, however it is joined
        ("Aleppo, Idlib and Hama", "Aleppo and Idlib and Hama"),
        ("eastern Aleppo and the city of Idlib", "East Aleppo and Idlib"),
        ("Bosnia and Herzegovina", "Bosnia and Herzegovina"),
        # transliterations with and without the Arabic article
        ("Al Raqqa", "Raqqa"),
        ("the town of al-Qaryatayn", "Qaryatayn"),
        ("the al-Sheitaat area", "Sheitaat"),
    ],
)
def test_scoring_normalize_place(text: str, expected: str) -> None:
    assert normalize_place(text) == expected


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("past day", 24.0),
        ("over the past 24 hours", 24.0),
        ("past two days", 48.0),
        ("past forty-eight hours", 48.0),
        ("the last week", 168.0),
        ("past 24-hour period", 24.0),
        ("past 24 hours alone", 24.0),
        ("past night", None),
        ("since Monday", None),
        ("day", None),
        ("past few days", None),
    ],
)
def test_scoring_period_duration_hours(text: str, hours: float | None) -> None:
    assert period_duration_hours(text) == hours


# --- output -------------------------------------------------------------------------


def test_scoring_to_json_has_exactly_the_agreed_keys() -> None:
    data = score([claim()], [claim()]).to_json()
    assert set(data) == {"detection", "fields", "by_section"}
    assert set(data["detection"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert list(data["fields"]) == list(FIELDS)
    assert all(set(value) == {"accuracy", "n"} for value in data["fields"].values())
    assert data["by_section"] == {"body": {"precision": 1.0, "recall": 1.0, "f1": 1.0}}


def test_scoring_render_table_has_detection_sections_and_fields() -> None:
    table = render_table(score([claim(), claim(section="headline", value=7)], [claim()]))
    lines = table.splitlines()
    assert lines[2].split()[:4] == ["detection", "1.000", "0.500", "0.667"]
    assert "tp=1 fp=0 fn=1" in lines[2]
    assert [line.split()[1] for line in lines[3:5]] == ["headline", "body"]
    assert [line.split()[1] for line in lines[5:]] == list(FIELDS)


def test_scoring_read_claims_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "a.txt"}\n\n{oops\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^Line 3 of .*gold.jsonl' is not valid JSON"):
        read_claims(path)
