"""Queries about cases, scoped by who asks: case content is for the DSLs and the raising officer."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, func
from sqlmodel import Session, col, select

from app.authz import Principal
from app.config import get_settings
from app.notifications.models import OutboxMessage, OutboxStatus
from app.people.models import Role
from app.safeguarding.models import ALERT_TEMPLATE, CaseAction, CaseState, SafeguardingCase


def visible_to(principal: Principal) -> ColumnElement[bool]:
    if principal.role is Role.SAFEGUARDING_LEAD:
        return col(SafeguardingCase.id).is_not(None)
    if principal.role is Role.PARTICIPATION_OFFICER and principal.user_id is not None:
        return col(SafeguardingCase.raised_by_id) == principal.user_id
    return col(SafeguardingCase.id).is_(None)


def cases_for(db: Session, principal: Principal) -> Sequence[SafeguardingCase]:
    """Open (unacknowledged) first, then acknowledged, then closed; oldest first within each."""
    order = case(
        (col(SafeguardingCase.state) == CaseState.OPEN, 0),
        (col(SafeguardingCase.state) == CaseState.ACKNOWLEDGED, 1),
        else_=2,
    )
    return db.exec(
        select(SafeguardingCase)
        .where(visible_to(principal))
        .order_by(order, col(SafeguardingCase.opened_at))
        .limit(200)
    ).all()


def case_for(db: Session, principal: Principal, case_id: int) -> SafeguardingCase | None:
    return db.exec(
        select(SafeguardingCase).where(SafeguardingCase.id == case_id, visible_to(principal))
    ).first()


def case_of_item(db: Session, principal: Principal, item_id: int) -> SafeguardingCase | None:
    return db.exec(
        select(SafeguardingCase).where(SafeguardingCase.item_id == item_id, visible_to(principal))
    ).first()


def actions(db: Session, case_id: int) -> Sequence[CaseAction]:
    return db.exec(
        select(CaseAction).where(CaseAction.case_id == case_id).order_by(col(CaseAction.at))
    ).all()


ALERT_DELIVERY_GRACE = timedelta(minutes=5)


@dataclass(frozen=True)
class SafeguardingHealth:
    """Counts only, for monitoring: never which case, whose item or what was said."""

    cases_past_due: int  # still unacknowledged after the council's acknowledgement time
    alerts_undelivered: int  # safeguarding alerts not sent within ALERT_DELIVERY_GRACE

    @property
    def degraded(self) -> bool:
        return bool(self.cases_past_due or self.alerts_undelivered)


def health(db: Session, *, now: datetime) -> SafeguardingHealth:
    """Whether safeguarding is working without email: the dashboard is the safety net."""
    due = now - timedelta(minutes=get_settings().safeguarding_ack_minutes)
    cases_past_due = db.exec(
        select(func.count())
        .select_from(SafeguardingCase)
        .where(SafeguardingCase.state == CaseState.OPEN, col(SafeguardingCase.opened_at) <= due)
    ).one()
    alerts_undelivered = db.exec(
        select(func.count())
        .select_from(OutboxMessage)
        .where(
            OutboxMessage.template == ALERT_TEMPLATE,
            OutboxMessage.status != OutboxStatus.SENT,
            col(OutboxMessage.created_at) <= now - ALERT_DELIVERY_GRACE,
        )
    ).one()
    return SafeguardingHealth(cases_past_due, alerts_undelivered)
