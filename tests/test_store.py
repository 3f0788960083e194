"""The store on real databases: SQLite files in tmp_path, and PostgreSQL when given.

Set ``KEEPTABS_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://user@host/db``,
a database the tests may empty) to run the backend-parametrized tests there too.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from sqlalchemy import create_engine, inspect, text

from keeptabs.errors import StoreError
from keeptabs.store.base import DEFAULT_URL, open_store
from keeptabs.store.schema import claims, documents, metadata, rejections, reviews, segments
from keeptabs.store.sql import SqlStore, alembic_config
from keeptabs.types import (
    SEGMENT_KINDS,
    Claim,
    Document,
    Qualifier,
    QuantityKind,
    RawDocument,
    Rejection,
    Result,
    Review,
    Segment,
)

# A PostgreSQL database the tests may empty; the postgresql params skip without it.
POSTGRES_URL = os.environ.get("KEEPTABS_TEST_POSTGRES_URL")
SKIP_POSTGRES = pytest.mark.skipif(
    not POSTGRES_URL, reason="set KEEPTABS_TEST_POSTGRES_URL to test against PostgreSQL"
)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=SKIP_POSTGRES)]

# The tables the first migration creates.
TABLES = {"documents", "segments", "claims", "rejections"}

StoreFactory = Callable[[], SqlStore]


def _empty_postgres(url: str) -> None:
    """Delete every keeptabs row, so each example starts from an empty store."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for table in (claims, segments, rejections, documents, reviews):
                conn.execute(table.delete())
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Makes empty stores on the backend; closes them all at teardown."""
    opened: list[SqlStore] = []
    numbers = itertools.count()

    def make() -> SqlStore:
        if request.param == "postgresql":
            assert POSTGRES_URL is not None
            store = SqlStore(POSTGRES_URL)
            _empty_postgres(POSTGRES_URL)
        else:
            store = SqlStore(f"sqlite:///{tmp_path / f'store{next(numbers)}.db'}")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(new_store: StoreFactory) -> SqlStore:
    return new_store()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'keeptabs.db'}"


# -- sample data -----------------------------------------------------------------


def _document(
    path: str = "news/a.txt", raw: bytes = b"Police said 40 people were hurt."
) -> Document:
    return Document(
        id=hashlib.sha256(path.encode() + raw).hexdigest(),
        path=path,
        media_type="text/plain",
        encoding="utf-8",
        text=raw.decode(),
        title="Crash",
        outlet="Daily",
        url="https://example.org/a",
        published="2024-03-01",
        raw=raw,
    )


def _claim(doc: Document, start: int = 12) -> Claim:
    return Claim(
        doc_id=doc.id,
        section="body",
        start=start,
        end=start + 2,
        number_text="40",
        quote=doc.text,
        value=40.0,
        lower=40.0,
        upper=40.0,
        qualifier="exact",
        counted="people",
        action="hurt",
        source="Police",
    )


def _rejection(code: str = "decode", raw: bytes = b"\xff\xfe\x00bad") -> Rejection:
    return Rejection(
        path="news/bad.txt",
        stage="ingest",
        code=code,
        message="Could not decode news/bad.txt.",
        sha256="f" * 64,
        raw=raw,
    )


def _result(doc: Document) -> Result:
    body = Segment(kind="body", start=0, end=len(doc.text))
    return Result(document=doc, segments=(body,), claims=(_claim(doc),))


# -- Hypothesis strategies -------------------------------------------------------

# PostgreSQL text cannot hold NUL; everything else Unicode allows is fair game.
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
MAYBE_TEXT = st.none() | TEXT
# Offsets fit PostgreSQL's 32-bit INTEGER.
OFFSET = st.integers(min_value=0, max_value=2**31 - 1)
# SQLite stores NaN as NULL, so NaN cannot round-trip; infinities can.
MAYBE_FLOAT = st.none() | st.floats(allow_nan=False)


@st.composite
def results(draw: st.DrawFn) -> Result:
    doc = Document(
        id=draw(st.text("0123456789abcdef", min_size=64, max_size=64)),
        path=draw(TEXT),
        media_type=draw(st.sampled_from(["text/plain", "text/html"])),
        encoding=draw(TEXT),
        text=draw(TEXT),
        title=draw(MAYBE_TEXT),
        outlet=draw(MAYBE_TEXT),
        url=draw(MAYBE_TEXT),
        published=draw(MAYBE_TEXT),
        raw=draw(st.binary(max_size=64)),
    )
    segs = draw(
        st.lists(
            st.builds(Segment, st.sampled_from(SEGMENT_KINDS), OFFSET, OFFSET, MAYBE_TEXT),
            max_size=4,
        )
    )
    found = draw(st.lists(_claims(doc.id), max_size=4))
    return Result(document=doc, segments=tuple(segs), claims=tuple(found))


def _claims(doc_id: str) -> st.SearchStrategy[Claim]:
    return st.builds(
        Claim,
        doc_id=st.just(doc_id),
        section=st.sampled_from(SEGMENT_KINDS),
        start=OFFSET,
        end=OFFSET,
        number_text=TEXT,
        quote=TEXT,
        value=MAYBE_FLOAT,
        lower=MAYBE_FLOAT,
        upper=MAYBE_FLOAT,
        qualifier=st.sampled_from(get_args(Qualifier)),
        kind=st.sampled_from(get_args(QuantityKind)),
        unit=MAYBE_TEXT,
        counted=MAYBE_TEXT,
        action=MAYBE_TEXT,
        place=MAYBE_TEXT,
        period=MAYBE_TEXT,
        period_start=MAYBE_TEXT,
        period_end=MAYBE_TEXT,
        source=MAYBE_TEXT,
        source_org=MAYBE_TEXT,
        part_of=MAYBE_FLOAT,
    )


REJECTIONS = st.builds(
    Rejection,
    path=TEXT,
    stage=TEXT,
    code=TEXT,
    message=TEXT,
    sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
    raw=st.binary(max_size=64),
)


# -- round trips -----------------------------------------------------------------


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(result=results())
def test_store_reads_back_what_it_wrote(new_store: StoreFactory, result: Result) -> None:
    store = new_store()
    assert result.document is not None
    doc_id = result.document.id
    assert store.save(result) == "ingested"
    assert store.document(doc_id) == result.document
    assert store.documents() == [result.document]
    assert store.segments(doc_id) == list(result.segments)
    in_order = sorted(result.claims, key=lambda claim: claim.start)  # stable: seq breaks ties
    assert store.claims(doc_id) == in_order
    assert store.claims() == in_order


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(found=st.lists(REJECTIONS, min_size=1, max_size=4))
def test_store_reads_back_rejections(new_store: StoreFactory, found: list[Rejection]) -> None:
    store = new_store()
    assert store.save(Result(document=None, rejections=tuple(found))) == "rejected"
    first_of_each = {(r.sha256, r.stage, r.code): r for r in reversed(found)}
    expected = [r for r in found if first_of_each[(r.sha256, r.stage, r.code)] is r]
    assert store.rejections() == expected


def test_store_round_trips_every_field_of_a_sample(store: SqlStore) -> None:
    doc = _document()
    claim = _claim_with_everything(doc)
    segs = (Segment("headline", 0, 5), Segment("comment", 5, len(doc.text), author="Ana"))
    assert store.save(Result(doc, segs, (claim,), (_rejection(),))) == "ingested"
    assert store.document(doc.id) == doc
    assert store.segments(doc.id) == list(segs)
    assert store.claims(doc.id) == [claim]
    assert store.rejections() == [_rejection()]


def _claim_with_everything(doc: Document) -> Claim:
    return Claim(
        doc_id=doc.id,
        section="caption",
        start=3,
        end=9,
        number_text="about 0.1",
        quote="«about 0.1 of ₤» — ünïcode",
        value=0.1 + 0.2,  # not exactly 0.3: checks the float comes back bit for bit
        lower=-1e308,
        upper=float("inf"),
        qualifier="approx",
        kind="money",
        unit="GBP",
        counted="pounds",
        action="spent",
        place="Zürich",
        period="2023",
        source="the minister",
        source_org="Ministry",
        part_of=5e-324,
    )


# -- idempotence -----------------------------------------------------------------


def test_store_saving_twice_is_unchanged(store: SqlStore) -> None:
    result = _result(_document())
    assert store.save(result) == "ingested"
    before = store.counts()
    assert store.save(result) == "unchanged"
    assert store.counts() == before == {"documents": 1, "segments": 1, "claims": 1, "rejections": 0}


def test_store_rejections_keep_raw_bytes_and_are_idempotent(store: SqlStore) -> None:
    bad = Result(document=None, rejections=(_rejection(), _rejection(), _rejection("empty")))
    assert store.save(bad) == "rejected"
    assert store.save(bad) == "rejected"
    assert store.rejections() == [_rejection(), _rejection("empty")]
    assert store.rejections()[0].raw == b"\xff\xfe\x00bad"
    assert store.counts()["rejections"] == 2


def test_store_document_with_rejections_is_ingested(store: SqlStore) -> None:
    doc = _document()
    result = Result(document=doc, rejections=(_rejection("extraction"),))
    assert store.save(result) == "ingested"
    assert store.has_document(doc.id)
    assert store.rejections() == [_rejection("extraction")]


def test_store_refuses_a_result_with_nothing_to_save(store: SqlStore) -> None:
    with pytest.raises(ValueError, match="nothing to save"):
        store.save(Result(document=None))


def test_store_refuses_claims_of_another_document(store: SqlStore) -> None:
    doc, other = _document("a"), _document("b")
    with pytest.raises(ValueError, match="claims of another document"):
        store.save(Result(document=doc, claims=(_claim(other),)))
    assert store.counts()["documents"] == 0


# -- reading ---------------------------------------------------------------------


def test_store_unknown_document_reads_as_absent(store: SqlStore) -> None:
    assert not store.has_document("0" * 64)
    assert store.document("0" * 64) is None
    assert store.segments("0" * 64) == []
    assert store.claims("0" * 64) == []


def test_store_orders_documents_and_claims_by_path_then_start(store: SqlStore) -> None:
    late, early = _document("b.txt", b"x 1 2"), _document("a.txt", b"y 3 4")
    for doc in (late, early):
        found = (_claim(doc, start=4), _claim(doc, start=2))
        store.save(Result(document=doc, claims=found))
    assert [doc.path for doc in store.documents()] == ["a.txt", "b.txt"]
    assert [(c.doc_id, c.start) for c in store.claims()] == [
        (early.id, 2),
        (early.id, 4),
        (late.id, 2),
        (late.id, 4),
    ]
    assert [c.start for c in store.claims(late.id)] == [2, 4]


def test_store_counts_every_table(store: SqlStore) -> None:
    assert store.counts() == {"documents": 0, "segments": 0, "claims": 0, "rejections": 0}


# -- opening and migrations ------------------------------------------------------


def test_store_migrations_create_all_tables_at_head(sqlite_url: str) -> None:
    open_store(sqlite_url).close()
    engine = create_engine(sqlite_url)
    try:
        assert TABLES | {"alembic_version"} <= set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()
    assert current == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_store_migrations_match_schema_module(sqlite_url: str) -> None:
    open_store(sqlite_url).close()
    engine = create_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_store_migrations_render_for_postgresql() -> None:
    output = io.StringIO()
    config = alembic_config("postgresql+psycopg://user@localhost/keeptabs")
    config.output_buffer = output
    command.upgrade(config, "head", sql=True)
    sql = output.getvalue()
    assert all(f"CREATE TABLE {table}" in sql for table in TABLES)
    assert "DOUBLE PRECISION" in sql and "BYTEA" in sql and "SERIAL" in sql


def test_store_upgrades_a_database_of_the_first_revision(sqlite_url: str) -> None:
    """A ledger written before claims had period dates opens, keeps its claims, and
    stores the dates of new ones."""
    command.upgrade(alembic_config(sqlite_url), "0001")
    doc = _document()
    engine = create_engine(sqlite_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO documents (id, path, media_type, encoding, text, raw, "
                    "ingested_at) VALUES (:id, :path, 'text/plain', 'utf-8', :text, :raw, "
                    "'2024-03-01T00:00:00')"
                ),
                {"id": doc.id, "path": doc.path, "text": doc.text, "raw": doc.raw},
            )
            conn.execute(
                text(
                    'INSERT INTO claims (doc_id, seq, section, start, "end", number_text, '
                    "quote, value, qualifier, kind) VALUES "
                    "(:id, 0, 'body', 12, 14, '40', :quote, 40, 'exact', 'count')"
                ),
                {"id": doc.id, "quote": doc.text},
            )
    finally:
        engine.dispose()
    with open_store(sqlite_url) as store:
        (old,) = store.claims(doc.id)
        assert (old.value, old.period_start, old.period_end) == (40.0, None, None)
        other = _document("news/b.txt")
        dated = replace(_claim(other), period="Monday", period_start="2024-02-26")
        store.save(Result(document=other, segments=(), claims=(dated,)))
        assert store.claims(other.id)[0].period_start == "2024-02-26"


def test_store_reopens_an_existing_database(sqlite_url: str) -> None:
    doc = _document()
    with open_store(sqlite_url) as first:
        first.save(_result(doc))
    with open_store(sqlite_url) as again:
        assert again.document(doc.id) == doc
        assert again.save(_result(doc)) == "unchanged"


def test_store_defaults_to_keeptabs_db_in_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store(None) as store:
        assert isinstance(store, SqlStore) and store.url == DEFAULT_URL
    assert (tmp_path / "keeptabs.db").is_file()


def test_store_sqlite_uses_wal_and_foreign_keys(store: SqlStore) -> None:
    if not store.url.startswith("sqlite"):
        pytest.skip("SQLite PRAGMAs")
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_bad_path_gives_store_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing' / 'keeptabs.db'}"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert caught.value.message == (
        f"Could not open database '{url}': unable to open database file. "
        "Check the --db URL or the file's permissions."
    )


def test_store_bad_url_gives_store_error() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("nosuchdb://reader:secret@host/news")
    assert caught.value.message == (
        "Could not open database 'nosuchdb://reader:***@host/news': "
        "Can't load plugin: sqlalchemy.dialects:nosuchdb. "
        "Check the --db URL or the file's permissions."
    )


def test_store_file_that_is_not_a_database_gives_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are not the tables you are looking for" * 100)
    with pytest.raises(StoreError, match=r"file is not a database\. Check the --db URL"):
        open_store(f"sqlite:///{junk}")


def test_store_database_from_a_newer_keeptabs_gives_store_error(sqlite_url: str) -> None:
    open_store(sqlite_url).close()
    engine = create_engine(sqlite_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="newer keeptabs: upgrade keeptabs"):
        open_store(sqlite_url)


def test_store_text_that_is_not_unicode_gives_store_error(store: SqlStore) -> None:
    doc = Document(
        id="0" * 64, path="x.txt", media_type="text/plain", encoding="utf-8", text="\ud800"
    )
    with pytest.raises(StoreError, match=r"^Could not save 'x\.txt' to database"):
        store.save(Result(document=doc))
    assert store.counts()["documents"] == 0


def test_store_concurrent_writers_all_succeed(new_store: StoreFactory) -> None:
    first = new_store()
    stores = [first, first if "sqlite" not in first.url else SqlStore(first.url)]
    docs = [_document(f"doc{n}.txt", f"{n} cats".encode()) for n in range(20)]

    def ingest(index: int) -> list[str]:
        return [stores[index % 2].save(_result(doc)) for doc in docs]

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = [outcome for batch in pool.map(ingest, range(4)) for outcome in batch]
    for store in stores[1:]:
        store.close()
    assert sorted(set(outcomes)) == ["ingested", "unchanged"]
    assert outcomes.count("ingested") == len(docs)
    assert first.counts()["documents"] == len(docs)


def test_store_review_of_a_claim_replaces_the_earlier_one(store: SqlStore) -> None:
    first = Review("doc:1-3", "false", "A. Checker", "2026-11-01")
    second = Review("doc:1-3", "misleading", "B. Editor", "2026-11-02", "context missing")
    store.add_review(first)
    store.add_review(Review("doc:9-12", "accurate", "A. Checker", "2026-11-01"))
    store.add_review(second)
    assert store.reviews() == [second, Review("doc:9-12", "accurate", "A. Checker", "2026-11-01")]


def test_web_view_reads_the_store_on_each_backend(store: SqlStore, nlp: Language) -> None:
    from keeptabs.pipeline import process
    from keeptabs.web.view import load_view

    text = "Floods in Testville\n\nAt least 40 people were killed, officials said on Monday."
    result = process(RawDocument(text.encode(), "floods.txt", text=text), nlp=nlp)
    store.save(result)
    view = load_view(store)
    assert [row["value"] for row in view.claim_rows] == [40]
    assert view.search.search("officials")[0].doc_id == result.document.id  # type: ignore[union-attr]
