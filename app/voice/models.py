"""What young people say ("items") and the timeline of what happened to each."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow

MAX_BODY_CHARS = 2000


class ItemStatus(StrEnum):
    NEW = "new"
    BEING_READ = "being_read"
    RESPONDED = "responded"
    CLOSED = "closed"


class EventKind(StrEnum):
    SENT = "sent"
    STATUS_CHANGED = "status_changed"
    RESPONSE_ADDED = "response_added"


class Item(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=16, unique=True)
    author_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    # Anonymous authors come back with the reference plus this secret code (stored hashed).
    access_code_hash: str | None = Field(default=None, max_length=64)
    body: str = Field(sa_type=Text)
    theme_id: int | None = Field(default=None, foreign_key="theme.id", index=True)
    staff_may_see_identity: bool = False
    may_quote: bool = False
    status: ItemStatus = Field(default=ItemStatus.NEW, sa_type=enum_type(ItemStatus), index=True)
    channel: str = Field(default="online", max_length=20)
    idempotency_key: str = Field(max_length=64, unique=True)
    content_fingerprint: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class TimelineEvent(SQLModel, table=True):
    __tablename__ = "timeline_event"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    kind: EventKind = Field(sa_type=enum_type(EventKind))
    status: ItemStatus | None = Field(default=None, sa_type=enum_type(ItemStatus))
    body: str | None = Field(default=None, sa_type=Text)
    actor_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)
