"""Themes survive the per-test clean-up (migration 0001 seeds them), so tests that add, change
or delete themes put them back afterwards."""

from collections.abc import Iterator

import pytest
from sqlalchemy import text, update
from sqlmodel import Session, SQLModel, col, delete, select

from app.db import get_engine
from app.themes.models import Theme
from tests.conftest import KEEP_TABLES

SEEDED = (
    "education-employment-training",
    "health-wellbeing",
    "housing",
    "independence-resilience",
    "home-placements",
    "something-else",
)


def _restore_themes() -> None:
    engine = get_engine()
    tables = [t for t in reversed(SQLModel.metadata.sorted_tables) if t.name not in KEEP_TABLES]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())
    with Session(engine) as db:
        db.execute(delete(Theme).where(col(Theme.slug).not_in(SEEDED)))
        db.execute(update(Theme).values(is_active=True, lead=""))
        db.commit()


@pytest.fixture
def restore_themes() -> Iterator[None]:
    yield
    _restore_themes()


def theme(db: Session, slug: str) -> Theme:
    return db.exec(select(Theme).where(Theme.slug == slug)).one()
