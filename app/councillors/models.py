"""What a link-champion councillor keeps: visits, read marks, notes and questions, the digest."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow


class NoteKind(StrEnum):
    NOTE = "note"  # private to the councillor
    QUESTION = "question"  # to raise at the board: on the "take to the board" list


class ThemeVisit(SQLModel, table=True):
    """When a councillor last opened a theme, for "since my last visit"."""

    __tablename__ = "theme_visit"
    __table_args__ = (UniqueConstraint("user_id", "theme_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    theme_id: int = Field(foreign_key="theme.id")
    last_visited_at: datetime = Field(default_factory=utcnow)


class ItemRead(SQLModel, table=True):
    __tablename__ = "item_read"
    __table_args__ = (UniqueConstraint("user_id", "item_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    item_id: int = Field(foreign_key="item.id")
    read_at: datetime = Field(default_factory=utcnow)


class CouncillorNote(SQLModel, table=True):
    """A councillor's private note, or a question to raise at one board meeting."""

    __tablename__ = "councillor_note"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)
    item_id: int | None = Field(default=None, foreign_key="item.id")
    kind: NoteKind = Field(sa_type=enum_type(NoteKind))
    text: str = Field(sa_type=Text)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)  # questions
    created_at: datetime = Field(default_factory=utcnow)


class DigestSetting(SQLModel, table=True):
    """Opt-in to the weekly digest email (off unless the councillor turns it on)."""

    __tablename__ = "digest_setting"

    user_id: int = Field(foreign_key="app_user.id", primary_key=True)
    weekly: bool = False


class DigestSent(SQLModel, table=True):
    """One row per councillor per ISO week: the digest goes out once, however often we try."""

    __tablename__ = "digest_sent"
    __table_args__ = (UniqueConstraint("user_id", "week"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id")
    week: str = Field(max_length=10)  # e.g. 2026-W48
    sent_at: datetime = Field(default_factory=utcnow)
