"""Board actions: what the board and its partners will do, who owns it, and how it is going.

Items young people sent are linked to actions (`ItemActionLink`); every change to an action is
written onto the timeline of each linked item in the same transaction (see service.py).
"""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow


class OrganisationKind(StrEnum):
    COUNCIL = "council"  # a council directorate
    HOUSING = "housing"
    HEALTH = "health"  # health, the integrated care board
    SCHOOLS = "schools"
    POLICE = "police"
    PROBATION = "probation"
    VOLUNTARY = "voluntary"
    OTHER = "other"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    DONE = "done"
    DROPPED = "dropped"  # needs a reason, which young people read

    @property
    def is_closed(self) -> bool:
        """Done and dropped are final: nothing more is posted, and they are never overdue."""
        return self in CLOSED


CLOSED = frozenset({ActionStatus.DONE, ActionStatus.DROPPED})


class LinkKind(StrEnum):
    PROMPTED_BY = "prompted_by"  # the action was prompted by what the young person said
    ANSWERS = "answers"  # the action answers it


class BoardAction(SQLModel, table=True):
    __tablename__ = "board_action"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    description: str = Field(default="", sa_type=Text)
    owner_id: int = Field(foreign_key="app_user.id", index=True)
    organisation_kind: OrganisationKind = Field(sa_type=enum_type(OrganisationKind))
    organisation_name: str = Field(max_length=120)  # "Children's Services", "Anytown Housing"
    due_on: date = Field(index=True)
    status: ActionStatus = Field(
        default=ActionStatus.NOT_STARTED, sa_type=enum_type(ActionStatus), index=True
    )
    drop_reason: str = Field(default="", max_length=300)  # plain words young people read
    created_by_id: int = Field(foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ActionTheme(SQLModel, table=True):
    __tablename__ = "action_theme"
    __table_args__ = (UniqueConstraint("action_id", "theme_id"),)

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="board_action.id", index=True)
    theme_id: int = Field(foreign_key="theme.id", index=True)


class ActionUpdate(SQLModel, table=True):
    """A dated progress update: the detail for staff, and one plain line for young people."""

    __tablename__ = "action_update"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="board_action.id", index=True)
    author_id: int = Field(foreign_key="app_user.id")
    status: ActionStatus = Field(sa_type=enum_type(ActionStatus))  # the status it set
    staff_text: str = Field(default="", sa_type=Text)
    evidence: str = Field(default="", max_length=500)  # a link or a short note
    young_text: str = Field(max_length=300)  # what goes on the linked items' timelines
    created_at: datetime = Field(default_factory=utcnow)


class ItemActionLink(SQLModel, table=True):
    """A shared item linked to an action (many to many), and how."""

    __tablename__ = "item_action_link"
    __table_args__ = (UniqueConstraint("item_id", "action_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    action_id: int = Field(foreign_key="board_action.id", index=True)
    kind: LinkKind = Field(sa_type=enum_type(LinkKind))
    linked_by_id: int = Field(foreign_key="app_user.id")
    linked_at: datetime = Field(default_factory=utcnow)


class AgendaItemAction(SQLModel, table=True):
    """A board decision (an agenda item's outcome) linked to the actions that carry it out."""

    __tablename__ = "agenda_item_action"
    __table_args__ = (UniqueConstraint("agenda_item_id", "action_id"),)

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agenda_item.id", index=True)
    action_id: int = Field(foreign_key="board_action.id", index=True)


class ActionReminder(SQLModel, table=True):
    """One row per action per ISO week: its owner is reminded once, however often we try."""

    __tablename__ = "action_reminder"
    __table_args__ = (UniqueConstraint("action_id", "week"),)

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="board_action.id")
    week: str = Field(max_length=10)  # e.g. 2026-W48
    sent_at: datetime = Field(default_factory=utcnow)


class ActionSummarySent(SQLModel, table=True):
    """One row per ISO week: the participation team's weekly summary goes out once."""

    __tablename__ = "action_summary_sent"

    week: str = Field(max_length=10, primary_key=True)
    sent_at: datetime = Field(default_factory=utcnow)
