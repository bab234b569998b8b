"""The council's promises to children in care: "you said... we will... how we will know",
each with measures (what is counted, from a baseline to a target) and dated readings."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow


class PromiseStatus(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    KEPT = "kept"
    NOT_KEPT = "not_kept"


class Promise(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    you_said: str = Field(default="", sa_type=Text)  # what young people told us, in our words
    we_will: str = Field(sa_type=Text)
    how_we_will_know: str = Field(default="", sa_type=Text)
    status: PromiseStatus = Field(
        default=PromiseStatus.NOT_STARTED, sa_type=enum_type(PromiseStatus)
    )
    created_by_id: int = Field(foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class PromiseTheme(SQLModel, table=True):
    __tablename__ = "promise_theme"
    __table_args__ = (UniqueConstraint("promise_id", "theme_id"),)

    id: int | None = Field(default=None, primary_key=True)
    promise_id: int = Field(foreign_key="promise.id", index=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)


class PromiseAction(SQLModel, table=True):
    """A board action that helps keep the promise."""

    __tablename__ = "promise_action"
    __table_args__ = (UniqueConstraint("promise_id", "action_id"),)

    id: int | None = Field(default=None, primary_key=True)
    promise_id: int = Field(foreign_key="promise.id", index=True)
    action_id: int = Field(foreign_key="board_action.id", index=True)


class Measure(SQLModel, table=True):
    """What is counted to know whether the promise is kept."""

    id: int | None = Field(default=None, primary_key=True)
    promise_id: int = Field(foreign_key="promise.id", index=True)
    what: str = Field(max_length=200)  # "care leavers in suitable homes"
    unit: str = Field(default="", max_length=40)  # "%", "young people", "days"
    baseline: float
    target: float
    created_at: datetime = Field(default_factory=utcnow)


class MeasureReading(SQLModel, table=True):
    """One dated value of a measure."""

    __tablename__ = "measure_reading"

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True)
    value: float
    taken_on: date
    note: str = Field(default="", max_length=300)
    recorded_by_id: int = Field(foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)
