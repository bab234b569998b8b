"""Queries about cases, scoped by who asks: case content is for the DSLs and the raising officer."""

from collections.abc import Sequence

from sqlalchemy import ColumnElement, case
from sqlmodel import Session, col, select

from app.authz import Principal
from app.people.models import Role
from app.safeguarding.models import CaseAction, CaseState, SafeguardingCase


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
