"""Secret ballot: no staff page links a voter to a choice, and one voter racing themselves 50
times leaves exactly one coherent ballot."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.db import new_session
from app.meetings import ballots
from app.meetings.forms import BallotRequest
from app.meetings.models import AgendaRound, Ballot, RoundParticipant
from app.people.models import Role, User
from tests.meetings.helpers import make_round, post, set_state
from tests.support.factories import make_user, sign_in
from tests.test_meta import route_inventory

VOTER = "Zqvx Voter"
SENTINEL_OPTION = "Zqvx Sentinel Option"


@pytest.mark.parametrize("role", [role for role in Role if role.is_staff])
def test_no_staff_page_links_a_voter_to_a_choice(app: FastAPI, db: Session, role: Role) -> None:
    agenda_round, (sentinel, other, _third) = make_round(
        db, options=(SENTINEL_OPTION, "Health", "Education")
    )
    client = TestClient(app, base_url="http://testserver")
    known = make_user(db, nickname=VOTER)
    for voter in [known, *(make_user(db) for _ in range(5))]:
        sign_in(client, db, voter)
        choice = sentinel if voter is known else other
        post(
            client, f"/votes/{agenda_round.id}", {f"votes-{choice.id}": "1", "wants_notice": "yes"}
        )
        client.cookies.clear()
    set_state(db, agenda_round, "closed")
    sign_in(client, db, make_user(db, role))
    visited = 0
    for method, path, _route in route_inventory(app):
        if method != "GET" or not path.startswith(("/staff", "/admin")) or "callback" in path:
            continue
        url = (
            path.replace("{round_id}", str(agenda_round.id))
            .replace("{meeting_id}", str(agenda_round.meeting_id))
            .replace("{item_id}", "1")
        )
        response = client.get(url, follow_redirects=False)
        assert response.status_code < 500, url
        assert VOTER not in response.text, url  # staff never see who voted, let alone how
        assert f"user {known.id}" not in response.text.lower(), url
        visited += 1
    assert visited > 5


def test_fifty_racing_ballots_from_one_voter_leave_one(db: Session) -> None:
    """Each thread has its own connection and commits for real (PostgreSQL is the real test:
    SQLite serialises writers)."""
    agenda_round, options = make_round(db)
    voter = make_user(db)
    submissions = [
        {options[n % 3].id or 0: 1 + n % 2, options[(n + 1) % 3].id or 0: 1} for n in range(50)
    ]
    start = threading.Barrier(50)

    def cast(choices: dict[int, int]) -> None:
        with new_session(for_writing=True) as session:
            start.wait()
            ballots.cast_ballot(
                session,
                agenda_round=session.get_one(AgendaRound, agenda_round.id),
                user=session.get_one(User, voter.id),
                request=BallotRequest(values={}, choices=choices),
            )
            session.commit()

    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(cast, submissions))
    db.expire_all()
    stored = db.exec(select(Ballot)).all()
    assert len(stored) == 1
    as_stored = [{str(k): v for k, v in sorted(s.items())} for s in submissions]
    assert stored[0].choices in as_stored  # one submission's choices, whole
    assert len(db.exec(select(RoundParticipant)).all()) == 1
