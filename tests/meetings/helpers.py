"""Meetings, rounds and options for the meetings tests, straight into the database."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.meetings.models import (
    AgendaItem,
    AgendaRound,
    Ballot,
    Electorate,
    Meeting,
    MeetingKind,
    Proposal,
    RoundOption,
    VotingMethod,
)
from app.timeutil import utcnow
from tests.support.pages import Page, page


def make_meeting(db: Session, title: str = "Corporate Parenting Board, March") -> Meeting:
    meeting = Meeting(kind=MeetingKind.BOARD, title=title, held_on=date(2027, 3, 14))
    db.add(meeting)
    db.commit()
    return meeting


def make_round(
    db: Session,
    *,
    state: str = "open",
    method: VotingMethod = VotingMethod.DOTS,
    electorate: Electorate = Electorate.YOUNG_PEOPLE,
    options: tuple[str, ...] = ("Housing", "Health", "Education"),
    hidden: bool = True,
    meeting: Meeting | None = None,
) -> tuple[AgendaRound, list[RoundOption]]:
    """A round that is `upcoming`, `open` or `closed` now, with options in order."""
    now = utcnow()
    opens, closes = {
        "upcoming": (now + timedelta(days=1), now + timedelta(days=8)),
        "open": (now - timedelta(days=1), now + timedelta(days=6)),
        "closed": (now - timedelta(days=8), now - timedelta(days=1)),
    }[state]
    meeting = meeting or make_meeting(db)
    agenda_round = AgendaRound(
        meeting_id=meeting.id or 0,
        title="What should the board talk about?",
        opens_at=opens,
        closes_at=closes,
        electorate=electorate,
        method=method,
        votes_each=3,
        max_per_option=2,
        results_hidden_while_open=hidden,
    )
    db.add(agenda_round)
    db.flush()
    made = [
        RoundOption(
            round_id=agenda_round.id or 0,
            position=n,
            title=title,
            description=f"Talk about {title.lower()}",
        )
        for n, title in enumerate(options, start=1)
    ]
    db.add_all(made)
    db.commit()
    return agenda_round, made


def set_state(db: Session, agenda_round: AgendaRound, state: str) -> None:
    """Moves a round's times so it is now `open` or `closed`."""
    now = utcnow()
    if state == "closed":
        agenda_round.opens_at, agenda_round.closes_at = now - timedelta(days=8), now - timedelta(1)
    else:
        agenda_round.opens_at, agenda_round.closes_at = now - timedelta(days=1), now + timedelta(6)
    db.add(agenda_round)
    db.commit()


def ballots_in(db: Session, round_id: int) -> list[dict[str, int]]:
    db.expire_all()
    return [dict(b) for b in db.exec(select(Ballot.choices).where(Ballot.round_id == round_id))]


def ballot_count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Ballot)).one()


def csrf(client: TestClient) -> str:
    html = str(client.get("/help").text)
    marker = 'name="csrf-token" content="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def post(client: TestClient, url: str, data: dict[str, str], status: int = 303) -> Page | None:
    """Posts a form with the CSRF token; returns the parsed page unless it redirected."""
    response = client.post(url, data={"csrf_token": csrf(client), **data}, follow_redirects=False)
    if status == 303:
        assert response.status_code == 303, (response.status_code, response.text[:800])
        return None
    return page(response, status)


def policy_matrix_ids(db: Session, proposer_id: int) -> dict[str, str]:
    """A meeting, an open round with its options, an agenda item and a proposal, by their route
    placeholders."""
    agenda_round, options = make_round(db)
    item = AgendaItem(meeting_id=agenda_round.meeting_id, title="Welcome")
    proposal = Proposal(round_id=agenda_round.id or 0, proposer_id=proposer_id, title="Idea")
    db.add_all([item, proposal])
    db.commit()
    return {
        "{meeting_id}": str(agenda_round.meeting_id),
        "{round_id}": str(agenda_round.id),
        "{item_id}": str(item.id),
        "{proposal_id}": str(proposal.id),
        "{option_id}": str(options[0].id),
    }
