"""Reviews: a person's verdict on a claim, exported as schema.org ClaimReview.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("claim_id", sa.Text(), nullable=False),
        sa.Column("rating", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("date", sa.Text(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.PrimaryKeyConstraint("claim_id", name="pk_reviews"),
    )


def downgrade() -> None:
    op.drop_table("reviews")
