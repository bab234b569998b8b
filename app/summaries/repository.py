"""Every query a summary makes. Counts are grouped in the database, so a summary costs the same
number of queries for 100 items or 100,000; young people's words come only through
`moderation.repository.shared_items` (in the service), never from here.

Items under safeguarding are left out of every count altogether (not counted, not hidden as a
small number): an item with a safeguarding case (open or closed), one held for safeguarding, or
one whose young person ticked "I am not safe".
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, func, or_
from sqlmodel import Session, col, select

from app.actions.models import CLOSED, ActionTheme, BoardAction, ItemActionLink
from app.events.models import Event, EventAttendance, EventTheme
from app.meetings.models import AgendaRound, Meeting
from app.moderation.models import ItemTheme, Sharing
from app.safeguarding.models import SafeguardingCase
from app.summaries.models import SummarySnapshot
from app.themes.models import ItemTopic, Theme, Topic
from app.voice.models import Item

NOT_GIVEN = ""  # the key of items with no age band


@dataclass(frozen=True)
class Window:
    """This period [start_at, end_at) and the one before [before_at, start_at), in UTC, and the
    themes chosen (empty: every theme)."""

    before_at: datetime
    start_at: datetime
    end_at: datetime
    theme_ids: tuple[int, ...]
    start_day: date
    end_day: date  # the last day, inclusive
    before_day: date


def _person() -> ColumnElement[int]:
    """Each account once; each item sent without an account counts as one young person."""
    return func.coalesce(col(Item.author_id), -col(Item.id))


def _heard(window: Window) -> list[ColumnElement[bool]]:
    """Items sent in either period, never safeguarding, on the chosen themes."""
    conditions = [
        col(Item.created_at) >= window.before_at,
        col(Item.created_at) < window.end_at,
        col(Item.sharing) != Sharing.SAFEGUARDING,
        col(Item.wants_contact).is_(False),
        col(Item.id).not_in(select(SafeguardingCase.item_id)),
    ]
    if window.theme_ids:  # as `heard_by_theme`: an officer's tags, else the chosen theme
        chosen = window.theme_ids
        tagged = select(ItemTheme.item_id).where(col(ItemTheme.theme_id).in_(chosen))
        untagged = col(Item.id).not_in(select(ItemTheme.item_id))
        conditions.append(
            or_(col(Item.id).in_(tagged), sa.and_(untagged, col(Item.theme_id).in_(chosen)))
        )
    return conditions


def _period(window: Window, moment: Any) -> ColumnElement[int]:
    """1 for this period, 0 for the one before."""
    return sa.case((moment >= window.start_at, 1), else_=0)


Counted = dict[tuple[int, str], tuple[int, int]]  # (period, key) -> (young people, items)


def heard_by(db: Session, window: Window, key: Any) -> Counted:
    """Young people and items per period, grouped by `key` (None: all together, key "")."""
    period = _period(window, col(Item.created_at)).label("period")
    columns: list[ColumnElement[Any]] = [period]
    if key is not None:
        columns.append(key.label("key"))
    statement = (
        sa.select(*columns, func.count(func.distinct(_person())), func.count())
        .where(*_heard(window))
        .group_by(*columns)
    )
    found: Counted = {}
    for row in db.execute(statement).all():
        group = str(row[1] or NOT_GIVEN) if key is not None else NOT_GIVEN
        found[(int(row[0]), group)] = (int(row[-2]), int(row[-1]))
    return found


def heard_by_theme(db: Session, window: Window) -> Counted:
    """As `heard_by`, per theme (the key is the theme's id): the themes an officer tagged the
    item with when it was shared, else the theme the young person chose. One item may count
    for several themes, once in each."""
    theme = func.coalesce(col(ItemTheme.theme_id), col(Item.theme_id))
    period = _period(window, col(Item.created_at)).label("period")
    statement = (
        sa.select(period, theme, func.count(func.distinct(_person())), func.count())
        .select_from(Item)
        .outerjoin(ItemTheme, col(ItemTheme.item_id) == col(Item.id))
        .where(*_heard(window), theme.is_not(None))
        .group_by(period, theme)
    )
    if window.theme_ids:
        statement = statement.where(theme.in_(window.theme_ids))
    return {
        (int(row[0]), str(row[1])): (int(row[2]), int(row[3]))
        for row in db.execute(statement).all()
    }


def topic_people(db: Session, window: Window, *, limit: int) -> list[tuple[str, int]]:
    """The topics officers tagged this period's items with, most young people first."""
    people = func.count(func.distinct(_person()))
    rows = db.execute(
        sa.select(col(Topic.label), people)
        .join(ItemTopic, col(ItemTopic.topic_id) == col(Topic.id))
        .join(Item, col(Item.id) == col(ItemTopic.item_id))
        .where(*_heard(window), col(Item.created_at) >= window.start_at)
        .group_by(col(Topic.id), col(Topic.label))
        .order_by(people.desc(), col(Topic.label))
        .limit(limit)
    ).all()
    return [(str(label), int(count)) for label, count in rows]


def attendance(db: Session, window: Window) -> dict[tuple[int, str], int]:
    """Young people who came to events held in either period, per (period, age band)."""
    period = sa.case((col(Event.held_on) >= window.start_day, 1), else_=0).label("period")
    statement = (
        sa.select(period, col(EventAttendance.band), func.sum(col(EventAttendance.count)))
        .join(Event, col(Event.id) == col(EventAttendance.event_id))
        .where(col(Event.held_on) >= window.before_day, col(Event.held_on) <= window.end_day)
        .group_by(period, col(EventAttendance.band))
    )
    if window.theme_ids:
        themed = select(EventTheme.event_id).where(col(EventTheme.theme_id).in_(window.theme_ids))
        statement = statement.where(col(Event.id).in_(themed))
    return {(int(p), str(band)): int(total or 0) for p, band, total in db.execute(statement).all()}


def _utc_day(db: Session, moment: Any) -> Any:
    """The UTC date of a stored moment, in SQL (SQLite keeps UTC text; PostgreSQL timestamptz)."""
    if db.get_bind().dialect.name == "postgresql":
        return sa.cast(func.timezone("UTC", moment), sa.Date)
    return func.substr(moment, 1, 10)


def _as_day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def response_clocks(db: Session, window: Window) -> list[tuple[date, date | None, int]]:
    """(day sent, day of the first decision, items) for this period's items, grouped by day in
    the database, for the response-time figures (dates are UTC, as the response clock's)."""
    sent, decided = _utc_day(db, col(Item.created_at)), _utc_day(db, col(Item.first_action_at))
    rows = db.execute(
        sa.select(sent, decided, func.count())
        .where(*_heard(window), col(Item.created_at) >= window.start_at)
        .group_by(sent, decided)
    ).all()
    return [
        (_as_day(day), _as_day(done) if done is not None else None, int(number))
        for day, done, number in rows
    ]


def withheld(db: Session, item_ids: Iterable[int]) -> set[int]:
    """Which of these items are under safeguarding in any way (see the module's docstring)."""
    ids = list(item_ids)
    if not ids:
        return set()
    cased = select(SafeguardingCase.item_id).where(col(SafeguardingCase.item_id).in_(ids))
    rows = db.exec(
        select(Item.id).where(
            col(Item.id).in_(ids),
            or_(
                col(Item.sharing) == Sharing.SAFEGUARDING,
                col(Item.wants_contact).is_(True),
                col(Item.id).in_(cased),
            ),
        )
    ).all()
    return {int(item_id) for item_id in rows if item_id is not None}


def theme_names(db: Session) -> dict[int, str]:
    return {
        theme.id or 0: theme.name
        for theme in db.exec(select(Theme).order_by(col(Theme.position), col(Theme.id))).all()
    }


def actions_in_view(db: Session, window: Window) -> Sequence[BoardAction]:
    """Open actions, and those done or dropped during this period, on the chosen themes."""
    statement = select(BoardAction).where(
        or_(
            col(BoardAction.status).not_in(CLOSED),
            col(BoardAction.updated_at) >= window.start_at,
        )
    )
    if window.theme_ids:
        themed = select(ActionTheme.action_id).where(
            col(ActionTheme.theme_id).in_(window.theme_ids)
        )
        statement = statement.where(col(BoardAction.id).in_(themed))
    return db.exec(statement.order_by(col(BoardAction.due_on), col(BoardAction.id))).all()


def rounds_closed(db: Session, window: Window, meeting_id: int | None) -> Sequence[AgendaRound]:
    """The meeting's agenda votes, or (for a date range) votes that closed in the period."""
    statement = select(AgendaRound)
    if meeting_id is not None:
        statement = statement.where(AgendaRound.meeting_id == meeting_id)
    else:
        statement = statement.where(
            col(AgendaRound.closes_at) >= window.start_at,
            col(AgendaRound.closes_at) < window.end_at,
        )
    return db.exec(statement.order_by(col(AgendaRound.closes_at), col(AgendaRound.id))).all()


def meetings_before(db: Session, meeting: Meeting, count: int) -> Sequence[Meeting]:
    """The `count` meetings of the same kind before this one, latest first."""
    return db.exec(
        select(Meeting)
        .where(
            Meeting.kind == meeting.kind,
            or_(
                col(Meeting.held_on) < meeting.held_on,
                sa.and_(col(Meeting.held_on) == meeting.held_on, col(Meeting.id) < meeting.id),
            ),
        )
        .order_by(col(Meeting.held_on).desc(), col(Meeting.id).desc())
        .limit(count)
    ).all()


# Frozen summaries ------------------------------------------------------------------------------


def snapshots(db: Session) -> Sequence[tuple[SummarySnapshot, Meeting]]:
    """Every frozen summary with its meeting, latest meeting and version first."""
    return db.exec(
        select(SummarySnapshot, Meeting)
        .join(Meeting, col(Meeting.id) == col(SummarySnapshot.meeting_id))
        .order_by(col(Meeting.held_on).desc(), col(Meeting.id), col(SummarySnapshot.version).desc())
    ).all()


def snapshot(db: Session, snapshot_id: int) -> SummarySnapshot | None:
    return db.get(SummarySnapshot, snapshot_id)


def latest_version(db: Session, meeting_id: int) -> int:
    found = db.exec(
        select(func.max(SummarySnapshot.version)).where(SummarySnapshot.meeting_id == meeting_id)
    ).one()
    return int(found or 0)


def every_snapshot(db: Session) -> Sequence[SummarySnapshot]:
    return db.exec(select(SummarySnapshot)).all()


def action_titles_of(db: Session, item_ids: Iterable[int]) -> dict[int, list[str]]:
    """The board actions each item is linked to, by title; one query for any number."""
    ids = list(item_ids)
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    rows = db.exec(
        select(ItemActionLink.item_id, BoardAction.title)
        .join(BoardAction, col(BoardAction.id) == col(ItemActionLink.action_id))
        .where(col(ItemActionLink.item_id).in_(ids))
        .order_by(col(BoardAction.id))
    ).all()
    for item_id, title in rows:
        found.setdefault(item_id, []).append(title)
    return found
