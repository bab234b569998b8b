"""What young people say ("items") and the timeline of what happened to each."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.moderation.models import Sharing
from app.timeutil import utcnow

MAX_BODY_CHARS = 2000


class ItemStatus(StrEnum):
    NEW = "new"
    BEING_READ = "being_read"
    RESPONDED = "responded"
    CLOSED = "closed"


class AgeBand(StrEnum):
    """Bands, never a date of birth."""

    UNDER_14 = "11-13"
    FROM_14 = "14-15"
    FROM_16 = "16-17"
    FROM_18 = "18-21"
    FROM_22 = "22-25"


class EventKind(StrEnum):
    SENT = "sent"
    STATUS_CHANGED = "status_changed"
    RESPONSE_ADDED = "response_added"
    DECISION = "decision"  # a moderation decision; the body is the reason the young person reads
    ERASED = "erased"  # the words were deleted
    # A board action linked to the item changed; the body is the plain words young people read.
    ACTION_LINKED = "action_linked"  # body: the action's title
    ACTION_UPDATE = "action_update"  # body: the owner's line for young people
    ACTION_DONE = "action_done"  # body: the owner's line for young people
    ACTION_DROPPED = "action_dropped"  # body: why it stopped


class Item(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=16, unique=True)
    author_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    # Anonymous authors come back with the reference plus this secret code (stored hashed).
    access_code_hash: str | None = Field(default=None, max_length=64)
    body: str = Field(sa_type=Text)
    theme_id: int | None = Field(default=None, foreign_key="theme.id", index=True)
    staff_may_see_identity: bool = False
    may_share: bool = False  # agreed that a redacted version may go to councillors and the board
    status: ItemStatus = Field(default=ItemStatus.NEW, sa_type=enum_type(ItemStatus), index=True)
    sharing: Sharing = Field(default=Sharing.PENDING, sa_type=enum_type(Sharing), index=True)
    # Bumped by every moderation decision, so two officers cannot silently overwrite each other.
    moderation_version: int = 0
    assigned_to_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    first_action_at: datetime | None = None  # the response-time clock stops here
    merged_into_id: int | None = Field(default=None, foreign_key="item.id", index=True)
    age_band: AgeBand | None = Field(default=None, sa_type=enum_type(AgeBand))
    wants_contact: bool = False  # ticked "I am not safe / I want someone to contact me"
    channel: str = Field(default="online", max_length=20)
    event_id: int | None = Field(default=None, foreign_key="event.id", index=True)  # "said at"
    idempotency_key: str = Field(max_length=64, unique=True)
    content_fingerprint: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    # Set when the words were deleted (asked for, or past retention); the row stays for counts.
    erased_at: datetime | None = None
    # The language the page was in when the young person wrote it (a tag like "ar"); they may
    # write in any language, and staff see which one they chose. Empty: typed in by staff.
    language: str | None = Field(default=None, max_length=16)


class TimelineEvent(SQLModel, table=True):
    __tablename__ = "timeline_event"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    kind: EventKind = Field(sa_type=enum_type(EventKind))
    status: ItemStatus | None = Field(default=None, sa_type=enum_type(ItemStatus))
    body: str | None = Field(default=None, sa_type=Text)
    actor_id: int | None = Field(default=None, foreign_key="app_user.id")
    # A response the officer chose to show on the public "You said, we did" page as well.
    on_public_page: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class NewsContact(SQLModel, table=True):
    """How the young person who wrote an item wants to hear that there is news about it: an
    email address, a mobile number (E.164), or both. No row: no messages (the default).

    Contact details live here only (and in the outbox while a message is on its way). Staff
    never see them; they go when the young person turns news off or the item is erased."""

    __tablename__ = "news_contact"

    item_id: int = Field(foreign_key="item.id", primary_key=True)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=20)
    updated_at: datetime = Field(default_factory=utcnow)
