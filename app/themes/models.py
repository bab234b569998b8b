"""Themes the Corporate Parenting Board works through (Education, Health and Well-being, ...),
their link-champion councillors, and the free topics officers tag shared items with."""

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class Theme(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=60, unique=True)
    name: str = Field(max_length=120)
    description: str = Field(default="", max_length=300)
    position: int = 0
    # False means retired: kept (and shown on old items) but not offered for new ones.
    is_active: bool = True
    lead: str = Field(default="", max_length=200)  # the lead director or partner, free text


class ThemePrinciple(SQLModel, table=True):
    """Which of the seven corporate parenting principles a theme serves (see principles.py)."""

    __tablename__ = "theme_principle"
    __table_args__ = (UniqueConstraint("theme_id", "principle"),)

    id: int | None = Field(default=None, primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)
    principle: int  # 1 to 7, in the order of the Children and Social Work Act 2017


class ThemeChampion(SQLModel, table=True):
    """A link-champion councillor for a theme; a councillor may champion several."""

    __tablename__ = "theme_champion"
    __table_args__ = (UniqueConstraint("theme_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)


class Topic(SQLModel, table=True):
    """A free topic ("bus passes", "PEP meetings"); `key` is the lower-case form that is unique."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=60, unique=True)
    label: str = Field(max_length=60)


class ItemTopic(SQLModel, table=True):
    """Topics an officer tagged a shared item with."""

    __tablename__ = "item_topic"
    __table_args__ = (UniqueConstraint("item_id", "topic_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    topic_id: int = Field(foreign_key="topic.id", index=True)
