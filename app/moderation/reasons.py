"""The council's list of decision reasons: what young people read when an officer decides.

Rewording changes what later decisions say; timelines keep the words they were given.
Services flush; the request commits.
"""

from sqlmodel import Session

from app.audit.service import record
from app.i18n import gettext as _
from app.moderation import repository
from app.moderation.forms import DECISIONS
from app.moderation.models import DecisionReason
from app.moderation.service import ModerationError
from app.people.models import User

MAX_REASON_CHARS = 300


def _checked_text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ModerationError(_("Write the reason the young person will read."), field="text")
    if len(text) > MAX_REASON_CHARS:
        raise ModerationError(
            _("Keep the reason to %(limit)s characters or fewer.") % {"limit": MAX_REASON_CHARS},
            field="text",
        )
    return text


def add_reason(db: Session, *, decision: str, text: str, actor: User) -> DecisionReason:
    chosen = next((d for d in DECISIONS if d.value == decision), None)
    if chosen is None:
        raise ModerationError(_("Choose which decision the reason is for."), field="decision")
    reason = DecisionReason(
        decision=chosen, text=_checked_text(text), position=repository.last_position(db) + 1
    )
    db.add(reason)
    db.flush()
    record(db, actor=actor, action="reason.add", object_type="reason", object_id=reason.id or 0)
    return reason


def reword_reason(db: Session, *, reason: DecisionReason, text: str, actor: User) -> None:
    reason.text = _checked_text(text)
    db.add(reason)
    record(db, actor=actor, action="reason.reword", object_type="reason", object_id=reason.id or 0)
    db.flush()


def retire_reason(db: Session, *, reason: DecisionReason, actor: User) -> None:
    """Officers stop seeing it; past decisions keep it. Each decision keeps at least one."""
    active = repository.active_reasons(db).get(reason.decision, [])
    if reason.is_active and len(active) <= 1:
        raise ModerationError(
            _("Keep at least one reason for each decision. Add another one first."), field="text"
        )
    reason.is_active = False
    db.add(reason)
    record(db, actor=actor, action="reason.retire", object_type="reason", object_id=reason.id or 0)
    db.flush()


def restore_reason(db: Session, *, reason: DecisionReason, actor: User) -> None:
    reason.is_active = True
    db.add(reason)
    record(db, actor=actor, action="reason.restore", object_type="reason", object_id=reason.id or 0)
    db.flush()
