"""Moderation and safeguarding: decisions, redactions, shared versions, cases, audit trail.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 06:04:59.378472
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARING = ("pending", "shared", "private", "follow_up", "not_shared", "safeguarding")
AGE_BANDS = ("11-13", "14-15", "16-17", "18-21", "22-25")
# Reasons the council can edit later; the text is what the young person reads.
SEED_REASONS = [
    ("shared", "Shared with the councillors and the board, without your name."),
    ("shared", "Shared with the people who can change this, without your name."),
    ("private", "Kept between you and the participation team."),
    ("private", "It is about you personally, so we are dealing with it ourselves."),
    ("follow_up", "A worker will talk to you about this."),
    ("follow_up", "We need to know a bit more. A worker will get in touch."),
    ("not_shared", "It could show who you are, so we did not share it."),
    ("not_shared", "It is about one person by name, so we did not share it."),
    ("not_shared", "You did not say we could share it, so we kept it private."),
    (
        "safeguarding",
        "We are worried about your safety, so a safeguarding worker is looking at it.",
    ),
]


def upgrade() -> None:
    op.create_table(
        "decision_reason",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "pending",
                "shared",
                "private",
                "follow_up",
                "not_shared",
                "safeguarding",
                name="sharing",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("decision_reason", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_reason_decision"), ["decision"], unique=False)

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("object_type", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["app_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)

    op.create_table(
        "item_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("item_id", "theme_id"),
    )
    with op.batch_alter_table("item_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_theme_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_theme_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "moderation_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "pending",
                "shared",
                "private",
                "follow_up",
                "not_shared",
                "safeguarding",
                name="sharing",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reason_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reason_id"],
            ["decision_reason.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("moderation_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_decision_item_id"), ["item_id"], unique=False
        )

    op.create_table(
        "redaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "name",
                "phone",
                "email",
                "postcode",
                "address",
                "school",
                "date_of_birth",
                "handle",
                "other",
                name="redactionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("redacted_by_id", sa.Integer(), nullable=False),
        sa.Column("redacted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["redacted_by_id"],
            ["app_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("redaction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_redaction_item_id"), ["item_id"], unique=False)

    op.create_table(
        "safeguarding_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column(
            "trigger",
            sa.Enum(
                "self_reported",
                "officer_flag",
                "screen",
                name="casetrigger",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("categories", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "open", "acknowledged", "closed", name="casestate", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("raised_by_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("next_escalation_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("acknowledged_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"],
            ["app_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("item_id"),
    )
    with op.batch_alter_table("safeguarding_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_safeguarding_case_next_escalation_at"),
            ["next_escalation_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_safeguarding_case_state"), ["state"], unique=False)

    op.create_table(
        "shared_version",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=False),
        sa.Column("approved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.PrimaryKeyConstraint("item_id"),
    )
    op.create_table(
        "case_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "contacted_social_worker",
                "referred_front_door",
                "contacted_young_person",
                "no_further_action",
                "note",
                name="caseactionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["safeguarding_case.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("case_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_action_case_id"), ["case_id"], unique=False)

    with op.batch_alter_table("item", schema=None) as batch_op:
        # Consent to quoting becomes consent to sharing a redacted version: same answer, kept.
        batch_op.alter_column("may_quote", new_column_name="may_share")
        batch_op.add_column(
            sa.Column(
                "sharing",
                sa.Enum(*SHARING, name="sharing", native_enum=False, length=32),
                nullable=False,
                server_default="pending",
            )
        )
        batch_op.add_column(
            sa.Column("moderation_version", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("assigned_to_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("first_action_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "age_band",
                sa.Enum(*AGE_BANDS, name="ageband", native_enum=False, length=32),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("wants_contact", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index("ix_item_assigned_to_id", ["assigned_to_id"], unique=False)
        batch_op.create_index("ix_item_merged_into_id", ["merged_into_id"], unique=False)
        batch_op.create_index("ix_item_sharing", ["sharing"], unique=False)
        batch_op.create_foreign_key(
            "fk_item_assigned_to_id", "app_user", ["assigned_to_id"], ["id"]
        )
        batch_op.create_foreign_key("fk_item_merged_into_id", "item", ["merged_into_id"], ["id"])

    reasons = sa.table(
        "decision_reason",
        sa.column("decision", sa.String),
        sa.column("text", sa.String),
        sa.column("position", sa.Integer),
        sa.column("is_active", sa.Boolean),
    )
    op.bulk_insert(
        reasons,
        [
            {"decision": decision, "text": text, "position": position, "is_active": True}
            for position, (decision, text) in enumerate(SEED_REASONS)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_constraint("fk_item_merged_into_id", type_="foreignkey")
        batch_op.drop_constraint("fk_item_assigned_to_id", type_="foreignkey")
        batch_op.drop_index("ix_item_sharing")
        batch_op.drop_index("ix_item_merged_into_id")
        batch_op.drop_index("ix_item_assigned_to_id")
        batch_op.drop_column("wants_contact")
        batch_op.drop_column("age_band")
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("first_action_at")
        batch_op.drop_column("assigned_to_id")
        batch_op.drop_column("moderation_version")
        batch_op.drop_column("sharing")
        batch_op.alter_column("may_share", new_column_name="may_quote")

    with op.batch_alter_table("case_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_action_case_id"))

    op.drop_table("case_action")
    op.drop_table("shared_version")
    with op.batch_alter_table("safeguarding_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safeguarding_case_state"))
        batch_op.drop_index(batch_op.f("ix_safeguarding_case_next_escalation_at"))

    op.drop_table("safeguarding_case")
    with op.batch_alter_table("redaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_redaction_item_id"))

    op.drop_table("redaction")
    with op.batch_alter_table("moderation_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moderation_decision_item_id"))

    op.drop_table("moderation_decision")
    with op.batch_alter_table("item_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_theme_theme_id"))
        batch_op.drop_index(batch_op.f("ix_item_theme_item_id"))

    op.drop_table("item_theme")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))
        batch_op.drop_index(batch_op.f("ix_audit_event_actor_id"))

    op.drop_table("audit_event")
    with op.batch_alter_table("decision_reason", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_reason_decision"))

    op.drop_table("decision_reason")
