"""First loop: accounts, sessions, invites, themes, items and their timeline.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 05:04:08.147770
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEED_THEMES = [
    (
        "education-employment-training",
        "Education, Employment and Training",
        "School, college, jobs, apprenticeships and training.",
    ),
    (
        "health-wellbeing",
        "Health and Well-being",
        "Feeling well in your body and mind, doctors, dentists and support.",
    ),
    ("housing", "Housing", "Where you live when you leave care, and help with a home."),
    (
        "independence-resilience",
        "Independence and Resilience",
        "Money, cooking, ID and the skills to live on your own.",
    ),
    (
        "home-placements",
        "Home and Placements",
        "Foster homes, children's homes, moving, and seeing your family.",
    ),
    ("something-else", "Something else", "Anything that does not fit the other themes."),
]


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("nickname", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("nickname_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("passphrase_hash", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("is_cicc_member", sa.Boolean(), nullable=False),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("oidc_issuer", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("oidc_subject", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_signed_in_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nickname_key"),
        sa.UniqueConstraint("oidc_issuer", "oidc_subject"),
    )
    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("access_code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("staff_may_see_identity", sa.Boolean(), nullable=False),
        sa.Column("may_quote", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("idempotency_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column(
            "content_fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
        sa.UniqueConstraint("reference"),
    )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "staff_invite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("display_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("used_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["used_by_id"],
            ["app_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "web_session",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("data", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("authenticated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("web_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_web_session_last_seen_at"), ["last_seen_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_web_session_user_id"), ["user_id"], unique=False)

    op.create_table(
        "young_person_invite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("is_cicc_member", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("used_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["used_by_id"],
            ["app_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    op.create_table(
        "timeline_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["app_user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("timeline_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timeline_event_item_id"), ["item_id"], unique=False)

    # The themes named in the council documents; admins can change them later.
    op.bulk_insert(
        sa.table(
            "theme",
            sa.column("slug", sa.String),
            sa.column("name", sa.String),
            sa.column("description", sa.String),
            sa.column("position", sa.Integer),
            sa.column("is_active", sa.Boolean),
        ),
        [
            {
                "slug": slug,
                "name": name,
                "description": description,
                "position": position,
                "is_active": True,
            }
            for position, (slug, name, description) in enumerate(SEED_THEMES)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("timeline_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timeline_event_item_id"))

    op.drop_table("timeline_event")
    op.drop_table("young_person_invite")
    with op.batch_alter_table("web_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_web_session_user_id"))
        batch_op.drop_index(batch_op.f("ix_web_session_last_seen_at"))

    op.drop_table("web_session")
    op.drop_table("staff_invite")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_theme_id"))
        batch_op.drop_index(batch_op.f("ix_item_status"))
        batch_op.drop_index(batch_op.f("ix_item_created_at"))
        batch_op.drop_index(batch_op.f("ix_item_author_id"))

    op.drop_table("item")
    op.drop_table("theme")
    op.drop_table("app_user")
