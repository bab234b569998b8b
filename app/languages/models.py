"""The council's decisions about each language, and English summaries of young people's words."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow

MAX_SUMMARY_CHARS = 2000


class LanguageStatus(StrEnum):
    DRAFT = "draft"  # our draft translation: nobody at the council has checked it
    REVIEWED = "reviewed"  # checked by the council, not offered to young people yet
    ON = "on"  # offered to young people


class LanguageSetting(SQLModel, table=True):
    """One row per language the council has done something with; no row means a draft."""

    __tablename__ = "language_setting"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True)  # registry code, e.g. "fa-AF"
    status: LanguageStatus = Field(default=LanguageStatus.DRAFT, sa_type=enum_type(LanguageStatus))
    reviewed_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    reviewed_at: datetime | None = None
    switched_on_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    switched_on_at: datetime | None = None
    # A council's corrected .po catalogue; empty means the one shipped with the app.
    catalogue: str | None = Field(default=None, sa_type=Text)
    uploaded_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    uploaded_at: datetime | None = None
    # Bumped on every change, so each app process knows when to load the catalogue again.
    revision: int = 0
    updated_at: datetime = Field(default_factory=utcnow)


class ItemEnglishSummary(SQLModel, table=True):
    """Staff's English summary of an item written in another language; the original is kept."""

    __tablename__ = "item_english_summary"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", unique=True)
    text: str = Field(sa_type=Text)
    written_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    written_at: datetime = Field(default_factory=utcnow)
