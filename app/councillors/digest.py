"""The weekly digest email for councillors who asked for it: counts and a link, never what a
young person said. Once per councillor per ISO week, however often it runs (a unique row)."""

from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.config import get_settings
from app.councillors import repository
from app.councillors.models import DigestSent
from app.db import new_session
from app.moderation.repository import shared_items
from app.notifications.service import enqueue_email
from app.people.models import User
from app.smallnumbers import count_text
from app.themes import repository as themes_repository
from app.timeutil import utcnow

DIGEST_TEMPLATE = "councillor_digest"
MAX_FIELD = 200


def week_of(moment: datetime) -> str:
    year, week, _day = moment.isocalendar()
    return f"{year}-W{week:02d}"


def _personalisation(db: Session, user: User, now: datetime) -> dict[str, str]:
    """Counts per theme over the last seven days, with small numbers suppressed, and a link."""
    since = now - timedelta(days=7)
    recent = [item for item in shared_items(db) if item.approved_at >= since]
    parts = []
    total = 0
    for theme in themes_repository.championed_by(db, user.id or 0):
        voices = sum(item.voices for item in recent if theme.id in item.theme_ids)
        total += voices
        parts.append(f"{theme.name}: {count_text(voices)}")
    return {
        "councillor_link": f"{get_settings().base_url}/councillor",
        "new_count": count_text(total),
        "theme_counts": "; ".join(parts)[:MAX_FIELD],
        "week": week_of(now),
    }


def send_weekly_digests(db: Session, *, now: datetime | None = None) -> int:
    """Queues this week's digest for every councillor due one; returns how many were queued."""
    moment = now or utcnow()
    week = week_of(moment)
    queued = 0
    for user in repository.digest_due(db, week):
        try:
            with db.begin_nested():
                db.add(DigestSent(user_id=user.id or 0, week=week, sent_at=moment))
                db.flush()
                enqueue_email(
                    db,
                    to=user.email or "",
                    template=DIGEST_TEMPLATE,
                    personalisation=_personalisation(db, user, moment),
                )
        except IntegrityError:
            continue  # another worker queued this one first
        queued += 1
    return queued


def digest_now() -> int:
    """The worker's job before each poll: a plain read first, so an idle worker writes nothing."""
    week = week_of(utcnow())
    with new_session() as db:
        due = bool(repository.digest_due(db, week))
    if not due:
        return 0
    with new_session(for_writing=True) as db:
        queued = send_weekly_digests(db)
        db.commit()
    return queued
