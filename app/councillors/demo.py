"""Demo data for themes, link champions and events: the demo councillor champions two themes,
some demo items are shared under them (with topics), and one event has captured cards."""

import random
from datetime import timedelta

from sqlmodel import Session, col, select

from app.events.models import Event, EventAttendance, EventChampion, EventTheme, EventType
from app.moderation.models import ItemTheme, SharedVersion, Sharing
from app.people.models import Role, User
from app.themes.models import Theme, ThemeChampion
from app.themes.service import tag_topics
from app.timeutil import utcnow
from app.voice.models import EventKind, Item
from app.voice.news import add_to_timelines
from app.voice.service import new_reference

CHAMPIONED = ("housing", "education-employment-training")
TOPICS = ("bus passes", "PEP meetings", "wifi", "pocket money", "moving home")
CARDS = (
    "More table tennis at the youth club please",
    "The bus to college is always late",
    "Open the youth club on Sundays",
    "Free bus passes for care leavers",
    "More pizza at meetings",
)


def seed_themes_and_events(db: Session, *, staff: list[User], rng: random.Random) -> None:
    officer = next(user for user in staff if user.role is Role.PARTICIPATION_OFFICER)
    councillor = next(user for user in staff if user.role is Role.COUNCILLOR)
    councillor.email = "chris.champion@example.org"
    themes = {theme.slug: theme for theme in db.exec(select(Theme)).all()}
    db.add_all(
        ThemeChampion(theme_id=themes[slug].id or 0, user_id=councillor.id or 0)
        for slug in CHAMPIONED
    )
    now = utcnow()
    shareable = db.exec(
        select(Item)
        .where(col(Item.may_share).is_(True), col(Item.theme_id).is_not(None))
        .order_by(col(Item.id))
    ).all()
    for item in shareable[:60]:
        item.sharing = Sharing.SHARED
        item.first_action_at = item.created_at + timedelta(days=1)
        db.add(item)
        db.add(
            SharedVersion(
                item_id=item.id or 0,
                text=item.body,
                approved_by_id=officer.id or 0,
                approved_at=item.created_at + timedelta(days=1),
            )
        )
        db.add(ItemTheme(item_id=item.id or 0, theme_id=item.theme_id or 0))
        db.flush()
        tag_topics(db, item_id=item.id or 0, labels=rng.sample(TOPICS, k=rng.randint(0, 2)))
    event = Event(
        kind=EventType.MAKE_A_NOISE,
        name="Make a Noise day at the Youth Hub",
        held_on=(now - timedelta(days=3)).date(),
        place="Youth Hub",
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=4),
        token="demo-make-a-noise-day",  # noqa: S106 (a published demo link, not a secret)
        created_by_id=officer.id or 0,
    )
    db.add(event)
    db.flush()
    event_id = event.id or 0
    db.add(EventTheme(event_id=event_id, theme_id=themes["housing"].id or 0))
    db.add(EventChampion(event_id=event_id, user_id=councillor.id or 0))
    db.add_all(
        EventAttendance(event_id=event_id, band=band, count=count)
        for band, count in (("14-15", 9), ("16-17", 12), ("unknown", 4))
    )
    for number, words in enumerate(CARDS):
        card = Item(
            reference=new_reference(),
            body=words,
            theme_id=themes["housing"].id,
            may_share=True,
            channel="event",
            event_id=event_id,
            idempotency_key=f"demo-event-{number:04d}",
            content_fingerprint="demo",
            created_at=event.opens_at,
            updated_at=event.opens_at,
        )
        db.add(card)
        db.flush()
        add_to_timelines(db, item_ids=[card.id or 0], kind=EventKind.SENT, at=card.created_at)
    db.flush()
