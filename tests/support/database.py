"""Builds the test schema the way production does: by running the migrations."""

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app.config import ROOT
from app.db import make_engine


def alembic_config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    return config


def drop_everything(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        else:
            names = connection.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            ).scalars()
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for name in list(names):
                connection.exec_driver_sql(f'DROP TABLE "{name}"')
    engine.dispose()


def migrate_fresh(url: str) -> None:
    drop_everything(url)
    command.upgrade(alembic_config(url), "head")
