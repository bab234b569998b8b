"""Opening, escalating and closing safeguarding cases. Services flush; the caller commits.

Opening a case, holding the item and queueing the alerts happen in one transaction: either the
designated safeguarding lead sees the case and gets the alert, or nothing was saved at all.
"""

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from app.config import get_settings
from app.db import new_session
from app.forms import Refused
from app.i18n import gettext as _
from app.moderation.models import Sharing
from app.notifications.service import enqueue_email
from app.people.models import User
from app.safeguarding.models import (
    ALERT_TEMPLATE,
    CaseAction,
    CaseActionKind,
    CaseState,
    CaseTrigger,
    SafeguardingCase,
)
from app.safeguarding.screen import ScreenResult
from app.summaries.withdraw import withdraw_words
from app.timeutil import utcnow
from app.voice.models import Item


class CaseError(Refused):
    """A refused change to a case (closing without an outcome, say)."""


def _alert(db: Session, case: SafeguardingCase, recipients: list[str | None], level: str) -> None:
    """Email says only that there is a case and where to look: never what was said."""
    link = f"{get_settings().base_url}/staff/cases/{case.id}"
    for address in dict.fromkeys(r for r in recipients if r):
        enqueue_email(
            db,
            to=address,
            template=ALERT_TEMPLATE,
            personalisation={"case_link": link, "case_number": str(case.id), "level": level},
        )


def open_case(
    db: Session,
    *,
    item: Item,
    trigger: CaseTrigger,
    screen: ScreenResult | None = None,
    raised_by: User | None = None,
) -> SafeguardingCase:
    """Holds the item from sharing, opens the case and queues the alerts; once per item."""
    existing = db.exec(select(SafeguardingCase).where(SafeguardingCase.item_id == item.id)).first()
    if existing is not None:
        return existing
    settings = get_settings()
    case = SafeguardingCase(
        item_id=item.id or 0,
        trigger=trigger,
        categories=",".join(sorted(screen.categories)) if screen else "",
        raised_by_id=raised_by.id if raised_by else None,
        next_escalation_at=utcnow() + timedelta(minutes=settings.safeguarding_ack_minutes),
    )
    item.sharing = Sharing.SAFEGUARDING
    db.add(item)
    db.add(case)
    withdraw_words(db, item_ids=[item.id or 0])
    db.flush()
    _alert(
        db,
        case,
        [settings.safeguarding_lead_email, settings.safeguarding_deputy_email],
        level="new",
    )
    return case


def acknowledge(db: Session, *, case: SafeguardingCase, by: User) -> None:
    """Stops the escalation clock: a named person has it."""
    if case.state is not CaseState.OPEN:
        return
    case.state = CaseState.ACKNOWLEDGED
    case.acknowledged_at = utcnow()
    case.acknowledged_by_id = by.id
    case.next_escalation_at = None
    db.add(case)
    db.flush()


def record_action(
    db: Session, *, case: SafeguardingCase, kind: str, note: str, by: User
) -> CaseAction:
    if case.state is CaseState.CLOSED:
        raise CaseError(
            _("This case is closed. Open a new one if something else has happened."), "kind"
        )
    if kind not in set(CaseActionKind):
        raise CaseError(_("Choose what was done."), "kind")
    if kind == CaseActionKind.NOTE and not note.strip():
        raise CaseError(_("Write the note before you save it."), "note")
    acknowledge(db, case=case, by=by)
    action = CaseAction(
        case_id=case.id or 0, kind=CaseActionKind(kind), note=note, by_id=by.id or 0
    )
    db.add(action)
    db.flush()
    return action


def close_case(db: Session, *, case: SafeguardingCase, outcome: str, by: User) -> None:
    if not outcome.strip():
        raise CaseError(_("Write an outcome note before you close the case."), "outcome")
    if case.state is CaseState.CLOSED:
        raise CaseError(_("This case is already closed."), "outcome")
    acknowledge(db, case=case, by=by)
    case.state = CaseState.CLOSED
    case.closed_at = utcnow()
    case.closed_by_id = by.id
    case.outcome = outcome
    db.add(case)
    db.flush()


def escalate_due_cases(db: Session, *, now: datetime | None = None) -> int:
    """Unacknowledged cases go to the deputy, then to the out-of-hours contact.

    Run by the worker every minute; each step is written with its next deadline, so a restart
    never skips or repeats a step.
    """
    settings = get_settings()
    now = now or utcnow()
    due = db.exec(
        select(SafeguardingCase)
        .where(
            SafeguardingCase.state == CaseState.OPEN,
            col(SafeguardingCase.next_escalation_at) <= now,
        )
        .with_for_update(skip_locked=True)
    ).all()
    for case in due:
        case.escalation_level += 1
        if case.escalation_level == 1:
            recipients = [settings.safeguarding_deputy_email, settings.safeguarding_lead_email]
            _alert(db, case, recipients, level="not acknowledged")
            case.next_escalation_at = now + timedelta(minutes=settings.safeguarding_ack_minutes)
        else:
            _alert(db, case, [settings.out_of_hours_email], level="out of hours")
            case.next_escalation_at = None
        db.add(case)
    db.flush()
    return len(due)


def escalate_now() -> int:
    """The worker's job before each poll, in transactions of its own.

    A plain read first, so an idle worker never takes SQLite's write lock.
    """
    with new_session() as db:
        due = db.exec(
            select(SafeguardingCase.id).where(
                SafeguardingCase.state == CaseState.OPEN,
                col(SafeguardingCase.next_escalation_at) <= utcnow(),
            )
        ).first()
    if due is None:
        return 0
    with new_session(for_writing=True) as db:
        escalated = escalate_due_cases(db)
        db.commit()
    return escalated
