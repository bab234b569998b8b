"""No SQL is built by formatting strings (IO-04): queries go through the ORM or bound parameters.

The one exception names scratch databases for the restore drill, from a fixed name and the pid
(identifiers cannot be bound parameters). Filters and sorts come from allow-lists in the routes;
tests/trust/test_every_form.py sends odd values to every filter form.
"""

import re

from app.config import ROOT

FORMATTED_SQL = re.compile(
    r"""(text|exec_driver_sql|execute)\(\s*f["']|(text|exec_driver_sql|execute)\(\s*["'][^"']*["']\s*(%|\.format)"""
)
ALLOWED = {"app/ops/backup.py"}  # CREATE/DROP DATABASE with a name the code made itself


def test_no_sql_is_built_from_formatted_strings() -> None:
    found = sorted(
        str(path.relative_to(ROOT))
        for folder in ("app", "migrations")
        for path in (ROOT / folder).rglob("*.py")
        if FORMATTED_SQL.search(path.read_text(encoding="utf-8"))
    )
    assert sorted(set(found) - ALLOWED) == []


def test_the_check_notices_formatted_sql() -> None:
    assert FORMATTED_SQL.search('db.execute(text(f"SELECT * FROM item WHERE id = {item_id}"))')
    assert FORMATTED_SQL.search('connection.exec_driver_sql("DELETE FROM x WHERE a = %s" % a)')
    assert not FORMATTED_SQL.search('db.execute(text("SELECT 1 WHERE a = :a"), {"a": a})')
