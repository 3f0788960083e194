"""Create documents, segments, claims and rejections.

Revision ID: 0001
Revises:
Create Date: 2025-01-01 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Length of a sha256 digest written as lowercase hex (frozen copy of schema.py's).
SHA256_HEX_LENGTH = 64

# The claim's optional text frame, in column order.
_CLAIM_FRAME = ("unit", "counted", "action", "place", "period", "source", "source_org")


def upgrade() -> None:
    _create_documents()
    _create_segments()
    _create_claims()
    _create_rejections()


def downgrade() -> None:
    op.drop_table("rejections")
    op.drop_index("ix_claims_doc_id_start", table_name="claims")
    op.drop_table("claims")
    op.drop_table("segments")
    op.drop_index("ix_documents_outlet", table_name="documents")
    op.drop_index("ix_documents_path", table_name="documents")
    op.drop_table("documents")


def _doc_id_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["doc_id"],
        ["documents.id"],
        name=f"fk_{table}_doc_id_documents",
        ondelete="CASCADE",
    )


def _create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(SHA256_HEX_LENGTH), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("encoding", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_path", "documents", ["path"])
    op.create_index("ix_documents_outlet", "documents", ["outlet"])


def _create_segments() -> None:
    op.create_table(
        "segments",
        sa.Column("doc_id", sa.String(SHA256_HEX_LENGTH), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        _doc_id_fk("segments"),
        sa.PrimaryKeyConstraint("doc_id", "seq", name="pk_segments"),
    )


def _create_claims() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_id", sa.String(SHA256_HEX_LENGTH), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("number_text", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("lower", sa.Double(), nullable=True),
        sa.Column("upper", sa.Double(), nullable=True),
        sa.Column("qualifier", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=True) for name in _CLAIM_FRAME),
        sa.Column("part_of", sa.Double(), nullable=True),
        _doc_id_fk("claims"),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.UniqueConstraint("doc_id", "seq", name="uq_claims_doc_id_seq"),
    )
    op.create_index("ix_claims_doc_id_start", "claims", ["doc_id", "start"])


def _create_rejections() -> None:
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(SHA256_HEX_LENGTH), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rejections"),
        sa.UniqueConstraint("sha256", "stage", "code", name="uq_rejections_sha256_stage_code"),
    )
