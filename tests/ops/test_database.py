"""The database is durable, and the migrations are the schema (no drift, one head, reversible)."""

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlmodel import SQLModel

import app.models  # noqa: F401  (every table registered)
from app.db import get_engine, make_engine
from app.ops.backup import scratch_database
from tests.support.database import alembic_config, drop_everything


def test_durability_settings_on_a_live_connection() -> None:
    engine = get_engine()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
        else:
            assert connection.execute(text("SHOW synchronous_commit")).scalar() == "on"
            assert connection.execute(text("SHOW lock_timeout")).scalar() == "5s"


def test_models_match_the_migrations() -> None:
    with get_engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_there_is_one_head() -> None:
    script = ScriptDirectory.from_config(alembic_config(str(get_engine().url)))
    assert len(script.get_heads()) == 1


def test_migrations_go_down_and_up_again(tmp_path: Path, migrated_database: str) -> None:
    """Runs on a separate database so the shared one is untouched."""
    with scratch_database(migrated_database, "round_trip", tmp_path) as url:
        drop_everything(url)
        config = alembic_config(url)
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
        check = make_engine(url)
        with check.connect() as connection:
            themes = connection.execute(text("SELECT count(*) FROM theme")).scalar()
        check.dispose()
    assert themes == 6
