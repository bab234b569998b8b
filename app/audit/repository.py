"""Reading the audit trail (admins only): newest first, filtered, a page at a time."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.people.models import User

PAGE_SIZE = 100


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""  # a prefix: "case." or "item.view_original"
    actor_id: int | None = None


def page_of_events(
    db: Session, filters: AuditFilters, *, page: int
) -> tuple[Sequence[tuple[AuditEvent, User | None]], int]:
    """One page of events with who did each, and how many match in all (two queries)."""
    conditions = []
    if filters.action:
        conditions.append(col(AuditEvent.action).startswith(filters.action))
    if filters.actor_id is not None:
        conditions.append(col(AuditEvent.actor_id) == filters.actor_id)
    total = db.exec(select(func.count()).select_from(AuditEvent).where(*conditions)).one()
    rows = db.exec(
        select(AuditEvent, User)
        .outerjoin(User, col(User.id) == col(AuditEvent.actor_id))
        .where(*conditions)
        .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    return rows, total


def actions(db: Session) -> list[str]:
    """The kinds of event recorded so far, for the filter."""
    return list(db.exec(select(AuditEvent.action).distinct().order_by(col(AuditEvent.action))))


def staff(db: Session) -> Sequence[User]:
    return db.exec(
        select(User).where(User.role != "young_person").order_by(col(User.display_name))
    ).all()
