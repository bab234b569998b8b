"""Every personal column is written down (PR-02) and the DPIA is kept in step (PR-08)."""

import re
from typing import Any

import pytest
from sqlmodel import SQLModel

from app.ops.dpia import current_fingerprint, data_inventory, recorded_fingerprint

LAWFUL_BASES = {"public-task", "safeguarding", "staff-duty", "consent"}
RETENTION = {"words", "account", "session", "outbox", "audit", "council"}
PROTECTION = {"special", "identifying", "pseudonymous", "secret"}
# Data we promise never to collect: birth dates, addresses, location, device or network identity.
FORBIDDEN_COLUMN = re.compile(
    r"(^|_)(dob|birth|birthday|postcode|post_code|address|street|lat|lng|latitude|longitude|"
    r"location|geo|ip|user_agent|device)($|_)"
)


def _tables() -> dict[str, Any]:
    return dict(SQLModel.metadata.tables)


def test_every_table_is_in_the_inventory_and_nothing_stale() -> None:
    inventory = data_inventory()
    assert sorted(set(_tables()) - set(inventory)) == [], "add these tables to the inventory"
    assert sorted(set(inventory) - set(_tables())) == [], "these tables no longer exist"


def test_every_personal_column_has_purpose_basis_retention_and_protection() -> None:
    problems = []
    for name, entry in data_inventory().items():
        if not entry.get("personal"):
            if not entry.get("why_not"):
                problems.append(f"{name}: say why it holds no personal data")
            continue
        columns = entry.get("columns") or {}
        actual = {column.name for column in _tables()[name].columns}
        problems += [f"{name}.{c}: missing" for c in sorted(actual - set(columns))]
        problems += [f"{name}.{c}: no such column" for c in sorted(set(columns) - actual)]
        for column, facts in columns.items():
            resolved = {
                key: facts.get(key, entry.get(key))
                for key in ("lawful_basis", "retention", "protection")
            }
            if not facts.get("purpose"):
                problems.append(f"{name}.{column}: no purpose")
            if resolved["lawful_basis"] not in LAWFUL_BASES:
                problems.append(f"{name}.{column}: lawful basis {resolved['lawful_basis']!r}")
            if resolved["retention"] not in RETENTION:
                problems.append(f"{name}.{column}: retention {resolved['retention']!r}")
            if resolved["protection"] not in PROTECTION:
                problems.append(f"{name}.{column}: protection {resolved['protection']!r}")
    assert problems == []


@pytest.mark.parametrize("name", ["dob", "postcode", "home_address", "lat", "ip_address"])
def test_the_denylist_catches_what_we_never_collect(name: str) -> None:
    assert FORBIDDEN_COLUMN.search(name)


def test_no_column_holds_what_we_never_collect() -> None:
    found = [
        f"{table.name}.{column.name}"
        for table in _tables().values()
        for column in table.columns
        if FORBIDDEN_COLUMN.search(column.name)
    ]
    assert found == []


def test_the_dpia_covers_the_current_schema_routes_and_roles() -> None:
    now = current_fingerprint()
    assert recorded_fingerprint() == now, (
        "Personal data, routes or roles changed: update the DPIA (docs/dpia.md), then record "
        f"the new fingerprint: `{now}`"
    )
