"""Every migration keeps the data it does not mean to change (RL-07), down and up again.

A scratch database at head is filled with the demo data plus awkward rows (emoji and other
scripts, empty strings, a 10,000-character text, a flagged item under an open case: a legal
hold). Then it goes down one migration at a time to the first, and back up to head. After every
step down, each row of every table still there holds what it held at head in every column still
there; after every step up, the same for what was left at the bottom. (Going down drops what
later migrations added, by design.)
"""

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import Session

from app.db import make_engine
from app.demo.seed import seed_demo
from app.ops.backup import scratch_database
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from tests.support.database import alembic_config, drop_everything
from tests.support.factories import make_item, make_user

AWKWARD = [
    "Zürich, ﷽, 東京, Ελλάδα 🙂👍🏽 and a zero-width joiner: 👩‍👩‍👧",
    " ",
    "x" * 10_000,
    "line one\nline two\ttabbed",
]
Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


def _seed(url: str) -> None:
    engine = make_engine(url)
    with Session(engine) as db:
        seed_demo(db)
        db.commit()
        author = make_user(db, nickname="émoji-👍")
        for words in AWKWARD:
            make_item(db, author=author, body=words)
        held = make_item(db, author=author, body="he hits me when he is angry")
        open_case(db, item=held, trigger=CaseTrigger.SCREEN)
        db.commit()
    engine.dispose()


def _rows(url: str) -> Rows:
    """Every row of every table, keyed by primary key, as column -> value."""
    engine = make_engine(url)
    metadata = sa.MetaData()
    metadata.reflect(engine)
    found: Rows = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            key = list(table.primary_key.columns) or list(table.columns)
            found[table.name] = {
                tuple(row[c.name] for c in key): dict(row)
                for row in connection.execute(sa.select(table)).mappings()
            }
    engine.dispose()
    return found


def _lost(before: Rows, after: Rows) -> list[str]:
    """What changed in the tables and columns that exist in both."""
    problems = []
    for table in before.keys() & after.keys():
        old, new = before[table], after[table]
        if old.keys() != new.keys():
            problems.append(f"{table}: {len(old)} rows became {len(new)}")
            continue
        for key, row in old.items():
            kept = {column for column in row if column in new[key]}
            changed = [c for c in kept if row[c] != new[key][c]]
            if changed:
                problems.append(f"{table} {key}: {', '.join(sorted(changed))} changed")
    return problems


def test_data_survives_every_migration_down_and_up(tmp_path: Path, migrated_database: str) -> None:
    revisions = [
        script.revision
        for script in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()
    ]  # head first
    with scratch_database(migrated_database, "keep_data", tmp_path) as url:
        drop_everything(url)
        config = alembic_config(url)
        command.upgrade(config, "head")
        _seed(url)
        original = _rows(url)
        assert sum(len(rows) for rows in original.values()) > 500
        problems = []
        for revision in revisions[1:]:  # down to the first migration, a step at a time
            command.downgrade(config, revision)
            problems += [f"down to {revision}: {p}" for p in _lost(original, _rows(url))]
        bottom = _rows(url)  # what the first migration's tables still hold
        for revision in reversed(revisions[:-1]):
            command.upgrade(config, revision)
            problems += [f"up to {revision}: {p}" for p in _lost(bottom, _rows(url))]
        assert _rows(url).keys() == original.keys()
    assert problems == []
