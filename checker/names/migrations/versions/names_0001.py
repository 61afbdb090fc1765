"""The names table: one row per name, unique by its spelling.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("variants", sa.JSON, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_in", sa.String(300), nullable=False),
        sa.CheckConstraint("status IN ('proposed', 'accepted', 'rejected')", name="names_status"),
        sa.CheckConstraint("kind IN ('person', 'place', 'organisation', 'other')", name="names_kind"),
    )
    op.create_index("ix_names_status", "names", ["status"])


def downgrade() -> None:
    op.drop_index("ix_names_status", table_name="names")
    op.drop_table("names")
