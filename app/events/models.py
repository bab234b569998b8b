"""Events where officers gather voice in person, and who came (counts only, never names)."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow


class EventType(StrEnum):
    HALF_TERMLY = "half_termly"  # a half-termly themed event
    CICC_MEETING = "cicc_meeting"  # a Children in Care Council meeting
    MAKE_A_NOISE = "make_a_noise"  # a "Make a Noise" day
    TAKEOVER = "takeover"  # a takeover day
    PAPER_SURVEY = "paper_survey"  # a survey run on paper


UNKNOWN_AGE = "unknown"  # attendance for people whose age band was not noted


class Event(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: EventType = Field(sa_type=enum_type(EventType))
    name: str = Field(max_length=120)
    held_on: date
    place: str = Field(default="", max_length=200)
    # The "say something at this event" form (QR code) is open from opens_at until closes_at.
    opens_at: datetime
    closes_at: datetime
    token: str = Field(max_length=64, unique=True)  # in the QR link; never the numeric id
    created_by_id: int = Field(foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)


class EventTheme(SQLModel, table=True):
    __tablename__ = "event_theme"
    __table_args__ = (UniqueConstraint("event_id", "theme_id"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)


class EventChampion(SQLModel, table=True):
    """A link-champion councillor who attended."""

    __tablename__ = "event_champion"
    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)


class EventAttendance(SQLModel, table=True):
    """How many young people came, per age band (an AgeBand value or "unknown")."""

    __tablename__ = "event_attendance"
    __table_args__ = (UniqueConstraint("event_id", "band"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    band: str = Field(max_length=16)
    count: int = 0
