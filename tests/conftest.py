"""Test set-up: a real database built by the real migrations, emptied after every test.

The suite runs on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is set.
"""

import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Settings are read once, so the test environment is fixed before the app is imported.
_TMP = Path(tempfile.mkdtemp(prefix="said-and-done-tests-"))
os.environ["APP_ENV"] = "test"
os.environ["SECRET_KEY"] = "test-secret-key-that-is-long-enough-for-tests"
os.environ["DATABASE_URL"] = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{_TMP / 'test.db'}"
os.environ["BASE_URL"] = "http://testserver"
os.environ.pop("REDIS_URL", None)
# Every request reads which languages are on: tests switch them on and empty the tables.
os.environ["LANGUAGE_REFRESH_SECONDS"] = "0"
os.environ["SAFEGUARDING_LEAD_EMAIL"] = "dsl@council.test"
os.environ["OUT_OF_HOURS_EMAIL"] = "emergency-duty@council.test"
os.environ.pop("SAFEGUARDING_DEPUTY_EMAIL", None)
for name in ("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "DEMO_SIGN_IN"):
    os.environ.pop(name, None)

import pytest  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

from app import ratelimit  # noqa: E402
from app.db import get_engine, new_session  # noqa: E402
from app.main import create_app  # noqa: E402
from app.themes.models import Theme  # noqa: E402
from tests.support.database import migrate_fresh  # noqa: E402
from tests.support.sentinels import SentinelCatcher  # noqa: E402

KEEP_TABLES = {"theme", "alembic_version"}
THEMES = Theme.__table__  # type: ignore[attr-defined]
SEEDED_THEMES: list[dict[str, object]] = []


@pytest.fixture(scope="session", autouse=True)
def no_children_words_in_logs() -> Iterator[None]:
    """Across the whole suite, nothing logged at INFO or above carries a sentinel string."""
    catcher = SentinelCatcher()
    root = logging.getLogger()
    level = root.level
    root.addHandler(catcher)
    root.setLevel(min(level, logging.INFO))
    yield
    root.removeHandler(catcher)
    root.setLevel(level)
    assert not catcher.caught, f"sentinel strings reached the logs: {catcher.caught[:5]}"


@pytest.fixture(scope="session", autouse=True)
def migrated_database() -> Iterator[str]:
    url = os.environ["DATABASE_URL"]
    migrate_fresh(url)
    with get_engine().connect() as connection:
        SEEDED_THEMES.extend(dict(row._mapping) for row in connection.execute(THEMES.select()))
    yield url
    get_engine().dispose()


@pytest.fixture(autouse=True)
def empty_tables(migrated_database: str) -> Iterator[None]:
    """Tests commit for real (as the app does); afterwards every row they made is removed."""
    yield
    ratelimit.reset()
    engine = get_engine()
    tables = [t for t in reversed(SQLModel.metadata.sorted_tables) if t.name not in KEEP_TABLES]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in tables)
            # Table names come from our own metadata, never from input.
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())
        # The seeded themes stay, as the migration made them (tests rename and retire them).
        connection.execute(
            THEMES.delete().where(THEMES.c.id.not_in([t["id"] for t in SEEDED_THEMES]))
        )
        for theme in SEEDED_THEMES:
            connection.execute(THEMES.update().where(THEMES.c.id == theme["id"]).values(**theme))


@pytest.fixture
def db() -> Iterator[Session]:
    with new_session(each_statement=True) as session:
        yield session


@pytest.fixture
def app() -> FastAPI:
    return create_app()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client
