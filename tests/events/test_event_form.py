"""The event QR form: no account, pre-tagged with the event, open only in its window."""

from datetime import timedelta

import time_machine
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.moderation.models import Sharing
from app.people.models import Role
from app.timeutil import utcnow
from app.voice.models import AgeBand, Item
from tests.events.helpers import make_event
from tests.moderation.helpers import theme_id
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def test_a_young_person_says_something_without_an_account(client: TestClient, db: Session) -> None:
    event = make_event(
        db, make_user(db, Role.PARTICIPATION_OFFICER), theme_ids=(theme_id(db, "housing"),)
    )
    url = f"/events/{event.token}/say"
    form = page(client.get(url))
    assert form.h1 == "Say something"
    assert form.soup.select_one("[data-jit-notice]") is not None
    assert "Exit this page" in form.text
    values = form.form(url)
    values.update(body="more table tennis at the youth club", age_band="16-17", may_share="yes")
    response = client.post(url, data=values, follow_redirects=False)
    assert response.status_code == 303
    receipt = page(client.get(response.headers["location"]))
    assert "Sent. Thank you!" in receipt.text
    item = db.exec(select(Item)).one()
    assert item.event_id == event.id and item.channel == "event"
    assert item.age_band is AgeBand.FROM_16 and item.may_share
    assert item.theme_id == theme_id(db, "housing") and item.sharing is Sharing.PENDING
    again = client.post(url, data=values, follow_redirects=False)
    assert again.headers["location"] == response.headers["location"]
    assert len(db.exec(select(Item)).all()) == 1


def test_blank_words_are_refused_kindly(client: TestClient, db: Session) -> None:
    event = make_event(db, make_user(db, Role.PARTICIPATION_OFFICER))
    url = f"/events/{event.token}/say"
    values = page(client.get(url)).form(url)
    values.update(body="   ", age_band="11-13")
    refused = page(client.post(url, data=values), 400)
    assert refused.error_summary() == ["Write something in the box before you send it."]
    assert refused.form(url)["age_band"] == "11-13"


def test_the_form_closes_when_the_window_ends_and_keeps_late_words(
    client: TestClient, db: Session
) -> None:
    event = make_event(db, make_user(db, Role.PARTICIPATION_OFFICER))
    url = f"/events/{event.token}/say"
    values = page(client.get(url)).form(url)
    values.update(body="please open the youth club on sundays")
    with time_machine.travel(event.closes_at + timedelta(seconds=1), tick=False):
        closed = page(client.get(url))
        assert closed.h1 == "This form is closed"
        late = page(client.post(url, data=values))
    assert late.h1 == "This form is closed"
    assert "please open the youth club on sundays" in late.text
    assert "0800 1111" in late.text and late.soup.find("a", href="/say") is not None
    assert db.exec(select(Item)).first() is None


def test_before_opening_the_form_says_when_it_opens(client: TestClient, db: Session) -> None:
    event = make_event(db, make_user(db, Role.PARTICIPATION_OFFICER))
    with time_machine.travel(event.opens_at - timedelta(minutes=5), tick=False):
        early = page(client.get(f"/events/{event.token}/say"))
    assert early.h1 == "This form is not open yet"


def test_an_unknown_event_link_is_a_friendly_404(client: TestClient, db: Session) -> None:
    unknown = page(client.get("/events/not-a-real-token/say"), 404)
    assert unknown.h1 == "We could not find this event"
    assert "0800 1111" in unknown.text
    posted = page(
        client.post("/events/nope/say", data={"body": "my words", "csrf_token": "x"}), 403
    )
    assert "my words" in posted.text  # the CSRF page shows them back
    assert utcnow()


def test_staff_are_sent_away_from_the_young_peoples_form(client: TestClient, db: Session) -> None:
    officer_user = make_user(db, Role.PARTICIPATION_OFFICER)
    event = make_event(db, officer_user)
    sign_in(client, db, officer_user)
    assert client.get(f"/events/{event.token}/say").status_code == 403
