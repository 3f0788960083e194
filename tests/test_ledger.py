"""Reconciliation across documents: series, origins, figures and findings."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

from keeptabs.cli import app
from keeptabs.ingest.corpus import Columns, read_corpus
from keeptabs.ingest.files import read_paths
from keeptabs.pipeline import process_many
from keeptabs.reconcile.findings import finding_record
from keeptabs.reconcile.intervals import compatible, interval
from keeptabs.reconcile.ledger import Ledger, build_ledger
from keeptabs.report.ledger_records import series_record
from keeptabs.types import Claim, Document, Qualifier, RawDocument

from conftest import require_shared


@pytest.fixture(scope="module")
def seed(nlp: Language) -> tuple[Ledger, dict[str, str]]:
    folder = require_shared("corpus", "aleppo-2016")
    raws = [item for item in read_paths([folder]) if isinstance(item, RawDocument)]
    results = process_many(raws, nlp=nlp)
    documents = [r.document for r in results if r.document is not None]
    claims = [claim for r in results for claim in r.claims]
    return build_ledger(documents, claims), {d.id: Path(d.path).name[:3] for d in documents}


def _values(claims: list[Claim]) -> set[float]:
    return {c.value for c in claims if c.value is not None}


def test_seed_mod_figure_is_one_origin_carried_by_several_outlets(seed: tuple) -> None:
    ledger, _ = seed
    groups = [group for report in ledger.series for group in report.origins]
    mod = [g for g in groups if 8461 in _values(g)]
    assert mod, "no origin holds the MoD's 8,461"
    group = max(mod, key=len)
    assert len([c for c in group if c.value == 8461]) >= 2, "SouthFront carries 8,461 twice"
    assert {8500, 8000} <= _values(group), "nearly 8,500 and more than 8,000 share the origin"
    assert len({c.doc_id for c in group}) >= 2, "Middle East Monitor carries it too"
    found = [
        f for f in ledger.findings if f.type == "same_origin" and 8461 in _values(list(f.claims))
    ]
    assert found


def test_seed_percent_of_aleppo_from_two_documents_agrees(seed: tuple) -> None:
    ledger, names = seed
    shares = [r for r in ledger.series if r.series.key.period_kind == "share"]
    docs = {names[c.doc_id] for r in shares for c in r.series.claims if c.value == 93}
    assert {"000", "002"} <= docs
    assert not [
        f for f in ledger.findings if f.type == "conflict" and 93 in _values(list(f.claims))
    ]


def test_seed_cumulative_series_does_not_decrease(seed: tuple) -> None:
    """50,000 in two days, then 78,000 since the start: a running total that grew."""
    ledger, _ = seed
    assert not [f for f in ledger.findings if f.type == "cumulative_decrease"]
    assert not [f for f in ledger.findings if f.detail == "cumulative_vs_daily"]
    kinds = {(c.value, r.series.key.period_kind) for r in ledger.series for c in r.series.claims}
    assert {(50000, "daily"), (78000, "cumulative")} <= kinds


def test_seed_comment_figures_are_reader_claims_only(seed: tuple) -> None:
    ledger, names = seed
    reader = {c.value for r in ledger.series for c in r.series.reader_claims}
    assert {75000, 225000, 2500000} <= reader
    for report in ledger.series:
        assert all(c.section != "comment" for c in report.series.claims)
        for figure in report.figures.values():
            assert all(c.section != "comment" for c in figure.claims)
    record = series_record(ledger.series[0], names)
    assert {"series", "claims", "reader_claims", "origins", "figures"} <= set(record)


def test_finding_records_have_the_contract_fields(seed: tuple) -> None:
    ledger, names = seed
    assert ledger.findings
    for finding in ledger.findings:
        record = finding_record(finding, names)
        assert {"type", "claims", "explanation"} <= set(record)
        assert record["explanation"].endswith(".")
        for claim in record["claims"]:
            assert {"doc", "value", "number_text", "start", "end"} <= set(claim)


# -- intervals -------------------------------------------------------------------


def _claim(value: float, qualifier: Qualifier = "exact", **fields: object) -> Claim:
    lower = upper = value
    if qualifier in {"more_than", "at_least"}:
        upper = None  # type: ignore[assignment]
    if qualifier in {"up_to", "nearly"}:
        lower = None  # type: ignore[assignment]
    base = Claim(
        doc_id="d1",
        section="body",
        start=0,
        end=5,
        number_text=str(value),
        quote="",
        value=value,
        lower=lower,
        upper=upper,
        qualifier=qualifier,
        counted="civilians",
        action="flee",
        place="Aleppo",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (_claim(8461), _claim(8000, "more_than"), True),
        (_claim(8461), _claim(8500, "nearly"), True),
        (_claim(8461), _claim(8000, "approx"), True),
        (_claim(8461), _claim(9000, "more_than"), False),
        (_claim(1700), _claim(4000, "more_than"), False),
        (_claim(50000, "up_to"), _claim(49000), True),
        (_claim(75), _claim(80), False),
    ],
)
def test_interval_logic_over_qualifier_bounds(first: Claim, second: Claim, agree: bool) -> None:
    assert compatible(first, second) is agree
    assert interval(first)[0] <= interval(first)[1]


# -- properties ------------------------------------------------------------------

QUALIFIERS: list[Qualifier] = ["exact", "approx", "more_than", "up_to", "nearly"]
WORDS = ["shelling", "market", "convoy", "rebels", "said", "Aleppo", "buses", "monitor"]
QUOTES = [
    "Shelling hit the market in Aleppo, killing many.",
    "A convoy of buses left the besieged districts of Aleppo.",
    "The monitor said shelling hit the market in Idlib.",
    "",
]


@st.composite
def corpora(draw: st.DrawFn) -> tuple[list[Document], list[Claim]]:
    size = draw(st.integers(min_value=1, max_value=5))
    docs = [
        Document(
            id=f"d{i}",
            path=f"d{i}.txt",
            media_type="text/plain",
            encoding="utf-8",
            text=" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=5, max_size=30))),
            outlet=draw(st.sampled_from(["Wire", "Daily", "Herald"])),
            published=draw(st.sampled_from(["2016-12-17", "2016-12-18", None])),
        )
        for i in range(size)
    ]
    claims = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        claims.append(
            _claim(
                float(draw(st.sampled_from([1700, 2500, 4000, 8000, 8461, 8500]))),
                draw(st.sampled_from(QUALIFIERS)),
                doc_id=f"d{draw(st.integers(min_value=0, max_value=size - 1))}",
                start=draw(st.integers(min_value=0, max_value=3)) * 10,
                end=draw(st.integers(min_value=0, max_value=3)) * 10 + 4,
                quote=draw(st.sampled_from(QUOTES)),
                place=draw(st.sampled_from(["Aleppo", "Idlib", None])),
                section=draw(st.sampled_from(["headline", "body", "comment"])),
                source_org=draw(st.sampled_from([None, "Russian Ministry of Defence", "SOHR"])),
                period=draw(st.sampled_from([None, "past 24 hours", "since the start"])),
            )
        )
    return docs, claims


def _snapshot(ledger: Ledger) -> tuple[list[object], list[object]]:
    names = {f"d{i}": f"d{i}" for i in range(5)}
    return (
        [series_record(report, names) for report in ledger.series],
        [finding_record(finding, names) for finding in ledger.findings],
    )


@settings(max_examples=60, deadline=None)
@given(corpora(), st.randoms(use_true_random=False))
def test_ledger_ignores_input_order(corpus: tuple, rnd: random.Random) -> None:
    """Documents and claims in any order, duplicates of a position included, give the
    same series and findings."""
    docs, claims = corpus
    shuffled_docs, shuffled_claims = list(docs), list(claims)
    rnd.shuffle(shuffled_docs)
    rnd.shuffle(shuffled_claims)
    assert _snapshot(build_ledger(docs, claims)) == _snapshot(
        build_ledger(shuffled_docs, shuffled_claims)
    )


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_reconciling_twice_changes_nothing(corpus: tuple) -> None:
    """The same input gives the same ledger, and the series' own claims, reconciled
    again, give the same series."""
    docs, claims = corpus
    first = build_ledger(docs, claims)
    assert _snapshot(first) == _snapshot(build_ledger(docs, claims))
    placed = [c for r in first.series for c in r.series.claims + r.series.reader_claims]
    again = build_ledger(docs, placed)
    assert _snapshot(first)[0] == _snapshot(again)[0]


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_no_claim_counted_twice_in_a_figure(corpus: tuple) -> None:
    docs, claims = corpus
    for report in build_ledger(docs, claims).series:
        for figure in report.figures.values():
            assert len(set(figure.claims)) == len(figure.claims)
            origins = [
                next(i for i, group in enumerate(report.origins) if claim in group)
                for claim in figure.claims
            ]
            assert len(set(origins)) == len(origins), "one claim per origin"
            assert all(c.section != "comment" for c in figure.claims)


# -- the CLI ---------------------------------------------------------------------


def test_cli_findings_and_series_on_the_seed(runner: CliRunner, tmp_path: Path) -> None:
    folder = require_shared("corpus", "aleppo-2016")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["findings", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)
    types = {record["type"] for record in findings}
    assert {"same_origin", "agreement", "unit_conversion", "headline_drops_qualifier"} <= types
    assert all({"type", "claims", "explanation"} <= set(record) for record in findings)
    result = runner.invoke(app, ["series", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    series = json.loads(result.stdout)
    assert all(
        set(record["figures"]) == {"conservative", "range", "latest"}
        for record in series
        if record["claims"]
    )
    text = runner.invoke(app, ["findings", "--db", db])
    assert text.exit_code == 0 and text.stdout.rstrip().endswith("findings")


def _doc(doc_id: str, outlet: str, published: str = "2016-04-08") -> Document:
    return Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        media_type="text/plain",
        encoding="utf-8",
        text=f"{outlet} report {doc_id}",
        outlet=outlet,
        published=published,
    )


def test_conflict_needs_one_event_and_agreement_does_not() -> None:
    docs = [_doc("a", "Wire"), _doc("b", "Daily"), _doc("c", "Herald")]
    chemical = "killed in a chemical attack by Jaysh al-Islam on Sheikh Maqsoud in Aleppo"
    claims = [
        _claim(23, doc_id="a", quote=f"23 people were {chemical}.", source_org="SANA"),
        _claim(9, doc_id="b", quote=f"Nine people were {chemical} on Thursday.", source_org="SOHR"),
        _claim(
            2,
            doc_id="c",
            quote="Two civilians died when mortar shells hit a bakery in Aleppo.",
            source_org="Civil Defence",
        ),
    ]
    findings = build_ledger(docs, claims).findings
    conflicts = [f for f in findings if f.type == "conflict"]
    assert [sorted(c.value for c in f.claims) for f in conflicts] == [[9, 23]]
    assert conflicts[0].detail == "value"
    assert "cannot both be true" in conflicts[0].explanation


def test_event_words_come_from_everywhere_a_document_gives_the_figure() -> None:
    """A headline repeated in the body says little; the lead, giving the same figure,
    names the event. Verb forms every report uses ("were", "said") name none."""
    docs = [_doc("a", "Wire"), _doc("b", "Daily")]
    claims = [
        _claim(47, doc_id="a", quote="Strikes kill 47 in Aleppo monitor", section="headline"),
        _claim(47, doc_id="a", quote="Strikes kill 47 in Aleppo monitor", start=40),
        _claim(
            47,
            doc_id="a",
            start=80,
            quote="Russian jets killed 47 people in the Bustan al-Qasr market in Aleppo.",
            period="Saturday",
        ),
        _claim(58, doc_id="b", quote="Russian jets hit the Bustan al-Qasr market, killing 58."),
        _claim(2, doc_id="b", start=90, quote="Two people were killed in Aleppo, police said."),
    ]
    conflicts = [f for f in build_ledger(docs, claims).findings if f.type == "conflict"]
    assert [sorted(c.value for c in f.claims) for f in conflicts] == [[47, 58]]  # one, not two


def test_one_sentence_copied_into_two_documents_is_one_origin() -> None:
    docs = [_doc("a", "Wire"), _doc("b", "Daily")]
    line = "He was sentenced to seven life terms and four terms without parole in Atlanta."
    claims = [
        _claim(7, doc_id=d, quote=line, start=20, counted="terms", action="sentence")
        for d in ("a", "b")
    ] + [
        _claim(4, doc_id=d, quote=line, start=40, counted="terms", action="sentence")
        for d in ("a", "b")
    ]
    ledger = build_ledger(docs, claims)
    assert not [f for f in ledger.findings if f.type == "conflict"]
    origins = [sorted({c.doc_id for c in g}) for r in ledger.series for g in r.origins]
    assert origins == [["a", "b"], ["a", "b"]]


def test_fakes_dev_hand_checked_cross_outlet_conflict(nlp: Language) -> None:
    """Read by hand: Ahram (AFP, the Observatory) puts the Russian and regime strikes on
    eastern Syria of 25 June 2016 at 47 dead; Daily Sabah, a day later, at 58 civilians.
    One event, two outlets, two tolls that cannot both be true."""
    corpus = require_shared("corpus", "fakes-dev.csv")
    wanted = {"1923848262", "1924058178"}
    raws = [
        raw
        for raw in read_corpus(corpus, Columns())
        if isinstance(raw, RawDocument) and raw.path.rsplit("#", 1)[-1] in wanted
    ]
    results = process_many(raws, nlp=nlp)
    documents = [r.document for r in results if r.document is not None]
    ledger = build_ledger(documents, [c for r in results for c in r.claims])
    tolls = [
        sorted(c.value for c in f.claims if c.value is not None)
        for f in ledger.findings
        if f.type == "conflict"
    ]
    assert [47, 58] in tolls


def test_running_total_below_a_window_inside_it_is_a_conflict() -> None:
    docs = [_doc("a", "Wire")]
    claims = [
        _claim(50000, "up_to", doc_id="a", start=10, period="past 48 hours", place="East Aleppo"),
        _claim(
            30000,
            doc_id="a",
            start=90,
            period="since the start of the operation",
            place="East Aleppo",
        ),
    ]
    conflicts = [f for f in build_ledger(docs, claims).findings if f.type == "conflict"]
    assert conflicts == []  # "up to 50,000" allows fewer than 30,000
    claims[0] = replace(claims[0], qualifier="more_than", lower=50000, upper=None)
    conflicts = [f for f in build_ledger(docs, claims).findings if f.type == "conflict"]
    assert [f.detail for f in conflicts] == ["cumulative_vs_daily"]
