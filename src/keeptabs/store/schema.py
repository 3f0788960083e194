"""The database tables, as SQLAlchemy Core metadata.

This module describes the schema that the newest migration produces; the
migrations in ``migrations/versions`` are what actually create it.  A test
checks that the two agree.  Types are portable (SQLite and PostgreSQL):
``Text`` for every string but ids, ``Double`` for floats so values
read back exactly, ``LargeBinary`` for raw bytes.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Names every constraint and index deterministically, so migrations can refer
# to them by name on any backend (SQLite batch mode needs named constraints).
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Length of a sha256 digest written as lowercase hex.
SHA256_HEX_LENGTH = 64

metadata = MetaData(naming_convention=NAMING_CONVENTION)

documents = Table(
    "documents",
    metadata,
    Column("id", String(SHA256_HEX_LENGTH), primary_key=True),
    Column("path", Text, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("encoding", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Text),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_path", "path"),
    Index("ix_documents_outlet", "outlet"),
)

segments = Table(
    "segments",
    metadata,
    Column(
        "doc_id",
        String(SHA256_HEX_LENGTH),
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("author", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "doc_id",
        String(SHA256_HEX_LENGTH),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("seq", Integer, nullable=False),
    Column("section", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("number_text", Text, nullable=False),
    Column("quote", Text, nullable=False),
    Column("value", Double),
    Column("lower", Double),
    Column("upper", Double),
    Column("qualifier", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("unit", Text),
    Column("counted", Text),
    Column("action", Text),
    Column("place", Text),
    Column("period", Text),
    Column("period_start", Text),  # ISO date
    Column("period_end", Text),
    Column("source", Text),
    Column("source_org", Text),
    Column("part_of", Double),
    UniqueConstraint("doc_id", "seq"),
    Index("ix_claims_doc_id_start", "doc_id", "start"),
)

reference_figures = Table(
    "reference_figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("file", Text, nullable=False),
    Column("row", Integer, nullable=False),
    Column("value", Double, nullable=False),
    Column("counted", Text),
    Column("action", Text),
    Column("place", Text),
    Column("period", Text),
    Column("date", Text),
    Column("source", Text),
    UniqueConstraint("file", "row"),
)

reviews = Table(
    "reviews",
    metadata,
    Column("claim_id", Text, primary_key=True),
    Column("rating", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("date", Text, nullable=False),
    Column("note", Text),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("sha256", String(SHA256_HEX_LENGTH), nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("rejected_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("sha256", "stage", "code"),
)
