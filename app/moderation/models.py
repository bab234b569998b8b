"""Moderation: what officers decide about each item, and the redacted version that may be shared.

Nothing a young person writes leaves the officers until an item is SHARED, and even then only
its `SharedVersion` (redacted) travels; the original stays with officers.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow


class Sharing(StrEnum):
    PENDING = "pending"  # nobody has decided yet
    SHARED = "shared"  # the redacted version may reach councillors, the board and summaries
    PRIVATE = "private"  # kept private to staff
    FOLLOW_UP = "follow_up"  # an officer will follow up with the young person
    NOT_SHARED = "not_shared"  # not shared; the young person sees why
    SAFEGUARDING = "safeguarding"  # held: a safeguarding case is open


class DecisionReason(SQLModel, table=True):
    """The council-editable list of reasons, in words the young person understands."""

    __tablename__ = "decision_reason"

    id: int | None = Field(default=None, primary_key=True)
    decision: Sharing = Field(sa_type=enum_type(Sharing), index=True)
    text: str = Field(max_length=300)
    position: int = 0
    is_active: bool = True


class ModerationDecision(SQLModel, table=True):
    __tablename__ = "moderation_decision"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    decision: Sharing = Field(sa_type=enum_type(Sharing))
    reason_id: int = Field(foreign_key="decision_reason.id")
    note: str = Field(default="", sa_type=Text)  # staff only
    decided_by_id: int = Field(foreign_key="app_user.id")
    decided_at: datetime = Field(default_factory=utcnow)


class SharedVersion(SQLModel, table=True):
    """The only text of an item that may leave the officers: redacted, approved."""

    __tablename__ = "shared_version"

    item_id: int = Field(foreign_key="item.id", primary_key=True)
    text: str = Field(sa_type=Text)
    approved_by_id: int = Field(foreign_key="app_user.id")
    approved_at: datetime = Field(default_factory=utcnow)


class ItemTheme(SQLModel, table=True):
    """Themes an officer tagged a shared item with (an item may serve several)."""

    __tablename__ = "item_theme"
    __table_args__ = (UniqueConstraint("item_id", "theme_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)


class RedactionKind(StrEnum):
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    ADDRESS = "address"
    SCHOOL = "school"
    DATE_OF_BIRTH = "date_of_birth"
    HANDLE = "handle"
    OTHER = "other"


class Redaction(SQLModel, table=True):
    """One span taken out of the shared version, with who took it out and why."""

    __tablename__ = "redaction"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    start: int
    end: int
    kind: RedactionKind = Field(sa_type=enum_type(RedactionKind))
    reason: str = Field(default="", max_length=300)
    redacted_by_id: int = Field(foreign_key="app_user.id")
    redacted_at: datetime = Field(default_factory=utcnow)
