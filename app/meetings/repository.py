"""Every query about meetings, rounds and ballots.

Nothing here returns who voted for what: ballots come back without any person, and the
participants of a round come back without their ballots.
"""

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, func, select

from app.meetings.models import (
    AgendaItem,
    AgendaRound,
    Ballot,
    Electorate,
    Meeting,
    Proposal,
    RoundOption,
    RoundParticipant,
    VotingCode,
)
from app.people.models import User
from app.themes.models import Theme


def meetings(db: Session) -> Sequence[Meeting]:
    """Newest first."""
    return db.exec(select(Meeting).order_by(col(Meeting.held_on).desc(), col(Meeting.id))).all()


def upcoming_meetings(db: Session, today: date) -> Sequence[Meeting]:
    """Meetings still to come, soonest first: where a councillor's question can go."""
    return db.exec(
        select(Meeting).where(col(Meeting.held_on) >= today).order_by(col(Meeting.held_on))
    ).all()


def meeting(db: Session, meeting_id: int) -> Meeting | None:
    return db.get(Meeting, meeting_id)


def agenda(db: Session, meeting_id: int) -> Sequence[AgendaItem]:
    return db.exec(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()


def agenda_item(db: Session, meeting_id: int, item_id: int) -> AgendaItem | None:
    return db.exec(
        select(AgendaItem).where(AgendaItem.id == item_id, AgendaItem.meeting_id == meeting_id)
    ).first()


def agenda_items_for_options(db: Session, option_ids: Sequence[int]) -> dict[int, AgendaItem]:
    if not option_ids:
        return {}
    found = db.exec(select(AgendaItem).where(col(AgendaItem.option_id).in_(option_ids))).all()
    return {item.option_id: item for item in found if item.option_id is not None}


def rounds_of(db: Session, meeting_id: int) -> Sequence[AgendaRound]:
    return db.exec(
        select(AgendaRound)
        .where(AgendaRound.meeting_id == meeting_id)
        .order_by(col(AgendaRound.opens_at), col(AgendaRound.id))
    ).all()


def agenda_round(db: Session, round_id: int) -> AgendaRound | None:
    return db.get(AgendaRound, round_id)


def options(db: Session, round_id: int) -> Sequence[RoundOption]:
    return db.exec(
        select(RoundOption)
        .where(RoundOption.round_id == round_id)
        .order_by(col(RoundOption.position), col(RoundOption.id))
    ).all()


def proposals(db: Session, round_id: int) -> Sequence[Proposal]:
    return db.exec(
        select(Proposal).where(Proposal.round_id == round_id).order_by(col(Proposal.id))
    ).all()


def proposal(db: Session, round_id: int, proposal_id: int) -> Proposal | None:
    return db.exec(
        select(Proposal).where(Proposal.id == proposal_id, Proposal.round_id == round_id)
    ).first()


def proposal_for_option(db: Session, option_id: int) -> Proposal | None:
    """The accepted proposal a choice came from, if it came from one."""
    return db.exec(select(Proposal).where(Proposal.option_id == option_id)).first()


def option(db: Session, round_id: int, option_id: int) -> RoundOption | None:
    return db.exec(
        select(RoundOption).where(RoundOption.id == option_id, RoundOption.round_id == round_id)
    ).first()


def proposals_by(db: Session, user_id: int) -> Sequence[Proposal]:
    """A young person's own proposals, newest first."""
    return db.exec(
        select(Proposal).where(Proposal.proposer_id == user_id).order_by(col(Proposal.id).desc())
    ).all()


def ballot_choices(db: Session, round_id: int) -> Sequence[Mapping[str, Any]]:
    """Every ballot's choices, in voter-key order (which says nothing about who or when)."""
    return db.exec(
        select(Ballot.choices).where(Ballot.round_id == round_id).order_by(col(Ballot.voter_key))
    ).all()


def turnout(db: Session, round_id: int) -> int:
    return db.exec(
        select(func.count()).select_from(Ballot).where(Ballot.round_id == round_id)
    ).one()


def turnouts(db: Session, round_ids: Sequence[int]) -> dict[int, int]:
    """Ballots per round for many rounds in one query; a round without ballots is absent."""
    if not round_ids:
        return {}
    rows = db.exec(
        select(Ballot.round_id, func.count())
        .where(col(Ballot.round_id).in_(round_ids))
        .group_by(col(Ballot.round_id))
    ).all()
    return {round_id: int(count) for round_id, count in rows}


def ballot(db: Session, round_id: int, voter_key: str) -> Ballot | None:
    return db.get(Ballot, (round_id, voter_key))


def participation(db: Session, user_id: int) -> Sequence[RoundParticipant]:
    return db.exec(select(RoundParticipant).where(RoundParticipant.user_id == user_id)).all()


def participant(db: Session, round_id: int, user_id: int) -> RoundParticipant | None:
    return db.get(RoundParticipant, (round_id, user_id))


def news_for(db: Session, user_id: int) -> Sequence[AgendaRound]:
    """Rounds whose outcome the voter asked to hear about and has not seen yet."""
    return db.exec(
        select(AgendaRound)
        .join(RoundParticipant, col(RoundParticipant.round_id) == AgendaRound.id)
        .where(RoundParticipant.user_id == user_id, col(RoundParticipant.notice_due).is_(True))
        .order_by(col(AgendaRound.id))
    ).all()


def codes_issued_and_spent(db: Session, round_id: int) -> tuple[int, int]:
    issued, spent = db.exec(
        select(func.count(), func.count(col(VotingCode.spent_at))).where(
            VotingCode.round_id == round_id
        )
    ).one()
    return int(issued), int(spent)


def unspent_code(db: Session, code_hash: str) -> VotingCode | None:
    return db.exec(
        select(VotingCode).where(
            VotingCode.code_hash == code_hash, col(VotingCode.spent_at).is_(None)
        )
    ).first()


def rounds_for_young_people(db: Session, user: User, now: datetime) -> Sequence[AgendaRound]:
    """Rounds not yet closed that this young person may vote in (or, before opening, see)."""
    electorates = (
        [Electorate.YOUNG_PEOPLE, Electorate.CICC]
        if user.is_cicc_member
        else [Electorate.YOUNG_PEOPLE]
    )
    return db.exec(
        select(AgendaRound)
        .where(col(AgendaRound.closes_at) > now, col(AgendaRound.electorate).in_(electorates))
        .order_by(col(AgendaRound.closes_at), col(AgendaRound.id))
    ).all()


def rounds_by_id(db: Session, round_ids: Sequence[int]) -> dict[int, AgendaRound]:
    if not round_ids:
        return {}
    found = db.exec(select(AgendaRound).where(col(AgendaRound.id).in_(round_ids))).all()
    return {r.id: r for r in found if r.id is not None}


def active_themes(db: Session) -> Sequence[Theme]:
    return db.exec(
        select(Theme).where(col(Theme.is_active).is_(True)).order_by(col(Theme.position))
    ).all()


def theme_by_slug(db: Session, slug: str) -> Theme | None:
    return db.exec(select(Theme).where(Theme.slug == slug)).first()
