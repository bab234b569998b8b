"""The restore drill: back up the database, restore it into an empty one, and prove the copy
holds every row (counts and checksums per table) at the current migration. Prints the RTO.

    uv run python -m bench.restore_drill             # the database in DATABASE_URL
    uv run python -m bench.restore_drill --url URL

Run it on a schedule (monthly at least) and record the figures. Exits 1 when the copy differs.
RPO is set by how often backups run (`python -m app.cli backup` every 15 minutes meets the
15-minute target); the drill prints the age of the backup it restored.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.config import ROOT, get_settings
from app.db import make_engine
from app.ops.backup import backup, fingerprint, restore, scratch_database

RTO_TARGET_SECONDS = 4 * 3600


def current_revision(url: str) -> str | None:
    engine = make_engine(url)
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    engine.dispose()
    return revision


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.restore_drill")
    parser.add_argument("--url", default=get_settings().database_url)
    url = parser.parse_args(argv).url
    head = ScriptDirectory.from_config(Config(str(ROOT / "alembic.ini"))).get_current_head()
    with tempfile.TemporaryDirectory(prefix="restore-drill-") as folder:
        started = time.monotonic()
        before = fingerprint(url)
        copy = backup(url, Path(folder))
        backed_up = time.monotonic()
        with scratch_database(url, "restore_drill", Path(folder)) as target:
            restore(copy, target)
            restored = time.monotonic()
            after = fingerprint(target)
            revision = current_revision(target)
        size = copy.stat().st_size
    differ = [t for t in before.counts if before.checksums[t] != after.checksums.get(t)]
    rto = restored - backed_up
    rto_ok = "ok" if rto < RTO_TARGET_SECONDS else "MISSED"
    same_head = "ok" if revision == head else "DIFFERENT"
    rows = sum(before.counts.values())
    print(f"database: {make_engine(url).dialect.name}, {len(before.counts)} tables, {rows} rows")
    print(f"backup: {size / 1e6:.1f} MB in {backed_up - started:.1f} s")
    print(f"restore: {rto:.1f} s (RTO target {RTO_TARGET_SECONDS // 3600} h: {rto_ok})")
    print(f"restored backup age at the end: {time.monotonic() - backed_up:.1f} s")
    print(f"migration: restored {revision}, code head {head}: {same_head}")
    if differ or revision != head:
        print(f"FAILED: tables that differ: {', '.join(differ) or 'none'}")
        return 1
    print("every table matches (row counts and checksums)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
