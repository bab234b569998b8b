"""Board meetings, agenda rounds, secret ballots and voting codes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 07:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EMPTY = sa.text("''")
FALSE = sa.false()


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("meetingkind", "board", "themed", "takeover"), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column(
            "co_chairs",
            sqlmodel.sql.sqltypes.AutoString(length=200),
            nullable=False,
            server_default=EMPTY,
        ),
        sa.Column(
            "young_co_chair",
            sqlmodel.sql.sqltypes.AutoString(length=40),
            nullable=False,
            server_default=EMPTY,
        ),
        sa.Column("papers", sa.Text(), nullable=False, server_default=EMPTY),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_held_on"), ["held_on"], unique=False)

    op.create_table(
        "agenda_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("opens_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closes_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("electorate", _enum("electorate", "young_people", "cicc"), nullable=False),
        sa.Column("method", _enum("votingmethod", "dots", "rank_top_three"), nullable=False),
        sa.Column("votes_each", sa.Integer(), nullable=False, server_default="3"),
        sa.Column("max_per_option", sa.Integer(), nullable=False, server_default="3"),
        sa.Column(
            "results_hidden_while_open", sa.Boolean(), nullable=False, server_default=sa.true()
        ),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agenda_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_round_meeting_id"), ["meeting_id"], unique=False
        )

    # Secret ballot: no user id, no id of its own, no time. One per voter per round.
    op.create_table(
        "ballot",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("voter_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["agenda_round.id"]),
        sa.PrimaryKeyConstraint("round_id", "voter_key"),
    )
    op.create_table(
        "round_option",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column(
            "description",
            sqlmodel.sql.sqltypes.AutoString(length=600),
            nullable=False,
            server_default=EMPTY,
        ),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["agenda_round.id"]),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("round_option", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_option_round_id"), ["round_id"], unique=False)

    op.create_table(
        "round_participant",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("wants_notice", sa.Boolean(), nullable=False, server_default=FALSE),
        sa.Column("notice_due", sa.Boolean(), nullable=False, server_default=FALSE),
        sa.ForeignKeyConstraint(["round_id"], ["agenda_round.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("round_id", "user_id"),
    )
    op.create_table(
        "voting_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("spent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["agenda_round.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    with op.batch_alter_table("voting_code", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_voting_code_round_id"), ["round_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column(
            "description",
            sqlmodel.sql.sqltypes.AutoString(length=600),
            nullable=False,
            server_default=EMPTY,
        ),
        sa.Column("option_id", sa.Integer(), nullable=True),
        sa.Column("discussed", sa.Text(), nullable=False, server_default=EMPTY),
        sa.Column("decided", sa.Text(), nullable=False, server_default=EMPTY),
        sa.Column("outcome_recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.ForeignKeyConstraint(["option_id"], ["round_option.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("option_id"),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("proposer_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column(
            "description",
            sqlmodel.sql.sqltypes.AutoString(length=600),
            nullable=False,
            server_default=EMPTY,
        ),
        sa.Column(
            "status",
            _enum("proposalstatus", "waiting", "accepted", "declined"),
            nullable=False,
            server_default="waiting",
        ),
        sa.Column(
            "reason",
            sqlmodel.sql.sqltypes.AutoString(length=600),
            nullable=False,
            server_default=EMPTY,
        ),
        sa.Column("option_id", sa.Integer(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["decided_by_id"], ["app_user.id"]),
        sa.ForeignKeyConstraint(["option_id"], ["round_option.id"]),
        sa.ForeignKeyConstraint(["proposer_id"], ["app_user.id"]),
        sa.ForeignKeyConstraint(["round_id"], ["agenda_round.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_proposer_id"), ["proposer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_proposal_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_round_id"))
        batch_op.drop_index(batch_op.f("ix_proposal_proposer_id"))
    op.drop_table("proposal")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))
    op.drop_table("agenda_item")
    with op.batch_alter_table("voting_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_voting_code_round_id"))
    op.drop_table("voting_code")
    op.drop_table("round_participant")
    with op.batch_alter_table("round_option", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_option_round_id"))
    op.drop_table("round_option")
    op.drop_table("ballot")
    with op.batch_alter_table("agenda_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_round_meeting_id"))
    op.drop_table("agenda_round")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_held_on"))
    op.drop_table("meeting")
