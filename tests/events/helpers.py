"""Events for tests, made directly (the form is tested on its own)."""

import secrets
from datetime import timedelta

from sqlmodel import Session

from app.events.models import Event, EventTheme, EventType
from app.people.models import User
from app.timeutil import utcnow


def make_event(
    db: Session,
    by: User,
    *,
    theme_ids: tuple[int, ...] = (),
    kind: EventType = EventType.MAKE_A_NOISE,
    open_now: bool = True,
    name: str = "Make a Noise at the Hub",
) -> Event:
    now = utcnow()
    opens = now - timedelta(hours=1) if open_now else now - timedelta(days=3)
    event = Event(
        kind=kind,
        name=name,
        held_on=now.date(),
        place="The Hub",
        opens_at=opens,
        closes_at=opens + timedelta(days=2) if open_now else now - timedelta(days=1),
        token=secrets.token_urlsafe(16),
        created_by_id=by.id or 0,
    )
    db.add(event)
    db.flush()
    db.add_all(EventTheme(event_id=event.id or 0, theme_id=theme_id) for theme_id in theme_ids)
    db.commit()
    return event
