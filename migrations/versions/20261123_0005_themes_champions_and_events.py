"""Themes with link champions, the councillor's view, and voice from events.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 07:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_TYPES = ("half_termly", "cicc_meeting", "make_a_noise", "takeover", "paper_survey")
NOTE_KINDS = ("note", "question")
ITEM_EVENT_FK = "fk_item_event_id_event"


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _fk(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{table}.id"])


def _indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def _drop(table: str, *indexed: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in indexed:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
    op.drop_table(table)


def upgrade() -> None:
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "lead",
                sqlmodel.sql.sqltypes.AutoString(length=200),
                nullable=False,
                server_default="",
            )
        )
    op.create_table(
        "theme_principle",
        _id(),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("principle", sa.Integer(), nullable=False),
        _fk("theme_id", "theme"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("theme_id", "principle"),
    )
    _indexes("theme_principle", "theme_id")
    op.create_table(
        "theme_champion",
        _id(),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        _fk("theme_id", "theme"),
        _fk("user_id", "app_user"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("theme_id", "user_id"),
    )
    _indexes("theme_champion", "theme_id", "user_id")
    op.create_table(
        "topic",
        _id(),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "item_topic",
        _id(),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        _fk("item_id", "item"),
        _fk("topic_id", "topic"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("item_id", "topic_id"),
    )
    _indexes("item_topic", "item_id", "topic_id")

    op.create_table(
        "event",
        _id(),
        sa.Column(
            "kind",
            sa.Enum(*EVENT_TYPES, name="eventtype", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column(
            "place", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False, server_default=""
        ),
        sa.Column("opens_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closes_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        _fk("created_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token"),
    )
    op.create_table(
        "event_theme",
        _id(),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        _fk("event_id", "event"),
        _fk("theme_id", "theme"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "theme_id"),
    )
    _indexes("event_theme", "event_id", "theme_id")
    op.create_table(
        "event_champion",
        _id(),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        _fk("event_id", "event"),
        _fk("user_id", "app_user"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "user_id"),
    )
    _indexes("event_champion", "event_id", "user_id")
    op.create_table(
        "event_attendance",
        _id(),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("band", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False, server_default="0"),
        _fk("event_id", "event"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "band"),
    )
    _indexes("event_attendance", "event_id")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_item_event_id"), ["event_id"], unique=False)
        batch_op.create_foreign_key(ITEM_EVENT_FK, "event", ["event_id"], ["id"])

    op.create_table(
        "theme_visit",
        _id(),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("last_visited_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        _fk("theme_id", "theme"),
        _fk("user_id", "app_user"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "theme_id"),
    )
    _indexes("theme_visit", "user_id")
    op.create_table(
        "item_read",
        _id(),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("read_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        _fk("item_id", "item"),
        _fk("user_id", "app_user"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "item_id"),
    )
    _indexes("item_read", "user_id")
    op.create_table(
        "councillor_note",
        _id(),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(*NOTE_KINDS, name="notekind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        _fk("item_id", "item"),
        _fk("meeting_id", "meeting"),
        _fk("theme_id", "theme"),
        _fk("user_id", "app_user"),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("councillor_note", "meeting_id", "theme_id", "user_id")
    op.create_table(
        "digest_setting",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("weekly", sa.Boolean(), nullable=False, server_default=sa.false()),
        _fk("user_id", "app_user"),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "digest_sent",
        _id(),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("week", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        _fk("user_id", "app_user"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "week"),
    )


def downgrade() -> None:
    op.drop_table("digest_sent")
    op.drop_table("digest_setting")
    _drop("councillor_note", "user_id", "theme_id", "meeting_id")
    _drop("item_read", "user_id")
    _drop("theme_visit", "user_id")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_constraint(ITEM_EVENT_FK, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_item_event_id"))
        batch_op.drop_column("event_id")
    _drop("event_attendance", "event_id")
    _drop("event_champion", "user_id", "event_id")
    _drop("event_theme", "theme_id", "event_id")
    op.drop_table("event")
    _drop("item_topic", "topic_id", "item_id")
    op.drop_table("topic")
    _drop("theme_champion", "user_id", "theme_id")
    _drop("theme_principle", "theme_id")
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.drop_column("lead")
