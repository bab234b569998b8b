"""Board meetings, their agendas, and the agenda rounds young people vote in.

Secret ballot: a `Ballot` holds no user id, no id of its own and no time. It is keyed by
`voter_key`, an HMAC only the app can recompute for the voter. `RoundParticipant` records that
someone voted (turnout, "the board listened" notices), never what, and shares nothing with the
ballot that could join the two (no common id, no insertion order, no timestamps).
"""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow


class MeetingKind(StrEnum):
    BOARD = "board"  # the Corporate Parenting Board or Panel
    THEMED = "themed"
    TAKEOVER = "takeover"  # young people run the meeting


class VotingMethod(StrEnum):
    DOTS = "dots"  # a number of votes each, at most `max_per_option` on one option
    RANK_TOP_THREE = "rank_top_three"  # 1st, 2nd and 3rd choice score 3, 2 and 1


class Electorate(StrEnum):
    YOUNG_PEOPLE = "young_people"  # every young person with an account
    CICC = "cicc"  # Children in Care Council members only


class ProposalStatus(StrEnum):
    WAITING = "waiting"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class Meeting(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: MeetingKind = Field(sa_type=enum_type(MeetingKind))
    title: str = Field(max_length=120)
    held_on: date = Field(index=True)
    co_chairs: str = Field(default="", max_length=200)
    young_co_chair: str = Field(default="", max_length=40)  # a nickname, never a real name
    papers: str = Field(default="", sa_type=Text)  # text, or links one a line
    created_at: datetime = Field(default_factory=utcnow)


class AgendaItem(SQLModel, table=True):
    """One item on a meeting's agenda; after the meeting, what was discussed and decided.

    `option_id` is set when the item came from a vote, and is unique, so adding a round's
    top options twice never duplicates them. The board actions that carry out its decision are
    linked in `app.actions.models.AgendaItemAction`.
    """

    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    position: int = 0
    title: str = Field(max_length=120)
    description: str = Field(default="", max_length=600)
    option_id: int | None = Field(default=None, foreign_key="round_option.id", unique=True)
    discussed: str = Field(default="", sa_type=Text)
    decided: str = Field(default="", sa_type=Text)
    outcome_recorded_at: datetime | None = None


class AgendaRound(SQLModel, table=True):
    """A vote on what a meeting discusses. Before `opens_at` CiCC members may propose options."""

    __tablename__ = "agenda_round"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    title: str = Field(max_length=120)
    opens_at: datetime
    closes_at: datetime
    electorate: Electorate = Field(sa_type=enum_type(Electorate))
    method: VotingMethod = Field(sa_type=enum_type(VotingMethod))
    votes_each: int = 3  # dots only
    max_per_option: int = 3  # dots only
    results_hidden_while_open: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class RoundOption(SQLModel, table=True):
    """A candidate theme or topic, always with its own title and plain-words description."""

    __tablename__ = "round_option"

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="agenda_round.id", index=True)
    position: int = 0
    title: str = Field(max_length=120)
    description: str = Field(default="", max_length=600)
    theme_id: int | None = Field(default=None, foreign_key="theme.id")


class Proposal(SQLModel, table=True):
    """A CiCC member's candidate, waiting for an officer to accept or decline (with a reason)."""

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="agenda_round.id", index=True)
    proposer_id: int = Field(foreign_key="app_user.id", index=True)
    title: str = Field(max_length=120)
    description: str = Field(default="", max_length=600)
    status: ProposalStatus = Field(
        default=ProposalStatus.WAITING, sa_type=enum_type(ProposalStatus)
    )
    reason: str = Field(default="", max_length=600)  # the proposer reads this
    option_id: int | None = Field(default=None, foreign_key="round_option.id")
    decided_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)


class Ballot(SQLModel, table=True):
    """One per voter per round (the primary key), replaced in place until the round closes.

    `choices` maps option id (as text) to votes (dots) or to a rank 1-3 (ranking).
    """

    round_id: int = Field(foreign_key="agenda_round.id", primary_key=True)
    voter_key: str = Field(max_length=64, primary_key=True)
    choices: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class RoundParticipant(SQLModel, table=True):
    """That a young person voted in a round (never what), and whether to tell them the outcome."""

    __tablename__ = "round_participant"

    round_id: int = Field(foreign_key="agenda_round.id", primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", primary_key=True)
    wants_notice: bool = False
    notice_due: bool = False  # the board recorded an outcome the voter has not seen yet


class VotingCode(SQLModel, table=True):
    """A single-use code printed for an in-person event: one ballot without an account."""

    __tablename__ = "voting_code"
    __table_args__ = (UniqueConstraint("code_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="agenda_round.id", index=True)
    code_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    spent_at: datetime | None = None
