"""The SQLAlchemy store: SQLite by default, PostgreSQL (``postgresql+psycopg``) too."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, Row, Table, create_engine, event, func, select, tuple_
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from keeptabs.errors import StoreError
from keeptabs.store.base import SaveOutcome
from keeptabs.store.schema import (
    claims,
    documents,
    reference_figures,
    rejections,
    reviews,
    segments,
)
from keeptabs.types import Claim, Document, ReferenceFigure, Rejection, Result, Review, Segment

# Alembic's script directory, shipped inside the package (env.py, versions/).
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# PRAGMAs run on every new SQLite connection: write-ahead logging lets readers
# and a writer work at once; SQLite leaves foreign keys off unless asked.
SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON")

# Times ``save`` runs its transaction: a second try sees rows that a concurrent
# writer committed first (a duplicate key), and then writes nothing twice.
SAVE_ATTEMPTS = 2

# Execution option marking a connection that will write: on SQLite it begins
# with BEGIN IMMEDIATE, taking the write lock up front (waiting out the busy
# timeout) instead of failing at once when a read later turns into a write.
WRITES = "keeptabs_writes"

# The claim columns copied one-to-one from (and back into) Claim's fields.
CLAIM_FIELDS = (
    "doc_id",
    "section",
    "start",
    "end",
    "number_text",
    "quote",
    "value",
    "lower",
    "upper",
    "qualifier",
    "kind",
    "unit",
    "counted",
    "action",
    "place",
    "period",
    "period_start",
    "period_end",
    "source",
    "source_org",
    "part_of",
)
DOCUMENT_FIELDS = (
    "id",
    "path",
    "media_type",
    "encoding",
    "text",
    "title",
    "outlet",
    "url",
    "published",
    "raw",
)
REJECTION_FIELDS = ("path", "stage", "code", "message", "sha256", "raw")
REVIEW_FIELDS = ("claim_id", "rating", "author", "date", "note")
REFERENCE_FIELDS = (
    "file",
    "row",
    "value",
    "counted",
    "action",
    "place",
    "period",
    "date",
    "source",
)


class SqlStore:
    """A :class:`keeptabs.store.base.Store` on any SQLAlchemy database URL.

    Opening it creates the tables in a new database and upgrades an old one.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._shown = _display(self.url)
        self._engine = self._open_engine()

    # -- opening ---------------------------------------------------------------

    def _open_engine(self) -> Engine:
        try:
            engine = create_engine(self.url)
        except (ImportError, SQLAlchemyError) as exc:
            raise self._open_error(exc) from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_on_connect)
            event.listen(engine, "begin", _sqlite_on_begin)
        try:
            migrate(engine)
        except (CommandError, SQLAlchemyError) as exc:
            engine.dispose()
            raise self._open_error(exc) from exc
        return engine

    def _open_error(self, exc: Exception) -> StoreError:
        """The error for a database that cannot be opened, with what to do about it."""
        if isinstance(exc, ImportError):  # the URL's driver is not installed
            advice = "Install the database driver the --db URL names, or check the URL."
        elif isinstance(exc, CommandError):  # an unknown revision in alembic_version
            advice = "It was probably written by a newer keeptabs: upgrade keeptabs."
        else:
            advice = "Check the --db URL or the file's permissions."
        message = f"Could not open database '{self._shown}': {_reason(exc)}. {advice}"
        return StoreError(message, stage="store")

    # -- writing ---------------------------------------------------------------

    def save(self, result: Result) -> SaveOutcome:
        """Store ``result`` in one transaction; see :meth:`Store.save`."""
        _check_result(result)
        path = result.document.path if result.document else result.rejections[0].path
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                with _writing(self._engine) as conn:
                    return _save_in(conn, result, datetime.now(UTC))
            except IntegrityError as exc:
                if attempt == SAVE_ATTEMPTS:
                    raise self._save_error(path, exc) from exc
            except (SQLAlchemyError, UnicodeEncodeError) as exc:  # e.g. a lone surrogate
                raise self._save_error(path, exc) from exc
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _save_error(self, path: str, exc: Exception) -> StoreError:
        return StoreError(
            f"Could not save '{path}' to database '{self._shown}': {_reason(exc)}. "
            "Check that the database is writable and not locked by another program.",
            path=path,
            stage="store",
        )

    # -- reading ---------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._reading("documents") as conn:
            return _has_document(conn, doc_id)

    def documents(self) -> list[Document]:
        query = select(documents).order_by(documents.c.path, documents.c.id)
        with self._reading("documents") as conn:
            return [_to_document(row) for row in conn.execute(query)]

    def document(self, doc_id: str) -> Document | None:
        query = select(documents).where(documents.c.id == doc_id)
        with self._reading("documents") as conn:
            row = conn.execute(query).first()
        return None if row is None else _to_document(row)

    def segments(self, doc_id: str) -> list[Segment]:
        query = select(segments).where(segments.c.doc_id == doc_id).order_by(segments.c.seq)
        with self._reading("segments") as conn:
            return [_to_segment(row) for row in conn.execute(query)]

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        query = (
            select(claims)
            .join(documents, documents.c.id == claims.c.doc_id)
            .order_by(documents.c.path, claims.c.doc_id, claims.c.start, claims.c.seq)
        )
        if doc_id is not None:
            query = query.where(claims.c.doc_id == doc_id)
        with self._reading("claims") as conn:
            return [_to_claim(row) for row in conn.execute(query)]

    def rejections(self) -> list[Rejection]:
        query = select(rejections).order_by(rejections.c.id)
        with self._reading("rejections") as conn:
            return [_to_rejection(row) for row in conn.execute(query)]

    def add_references(
        self, figures: Sequence[ReferenceFigure], *, files: Sequence[str] = ()
    ) -> int:
        """Store reference figures; a file's rows added again replace the old ones (name
        ``files`` to clear a file whose rows all failed). Returns how many were stored."""
        rows = [{name: getattr(f, name) for name in REFERENCE_FIELDS} for f in figures]
        try:
            with _writing(self._engine) as conn:
                for file in sorted({f.file for f in figures} | set(files)):
                    conn.execute(reference_figures.delete().where(reference_figures.c.file == file))
                if rows:
                    conn.execute(reference_figures.insert(), rows)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"Could not save reference figures to database '{self._shown}': {_reason(exc)}. "
                "Check that the database is writable.",
                stage="store",
            ) from exc
        return len(rows)

    def references(self) -> list[ReferenceFigure]:
        query = select(reference_figures).order_by(
            reference_figures.c.file, reference_figures.c.row
        )
        with self._reading("reference figures") as conn:
            return [
                ReferenceFigure(**{name: row._mapping[name] for name in REFERENCE_FIELDS})
                for row in conn.execute(query)
            ]

    def add_review(self, review: Review) -> None:
        """Store ``review``; a later review of the same claim replaces it."""
        row = {name: getattr(review, name) for name in REVIEW_FIELDS}
        try:
            with _writing(self._engine) as conn:
                conn.execute(reviews.delete().where(reviews.c.claim_id == review.claim_id))
                conn.execute(reviews.insert(), [row])
        except SQLAlchemyError as exc:
            raise StoreError(
                f"Could not save the review of claim '{review.claim_id}' to database "
                f"'{self._shown}': {_reason(exc)}. Check that the database is writable.",
                stage="store",
            ) from exc

    def reviews(self) -> list[Review]:
        query = select(reviews).order_by(reviews.c.claim_id)
        with self._reading("reviews") as conn:
            return [
                Review(**{name: row._mapping[name] for name in REVIEW_FIELDS})
                for row in conn.execute(query)
            ]

    def counts(self) -> dict[str, int]:
        tables = (documents, segments, claims, rejections)
        with self._reading("counts") as conn:
            return {table.name: _count(conn, table) for table in tables}

    @contextmanager
    def _reading(self, what: str) -> Iterator[Connection]:
        """A connection for reads; database errors become :class:`StoreError`."""
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"Could not read {what} from database '{self._shown}': {_reason(exc)}. "
                "Check that the database is reachable and not damaged.",
                stage="store",
            ) from exc

    # -- closing ---------------------------------------------------------------

    def close(self) -> None:
        """Close every pooled connection (the engine reconnects if used again)."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqlStore({self._shown!r})"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config for the shipped migrations, built in code (no alembic.ini).

    ``url`` is needed only to run Alembic without a connection (offline SQL).
    """
    config = Config()
    # ConfigParser interpolation: a literal '%' in a value must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the database's schema to the newest Alembic revision."""
    config = alembic_config()
    with _writing(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


# -- saving ----------------------------------------------------------------------


def _check_result(result: Result) -> None:
    """Refuse results the store cannot file consistently (programming errors)."""
    doc = result.document
    if doc is None and not result.rejections:
        raise ValueError("A Result with no document and no rejections has nothing to save.")
    if doc is not None and any(claim.doc_id != doc.id for claim in result.claims):
        raise ValueError(f"Result for document {doc.id} holds claims of another document.")


def _save_in(conn: Connection, result: Result, now: datetime) -> SaveOutcome:
    doc = result.document
    if doc is not None:
        if _has_document(conn, doc.id):
            return "unchanged"
        _insert_document(conn, doc, result.segments, result.claims, now)
    _insert_rejections(conn, result.rejections, now)
    return "rejected" if doc is None else "ingested"


def _insert_document(
    conn: Connection,
    doc: Document,
    segs: Sequence[Segment],
    found: Sequence[Claim],
    now: datetime,
) -> None:
    conn.execute(documents.insert(), [{**_fields(doc, DOCUMENT_FIELDS), "ingested_at": now}])
    if segs:
        rows = [_segment_row(doc.id, seq, seg) for seq, seg in enumerate(segs)]
        conn.execute(segments.insert(), rows)
    if found:
        rows = [{**_fields(claim, CLAIM_FIELDS), "seq": seq} for seq, claim in enumerate(found)]
        conn.execute(claims.insert(), rows)


def _segment_row(doc_id: str, seq: int, seg: Segment) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "seq": seq,
        "kind": seg.kind,
        "start": seg.start,
        "end": seg.end,
        "author": seg.author,
    }


def _insert_rejections(conn: Connection, found: Sequence[Rejection], now: datetime) -> None:
    """Insert the rejections not stored yet, keyed on (sha256, stage, code)."""
    new: dict[tuple[str, str, str], Rejection] = {}
    for rejection in found:  # the first of duplicates wins, as across calls
        new.setdefault((rejection.sha256, rejection.stage, rejection.code), rejection)
    if not new:
        return
    key = (rejections.c.sha256, rejections.c.stage, rejections.c.code)
    stored = conn.execute(select(*key).where(tuple_(*key).in_(list(new))))
    for sha256, stage, code in stored:
        new.pop((sha256, stage, code), None)
    if new:
        rows = [{**_fields(r, REJECTION_FIELDS), "rejected_at": now} for r in new.values()]
        conn.execute(rejections.insert(), rows)


def _fields(obj: object, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


# -- reading ---------------------------------------------------------------------


def _has_document(conn: Connection, doc_id: str) -> bool:
    query = select(documents.c.id).where(documents.c.id == doc_id)
    return conn.execute(query).first() is not None


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _to_document(row: Row[Any]) -> Document:
    values = {name: row._mapping[name] for name in DOCUMENT_FIELDS}
    return Document(**{**values, "raw": bytes(values["raw"])})


def _to_segment(row: Row[Any]) -> Segment:
    return Segment(kind=row.kind, start=row.start, end=row.end, author=row.author)


def _to_claim(row: Row[Any]) -> Claim:
    return Claim(**{name: row._mapping[name] for name in CLAIM_FIELDS})


def _to_rejection(row: Row[Any]) -> Rejection:
    values = {name: row._mapping[name] for name in REJECTION_FIELDS}
    return Rejection(**{**values, "raw": bytes(values["raw"])})


# -- connecting ------------------------------------------------------------------


def _display(url: str) -> str:
    """The URL as shown in messages, with any password masked."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    # Rendering re-quotes the URL, so do it only when there is a password to hide.
    return url if parsed.password is None else parsed.render_as_string(hide_password=True)


def _reason(exc: Exception) -> str:
    """The driver's own words for ``exc``, on one line, without a final period."""
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    text = str(orig if orig is not None else exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return first.rstrip(".")


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction meant to write, committed on success."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITES: True})
        with conn.begin():
            yield conn


def _sqlite_on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    """Turn on WAL and foreign keys; let SQLAlchemy, not sqlite3, emit BEGIN."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    """Start a real transaction, so DDL and reads are transactional as well."""
    writes = conn.get_execution_options().get(WRITES, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
