"""A board meeting with a period full of voice: shared words, pending and private words,
safeguarding, events, a vote, actions and a promise, each with sentinel words where they must
never show."""

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session

from app.actions.models import ActionStatus, ActionTheme, BoardAction, OrganisationKind
from app.events.models import Event, EventAttendance, EventTheme, EventType
from app.meetings.models import Meeting, MeetingKind
from app.moderation.models import ItemTheme, SharedVersion, Sharing
from app.people.models import Role, User
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from app.timeutil import utcnow
from app.voice.models import AgeBand, EventKind, Item, TimelineEvent
from app.voice.service import new_reference
from tests.moderation.helpers import theme_id
from tests.support.factories import make_user

PENDING_WORDS = "ZQVX-PENDING words nobody approved"
ORIGINAL_WORDS = "ZQVX-ORIGINAL unredacted words"
SAFEGUARDING_WORDS = "ZQVX-SAFEGUARDING my stepdad hurts me"
SAFEGUARDING_SHARED = "ZQVX-SG-SHARED words shared before the case"
SHARED_WORDS = "We want free bus passes to get to college"
FORMULA_WORDS = '=HYPERLINK("http://evil.example","click")'


def day_at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), UTC)


def make_items(
    db: Session,
    count: int,
    *,
    sent: datetime,
    theme: int | None = None,
    author: User | None = None,
    channel: str = "online",
    age_band: AgeBand | None = None,
    body: str = "something young people said",
    sharing: Sharing = Sharing.PENDING,
    decided_after: timedelta | None = None,
) -> list[Item]:
    """Items sent at `sent`, quickly: no timeline events beyond "sent"."""
    items = [
        Item(
            reference=new_reference(),
            author_id=author.id if author else None,
            body=body,
            theme_id=theme,
            may_share=True,
            sharing=sharing,
            channel=channel,
            age_band=age_band,
            idempotency_key=secrets.token_urlsafe(24),
            content_fingerprint="summaries",
            created_at=sent,
            updated_at=sent,
            first_action_at=sent + decided_after if decided_after is not None else None,
        )
        for _ in range(count)
    ]
    db.add_all(items)
    db.flush()
    db.add_all(TimelineEvent(item_id=item.id or 0, kind=EventKind.SENT) for item in items)
    db.commit()
    return items


def share(db: Session, item: Item, text: str, approver: User, theme: int, at: datetime) -> Item:
    item.sharing = Sharing.SHARED
    item.may_share = True
    db.add(item)
    db.add(
        SharedVersion(
            item_id=item.id or 0, text=text, approved_by_id=approver.id or 0, approved_at=at
        )
    )
    db.add(ItemTheme(item_id=item.id or 0, theme_id=theme))
    db.commit()
    return item


@dataclass
class Seeded:
    meeting: Meeting
    previous: Meeting
    officer: User
    housing: int
    health: int
    shared: Item
    formula: Item


def seed_meetings(db: Session) -> tuple[Meeting, Meeting, Meeting]:
    """Three board meetings 60 days apart; the last is 5 days from now."""
    today = utcnow().date()
    made = [
        Meeting(kind=MeetingKind.BOARD, title=title, held_on=today + timedelta(days=days))
        for title, days in (("Board, winter", -115), ("Board, spring", -55), ("Board, summer", 5))
    ]
    db.add_all(made)
    db.commit()
    return made[0], made[1], made[2]


def seed_summary(db: Session) -> Seeded:
    """The summer meeting's period (since spring) has plenty to say, with every kind of word
    that must never show; the period before has a few items."""
    _winter, spring, summer = seed_meetings(db)
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    housing, health = theme_id(db, "housing"), theme_id(db, "health-wellbeing")
    in_period = day_at(spring.held_on + timedelta(days=10))
    before = day_at(spring.held_on - timedelta(days=10))
    make_items(
        db,
        12,
        sent=in_period,
        theme=housing,
        age_band=AgeBand.FROM_16,
        decided_after=timedelta(days=1),
    )
    make_items(
        db,
        6,
        sent=in_period,
        theme=health,
        channel="event",
        age_band=AgeBand.FROM_14,
        decided_after=timedelta(days=20),
    )
    make_items(db, 2, sent=in_period, theme=health, channel="paper", age_band=AgeBand.UNDER_14)
    make_items(db, 7, sent=before, theme=housing)
    # One young person who wrote three times counts once.
    author = make_user(db, nickname="three-times")
    make_items(db, 3, sent=in_period, theme=housing, author=author, age_band=AgeBand.FROM_18)
    make_items(db, 1, sent=in_period, theme=housing, body=PENDING_WORDS)
    held = make_items(db, 3, sent=in_period, theme=housing, body=SAFEGUARDING_WORDS)
    for item in held:
        open_case(db, item=item, trigger=CaseTrigger.SCREEN)
    approved_at = in_period + timedelta(days=1)
    # The last is shared, then a safeguarding case opens: never quoted or counted.
    shared, formula, late_case = (
        share(
            db,
            make_items(db, 1, sent=in_period, theme=theme, body=body)[0],
            text,
            officer,
            theme,
            approved_at,
        )
        for body, text, theme in (
            (ORIGINAL_WORDS, SHARED_WORDS, housing),
            ("something else", FORMULA_WORDS, health),
            ("something else", SAFEGUARDING_SHARED, housing),
        )
    )
    case = open_case(db, item=late_case, trigger=CaseTrigger.OFFICER_FLAG, raised_by=officer)
    late_case.sharing = Sharing.SHARED
    db.add(late_case)
    db.commit()
    assert case.id is not None
    event = Event(
        kind=EventType.MAKE_A_NOISE,
        name="Make a Noise",
        held_on=spring.held_on + timedelta(days=3),
        opens_at=in_period,
        closes_at=in_period + timedelta(hours=4),
        token=secrets.token_urlsafe(8),
        created_by_id=officer.id or 0,
    )
    db.add(event)
    db.flush()
    db.add(EventTheme(event_id=event.id or 0, theme_id=health))
    db.add_all(
        EventAttendance(event_id=event.id or 0, band=band, count=count)
        for band, count in (("14-15", 9), ("16-17", 3))
    )
    owner = make_user(db, Role.ACTION_OWNER)
    for title, due, status in (
        ("More flats for care leavers", summer.held_on - timedelta(days=30), ActionStatus.ON_TRACK),
        ("Free bus passes", summer.held_on + timedelta(days=60), ActionStatus.NOT_STARTED),
        ("Open the youth club on Sundays", summer.held_on - timedelta(days=40), ActionStatus.DONE),
    ):
        action = BoardAction(
            title=title,
            owner_id=owner.id or 0,
            organisation_kind=OrganisationKind.HOUSING,
            organisation_name="Anytown Housing",
            due_on=due,
            status=status,
            created_by_id=officer.id or 0,
        )
        db.add(action)
        db.flush()
        db.add(ActionTheme(action_id=action.id or 0, theme_id=housing))
    db.commit()
    return Seeded(
        meeting=summer,
        previous=spring,
        officer=officer,
        housing=housing,
        health=health,
        shared=shared,
        formula=formula,
    )


def poppler(tool: str, pdf: bytes, *arguments: str) -> str:
    """What one of poppler's tools (Debian's poppler-utils) prints about a PDF."""
    import shutil
    import subprocess

    found = shutil.which(tool)
    assert found, f"{tool} is missing: install Debian's poppler-utils (scripts/test.sh does)"
    done = subprocess.run(  # noqa: S603 (a fixed tool reading our own bytes)
        [found, *arguments], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF, whitespace folded."""
    return " ".join(poppler("pdftotext", pdf, "-layout", "-", "-").split())


def pdf_page_size(pdf: bytes) -> str:
    """pdfinfo's "Page size", e.g. "595.276 x 841.89 pts (A4)"."""
    lines = poppler("pdfinfo", pdf, "-").splitlines()
    return next(line.split(":", 1)[1].strip() for line in lines if line.startswith("Page size"))


def policy_matrix_ids(db: Session, officer_id: int) -> dict[str, str]:
    """A board meeting with a frozen summary, by its route placeholder."""
    from app.config import get_settings
    from app.summaries import service

    officer = db.get(User, officer_id)
    assert officer is not None
    meeting = Meeting(kind=MeetingKind.BOARD, title="Board for the matrix", held_on=utcnow().date())
    db.add(meeting)
    db.flush()
    scope = service.meeting_scope(db, meeting=meeting)
    summary = service.build_summary(db, scope=scope, now=utcnow(), settings=get_settings())
    frozen = service.freeze_summary(
        db, summary=summary, meeting=meeting, after_version=0, actor=officer
    )
    db.commit()
    return {"{snapshot_id}": str(frozen.id)}
