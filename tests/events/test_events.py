"""Officers create events, record who came (counts only) and print the QR sheet."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.events.models import Event, EventAttendance, EventChampion, EventTheme, EventType
from app.people.models import Role
from tests.events.helpers import make_event
from tests.moderation.helpers import officer, theme_id
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def test_an_officer_creates_an_event(client: TestClient, db: Session) -> None:
    officer(client, db)
    champion = make_user(db, Role.COUNCILLOR)
    form = page(client.get("/staff/events/new"))
    assert form.h1 == "Add an event"
    values = form.form("/staff/events")
    values.update(
        name="Autumn half-term: Housing",
        kind="half_termly",
        held_on="2026-10-28",
        place="Youth Hub",
        opens_at="2026-10-28T09:00",
        closes_at="2026-11-04T17:00",
    )
    response = client.post(
        "/staff/events",
        data={**values, "themes": [str(theme_id(db, "housing"))], "champions": [str(champion.id)]},
        follow_redirects=False,
    )
    assert response.status_code == 303
    shown = page(client.get(response.headers["location"]))
    assert shown.h1 == "Autumn half-term: Housing"
    assert "Event saved." in shown.text and champion.label in shown.text
    event = db.exec(select(Event)).one()
    assert event.kind is EventType.HALF_TERMLY and len(event.token) >= 22
    assert db.exec(select(EventTheme)).one().theme_id == theme_id(db, "housing")
    assert db.exec(select(EventChampion)).one().user_id == champion.id


def test_bad_event_input_is_shown_back(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    values = page(client.get("/staff/events/new")).form("/staff/events")
    values.update(
        name="",
        held_on="28/10/2026",
        place="Somewhere",
        opens_at="2026-10-28T09:00",
        closes_at="2026-10-27T09:00",
    )
    values.pop("kind", None)
    refused = page(client.post("/staff/events", data={**values, "champions": [str(me.id)]}), 400)
    assert refused.error_summary() == [
        "Enter the event's name.",
        "Choose what kind of event it is.",
        "Enter the date of the event, like 2026-11-23.",
        "The QR form must close after it opens.",
        "Choose councillors from the list.",
    ]
    assert refused.form("/staff/events")["place"] == "Somewhere"
    assert db.exec(select(Event)).first() is None


def test_attendance_is_counts_by_age_band(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    event = make_event(db, me)
    url = f"/staff/events/{event.id}"
    token = page(client.get(url)).form(f"{url}/attendance")["csrf_token"]
    bad = page(
        client.post(f"{url}/attendance", data={"csrf_token": token, "count_14-15": "lots"}), 400
    )
    assert bad.error_summary() == ["Enter a whole number, like 12, or leave it blank."]
    assert bad.form(f"{url}/attendance")["count_14-15"] == "lots"
    saved = client.post(
        f"{url}/attendance",
        data={"csrf_token": token, "count_14-15": "7", "count_unknown": "3"},
    )
    assert "Numbers only, never names. 10 in all." in page(saved).text
    counts = {r.band: r.count for r in db.exec(select(EventAttendance)).all()}
    assert counts["14-15"] == 7 and counts["unknown"] == 3 and counts["11-13"] == 0


def test_the_printable_qr_page_links_to_the_event_form(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    event = make_event(db, me)
    sheet = page(client.get(f"/staff/events/{event.id}/qr"))
    assert f"http://testserver/events/{event.token}/say" in sheet.text
    image = sheet.soup.find("img")
    assert image is not None and str(image["src"]).startswith("data:image/svg+xml")


def test_councillors_and_admins_cannot_manage_events(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.COUNCILLOR))
    assert client.get("/staff/events").status_code == 403
