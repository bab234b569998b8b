"""Database engine and the request-owned transaction.

SQLite is tuned for durability ("nothing lost"): WAL with synchronous=FULL, and writes take the
write lock up front (BEGIN IMMEDIATE) so concurrent submitters wait instead of failing.
"""

from collections.abc import Iterator
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Request
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlmodel import Session, create_engine

from app.config import get_settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
        )
        _tune_sqlite(engine)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        connect_args={"options": "-c synchronous_commit=on -c lock_timeout=5000"},
        hide_parameters=True,
    )


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (not the driver) issue BEGIN, so SAVEPOINTs and BEGIN IMMEDIATE work.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "BEGIN")
        if mode != "AUTOCOMMIT":
            connection.exec_driver_sql(mode)


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


def new_session(*, for_writing: bool = False, each_statement: bool = False) -> Session:
    """`for_writing` takes SQLite's write lock up front; `each_statement` sees every commit at
    once, like PostgreSQL's READ COMMITTED (for tests and probes that watch other writers)."""
    engine = get_engine()
    if for_writing:
        engine = engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
    elif each_statement:
        engine = engine.execution_options(sqlite_begin="AUTOCOMMIT")
    return Session(engine, expire_on_commit=False)


def request_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the route returns, rolled back on error.

    Routes that must show a receipt commit earlier themselves, so the receipt follows the commit.
    """
    with new_session(for_writing=request.method not in SAFE_METHODS) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


DbSession = Annotated[Session, Depends(request_session, scope="function")]


def enum_type(enum_class: type[StrEnum]) -> sa.Enum:
    """Stores an enum's values as plain text (no database enum type) and loads them as members."""
    return sa.Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
    )
