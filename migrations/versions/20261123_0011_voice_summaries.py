"""Voice summaries frozen for a board meeting: what the board saw, kept as it was."""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "summary_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("frozen_by_id", sa.Integer(), nullable=False),
        sa.Column("frozen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["frozen_by_id"], ["app_user.id"]),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "version"),
    )
    op.create_index("ix_summary_snapshot_meeting_id", "summary_snapshot", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_summary_snapshot_meeting_id", table_name="summary_snapshot")
    op.drop_table("summary_snapshot")
