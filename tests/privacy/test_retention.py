"""The retention job: words past the council's period are deleted, except on legal hold."""

from datetime import timedelta

from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.config import get_settings
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.service import enqueue_email
from app.people.models import WebSession
from app.privacy.retention import apply_retention
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from app.timeutil import utcnow
from app.voice.models import Item
from tests.support.factories import make_item, make_user

OLD_WORDS = "Zqvx sentinel words from long ago"


def test_words_past_retention_go_and_held_ones_stay(db: Session) -> None:
    now = utcnow()
    settings = get_settings()
    long_ago = now - timedelta(days=365 * settings.retention_years + 1)
    old = make_item(db, body=OLD_WORDS)
    held = make_item(db, body="he hurts me")
    recent = make_item(db, body="still needed")
    for item in (old, held):
        item.created_at = long_ago
        db.add(item)
    open_case(db, item=held, trigger=CaseTrigger.SCREEN)
    db.commit()

    report = apply_retention(db, now=now, settings=settings)
    db.commit()
    assert (report.items_erased, report.items_held) == (1, 1)
    db.expire_all()
    assert db.get(Item, old.id).erased_at is not None  # type: ignore[union-attr]
    assert OLD_WORDS not in db.get(Item, old.id).body  # type: ignore[union-attr]
    assert db.get(Item, held.id).body == "he hurts me"  # type: ignore[union-attr]
    assert db.get(Item, recent.id).body == "still needed"  # type: ignore[union-attr]
    trail = db.exec(select(AuditEvent).where(AuditEvent.action == "retention.erase")).one()
    assert trail.object_id == old.id and trail.actor_id is None

    again = apply_retention(db, now=now, settings=settings)
    assert (again.items_erased, again.items_held) == (0, 1)  # nothing twice


def test_old_notifications_and_sessions_go(db: Session) -> None:
    now = utcnow()
    settings = get_settings()
    sent = enqueue_email(
        db, to="dsl@council.test", template="safeguarding_alert", personalisation={}
    )
    sent.status = OutboxStatus.SENT
    sent.created_at = now - timedelta(days=settings.retention_outbox_days + 1)
    waiting = enqueue_email(
        db, to="dsl@council.test", template="safeguarding_alert", personalisation={}
    )
    waiting.created_at = sent.created_at  # not sent yet: never removed
    user = make_user(db)
    db.add(WebSession(id="a" * 64, user_id=user.id, last_seen_at=now - timedelta(days=30)))
    db.add(WebSession(id="b" * 64, user_id=user.id, last_seen_at=now))
    db.commit()

    report = apply_retention(db, now=now, settings=settings)
    db.commit()
    assert (report.messages_deleted, report.sessions_deleted) == (1, 1)
    assert [m.id for m in db.exec(select(OutboxMessage)).all()] == [waiting.id]
    assert [s.id for s in db.exec(select(WebSession)).all()] == ["b" * 64]
