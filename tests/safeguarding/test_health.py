"""Safeguarding does not depend on email: the dashboard shows every case at once, and
/health/safeguarding tells the council's monitoring when a case or an alert is waiting too long."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import get_settings
from app.notifications.notify import NotifyClient
from app.notifications.worker import run_once
from app.people.models import Role
from app.safeguarding.models import SafeguardingCase
from app.safeguarding.service import acknowledge
from app.timeutil import utcnow
from tests.safeguarding.test_cases import say
from tests.support.factories import make_user, sign_in
from tests.support.fake_notify import TEMPLATE_ID, FakeNotify, accept, fail, timeout
from tests.support.pages import page


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeNotify]:
    monkeypatch.setattr(get_settings(), "notify_template_safeguarding_alert", TEMPLATE_ID)
    with FakeNotify() as server:
        yield server


def health(client: TestClient) -> tuple[int, dict[str, object]]:
    response = client.get("/health/safeguarding")
    return response.status_code, response.json()


def test_nothing_waiting_is_ok(client: TestClient) -> None:
    assert health(client) == (200, {"status": "ok", "cases_past_due": 0, "alerts_undelivered": 0})


def test_a_failing_notify_leaves_the_case_on_the_dashboard_and_degrades_health(
    client: TestClient, db: Session, fake: FakeNotify
) -> None:
    start = utcnow()
    with time_machine.travel(start, tick=False):
        say(client, body="please can someone ring me", wants_contact="yes")
    fake.script(fail(500), timeout(0.5))
    with NotifyClient(fake.api_key, fake.base_url, timeout=0.2) as notify:
        assert run_once(start + timedelta(minutes=1), client=notify) == 1
        assert run_once(start + timedelta(minutes=3), client=notify) == 1

    case = db.exec(select(SafeguardingCase)).one()
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    sign_in(client, db, lead)
    dashboard = page(client.get("/staff/cases"))
    assert dashboard.soup.select(f"a[href='/staff/cases/{case.id}']")

    with time_machine.travel(start + timedelta(minutes=4), tick=False):
        assert health(client)[0] == 200  # the alert is still within its five minutes
    with time_machine.travel(start + timedelta(minutes=6), tick=False):
        assert health(client) == (
            503,
            {"status": "degraded", "cases_past_due": 0, "alerts_undelivered": 1},
        )
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert health(client)[1] == {
            "status": "degraded",
            "cases_past_due": 1,
            "alerts_undelivered": 1,
        }
        acknowledge(db, case=case, by=lead)
        db.commit()
        assert health(client)[1]["cases_past_due"] == 0

    fake.script(accept())
    with NotifyClient(fake.api_key, fake.base_url, timeout=0.5) as notify:
        run_once(start + timedelta(hours=3), client=notify)
    with time_machine.travel(start + timedelta(hours=3), tick=False):
        assert health(client) == (
            200,
            {"status": "ok", "cases_past_due": 0, "alerts_undelivered": 0},
        )
