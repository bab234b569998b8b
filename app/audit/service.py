"""The audit trail, in the caller's transaction: the record and the act stand or fall together."""

from sqlmodel import Session

from app.audit.models import AuditEvent
from app.people.models import User


def record(
    db: Session, *, actor: User | None, action: str, object_type: str, object_id: int
) -> None:
    db.add(
        AuditEvent(
            actor_id=actor.id if actor else None,
            action=action,
            object_type=object_type,
            object_id=object_id,
        )
    )
