"""Alembic environment: one head, batch mode for SQLite, a lock timeout for PostgreSQL.

SQLite alters a table by copying it (batch mode). With foreign keys on, dropping the old copy
of a table that other rows point at fails (or would cascade), so a migration of a database that
holds data runs with them off, as SQLite's documentation prescribes, and every foreign key is
checked before the migration is committed.
"""

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers every table on SQLModel.metadata)
from app.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def database_url() -> str:
    configured = config.attributes.get("database_url")
    if configured:
        return str(configured)
    from app.config import get_settings

    return get_settings().database_url


def run_with(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET lock_timeout = '5s'")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = make_engine(database_url())
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _outside_a_transaction(connection, "PRAGMA foreign_keys=OFF")
        with connection.begin():  # committed here, whatever the dialect
            run_with(connection)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all() if sqlite else []
            if broken:
                raise RuntimeError(f"the migration broke {len(broken)} foreign keys: {broken[:5]}")
    engine.dispose()


def _outside_a_transaction(connection: Connection, pragma: str) -> None:
    """SQLite ignores some pragmas inside a transaction; app.db's begin hook would open one."""
    connection.execution_options(sqlite_begin="AUTOCOMMIT")
    connection.exec_driver_sql(pragma)
    connection.commit()
    connection.execution_options(sqlite_begin="BEGIN")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
