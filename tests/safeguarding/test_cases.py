"""Safeguarding cases: opened with the item and the alert in one transaction, escalated on time,
seen only by the safeguarding leads and the officer who raised them."""

from datetime import timedelta

import httpx
import pytest
import time_machine
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, col, func, select

from app.audit.models import AuditEvent
from app.moderation.models import Sharing
from app.notifications import service as notifications
from app.notifications.models import OutboxMessage
from app.people.models import Role
from app.safeguarding.models import CaseState, CaseTrigger, SafeguardingCase
from app.safeguarding.service import acknowledge, escalate_due_cases, escalate_now, open_case
from app.timeutil import utcnow
from app.voice.models import Item
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import page


def count(db: Session, model: type[SQLModel]) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def say(client: TestClient, **fields: str) -> httpx.Response:
    values = page(client.get("/say")).form("/say")
    values.update(fields)
    response: httpx.Response = client.post("/say", data=values)
    return response


def test_ticking_not_safe_opens_one_case_and_one_alert_with_the_item(
    client: TestClient, db: Session
) -> None:
    receipt = page(say(client, body="can i talk to someone", wants_contact="yes"))
    assert "What happens next" in receipt.text
    assert "999" in receipt.text and "0800 1111" in receipt.text
    item = db.exec(select(Item)).one()
    case = db.exec(select(SafeguardingCase)).one()
    assert case.item_id == item.id and case.trigger is CaseTrigger.SELF_REPORTED
    assert item.sharing is Sharing.SAFEGUARDING
    alert = db.exec(select(OutboxMessage)).one()
    assert alert.recipient == "dsl@council.test"
    assert "can i talk" not in alert.personalisation  # links and numbers only
    assert f"/staff/cases/{case.id}" in alert.personalisation


def test_nothing_is_saved_if_the_alert_cannot_be_queued(
    client: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(notifications, "enqueue_email", broken)
    monkeypatch.setattr("app.safeguarding.service.enqueue_email", broken)
    response = say(client, body="i am not safe at home", wants_contact="yes")
    result = page(response, 500)
    assert "i am not safe at home" in result.text  # the words are shown back
    assert (count(db, Item), count(db, SafeguardingCase), count(db, OutboxMessage)) == (0, 0, 0)


def test_an_unticked_ordinary_message_opens_no_case(client: TestClient, db: Session) -> None:
    page(say(client, body="can we have more football"))
    assert count(db, SafeguardingCase) == 0
    assert db.exec(select(Item.sharing)).one() is Sharing.PENDING


def test_an_officer_can_raise_a_case_and_sees_it(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, officer)
    item = make_item(db, body="something felt off about this one")
    form = page(client.get(f"/staff/items/{item.reference}")).form(
        f"/staff/items/{item.reference}/flag"
    )
    response = client.post(f"/staff/items/{item.reference}/flag", data=form, follow_redirects=False)
    case = db.exec(select(SafeguardingCase)).one()
    assert response.headers["location"] == f"/staff/cases/{case.id}"
    assert case.trigger is CaseTrigger.OFFICER_FLAG and case.raised_by_id == officer.id
    case_page = page(client.get(f"/staff/cases/{case.id}"))
    assert "something felt off" in case_page.text
    assert case_page.soup.find("form", attrs={"action": f"/staff/cases/{case.id}/close"}) is None
    views = db.exec(select(AuditEvent).where(AuditEvent.action == "case.view")).all()
    assert [(v.actor_id, v.object_id) for v in views] == [(officer.id, case.id)]


@pytest.mark.parametrize(
    "role", [Role.PARTICIPATION_OFFICER, Role.COUNCILLOR, Role.BOARD_CHAIR, Role.ACTION_OWNER]
)
def test_only_leads_and_the_raising_officer_see_a_case(
    client: TestClient, db: Session, role: Role
) -> None:
    item = make_item(db, body="Zqvx sentinel disclosure")
    case = open_case(db, item=item, trigger=CaseTrigger.SCREEN)
    db.commit()
    sign_in(client, db, make_user(db, role))
    response = client.get(f"/staff/cases/{case.id}", follow_redirects=False)
    assert response.status_code in {403, 404}
    assert "Zqvx" not in response.text
    listing = client.get("/staff/cases", follow_redirects=False)
    assert "Zqvx" not in listing.text and f"/staff/cases/{case.id}" not in listing.text


def lead_client(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.SAFEGUARDING_LEAD))


def test_the_lead_acknowledges_records_and_closes_with_an_outcome(
    client: TestClient, db: Session
) -> None:
    item = make_item(db)
    case = open_case(db, item=item, trigger=CaseTrigger.SCREEN)
    db.commit()
    lead_client(client, db)
    url = f"/staff/cases/{case.id}"
    dashboard = page(client.get("/staff/cases"))
    assert "Not acknowledged" in dashboard.text
    form = page(client.get(url)).form(f"{url}/acknowledge")
    client.post(f"{url}/acknowledge", data=form)
    db.refresh(case)
    assert case.state is CaseState.ACKNOWLEDGED and case.next_escalation_at is None

    form = page(client.get(url)).form(f"{url}/actions")
    form.update(kind="contacted_social_worker", note="Spoke to the social worker at 4pm.")
    client.post(f"{url}/actions", data=form)

    form = page(client.get(url)).form(f"{url}/close")
    refused = page(client.post(f"{url}/close", data={**form, "outcome": "  "}), 400)
    assert refused.error_summary() == ["Write an outcome note before you close the case."]
    form["outcome"] = "Social worker visited; young person safe; plan agreed."
    closed = page(client.post(f"{url}/close", data=form))
    assert "Social worker visited" in closed.text and "Spoke to the social worker" in closed.text
    assert db.exec(select(SafeguardingCase.state)).one() is CaseState.CLOSED


def test_unacknowledged_cases_escalate_at_each_boundary(db: Session) -> None:
    start = utcnow()
    with time_machine.travel(start, tick=False):
        case = open_case(db, item=make_item(db), trigger=CaseTrigger.SELF_REPORTED)
        db.commit()
    first_alerts = count(db, OutboxMessage)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert escalate_due_cases(db) == 0
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert escalate_due_cases(db) == 1
        db.commit()
    db.refresh(case)
    assert case.escalation_level == 1
    assert count(db, OutboxMessage) == first_alerts + 1
    with time_machine.travel(start + timedelta(minutes=59), tick=False):
        assert escalate_due_cases(db) == 0
    with time_machine.travel(start + timedelta(minutes=62), tick=False):
        assert escalate_due_cases(db) == 1
        db.commit()
    db.refresh(case)
    assert case.escalation_level == 2
    latest = db.exec(select(OutboxMessage).order_by(col(OutboxMessage.id).desc())).first()
    assert latest is not None and latest.recipient == "emergency-duty@council.test"
    with time_machine.travel(start + timedelta(hours=5), tick=False):
        assert escalate_due_cases(db) == 0  # nothing further: a person has been told at every level


def test_an_acknowledged_case_never_escalates(db: Session) -> None:
    start = utcnow()
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    with time_machine.travel(start, tick=False):
        case = open_case(db, item=make_item(db), trigger=CaseTrigger.SCREEN)
        acknowledge(db, case=case, by=lead)
        db.commit()
    with time_machine.travel(start + timedelta(hours=2), tick=False):
        assert escalate_due_cases(db) == 0


def test_the_worker_escalates_before_it_sends(db: Session) -> None:
    """`escalate_now` is what the worker runs before each poll (app.cli worker)."""
    start = utcnow()
    with time_machine.travel(start, tick=False):
        case = open_case(db, item=make_item(db), trigger=CaseTrigger.SELF_REPORTED)
        db.commit()
    with time_machine.travel(start + timedelta(minutes=5), tick=False):
        assert escalate_now() == 0
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert escalate_now() == 1
    db.refresh(case)
    assert case.escalation_level == 1


def test_a_disclosure_the_screen_spots_opens_a_case_for_a_person(
    client: TestClient, db: Session
) -> None:
    receipt = page(say(client, body="honestly i dont wanna be here anymore, whats the point"))
    assert "What happens next" in receipt.text
    case = db.exec(select(SafeguardingCase)).one()
    assert case.trigger is CaseTrigger.SCREEN and "self_harm" in case.categories
    assert count(db, OutboxMessage) == 1
    assert db.exec(select(Item.sharing)).one() is Sharing.SAFEGUARDING


def test_a_look_alike_opens_no_case(client: TestClient, db: Session) -> None:
    page(say(client, body="this homework is killing me lol, can we get a quiet room"))
    assert count(db, SafeguardingCase) == 0
