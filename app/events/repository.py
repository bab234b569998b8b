"""Every query about events. Officers see everything here; nothing here reaches councillors."""

from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.events.models import Event, EventAttendance, EventChampion, EventTheme
from app.people.models import User
from app.themes.models import Theme
from app.voice.models import Item


def events(db: Session) -> Sequence[Event]:
    return db.exec(select(Event).order_by(col(Event.held_on).desc(), col(Event.id).desc())).all()


def event(db: Session, event_id: int) -> Event | None:
    return db.get(Event, event_id)


def event_by_token(db: Session, token: str) -> Event | None:
    return db.exec(select(Event).where(Event.token == token)).first()


def themes_of(db: Session, event_ids: Iterable[int]) -> dict[int, list[Theme]]:
    found: dict[int, list[Theme]] = {}
    ids = list(event_ids)
    if ids:
        for event_id, theme in db.exec(
            select(EventTheme.event_id, Theme)
            .join(Theme, col(Theme.id) == col(EventTheme.theme_id))
            .where(col(EventTheme.event_id).in_(ids))
            .order_by(col(Theme.position))
        ).all():
            found.setdefault(event_id, []).append(theme)
    return found


def champions_of(db: Session, event_ids: Iterable[int]) -> dict[int, list[User]]:
    found: dict[int, list[User]] = {}
    ids = list(event_ids)
    if ids:
        for event_id, user in db.exec(
            select(EventChampion.event_id, User)
            .join(User, col(User.id) == col(EventChampion.user_id))
            .where(col(EventChampion.event_id).in_(ids))
            .order_by(col(User.display_name))
        ).all():
            found.setdefault(event_id, []).append(user)
    return found


def attendance(db: Session, event_id: int) -> dict[str, int]:
    return {
        row.band: row.count
        for row in db.exec(select(EventAttendance).where(EventAttendance.event_id == event_id))
    }


def attendance_row(db: Session, event_id: int, band: str) -> EventAttendance | None:
    return db.exec(
        select(EventAttendance).where(
            EventAttendance.event_id == event_id, EventAttendance.band == band
        )
    ).first()


def items_from(db: Session, event_id: int) -> Sequence[Item]:
    """For officers only (the event page): every item said at the event, newest first."""
    return db.exec(
        select(Item)
        .where(Item.event_id == event_id)
        .order_by(col(Item.created_at).desc(), col(Item.id).desc())
    ).all()


def item_counts(db: Session, event_ids: Iterable[int]) -> dict[int, int]:
    ids = list(event_ids)
    if not ids:
        return {}
    rows = db.exec(
        select(col(Item.event_id), func.count())
        .where(col(Item.event_id).in_(ids))
        .group_by(col(Item.event_id))
    ).all()
    return {event_id: count for event_id, count in rows if event_id is not None}


def names_of(db: Session, event_ids: Iterable[int]) -> dict[int, str]:
    """Event names, for "said at ..." beside shared items."""
    ids = list(event_ids)
    if not ids:
        return {}
    rows = db.exec(select(Event.id, Event.name).where(col(Event.id).in_(ids))).all()
    return {event_id: name for event_id, name in rows if event_id is not None}
