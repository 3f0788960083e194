"""A table of trusted reference figures that claims are checked against.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reference_figures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        *(sa.Column(name, sa.Text()) for name in ("counted", "action", "place", "period")),
        sa.Column("date", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_reference_figures"),
        sa.UniqueConstraint("file", "row", name="uq_reference_figures_file_row"),
    )


def downgrade() -> None:
    op.drop_table("reference_figures")
