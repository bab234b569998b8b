"""Queries about the outbox for staff: what waits, and what was given up."""

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.notifications.models import OutboxMessage, OutboxStatus

DEAD_LETTERS_SHOWN = 100


def counts(db: Session) -> dict[OutboxStatus, int]:
    """How many messages are in each state, in one query."""
    rows = db.exec(
        select(OutboxMessage.status, func.count()).group_by(col(OutboxMessage.status))
    ).all()
    found = {status: count for status, count in rows}
    return {status: found.get(status, 0) for status in OutboxStatus}


def dead_letters(db: Session, limit: int = DEAD_LETTERS_SHOWN) -> Sequence[OutboxMessage]:
    """Given-up messages, newest first."""
    return db.exec(
        select(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.DEAD)
        .order_by(col(OutboxMessage.id).desc())
        .limit(limit)
    ).all()


def message(db: Session, message_id: int) -> OutboxMessage | None:
    return db.get(OutboxMessage, message_id)
