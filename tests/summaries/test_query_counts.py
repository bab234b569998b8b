"""A summary costs the same number of queries for 10 items as for 1,000 (counts are grouped in
the database; quotes are a fixed number of candidates)."""

from datetime import date, timedelta
from itertools import cycle

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.events.models import Event, EventAttendance, EventType
from app.people.models import Role, User
from app.themes.service import tag_topics
from app.voice.models import AgeBand
from tests.moderation.helpers import theme_id
from tests.summaries.helpers import day_at, make_items, seed_meetings, share
from tests.support.factories import make_user, sign_in
from tests.test_query_counts import FEW, MANY, counted_queries

CHANNELS = cycle(["online", "event", "paper"])
BANDS = cycle([None, *AgeBand])


def fill(db: Session, n: int, meeting_day: date, officer_id: int) -> None:
    """n items in the period across channels, age bands and themes; a third of them shared,
    with topics; one event with attendance per call."""
    officer = db.get(User, officer_id)
    assert officer is not None
    themes = [theme_id(db, "housing"), theme_id(db, "health-wellbeing")]
    sent = day_at(meeting_day - timedelta(days=20))
    for number in range(n):
        (item,) = make_items(
            db,
            1,
            sent=sent,
            theme=themes[number % 2],
            channel=next(CHANNELS),
            age_band=next(BANDS),
            decided_after=timedelta(days=number % 9),
        )
        if number % 3 == 0:
            share(db, item, f"shared row {number}", officer, themes[number % 2], sent)
            tag_topics(db, item_id=item.id or 0, labels=[f"topic {number % 7}"])
    event = Event(
        kind=EventType.HALF_TERMLY,
        name="Event",
        held_on=meeting_day - timedelta(days=10),
        opens_at=sent,
        closes_at=sent + timedelta(hours=2),
        token=f"qc-{n}",
        created_by_id=officer_id,
    )
    db.add(event)
    db.flush()
    db.add(EventAttendance(event_id=event.id or 0, band="14-15", count=n))
    db.commit()


@pytest.mark.parametrize("version", ["board", "young", "quotes"])
def test_summary_queries_do_not_grow_with_items(app: FastAPI, db: Session, version: str) -> None:
    _winter, _spring, summer = seed_meetings(db)
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    client = TestClient(app, base_url="http://testserver")
    sign_in(client, db, officer)
    url = f"/staff/summaries/{version}?meeting={summer.id}"
    fill(db, FEW, summer.held_on, officer.id or 0)
    client.get(url)
    with counted_queries() as few:
        response = client.get(url)
    assert response.status_code == 200 and "shared row" in response.text
    fill(db, MANY - FEW, summer.held_on, officer.id or 0)
    with counted_queries() as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few), "\n".join(sorted(set(many) - set(few)) or many)
