"""The audit trail: recorded for sign-ins and sensitive views, readable by admins, and on
PostgreSQL impossible for the app to change."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.audit.service import record
from app.db import get_engine
from app.people.models import Role
from tests.support.factories import PASSPHRASE, make_item, make_user, sign_in
from tests.support.pages import Page, page


def test_young_peoples_sign_ins_are_recorded_without_who_failed(
    client: TestClient, db: Session
) -> None:
    user = make_user(db, nickname="Robin")
    form = page(client.get("/sign-in")).form("/sign-in")
    client.post("/sign-in", data={**form, "nickname": "Robin", "passphrase": "wrong one"})
    client.post("/sign-in", data={**form, "nickname": "Robin", "passphrase": PASSPHRASE})
    events = db.exec(select(AuditEvent).order_by(col(AuditEvent.id))).all()
    assert [(e.action, e.actor_id) for e in events] == [
        ("young.sign_in_failed", None),
        ("young.sign_in", user.id),
    ]


def logged(log: Page) -> list[str]:
    """The "what" column of the table, newest first."""
    return [row.select("td")[2].get_text(strip=True) for row in log.soup.select("tbody tr")]


def test_admins_read_the_log_filtered_by_what_and_who(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    item = make_item(db)
    record(
        db, actor=officer, action="item.view_original", object_type="item", object_id=item.id or 0
    )
    record(db, actor=None, action="retention.erase", object_type="item", object_id=item.id or 0)
    db.commit()
    sign_in(client, db, make_user(db, Role.ADMIN))

    everything = page(client.get("/admin/audit"))
    assert everything.h1 == "Audit log"
    assert logged(everything) == ["retention.erase", "item.view_original"]
    assert item.body not in everything.text  # ids only, never words
    assert logged(page(client.get(f"/admin/audit?actor={officer.id}"))) == ["item.view_original"]
    assert logged(page(client.get("/admin/audit?action=retention."))) == ["retention.erase"]


def test_the_app_cannot_change_or_delete_audit_rows(db: Session) -> None:
    if get_engine().dialect.name != "postgresql":
        pytest.skip("PostgreSQL enforces this with a trigger; SQLite is the single-user default")
    record(db, actor=None, action="case.view", object_type="case", object_id=1)
    db.commit()
    for statement in ("UPDATE audit_event SET action = 'nothing'", "DELETE FROM audit_event"):
        with get_engine().connect() as connection, pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(statement))
    assert db.exec(select(AuditEvent.action)).all() == ["case.view"]
