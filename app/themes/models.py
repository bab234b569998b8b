"""Themes the Corporate Parenting Board works through (Education, Health and Well-being, ...)."""

from sqlmodel import Field, SQLModel


class Theme(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=60, unique=True)
    name: str = Field(max_length=120)
    description: str = Field(default="", max_length=300)
    position: int = 0
    is_active: bool = True
