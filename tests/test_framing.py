"""Framing: the words outlets choose for actors and territory, attribution, hedges and
scare quotes, per document, claim and outlet."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keeptabs.errors import ConfigError
from keeptabs.extract.vocab import DATA_PATH_VARIABLE
from keeptabs.framing import (
    OutletFraming,
    Term,
    claim_framing,
    document_framing,
    find_terms,
    framing_records,
    outlet_framing,
    render_table,
)
from keeptabs.framing.terms import sentence_bounds
from keeptabs.ingest.corpus import Columns, read_corpus
from keeptabs.ingest.files import read_paths
from keeptabs.pipeline import read_document
from keeptabs.types import Claim, Document, RawDocument, Segment

from conftest import require_shared

# The seed's outlets, as its README and the texts reveal them: 000 is OffGuardian's
# repost of an RT report ("RT reports:"), 002 RT, 003 Middle East Monitor, 001 and 004
# SouthFront.  Each entry: a string the file holds that shows it.
SEED_OUTLETS = {
    "000": ("RT", "RT reports:"),
    "001": ("SouthFront", "Do you like this content? Consider helping us!"),
    "002": ("RT", "IsmailRT"),
    "003": ("Middle East Monitor", "Site icon Middle East Monitor"),
    "004": ("SouthFront", "South Front is citing him"),
}

Seed = dict[str, tuple[Document, tuple[Segment, ...]]]


@pytest.fixture(scope="module")
def seed() -> Seed:
    folder = require_shared("corpus", "aleppo-2016")
    read: Seed = {}
    for raw in read_paths([folder]):
        assert isinstance(raw, RawDocument)
        document, segments = read_document(raw)
        prefix = Path(document.path).name[:3]
        outlet, evidence = SEED_OUTLETS[prefix]
        assert evidence in document.text, f"{prefix} is not {outlet}"
        read[prefix] = (replace(document, outlet=outlet), segments)
    return read


@pytest.fixture(scope="module")
def seed_outlets(seed: Seed) -> dict[str, OutletFraming]:
    framings = outlet_framing(
        [document for document, _ in seed.values()],
        {document.id: segments for document, segments in seed.values()},
    )
    return {framing.outlet: framing for framing in framings}


def _terms(text: str, category: str | None = None) -> list[Term]:
    return [t for t in find_terms(text) if category is None or t.category == category]


def _scare(text: str) -> list[str | None]:
    return [t.target for t in _terms(text, "scare_quotes")]


# The seed cases of the issue


def test_framing_seed_middle_east_monitor_regime_quotes_and_claims(
    seed: Seed, seed_outlets: dict[str, OutletFraming]
) -> None:
    mem = seed_outlets["Middle East Monitor"]
    assert mem.count("government", "regime") >= 5
    assert mem.count("opposition", "militants") == 0
    document, segments = seed["003"]
    terms = document_framing(document.text, segments)
    assert {"helped", "rebels"} <= {t.target for t in terms if t.category == "scare_quotes"}
    rebels = next(t for t in terms if t.category == "scare_quotes" and t.target == "rebels")
    assert rebels.label == "rebels" and rebels.text == "“rebels”"
    claims = [t for t in terms if t.category == "attribution_distancing"]
    assert claims and claims[0].label == "claim"
    assert document.text[claims[0].start - 7 : claims[0].end] == "Russia claims"
    assert mem.count("hedges", "possibly") == 1


def test_framing_seed_rt_and_southfront_write_militants_and_liberate(
    seed_outlets: dict[str, OutletFraming],
) -> None:
    rt, southfront = seed_outlets["RT"], seed_outlets["SouthFront"]
    for label in ("militants", "terrorists"):
        assert rt.count("opposition", label) > 0, label
    assert rt.count("territory", "liberate") > 0
    assert southfront.count("opposition", "militants") >= 5  # "Militant-Held" in both titles
    assert southfront.count("territory", "liberate") > 0
    assert rt.count("government", "regime") == southfront.count("government", "regime") == 0


def test_framing_seed_southfront_terrorists_only_in_reader_comments(seed: Seed) -> None:
    """The seed's SouthFront pages say "terrorists" only in their comments, which framing
    must not count as the outlet's words."""
    terrorists = 0
    for prefix in ("001", "004"):
        document, segments = seed[prefix]
        editorial = document_framing(document.text, segments)
        assert not [t for t in editorial if t.label == "terrorists"]
        terrorists += len([t for t in find_terms(document.text) if t.label == "terrorists"])
    assert terrorists > 0


def test_framing_seed_southfront_so_called_observatory(seed: Seed) -> None:
    document, segments = seed["004"]
    hedges = [t for t in document_framing(document.text, segments) if t.label == "so-called"]
    assert [t.target for t in hedges] == ["Syrian Observatory of Human Rights"]
    assert hedges[0].text == "so-called “Syrian Observatory of Human Rights”"
    assert document.text[hedges[0].start : hedges[0].end] == hedges[0].text


def test_framing_seed_comments_are_not_counted(
    seed: Seed, seed_outlets: dict[str, OutletFraming]
) -> None:
    document, _ = seed["004"]
    assert "regime" in {t.label for t in find_terms(document.text)}  # a reader's “regime”
    assert seed_outlets["SouthFront"].count("government", "regime") == 0


def test_framing_seed_table_has_a_row_per_outlet(
    seed_outlets: dict[str, OutletFraming],
) -> None:
    table = render_table(list(seed_outlets.values()), legend=False)
    lines = table.splitlines()
    assert lines[0].split()[:4] == ["outlet", "docs", "words", "milit"]
    assert [line.split()[0] for line in lines[1:]] == ["Middle", "RT", "SouthFront"]


def test_framing_fakes_dev_table_has_its_fifteen_outlets() -> None:
    path = require_shared("corpus", "fakes-dev.csv")
    documents = []
    segments = {}
    for raw in read_corpus(path, Columns()):
        assert isinstance(raw, RawDocument)
        document, parts = read_document(raw)
        documents.append(document)
        segments[document.id] = parts
    framings = {f.outlet: f for f in outlet_framing(documents, segments)}
    assert len(framings) == 15
    assert sum(f.documents for f in framings.values()) == 384
    sana, etilaf = framings["sana"], framings["etilaf"]
    assert sana.rate("opposition", "terrorists") > 10 > sana.rate("government", "regime")
    assert etilaf.rate("government", "regime") > 10 > etilaf.rate("opposition", "terrorists")
    assert len(render_table(list(framings.values()), legend=False).splitlines()) == 16


# Lexicon terms


def test_framing_terms_match_whole_words_only() -> None:
    text = "The rebellion grew; a regimental band played; terrorism rose; the claimant left."
    assert _terms(text) == []
    terms = _terms("Rebels and a terrorist group met the Regime.")
    assert [(t.label, t.text) for t in terms] == [
        ("rebels", "Rebels"),
        ("terrorists", "terrorist group"),
        ("regime", "Regime"),
    ]


def test_framing_longest_form_wins_and_spans_are_exact() -> None:
    text = "Assad’s forces and the Assads forces faced militant-held areas of the Assad regime."
    terms = _terms(text)
    assert [(t.label, t.text) for t in terms] == [
        ("Assad forces", "Assad’s forces"),
        ("Assad forces", "Assads forces"),
        ("militants", "militant"),
        ("regime", "Assad regime"),
    ]
    assert all(text[t.start : t.end] == t.text for t in terms)


def test_framing_capital_abbreviations_and_ignored_phrases() -> None:
    assert [t.text for t in _terms("The SAA advanced; saa is no army.")] == ["SAA"]
    text = "The Free Syrian Army respects the ceasefire regime, the US government says."
    assert [t.label for t in _terms(text) if t.category != "attribution_neutral"] == []


def test_framing_attribution_by_stance_and_nouns_skipped() -> None:
    text = "Russia claims 8,000 left; the UN confirmed it; AFP reported that. The claims grew."
    found = [(t.category, t.label) for t in _terms(text)]
    assert found == [
        ("attribution_distancing", "claim"),
        ("attribution_endorsing", "confirm"),
        ("attribution_reporting", "report"),
    ]
    other_senses = (
        "The blast claimed the lives of 10; IS claimed responsibility; war claimed 300000 lives."
    )
    assert _terms(other_senses) == []


def test_framing_territory_verbs_in_their_forms() -> None:
    text = "The army retook the town, liberated a district and seized roads; Aleppo fell to it."
    assert [t.label for t in _terms(text, "territory")] == ["retake", "liberate", "seize", "fall"]


# Hedges and scare quotes


def test_framing_hedges_and_what_so_called_bears_on() -> None:
    terms = _terms(
        "The so-called moderate opposition reportedly fled; the so-called White Helmets of "
        "Idlib said so, and possibly the so-called humanitarian pauses, too."
    )
    hedges = [(t.label, t.target) for t in terms if t.category == "hedges"]
    assert hedges == [
        ("so-called", "moderate opposition"),
        ("reportedly", None),
        ("so-called", "White Helmets of Idlib"),
        ("possibly", None),
        ("so-called", "humanitarian pauses"),
    ]


def test_framing_scare_quotes_are_short_and_not_speech() -> None:
    assert _scare("Russia claims to have ‘helped’ 8,000 Syrians flee.") == ["helped"]
    assert _scare("Fourteen \"rebels\" surrendered, and the 'moderate' ones too.") == [
        "rebels",
        "moderate",
    ]
    assert _scare("“We will win,” he said.") == []
    assert _scare("Lavrov said: “Never”. Konashenkov said “soon”.") == []
    assert _scare("A group called “Jaish al-Fatah” and the hashtag “Aleppo”.") == []
    assert _scare("He added that it was a “colossal operation.”") == []
    assert _scare("They said “we will leave the city today” and left.") == []
    assert _scare("The rebels' positions and the army's lines") == []


def test_framing_scare_quote_label_is_the_quoted_term() -> None:
    terms = _terms("They backed the “moderate opposition” and ‘non-government’ groups.")
    scare = [(t.label, t.target) for t in terms if t.category == "scare_quotes"]
    assert scare == [("moderate opposition", "moderate opposition"), ("other", "non-government")]
    assert "government" not in {t.label for t in terms}  # "non-government" is ignored


def test_framing_terms_in_urls_are_ignored() -> None:
    assert _terms("Read more: https://example.org/syrian-army-frees-districts") == []


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("rebels", "“rebels”", "so-called", "Regime", "said", "‘x’", '"', "'", "SAA"),
                *("claims", ",", ".", "the", "Syrian army", "fell to", "https://a/rebels"),
                *("“", "”", "\n"),
            ]
        ),
        max_size=30,
    ),
    st.sampled_from([" ", "", "-"]),
)
def test_framing_terms_are_exact_spans_in_order(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    terms = find_terms(text)
    assert all(text[t.start : t.end] == t.text and t.start < t.end for t in terms)
    assert [t.start for t in terms] == sorted(t.start for t in terms)
    assert find_terms(text, offset=7) == [
        replace(t, start=t.start + 7, end=t.end + 7) for t in terms
    ]


# Documents, claims, outlets


def _document(doc_id: str, text: str, outlet: str | None) -> Document:
    return Document(doc_id, f"{doc_id}.txt", "text/plain", "utf-8", text, outlet=outlet)


def test_framing_document_counts_headline_and_body_only() -> None:
    text = "Militants flee\n\nThe regime advanced.\n\nReader says: terrorists!\n"
    segments = (
        Segment("headline", 0, 16),
        Segment("body", 16, 38),
        Segment("comment", 38, len(text)),
    )
    assert [t.label for t in document_framing(text, segments)] == ["militants", "regime"]
    assert "terrorists" in [t.label for t in document_framing(text)]


def test_framing_claim_terms_come_from_its_sentence() -> None:
    text = "Rebels shelled the city. The regime said 300 militants surrendered. Fine."
    start = text.index("300")
    quote = "The regime said 300 militants surrendered."
    claim = Claim("d", "body", start, start + 3, "300", quote, 300, 300, 300, "exact")
    assert [t.label for t in claim_framing(text, claim)] == ["regime", "say", "militants"]
    lost = replace(claim, quote="not in the text")
    assert [t.label for t in claim_framing(text, lost)] == ["regime", "say", "militants"]
    assert sentence_bounds("Gen. Smith of the U.S. Army said 5 died. Next.", 33, 34) == (0, 40)


def test_framing_outlet_counts_rates_and_examples() -> None:
    documents = [
        _document("a", "Militants and militants fled the regime.", "Alpha"),
        _document("b", "The militants left.", "Alpha"),
        _document("c", "Rebels left the government area.", "Beta"),
        _document("d", "Rebels left.", None),
    ]
    framings = {f.outlet: f for f in outlet_framing(documents, examples=2)}
    assert list(framings) == ["(unknown)", "Alpha", "Beta"]
    alpha = framings["Alpha"]
    assert (alpha.documents, alpha.words) == (2, 9)
    militants = alpha.tally("opposition", "militants")
    assert militants is not None
    assert (militants.count, militants.documents, militants.rate) == (3, 2, 333.333)
    assert [e.doc_id for e in militants.examples] == ["a", "b"]  # one per document first
    example = militants.examples[0]
    assert (example.text, example.start, example.end) == ("Militants", 0, 9)
    assert example.snippet == "Militants and militants fled the regime."
    assert alpha.rate("opposition") == 333.333 and alpha.rate("hedges") == 0.0
    table = render_table(list(framings.values()), legend=False)
    assert table.splitlines()[2].split()[:5] == ["Alpha", "2", "9", "333.33", "0.00"]


def test_framing_records_are_plain_json() -> None:
    text = "Rebels say 40 civilians fled the so-called regime."
    document = _document("a", text, "Alpha")
    start = text.index("40")
    claim = Claim("a", "body", start, start + 2, "40", text, 40, 40, 40, "exact")
    records = framing_records([document], [claim], names={"a": "a.txt"})
    assert json.loads(json.dumps(records)) == records
    outlet = records["outlets"][0]
    assert outlet["outlet"] == "Alpha" and outlet["words"] == 8
    assert outlet["categories"]["opposition"] == {"count": 1, "rate": 125.0}
    assert outlet["labels"][0]["examples"][0]["doc"] == "a.txt"
    assert records["documents"][0]["counts"]["hedges"] == {"so-called": 1}
    hedge = next(t for t in records["claims"][0]["terms"] if t["category"] == "hedges")
    assert hedge == {
        "category": "hedges",
        "label": "so-called",
        "text": "so-called regime",
        "start": 33,
        "end": 49,
        "target": "regime",
    }


# The lexicon is data


def test_framing_user_lexicon_extends_the_bundled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {
        "categories": {
            "opposition": {"labels": {"headchoppers": ["headchopper"], "militants": ["gunman"]}},
            "aid": {"plurals": True, "labels": {"White Helmets": ["White Helmet"]}},
        }
    }
    (tmp_path / "lexicon.json").write_text(json.dumps(extra), encoding="utf-8")
    text = "Headchoppers and gunman shot at White Helmets; militants fled."
    assert [t.label for t in find_terms(text)] == ["militants"]
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    assert [(t.category, t.label) for t in find_terms(text)] == [
        ("opposition", "headchoppers"),
        ("opposition", "militants"),
        ("aid", "White Helmets"),
        ("opposition", "militants"),
    ]


def test_framing_user_lexicon_form_under_two_labels_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {"categories": {"opposition": {"labels": {"rebels": ["militant"]}}}}
    (tmp_path / "lexicon.json").write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_VARIABLE, str(tmp_path))
    message = (
        "lexicon.json: the form 'militant' is listed under 'opposition/militants' and "
        "'opposition/rebels'. Keep it under one label."
    )
    with pytest.raises(ConfigError) as raised:
        find_terms("militants")
    assert raised.value.message == message
