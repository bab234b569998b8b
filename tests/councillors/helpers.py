"""Shared items and champions for the councillor tests."""

from datetime import datetime, timedelta

from sqlmodel import Session

from app.meetings.models import Meeting, MeetingKind
from app.moderation.models import SharedVersion
from app.people.models import Role, User
from app.themes.models import ThemeChampion
from app.timeutil import utcnow
from app.voice.models import Item
from tests.moderation.helpers import pending_item, share_directly
from tests.support.factories import make_user


def champion_of(db: Session, *theme_ids: int) -> User:
    user = make_user(db, Role.COUNCILLOR)
    db.add_all(ThemeChampion(theme_id=t, user_id=user.id or 0) for t in theme_ids)
    db.commit()
    return user


def shared(
    db: Session, approver: User, theme_id: int, text: str, *, at: datetime | None = None
) -> Item:
    """A shared item: the original says something else, so tests can tell them apart."""
    item = pending_item(db, f"ORIGINAL {text}")
    share_directly(db, item, text, approver, (theme_id,))
    if at is not None:
        version = db.get(SharedVersion, item.id)
        assert version is not None
        version.approved_at = at
        db.add(version)
        db.commit()
    return item


def route_ids(db: Session, officer_id: int) -> dict[str, str]:
    """Values for this issue's path placeholders in the route-walking tests: an event, the
    Housing theme (by id and by slug)."""
    from tests.events.helpers import make_event
    from tests.moderation.helpers import theme_id

    officer = db.get(User, officer_id)
    assert officer is not None
    housing = theme_id(db, "housing")
    event = make_event(db, officer, theme_ids=(housing,))
    return {"{event_id}": str(event.id), "{theme_id}": str(housing), "{slug}": "housing"}


def make_champion(db: Session, user: User, slug: str = "housing") -> None:
    from tests.moderation.helpers import theme_id

    db.add(ThemeChampion(theme_id=theme_id(db, slug), user_id=user.id or 0))
    db.commit()


def board_meeting(db: Session, days_ahead: int = 10) -> Meeting:
    """An upcoming Corporate Parenting Board, where councillors' questions go."""
    meeting = Meeting(
        kind=MeetingKind.BOARD,
        title="Corporate Parenting Board",
        held_on=utcnow().date() + timedelta(days=days_ahead),
    )
    db.add(meeting)
    db.commit()
    return meeting
