"""Demo data for meetings: a past meeting whose vote the board answered, and an open vote."""

from datetime import date, timedelta

from sqlmodel import Session

from app.meetings import ballots, repository, service
from app.meetings.forms import AgendaItemForm, BallotRequest, OptionForm, OutcomeForm
from app.meetings.models import AgendaRound, Electorate, Meeting, MeetingKind, VotingMethod
from app.people.models import User
from app.timeutil import utcnow

THEMES = ("housing", "health-wellbeing", "education-employment-training", "home-placements")


def seed_meetings(db: Session, *, officer: User, young: list[User]) -> None:
    """Six ballots in a closed round (so results show), its top two on the past agenda with one
    outcome recorded, and a spring vote open now with three ballots."""
    now = utcnow()
    past = _meeting(db, "Corporate Parenting Board, autumn", now.date() - timedelta(days=30))
    closed, options = _round(db, past, "What should the board talk about in the autumn?")
    for number, voter in enumerate(young[:6]):
        picks = {options[number % 2]: 2, options[2 + number % 2]: 1}
        _vote(db, closed, voter, picks, wants_notice=number < 3)
    closed.opens_at, closed.closes_at = now - timedelta(days=45), now - timedelta(days=35)
    db.add(closed)
    service.add_top_options_to_agenda(db, agenda_round=closed, meeting=past, count=2, actor=officer)
    first = repository.agenda(db, past.id or 0)[0]
    outcome = OutcomeForm(
        discussed="Where young people live when they leave care, and how long they wait.",
        decided="Two more supported flats by June. Housing will report back in March.",
    )
    service.record_outcome(db, item=first, form=outcome, actor=officer)

    spring = _meeting(db, "Corporate Parenting Board, spring", now.date() + timedelta(days=21))
    service.add_agenda_item(db, meeting=spring, form=AgendaItemForm(title="Welcome"))
    open_round, open_options = _round(db, spring, "What should the board talk about in spring?")
    for voter in young[3:6]:
        _vote(db, open_round, voter, {open_options[1]: 1}, wants_notice=False)


def _meeting(db: Session, title: str, held_on: date) -> Meeting:
    meeting = Meeting(
        kind=MeetingKind.BOARD, title=title, held_on=held_on, co_chairs="Cllr Morgan Chair"
    )
    db.add(meeting)
    db.flush()
    return meeting


def _round(db: Session, meeting: Meeting, title: str) -> tuple[AgendaRound, list[int]]:
    """Options are added while the round is upcoming, then it opens."""
    now = utcnow()
    agenda_round = AgendaRound(
        meeting_id=meeting.id or 0,
        title=title,
        opens_at=now + timedelta(hours=1),
        closes_at=now + timedelta(days=7),
        electorate=Electorate.YOUNG_PEOPLE,
        method=VotingMethod.DOTS,
        votes_each=3,
        max_per_option=2,
    )
    db.add(agenda_round)
    db.flush()
    options = [
        service.add_option(db, agenda_round=agenda_round, form=OptionForm(theme=slug)).id or 0
        for slug in THEMES
    ]
    agenda_round.opens_at = now - timedelta(days=2)
    db.add(agenda_round)
    db.flush()
    return agenda_round, options


def _vote(
    db: Session, agenda_round: AgendaRound, voter: User, picks: dict[int, int], wants_notice: bool
) -> None:
    request = BallotRequest(values={}, choices=picks, wants_notice=wants_notice)
    ballots.cast_ballot(db, agenda_round=agenda_round, user=voter, request=request)
