"""The staff outbox page: counts, the messages given up ("not delivered") with masked
recipients, and "Try again" (audited), which the worker then sends once, looking first."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.config import Settings, get_settings
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.notify import NotifyClient
from app.notifications.service import enqueue_email, enqueue_sms
from app.notifications.worker import run_once
from app.people.models import Role
from app.timeutil import COUNCIL_TIME
from tests.support.factories import make_user, sign_in
from tests.support.fake_notify import TEMPLATE_ID, FakeNotify
from tests.support.pages import page

EMAIL = "sam.jones@example.org"
MOBILE = "+447911123457"
HX = {"HX-Request": "true"}


def given_up(db: Session) -> tuple[OutboxMessage, OutboxMessage, OutboxMessage]:
    with new_session(for_writing=True) as session:
        email = enqueue_email(
            session,
            to=EMAIL,
            template="item_news_email",
            personalisation={},
            for_young_person=True,
        )
        text = enqueue_sms(
            session,
            to=MOBILE,
            template="item_news_sms",
            personalisation={},
            for_young_person=True,
        )
        waiting = enqueue_email(
            session, to="dsl@council.example", template="safeguarding_alert", personalisation={}
        )
        for message, error in ((email, "http_400:BadRequestError"), (text, "timeout")):
            message.status, message.attempts, message.last_error = OutboxStatus.DEAD, 8, error
            session.add(message)
        session.commit()
    return email, text, waiting


@pytest.fixture
def web(app: FastAPI) -> Iterator[TestClient]:
    """The app's test client (`client` here is the fake Notify's, see conftest.py)."""
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def staff(web: TestClient, db: Session) -> TestClient:
    sign_in(web, db, make_user(db, Role.PARTICIPATION_OFFICER))
    return web


@pytest.mark.parametrize("role", [Role.PARTICIPATION_OFFICER, Role.ADMIN])
def test_staff_see_counts_and_given_up_messages_masked(
    web: TestClient, db: Session, role: Role
) -> None:
    given_up(db)
    sign_in(web, db, make_user(db, role))
    shown = page(web.get("/staff/outbox"))
    assert shown.h1 == "Messages not delivered"
    counts = [row.get_text(" ", strip=True) for row in shown.soup.select("#counts div")]
    assert counts == ["Waiting to send 1", "Being sent 0", "Not delivered 2"]
    rows = [row.get_text(" ", strip=True) for row in shown.soup.select("tbody tr")]
    assert len(rows) == 2
    assert "+44•••••••457" in rows[0] and "young person, text message" in rows[0]
    assert "item_news_sms" in rows[0] and "timeout" in rows[0] and " 8 " in rows[0]
    assert "s•••@e•••.org" in rows[1] and "http_400:BadRequestError" in rows[1]
    for secret in (EMAIL, "jones", MOBILE, "7911"):
        assert secret not in shown.response.text
    nav = shown.soup.select_one("nav")
    assert nav is not None and nav.find("a", href="/staff/outbox") is not None


@pytest.mark.parametrize("htmx", [False, True])
def test_try_again_queues_it_from_the_start_and_is_audited(
    staff: TestClient, db: Session, htmx: bool
) -> None:
    _email, text, _waiting = given_up(db)
    values = page(staff.get("/staff/outbox")).form(f"/staff/outbox/{text.id}/try-again")
    noon = datetime(2026, 7, 1, 12, tzinfo=COUNCIL_TIME)
    with time_machine.travel(noon, tick=False):
        response = staff.post(
            f"/staff/outbox/{text.id}/try-again",
            data=values,
            headers=HX if htmx else {},
            follow_redirects=False,
        )
    if htmx:
        assert response.headers["HX-Redirect"] == "/staff/outbox?notice=queued"
    else:
        assert response.headers["location"] == "/staff/outbox?notice=queued"
    db.expire_all()
    again = db.get(OutboxMessage, text.id)
    assert again is not None
    assert (again.status, again.attempts, again.next_attempt_at) == (
        OutboxStatus.PENDING,
        0,
        noon.astimezone(UTC),
    )
    assert again.last_error is not None and again.last_error.startswith("unconfirmed:")
    audit = db.exec(select(AuditEvent).where(AuditEvent.action == "outbox.try_again")).one()
    assert (audit.object_type, audit.object_id) == ("outbox_message", text.id)
    done = page(staff.get("/staff/outbox?notice=queued"))
    assert "Queued again." in done.text
    assert len(done.soup.select("tbody tr")) == 1


def test_tried_again_at_night_a_young_persons_message_waits_for_the_morning(
    staff: TestClient, db: Session
) -> None:
    _email, text, _waiting = given_up(db)
    values = page(staff.get("/staff/outbox")).form(f"/staff/outbox/{text.id}/try-again")
    with time_machine.travel(datetime(2026, 1, 5, 23, tzinfo=COUNCIL_TIME), tick=False):
        staff.post(f"/staff/outbox/{text.id}/try-again", data=values)
    db.expire_all()
    again = db.get(OutboxMessage, text.id)
    assert again is not None
    assert again.next_attempt_at == datetime(2026, 1, 6, 8, tzinfo=COUNCIL_TIME).astimezone(UTC)


def test_a_message_that_is_not_given_up_cannot_be_tried_again(
    staff: TestClient, db: Session
) -> None:
    _email, _text, waiting = given_up(db)
    values = page(staff.get("/staff/outbox")).form(f"/staff/outbox/{_text.id}/try-again")
    for message_id in (waiting.id, 999_999):
        refused = page(staff.post(f"/staff/outbox/{message_id}/try-again", data=values), 409)
        assert refused.error_summary() == [
            "This message is not in the not-delivered list any more."
        ]
    db.expire_all()
    still = db.get(OutboxMessage, waiting.id)
    assert still is not None and still.status is OutboxStatus.PENDING
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "outbox.try_again")).all() == []


def test_the_worker_looks_before_sending_a_message_tried_again(
    staff: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its last attempt may have reached Notify after all: one lookup, then one send."""
    settings: Settings = get_settings()
    monkeypatch.setattr(settings, "notify_template_item_news_email", TEMPLATE_ID)
    email, _text, _waiting = given_up(db)
    values = page(staff.get("/staff/outbox")).form(f"/staff/outbox/{email.id}/try-again")
    noon = datetime(2026, 7, 1, 12, tzinfo=COUNCIL_TIME)
    with time_machine.travel(noon, tick=False):
        staff.post(f"/staff/outbox/{email.id}/try-again", data=values)
    with FakeNotify() as fake, NotifyClient(fake.api_key, fake.base_url, timeout=2) as notify:
        assert run_once(noon.astimezone(UTC), client=notify) == 1
        assert [lookup.query["reference"] for lookup in fake.lookups()] == [
            f"outbox-{email.id}-{int(email.created_at.timestamp())}"
        ]  # only the message tried again is looked up
        assert [a["email_address"] for a in fake.accepted].count(EMAIL) == 1
    db.expire_all()
    sent = db.get(OutboxMessage, email.id)
    assert sent is not None and sent.status is OutboxStatus.SENT
