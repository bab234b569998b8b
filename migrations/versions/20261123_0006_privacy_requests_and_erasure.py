"""Young people's privacy requests, when an item's words were deleted, and an audit trail
the app cannot change (PostgreSQL).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 08:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Rows of the audit trail are only ever added: the database refuses UPDATE and DELETE from
# anyone, the app included. (TRUNCATE, by the table's owner, is the operator's business.)
AUDIT_IS_APPEND_ONLY = """
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
"""


def upgrade() -> None:
    op.create_table(
        "privacy_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column(
            "what",
            sa.Enum("delete", "change", name="requestwhat", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "open",
                "done",
                "held",
                "declined",
                name="requeststate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.Column("handled_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["handled_by_id"], ["app_user.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_privacy_request_created_at", "privacy_request", ["created_at"])
    op.create_index("ix_privacy_request_item_id", "privacy_request", ["item_id"])
    op.create_index("ix_privacy_request_state", "privacy_request", ["state"])
    op.create_index("ix_privacy_request_user_id", "privacy_request", ["user_id"])
    with op.batch_alter_table("item") as batch:
        batch.add_column(sa.Column("erased_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUDIT_IS_APPEND_ONLY)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_event_append_only ON audit_event")
        op.execute("DROP FUNCTION audit_event_refuse_change()")
    with op.batch_alter_table("item") as batch:
        batch.drop_column("erased_at")
    op.drop_index("ix_privacy_request_user_id", table_name="privacy_request")
    op.drop_index("ix_privacy_request_state", table_name="privacy_request")
    op.drop_index("ix_privacy_request_item_id", table_name="privacy_request")
    op.drop_index("ix_privacy_request_created_at", table_name="privacy_request")
    op.drop_table("privacy_request")
