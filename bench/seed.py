"""Rows the scenarios start from (a full moderation queue, signed-in staff) and the check that
every receipt a simulated young person was shown maps to exactly one stored item."""

import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

import app.models  # noqa: F401  (every table, so foreign keys resolve)
from app.auth.sessions import hash_session_id
from app.db import make_engine
from app.meetings import ballots
from app.meetings.models import (
    AgendaRound,
    Ballot,
    Electorate,
    Meeting,
    MeetingKind,
    RoundOption,
    VotingCode,
    VotingMethod,
)
from app.moderation.models import ItemTheme, SharedVersion, Sharing
from app.people.models import Role, User, WebSession
from app.people.service import digest, normalise_code
from app.themes.models import Theme
from app.timeutil import utcnow
from app.voice.models import EventKind, Item, TimelineEvent
from app.voice.service import new_reference

WAITING_WORDS = (
    "the wifi in my placement keeps dropping out",
    "my social worker changed again and nobody told me",
    "can we have more say in where we live",
    "bus passes should last until the end of college",
)


def waiting_items(url: str, count: int) -> None:
    """`count` items waiting for moderation, as if sent over the past weeks."""
    engine = make_engine(url)
    with Session(engine) as db:
        _items(db, count, sharing=Sharing.PENDING)
        db.commit()
    engine.dispose()


def shared_items(url: str, count: int, *, approver: int) -> str:
    """`count` items approved for sharing on the first theme (what councillors read); returns
    that theme's slug."""
    engine = make_engine(url)
    with Session(engine) as db:
        theme = db.exec(select(Theme).where(col(Theme.is_active)).order_by(col(Theme.id))).first()
        assert theme is not None, "the migrations seed the themes"
        for item in _items(db, count, sharing=Sharing.SHARED):
            db.add(SharedVersion(item_id=item.id or 0, text=item.body, approved_by_id=approver))
            db.add(ItemTheme(item_id=item.id or 0, theme_id=theme.id or 0))
        db.commit()
        slug = theme.slug
    engine.dispose()
    return slug


def _items(db: Session, count: int, *, sharing: Sharing) -> list[Item]:
    items = [
        Item(
            reference=new_reference(),
            body=f"{WAITING_WORDS[n % len(WAITING_WORDS)]} ({n})",
            idempotency_key=secrets.token_urlsafe(24),
            content_fingerprint="bench",
            sharing=sharing,
            may_share=sharing is Sharing.SHARED,
        )
        for n in range(count)
    ]
    db.add_all(items)
    db.flush()
    db.add_all(TimelineEvent(item_id=item.id or 0, kind=EventKind.SENT) for item in items)
    return items


def signed_in(url: str, role: Role) -> tuple[str, int]:
    """A staff account and a real server-side session for it, as the OIDC callback makes: the
    cookie a browser would hold, and the account's id."""
    raw_id = secrets.token_urlsafe(32)
    engine = make_engine(url)
    with Session(engine) as db:
        user = User(
            role=role,
            display_name=f"Bench {role.value}",
            oidc_issuer="https://idp.bench",
            oidc_subject=secrets.token_hex(8),
        )
        db.add(user)
        db.flush()
        now = utcnow()
        db.add(
            WebSession(
                id=hash_session_id(raw_id), user_id=user.id, authenticated_at=now, last_seen_at=now
            )
        )
        db.commit()
        user_id = user.id or 0
    engine.dispose()
    return raw_id, user_id


OPTIONS = ("Better wifi in placements", "Bus passes", "Help with money", "Driving lessons")


def open_round(url: str, codes: int) -> tuple[int, list[str]]:
    """An agenda round open now, with four options and `codes` printed voting codes."""
    engine = make_engine(url)
    with Session(engine) as db:
        meeting = Meeting(kind=MeetingKind.BOARD, title="Bench board", held_on=date.today())
        db.add(meeting)
        db.flush()
        now = utcnow()
        agenda_round = AgendaRound(
            meeting_id=meeting.id or 0,
            title="What should the board talk about?",
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=1),
            electorate=Electorate.YOUNG_PEOPLE,
            method=VotingMethod.DOTS,
            votes_each=3,
            max_per_option=2,
        )
        db.add(agenda_round)
        db.flush()
        round_id = agenda_round.id or 0
        db.add_all(
            RoundOption(round_id=round_id, position=n, title=title)
            for n, title in enumerate(OPTIONS)
        )
        printed = ballots.issue_codes(db, agenda_round=agenda_round, count=codes)
        db.commit()
    engine.dispose()
    return round_id, printed


@dataclass(frozen=True)
class Receipt:
    """What one simulated young person was told: their form's key, its reference, their words."""

    form_key: str
    reference: str
    body: str


@dataclass(frozen=True)
class Ledger:
    lost: int  # a receipt whose item is not stored (or is stored under another reference)
    duplicated: int  # extra rows for one key, one reference or one person's words
    unreceipted: int  # stored, but the young person never saw the receipt (their request failed)


def check_receipts(url: str, receipts: Iterable[Receipt], sent_keys: Iterable[str]) -> Ledger:
    """Compares what young people were told with what the database holds."""
    receipts = list(receipts)
    keys = set(sent_keys) | {receipt.form_key for receipt in receipts}
    engine = make_engine(url)
    with Session(engine) as db:
        rows = [
            row
            for chunk in _chunks(sorted(keys), 500)
            for row in db.exec(
                select(Item.idempotency_key, Item.reference, Item.body).where(
                    col(Item.idempotency_key).in_(chunk)
                )
            ).all()
        ]
    engine.dispose()
    stored = {key: reference for key, reference, _ in rows}
    lost = sum(1 for r in receipts if stored.get(r.form_key) != r.reference)
    duplicated = sum(
        count - 1
        for counter in (
            Counter(key for key, _, _ in rows),
            Counter(reference for _, reference, _ in rows),
            Counter(body for _, _, body in rows),
            Counter(r.reference for r in receipts),
        )
        for count in counter.values()
        if count > 1
    )
    receipted = {r.form_key for r in receipts}
    return Ledger(lost, duplicated, sum(1 for key in stored if key not in receipted))


def check_votes(url: str, round_id: int, confirmed: Iterable[str]) -> Ledger:
    """Every "your vote is in" spent its code, and every spent code made exactly one ballot.

    (Ballots are keyed by an HMAC with the server's secret, so they are counted, not matched.)
    """
    engine = make_engine(url)
    with Session(engine) as db:
        codes = db.exec(select(VotingCode).where(VotingCode.round_id == round_id)).all()
        cast = len(db.exec(select(Ballot.voter_key).where(Ballot.round_id == round_id)).all())
    engine.dispose()
    spent = {code.code_hash for code in codes if code.spent_at is not None}
    told = {digest(normalise_code(code)) for code in confirmed}
    return Ledger(
        lost=len(told - spent) + max(0, len(spent) - cast),
        duplicated=max(0, cast - len(spent)),
        unreceipted=len(spent - told),
    )


def _chunks(values: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
