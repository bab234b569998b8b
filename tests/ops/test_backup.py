"""Backups restore: a backup of the live database, restored into an empty one, holds every
row of every table, byte for byte, including odd text (TRUST RL-08)."""

from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import Session

from app.db import make_engine
from app.ops.backup import BackupError, backup, fingerprint, restore, scratch_database
from app.people.models import Role
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from tests.support.database import alembic_config
from tests.support.factories import make_item, make_user

ODD = ["", "emoji 🏠🔑 and Welsh ŵŷ", "x" * 10_000, "قال لي", "line\nbreaks\ttabs"]


def test_a_backup_restores_every_row(tmp_path: Path, migrated_database: str, db: Session) -> None:
    author = make_user(db, nickname="Robin")
    for body in ODD:
        make_item(db, body=body or " ", author=author)
    held = make_item(db, body="he hurts me")
    open_case(db, item=held, trigger=CaseTrigger.SCREEN)
    make_user(db, Role.SAFEGUARDING_LEAD)
    db.commit()
    before = fingerprint(migrated_database)

    copy = backup(migrated_database, tmp_path / "backups")
    assert copy.stat().st_size > 0
    with scratch_database(migrated_database, "restore_drill", tmp_path) as target:
        restore(copy, target)
        after = fingerprint(target)
        engine = make_engine(target)
        with engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
        engine.dispose()
    assert after == before
    assert before.counts["item"] == len(ODD) + 1
    assert revision == ScriptDirectory.from_config(alembic_config(target)).get_current_head()


def test_restoring_a_missing_backup_says_so(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no backup"):
        restore(tmp_path / "nothing.dump", f"sqlite:///{tmp_path}/x.db")
