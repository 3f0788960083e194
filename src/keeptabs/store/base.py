"""What the rest of keeptabs may ask of a store, and how to open one."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Literal, Protocol, Self

from keeptabs.types import Claim, Document, ReferenceFigure, Rejection, Result, Review, Segment

# The database used when no ``--db URL`` is given: a file in the working directory.
DEFAULT_URL = "sqlite:///keeptabs.db"

SaveOutcome = Literal["ingested", "unchanged", "rejected"]


class Store(Protocol):
    """Persistent home of documents, their segments and claims, and rejected input.

    Every method raises :class:`keeptabs.errors.StoreError` when the database
    fails.  Use as a context manager, or call :meth:`close` when done.
    """

    def save(self, result: Result) -> SaveOutcome:
        """Store one pipeline result in a single transaction.

        ``"unchanged"``: the document was stored before, nothing is written.
        ``"ingested"``: the document (and any rejections alongside) were stored.
        ``"rejected"``: no document, its rejections were stored (idempotently).
        """
        ...

    def has_document(self, doc_id: str) -> bool: ...

    def documents(self) -> list[Document]:
        """Every document, raw bytes included, ordered by path."""
        ...

    def document(self, doc_id: str) -> Document | None: ...

    def segments(self, doc_id: str) -> list[Segment]:
        """The document's segments in order (empty if it is unknown)."""
        ...

    def claims(self, doc_id: str | None = None) -> list[Claim]:
        """Claims of one document, or of all, ordered by document path then start."""
        ...

    def rejections(self) -> list[Rejection]:
        """Every stored rejection, in the order they were stored."""
        ...

    def add_references(
        self, figures: Sequence[ReferenceFigure], *, files: Sequence[str] = ()
    ) -> int:
        """Store trusted reference figures (a file's rows replace its earlier ones)."""
        ...

    def references(self) -> list[ReferenceFigure]:
        """Every reference figure, by file and row."""
        ...

    def add_review(self, review: Review) -> None:
        """Store a person's verdict on a claim (a later one for the claim replaces it)."""
        ...

    def reviews(self) -> list[Review]:
        """Every review, by claim id."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows per table: keys ``documents``, ``segments``, ``claims``, ``rejections``."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def open_store(url: str | None = None) -> Store:
    """Open (creating or upgrading as needed) the database at ``url``.

    ``url`` is an SQLAlchemy URL such as ``sqlite:///keeptabs.db`` or
    ``postgresql+psycopg://user@host/db``; ``None`` means :data:`DEFAULT_URL`.
    """
    from keeptabs.store.sql import SqlStore

    return SqlStore(url or DEFAULT_URL)
