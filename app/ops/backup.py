"""Backups that restore: SQLite through its online backup API, PostgreSQL through pg_dump, and
a fingerprint of every table to prove a restore holds what the backup held."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from app.db import make_engine
from app.timeutil import utcnow


class BackupError(Exception):
    """A backup or restore could not be made; the message says what to check."""


@dataclass(frozen=True)
class Fingerprint:
    """Rows per table and a checksum of their contents, in primary-key order."""

    counts: dict[str, int]
    checksums: dict[str, str]


def fingerprint(url: str) -> Fingerprint:
    engine = make_engine(url)
    metadata = sa.MetaData()
    metadata.reflect(engine)
    counts: dict[str, int] = {}
    checksums: dict[str, str] = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            digest = hashlib.sha256()
            rows = 0
            for row in connection.execute(sa.select(table).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
                rows += 1
            counts[table.name] = rows
            checksums[table.name] = digest.hexdigest()
    engine.dispose()
    return Fingerprint(counts, checksums)


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database:
        raise BackupError("The SQLite URL names no file.")
    return Path(database)


def _libpq(url: str) -> str:
    """psycopg's SQLAlchemy URL as the libpq URL pg_dump and pg_restore understand."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools).")
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-500:]}")


def backup(url: str, folder: Path, *, now: datetime | None = None) -> Path:
    """A consistent copy of the live database, taken while the app keeps running."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or utcnow()).strftime("%Y%m%dT%H%M%SZ")
    if url.startswith("sqlite"):
        target = folder / f"said-and-done-{stamp}.sqlite3"
        with sqlite3.connect(_sqlite_path(url)) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        return target
    target = folder / f"said-and-done-{stamp}.dump"
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq(url)])
    return target


def restore(copy: Path, url: str) -> None:
    """Replaces what is in `url` with the backup (stop the app first)."""
    if not copy.is_file():
        raise BackupError(f"There is no backup at {copy}.")
    if url.startswith("sqlite"):
        with sqlite3.connect(copy) as source, sqlite3.connect(_sqlite_path(url)) as target:
            source.backup(target)
        return
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={_libpq(url)}",
            str(copy),
        ]
    )


@contextmanager
def scratch_database(like: str, name: str, folder: Path) -> Iterator[str]:
    """An empty database beside `like` (a file in `folder`, or a database on the same server)
    for restore drills and tests, named per process so that parallel runs never share it;
    dropped afterwards. `name` is ours, never input."""
    if like.startswith("sqlite"):
        yield f"sqlite:///{folder}/{name}.db"
        return
    unique = f"{name}_{os.getpid()}"
    admin = make_engine(like)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(sa.text(f"DROP DATABASE IF EXISTS {unique}"))
        connection.execute(sa.text(f"CREATE DATABASE {unique}"))
    try:
        yield admin.url.set(database=unique).render_as_string(hide_password=False)
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(sa.text(f"DROP DATABASE IF EXISTS {unique} WITH (FORCE)"))
        admin.dispose()
