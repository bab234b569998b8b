"""A summary frozen for a board meeting: what the board saw, kept as it was."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.timeutil import utcnow


class SummarySnapshot(SQLModel, table=True):
    """`data` is a `report.Summary` as JSON: counts already suppressed, quotes already shared.

    Freezing again makes the next version; earlier versions stay as they were."""

    __tablename__ = "summary_snapshot"
    __table_args__ = (UniqueConstraint("meeting_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    version: int
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    frozen_by_id: int = Field(foreign_key="app_user.id")
    frozen_at: datetime = Field(default_factory=utcnow)
