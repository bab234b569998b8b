"""Young people's requests about their own data: to delete it, or to change it."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow

MAX_NOTE_CHARS = 1000


class RequestWhat(StrEnum):
    DELETE = "delete"
    CHANGE = "change"


class RequestState(StrEnum):
    OPEN = "open"  # waiting for a participation officer
    DONE = "done"
    HELD = "held"  # kept for now: a safeguarding case about it is still open
    DECLINED = "declined"


class PrivacyRequest(SQLModel, table=True):
    """One ask, about one item or (for an account) about everything; an officer's task."""

    __tablename__ = "privacy_request"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    item_id: int | None = Field(default=None, foreign_key="item.id", index=True)  # None: all
    what: RequestWhat = Field(sa_type=enum_type(RequestWhat))
    note: str = Field(default="", sa_type=Text)  # the young person's words
    state: RequestState = Field(
        default=RequestState.OPEN, sa_type=enum_type(RequestState), index=True
    )
    reply: str = Field(default="", sa_type=Text)  # what the young person reads
    created_at: datetime = Field(default_factory=utcnow, index=True)
    handled_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    handled_at: datetime | None = None
