"""The retention job: removes what the council no longer needs, on the council's schedule.

Run by the worker every hour and by `python -m app.cli retention`. Every step is idempotent,
so several workers running it at once do no harm.
"""

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from app.config import Settings, get_settings
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.people.models import WebSession
from app.privacy.models import PrivacyRequest, RequestState
from app.privacy.service import erase_item
from app.safeguarding.models import CaseState, SafeguardingCase
from app.timeutil import utcnow
from app.voice.models import Item

RETENTION_BATCH = 500  # items per run, so one run never holds a long transaction


@dataclass(frozen=True)
class RetentionReport:
    items_erased: int
    items_held: int  # past retention, kept because a safeguarding case is open
    messages_deleted: int
    sessions_deleted: int
    requests_deleted: int


def apply_retention(db: Session, *, now: datetime, settings: Settings) -> RetentionReport:
    words_until = now - timedelta(days=365 * settings.retention_years)
    past_retention = (col(Item.created_at) < words_until, col(Item.erased_at).is_(None))
    held = col(Item.id).in_(
        select(SafeguardingCase.item_id).where(SafeguardingCase.state != CaseState.CLOSED)
    )
    expired = db.exec(
        select(Item)
        .where(*past_retention, ~held)
        .order_by(col(Item.created_at))
        .limit(RETENTION_BATCH)
    ).all()
    erased = sum(erase_item(db, item=item, actor=None, why="retention.erase") for item in expired)
    kept = db.exec(select(func.count()).select_from(Item).where(*past_retention, held)).one()
    messages = db.execute(
        delete(OutboxMessage).where(
            col(OutboxMessage.status).in_((OutboxStatus.SENT, OutboxStatus.DEAD)),
            col(OutboxMessage.created_at) < now - timedelta(days=settings.retention_outbox_days),
        )
    )
    sessions = db.execute(
        delete(WebSession).where(
            col(WebSession.last_seen_at)
            < now - timedelta(hours=settings.young_person_absolute_hours)
        )
    )
    requests = db.execute(
        delete(PrivacyRequest).where(
            col(PrivacyRequest.state).in_((RequestState.DONE, RequestState.DECLINED)),
            col(PrivacyRequest.handled_at) < words_until,
        )
    )
    db.flush()
    return RetentionReport(
        items_erased=erased,
        items_held=kept,
        messages_deleted=messages.rowcount,  # type: ignore[attr-defined]
        sessions_deleted=sessions.rowcount,  # type: ignore[attr-defined]
        requests_deleted=requests.rowcount,  # type: ignore[attr-defined]
    )


def retention_now() -> RetentionReport:
    """One run in its own transaction (the CLI command and the worker)."""
    with new_session(for_writing=True) as db:
        report = apply_retention(db, now=utcnow(), settings=get_settings())
        db.commit()
    return report


_last_run: float | None = None


def retention_if_due(every_seconds: float = 3600.0) -> int:
    """For the worker's tick: at most once an hour per process. Returns items erased."""
    global _last_run
    if _last_run is not None and time.monotonic() - _last_run < every_seconds:
        return 0
    _last_run = time.monotonic()
    return retention_now().items_erased
