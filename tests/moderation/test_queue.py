"""Requirement 2: the moderation queue, oldest first, filtered, assigned, against the clock."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
import time_machine
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.config import get_settings
from app.db import get_engine
from app.moderation.models import Sharing
from app.people.models import Role
from app.voice.models import AgeBand, Item
from tests.moderation.helpers import HX, officer, pending_item, theme_id
from tests.support.factories import make_user
from tests.support.pages import Page, fragment, page

WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def sent(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 9, 0, tzinfo=UTC)


def rows(result: Page) -> list[str]:
    return [row.get_text(" ", strip=True) for row in result.soup.select("tbody tr")]


def references(result: Page) -> list[str]:
    return [str(link.get_text(strip=True)) for link in result.soup.select("tbody tr td a")]


@pytest.fixture(autouse=True)
def wednesday() -> Iterator[None]:
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_only_items_waiting_for_a_decision_oldest_first(client: TestClient, db: Session) -> None:
    officer(client, db)
    newer = pending_item(db, body="newer words", created_at=sent(24))
    older = pending_item(db, body="older words", created_at=sent(20))
    for state in (Sharing.SHARED, Sharing.PRIVATE, Sharing.SAFEGUARDING, Sharing.NOT_SHARED):
        pending_item(db, body=f"decided {state}", sharing=state)
    pending_item(db, body="merged words", merged_into_id=older.id)
    queue = page(client.get("/staff/moderation"))
    assert queue.h1 == "Moderation"
    assert references(queue) == [older.reference, newer.reference]
    assert "2 items waiting for a decision, oldest first." in queue.text
    assert "decided" not in queue.text and "merged words" not in queue.text


def test_the_clock_and_an_obvious_overdue_tag(client: TestClient, db: Session) -> None:
    officer(client, db)
    pending_item(db, body="sent last tuesday", created_at=sent(17))  # 6 working days
    pending_item(db, body="sent last wednesday", created_at=sent(18))  # 5: due today
    pending_item(db, body="sent monday", created_at=sent(23))  # 2
    queue = page(client.get("/staff/moderation"))
    late, today, fresh = queue.soup.select("tbody tr")
    tag = late.select_one(".govuk-tag--red")
    assert tag is not None and tag.get_text(strip=True) == "Overdue"
    assert "6 working days" in late.get_text(" ", strip=True)
    assert "Due today" in today.get_text(" ", strip=True)
    assert "2 working days" in fresh.get_text(" ", strip=True)
    assert "Due 30 Nov" in fresh.get_text(" ", strip=True)
    assert fresh.select_one(".govuk-tag--red") is None
    assert "within 5 working days" in queue.text


def test_the_promise_and_closure_days_are_settings(
    client: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = get_settings()
    monkeypatch.setattr(settings, "response_promise_working_days", 2)
    monkeypatch.setattr(settings, "non_working_dates", frozenset({sent(24).date()}))
    officer(client, db)
    pending_item(db, body="sent friday", created_at=sent(20))  # Mon, (Tue closed), Wed: 2
    pending_item(db, body="sent thursday", created_at=sent(19))  # Fri, Mon, Wed: 3
    queue = page(client.get("/staff/moderation"))
    first, second = queue.soup.select("tbody tr")
    assert "Overdue" in first.get_text(" ", strip=True)
    assert "Due today" in second.get_text(" ", strip=True)
    overdue = page(client.get("/staff/moderation?waiting=overdue"))
    assert rows(overdue)[0].count("sent thursday") == 1 and len(rows(overdue)) == 1


def test_filters_without_javascript(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    housing = pending_item(
        db,
        body="housing teen",
        theme_id=theme_id(db, "housing"),
        age_band=AgeBand.FROM_14,
        created_at=sent(16),
    )
    pending_item(
        db, body="health adult", theme_id=theme_id(db, "health-wellbeing"), channel="event"
    )
    mine = pending_item(db, body="mine", assigned_to_id=me.id, created_at=sent(24))

    def shown(query: str) -> list[str]:
        return references(page(client.get(f"/staff/moderation?{query}")))

    assert shown("theme=housing") == [housing.reference]
    assert shown("age=14-15") == [housing.reference]
    assert len(shown("channel=event")) == 1
    assert shown("waiting=3") == [housing.reference]  # 7 working days
    assert len(shown("waiting=1")) == 1
    assert shown("assigned=me") == [mine.reference]
    assert len(shown("assigned=nobody")) == 2
    form = page(client.get("/staff/moderation?theme=housing&age=14-15")).form("/staff/moderation")
    assert (form["theme"], form["age"]) == ("housing", "14-15")


def test_unknown_filter_values_are_ignored_never_a_500(client: TestClient, db: Session) -> None:
    officer(client, db)
    pending_item(db)
    for query in ("theme=nope", "age=99", "channel=<script>", "waiting=-1", "assigned=7"):
        assert len(rows(page(client.get(f"/staff/moderation?{query}")))) == 1
    assert client.get("/staff/moderation?page=abc").status_code == 400


def test_htmx_swaps_only_the_results(client: TestClient, db: Session) -> None:
    officer(client, db)
    pending_item(db, body="some words", theme_id=theme_id(db, "housing"))
    part = fragment(client.get("/staff/moderation?theme=housing", headers=HX))
    assert part.select_one("#results") is not None
    assert part.find("h1") is None
    assert "some words" in part.get_text(" ", strip=True)
    whole = page(client.get("/staff/moderation?theme=housing"))
    assert whole.soup.select_one("#results") is not None


def test_paginates_25_a_page(client: TestClient, db: Session) -> None:
    officer(client, db)
    for number in range(27):
        pending_item(db, body=f"item {number}", created_at=sent(1 + number % 20))
    first = page(client.get("/staff/moderation"))
    assert len(rows(first)) == 25 and "Page 1 of 2" in first.text
    assert len(rows(page(client.get("/staff/moderation?page=2")))) == 2


@contextmanager
def counting_queries() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_queries_per_page_do_not_grow_with_the_items(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    other = make_user(db, Role.SAFEGUARDING_LEAD)
    main = pending_item(db, created_at=sent(2))
    pending_item(db, merged_into_id=main.id)
    pending_item(db, assigned_to_id=other.id)
    with counting_queries() as few:
        page(client.get("/staff/moderation"))
    for number in range(20):
        item = pending_item(db, body=f"more {number}", assigned_to_id=me.id)
        pending_item(db, merged_into_id=item.id)
    with counting_queries() as many:
        page(client.get("/staff/moderation"))
    assert len(many) == len(few), many


def test_assign_to_me_from_a_row(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    item = pending_item(db)
    form = page(client.get("/staff/moderation?theme=")).form("/staff/moderation/assign")
    response = client.post(
        "/staff/moderation/assign",
        data={**form, "me": item.reference},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/moderation?notice=assigned"
    db.refresh(item)
    assert item.assigned_to_id == me.id
    done = page(client.get(response.headers["location"]))
    assert "Saved who each item is assigned to." in done.text
    assert me.label in rows(done)[0]
    audit = db.exec(select(AuditEvent).where(AuditEvent.action == "item.assign")).all()
    assert [(a.actor_id, a.object_id) for a in audit] == [(me.id, item.id)]


def test_assign_selected_to_a_named_officer_keeps_the_filters(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    colleague = make_user(db, Role.PARTICIPATION_OFFICER)
    first = pending_item(db, theme_id=theme_id(db, "housing"))
    second = pending_item(db, theme_id=theme_id(db, "housing"))
    form = page(client.get("/staff/moderation?theme=housing")).form("/staff/moderation/assign")
    assert form["back"] == "theme=housing"
    data = {**form, "to": str(colleague.id), "items": [first.reference, second.reference]}
    response = client.post("/staff/moderation/assign", data=data, follow_redirects=False)
    assert response.headers["location"] == "/staff/moderation?theme=housing&notice=assigned"
    db.expire_all()
    assert {i.assigned_to_id for i in db.exec(select(Item)).all()} == {colleague.id}
    data["to"] = "nobody"
    client.post("/staff/moderation/assign", data=data)
    db.expire_all()
    assert {i.assigned_to_id for i in db.exec(select(Item)).all()} == {None}


def test_assigning_needs_a_selection_and_a_real_officer(client: TestClient, db: Session) -> None:
    officer(client, db)
    councillor = make_user(db, Role.COUNCILLOR)
    item = pending_item(db)
    form = page(client.get("/staff/moderation")).form("/staff/moderation/assign")
    nothing = page(client.post("/staff/moderation/assign", data=form), 400)
    assert nothing.soup.select_one(".govuk-error-summary") is not None
    assert "Select at least one item." in nothing.text
    data = {**form, "items": item.reference, "to": str(councillor.id)}
    wrong = page(client.post("/staff/moderation/assign", data=data), 400)
    assert "Choose who to give the items to." in wrong.text
    db.refresh(item)
    assert item.assigned_to_id is None


def test_the_nav_shows_moderation_only_to_those_allowed(client: TestClient, db: Session) -> None:
    officer(client, db)
    assert page(client.get("/staff")).soup.find("a", href="/staff/moderation") is not None
    with TestClient(client.app, base_url="http://testserver") as councillor:
        from tests.support.factories import sign_in

        sign_in(councillor, db, make_user(db, Role.COUNCILLOR))
        home = page(councillor.get("/staff"))
        assert home.soup.find("a", href="/staff/moderation") is None
        assert councillor.get("/staff/moderation").status_code == 403
