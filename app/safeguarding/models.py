"""Safeguarding cases: a disclosure is put in front of the designated safeguarding lead at once."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow

ALERT_TEMPLATE = "safeguarding_alert"  # the outbox template of every alert about a case


class CaseTrigger(StrEnum):
    SELF_REPORTED = "self_reported"  # the young person ticked "I am not safe"
    OFFICER_FLAG = "officer_flag"
    SCREEN = "screen"  # the disclosure screen matched; a human decides


class CaseState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


class CaseActionKind(StrEnum):
    CONTACTED_SOCIAL_WORKER = "contacted_social_worker"
    REFERRED_FRONT_DOOR = "referred_front_door"
    CONTACTED_YOUNG_PERSON = "contacted_young_person"
    NO_FURTHER_ACTION = "no_further_action"
    NOTE = "note"


class SafeguardingCase(SQLModel, table=True):
    __tablename__ = "safeguarding_case"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", unique=True)
    trigger: CaseTrigger = Field(sa_type=enum_type(CaseTrigger))
    categories: str = Field(default="", max_length=300)  # screen categories, comma-separated
    state: CaseState = Field(default=CaseState.OPEN, sa_type=enum_type(CaseState), index=True)
    raised_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    opened_at: datetime = Field(default_factory=utcnow)
    escalation_level: int = 0  # 0 lead (and deputy), 1 deputy again, 2 out-of-hours contact
    next_escalation_at: datetime | None = Field(default=None, index=True)
    acknowledged_at: datetime | None = None
    acknowledged_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    closed_at: datetime | None = None
    closed_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    outcome: str = Field(default="", sa_type=Text)


class CaseAction(SQLModel, table=True):
    __tablename__ = "case_action"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="safeguarding_case.id", index=True)
    kind: CaseActionKind = Field(sa_type=enum_type(CaseActionKind))
    note: str = Field(default="", sa_type=Text)
    by_id: int = Field(foreign_key="app_user.id")
    at: datetime = Field(default_factory=utcnow)
