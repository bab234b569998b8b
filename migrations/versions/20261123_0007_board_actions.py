"""Board actions: owners, statuses, progress updates, links to shared items and agenda items,
and the once-a-week reminder and summary rows.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = ("not_started", "on_track", "at_risk", "off_track", "done", "dropped")
ORGANISATIONS = (
    "council",
    "housing",
    "health",
    "schools",
    "police",
    "probation",
    "voluntary",
    "other",
)


def _status() -> sa.Enum:
    return sa.Enum(*STATUSES, name="actionstatus", native_enum=False, length=32)


def upgrade() -> None:
    op.create_table(
        "board_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column(
            "organisation_kind",
            sa.Enum(*ORGANISATIONS, name="organisationkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "organisation_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False
        ),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", _status(), nullable=False),
        sa.Column("drop_reason", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["app_user.id"]),
        sa.ForeignKeyConstraint(["owner_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_board_action_due_on", "board_action", ["due_on"])
    op.create_index("ix_board_action_owner_id", "board_action", ["owner_id"])
    op.create_index("ix_board_action_status", "board_action", ["status"])
    op.create_table(
        "action_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["board_action.id"]),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("action_id", "theme_id"),
    )
    op.create_index("ix_action_theme_action_id", "action_theme", ["action_id"])
    op.create_index("ix_action_theme_theme_id", "action_theme", ["theme_id"])
    op.create_table(
        "action_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("status", _status(), nullable=False),
        sa.Column("staff_text", sa.Text(), nullable=False),
        sa.Column("evidence", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("young_text", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["board_action.id"]),
        sa.ForeignKeyConstraint(["author_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_action_update_action_id", "action_update", ["action_id"])
    op.create_table(
        "item_action_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("prompted_by", "answers", name="linkkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("linked_by_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["board_action.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"]),
        sa.ForeignKeyConstraint(["linked_by_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("item_id", "action_id"),
    )
    op.create_index("ix_item_action_link_action_id", "item_action_link", ["action_id"])
    op.create_index("ix_item_action_link_item_id", "item_action_link", ["item_id"])
    op.create_table(
        "agenda_item_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["board_action.id"]),
        sa.ForeignKeyConstraint(["agenda_item_id"], ["agenda_item.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agenda_item_id", "action_id"),
    )
    op.create_index("ix_agenda_item_action_action_id", "agenda_item_action", ["action_id"])
    op.create_index(
        "ix_agenda_item_action_agenda_item_id", "agenda_item_action", ["agenda_item_id"]
    )
    op.create_table(
        "action_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("week", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["board_action.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("action_id", "week"),
    )
    op.create_table(
        "action_summary_sent",
        sa.Column("week", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("week"),
    )


def downgrade() -> None:
    op.drop_table("action_summary_sent")
    op.drop_table("action_reminder")
    op.drop_index("ix_agenda_item_action_agenda_item_id", table_name="agenda_item_action")
    op.drop_index("ix_agenda_item_action_action_id", table_name="agenda_item_action")
    op.drop_table("agenda_item_action")
    op.drop_index("ix_item_action_link_item_id", table_name="item_action_link")
    op.drop_index("ix_item_action_link_action_id", table_name="item_action_link")
    op.drop_table("item_action_link")
    op.drop_index("ix_action_update_action_id", table_name="action_update")
    op.drop_table("action_update")
    op.drop_index("ix_action_theme_theme_id", table_name="action_theme")
    op.drop_index("ix_action_theme_action_id", table_name="action_theme")
    op.drop_table("action_theme")
    op.drop_index("ix_board_action_status", table_name="board_action")
    op.drop_index("ix_board_action_owner_id", table_name="board_action")
    op.drop_index("ix_board_action_due_on", table_name="board_action")
    op.drop_table("board_action")
