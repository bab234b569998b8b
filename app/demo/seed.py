"""Deterministic demo data: one account per role and about 200 items across themes and statuses."""

import random
from datetime import timedelta

from sqlmodel import Session, select

from app.actions.demo import seed_actions
from app.councillors.demo import seed_themes_and_events
from app.demo.corpus import NICKNAMES, RESPONSES, VIEWS
from app.meetings.demo import seed_meetings
from app.people.models import Role, User
from app.people.service import CODE_ALPHABET, format_code, hash_passphrase, nickname_key
from app.promises.demo import seed_promises
from app.summaries.demo import seed_summaries
from app.themes.models import Theme
from app.timeutil import utcnow
from app.voice.models import EventKind, Item, ItemStatus
from app.voice.news import add_to_timelines

DEMO_PASSPHRASE = "demo passphrase"  # noqa: S105 (published on purpose: demo accounts only)
ITEM_COUNT = 200

DEMO_STAFF = [
    (Role.ADMIN, "Ada Admin"),
    (Role.PARTICIPATION_OFFICER, "Pat Officer"),
    (Role.SAFEGUARDING_LEAD, "Dee Safeguarding"),
    (Role.COUNCILLOR, "Cllr Chris Champion"),
    (Role.BOARD_CHAIR, "Cllr Morgan Chair"),
    (Role.ACTION_OWNER, "Alex Housing"),
]
STATUS_WEIGHTS = {
    ItemStatus.NEW: 40,
    ItemStatus.BEING_READ: 20,
    ItemStatus.RESPONDED: 30,
    ItemStatus.CLOSED: 10,
}


def seed_demo(db: Session) -> bool:
    """Adds the demo data once; returns False when it is already there."""
    if db.exec(select(User).where(User.oidc_issuer == "demo")).first() is not None:
        return False
    rng = random.Random(2026)
    staff = [
        User(role=role, display_name=name, oidc_issuer="demo", oidc_subject=role.value)
        for role, name in DEMO_STAFF
    ]
    passphrase_hash = hash_passphrase(DEMO_PASSPHRASE)
    young = [
        User(
            role=Role.YOUNG_PERSON,
            nickname=name,
            nickname_key=nickname_key(name),
            passphrase_hash=passphrase_hash,
            is_cicc_member=index < 3,
        )
        for index, name in enumerate(NICKNAMES[:8])
    ]
    db.add_all(staff + young)
    db.flush()
    officer = staff[1]
    themes = {theme.slug: theme for theme in db.exec(select(Theme)).all()}
    now = utcnow()
    for number in range(ITEM_COUNT):
        slug = rng.choice(sorted(VIEWS))
        author = rng.choice(young) if rng.random() < 0.6 else None
        status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
        sent_at = now - timedelta(days=rng.randint(0, 180), minutes=rng.randint(0, 1440))
        item = Item(
            reference=_demo_reference(rng),
            author_id=author.id if author else None,
            body=rng.choice(VIEWS[slug]),
            theme_id=themes[slug].id if rng.random() < 0.85 else None,
            staff_may_see_identity=author is not None and rng.random() < 0.5,
            may_share=rng.random() < 0.6,
            status=status,
            idempotency_key=f"demo-{number:04d}",
            content_fingerprint="demo",
            created_at=sent_at,
            updated_at=sent_at,
        )
        db.add(item)
        db.flush()
        _demo_timeline(db, rng, item, officer, RESPONSES[slug])
    seed_meetings(db, officer=officer, young=young)
    seed_themes_and_events(db, staff=staff, rng=rng)
    seed_actions(db, staff=staff)
    seed_promises(db, staff=staff)
    seed_summaries(db, staff=staff, rng=rng)
    return True


def _demo_reference(rng: random.Random) -> str:
    """Like real references, but repeatable."""
    return "SD-" + format_code("".join(rng.choice(CODE_ALPHABET) for _ in range(8)))


def _demo_timeline(
    db: Session, rng: random.Random, item: Item, officer: User, responses: tuple[str, ...]
) -> None:
    assert item.id is not None
    at = item.created_at
    add_to_timelines(db, item_ids=[item.id], kind=EventKind.SENT, at=at)
    if item.status is ItemStatus.NEW:
        return
    at += timedelta(days=rng.randint(1, 4))
    add_to_timelines(
        db,
        item_ids=[item.id],
        kind=EventKind.STATUS_CHANGED,
        status=ItemStatus.BEING_READ,
        actor=officer,
        at=at,
    )
    if item.status is ItemStatus.BEING_READ:
        return
    at += timedelta(days=rng.randint(1, 10))
    add_to_timelines(
        db,
        item_ids=[item.id],
        kind=EventKind.RESPONSE_ADDED,
        body=rng.choice(responses),
        actor=officer,
        at=at,
    )
    if item.status is ItemStatus.CLOSED:
        add_to_timelines(
            db,
            item_ids=[item.id],
            kind=EventKind.STATUS_CHANGED,
            status=ItemStatus.CLOSED,
            actor=officer,
            at=at + timedelta(days=2),
        )
