"""Promises ("you said, we will, how we will know") with their themes, board actions,
measures and dated readings; and which responses may show on the public page.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = ("not_started", "on_track", "at_risk", "kept", "not_kept")


def upgrade() -> None:
    with op.batch_alter_table("timeline_event") as batch:
        batch.add_column(
            sa.Column("on_public_page", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "promise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("you_said", sa.Text(), nullable=False),
        sa.Column("we_will", sa.Text(), nullable=False),
        sa.Column("how_we_will_know", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(*STATUSES, name="promisestatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_promise_created_at", "promise", ["created_at"])
    op.create_table(
        "promise_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("promise_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["promise_id"], ["promise.id"]),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("promise_id", "theme_id"),
    )
    op.create_index("ix_promise_theme_promise_id", "promise_theme", ["promise_id"])
    op.create_index("ix_promise_theme_theme_id", "promise_theme", ["theme_id"])
    op.create_table(
        "promise_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("promise_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["board_action.id"]),
        sa.ForeignKeyConstraint(["promise_id"], ["promise.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("promise_id", "action_id"),
    )
    op.create_index("ix_promise_action_action_id", "promise_action", ["action_id"])
    op.create_index("ix_promise_action_promise_id", "promise_action", ["promise_id"])
    op.create_table(
        "measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("promise_id", sa.Integer(), nullable=False),
        sa.Column("what", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["promise_id"], ["promise.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_measure_promise_id", "measure", ["promise_id"])
    op.create_table(
        "measure_reading",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["measure_id"], ["measure.id"]),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_measure_reading_measure_id", "measure_reading", ["measure_id"])


def downgrade() -> None:
    with op.batch_alter_table("timeline_event") as batch:
        batch.drop_column("on_public_page")
    op.drop_index("ix_measure_reading_measure_id", table_name="measure_reading")
    op.drop_table("measure_reading")
    op.drop_index("ix_measure_promise_id", table_name="measure")
    op.drop_table("measure")
    op.drop_index("ix_promise_action_promise_id", table_name="promise_action")
    op.drop_index("ix_promise_action_action_id", table_name="promise_action")
    op.drop_table("promise_action")
    op.drop_index("ix_promise_theme_theme_id", table_name="promise_theme")
    op.drop_index("ix_promise_theme_promise_id", table_name="promise_theme")
    op.drop_table("promise_theme")
    op.drop_index("ix_promise_created_at", table_name="promise")
    op.drop_table("promise")
