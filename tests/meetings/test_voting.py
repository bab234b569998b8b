"""Young people vote: one ballot each, changeable until closing, and bad input stores nothing."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.meetings.ballots import voter_key
from app.meetings.models import Ballot, Electorate, RoundParticipant, VotingMethod
from tests.meetings.helpers import ballot_count, ballots_in, csrf, make_round, post
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def test_a_young_person_votes_and_changes_their_vote(client: TestClient, db: Session) -> None:
    voter = make_user(db, nickname="Robin")
    sign_in(client, db, voter)
    agenda_round, (housing, health, _education) = make_round(db)
    form = page(client.get(f"/votes/{agenda_round.id}"))
    assert form.h1 == "What should the board talk about?"
    assert "You have 3 votes." in form.text
    post(
        client, f"/votes/{agenda_round.id}", {f"votes-{housing.id}": "2", f"votes-{health.id}": "1"}
    )
    done = page(client.get(f"/votes/{agenda_round.id}?voted=1"))
    assert "Your vote is in" in done.text
    assert done.form(f"/votes/{agenda_round.id}")[f"votes-{housing.id}"] == "2"

    post(client, f"/votes/{agenda_round.id}", {f"votes-{health.id}": "2", "wants_notice": "yes"})
    assert ballots_in(db, agenda_round.id or 0) == [{str(health.id): 2}]  # the last one counts
    row = db.exec(select(Ballot)).one()
    assert row.voter_key == voter_key(agenda_round.id or 0, voter.id or 0)
    assert not {"user_id", "created_at", "id"} & set(Ballot.model_fields)  # secret by design
    participant = db.exec(select(RoundParticipant)).one()
    assert (participant.user_id, participant.wants_notice) == (voter.id, True)


def test_ranking_the_top_three(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db))
    agenda_round, (housing, health, education) = make_round(db, method=VotingMethod.RANK_TOP_THREE)
    post(
        client,
        f"/votes/{agenda_round.id}",
        {"rank-1": str(education.id), "rank-2": str(housing.id), "rank-3": str(health.id)},
    )
    assert ballots_in(db, agenda_round.id or 0) == [
        {str(education.id): 1, str(housing.id): 2, str(health.id): 3}
    ]


def refused(
    client: TestClient,
    db: Session,
    url: str,
    data: dict[str, str],
    message: str,
    status: int = 400,
    not_on_form: frozenset[str] = frozenset(),
) -> None:
    """A clear message, what was typed kept (bar forged fields), and no ballot at all."""
    shown = post(client, url, data, status=status)
    assert shown is not None
    assert message in shown.text
    if status == 400:
        assert shown.error_summary() == [message]
        assert shown.soup.title is not None and shown.soup.title.text.startswith("Error: ")
        kept = shown.form(url)
        for name, value in data.items():
            if name not in not_on_form:
                assert kept.get(name) == value, name
    assert ballot_count(db) == 0


def test_bad_ballots_are_refused_and_nothing_is_stored(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db))
    agenda_round, (housing, health, education) = make_round(db)
    other_round, (elsewhere, *_rest) = make_round(db)
    url = f"/votes/{agenda_round.id}"
    refused(
        client,
        db,
        url,
        {f"votes-{housing.id}": "2", f"votes-{health.id}": "2"},
        "You have 3 votes but you used 4. Take some away.",
    )
    refused(
        client, db, url, {f"votes-{housing.id}": "3"}, "You can put up to 2 votes on one choice."
    )
    refused(
        client,
        db,
        url,
        {f"votes-{housing.id}": "1", f"votes-{elsewhere.id}": "1"},
        "That choice is not in this vote.",
        not_on_form=frozenset({f"votes-{elsewhere.id}"}),
    )
    refused(client, db, url, {f"votes-{housing.id}": "lots"}, "Use a whole number, like 0, 1 or 2.")
    refused(client, db, url, {f"votes-{education.id}": "0"}, "Give at least one vote.")
    assert other_round.id != agenda_round.id


def test_bad_rankings_are_refused(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db))
    agenda_round, (housing, health, _education) = make_round(db, method=VotingMethod.RANK_TOP_THREE)
    url = f"/votes/{agenda_round.id}"
    refused(
        client,
        db,
        url,
        {"rank-1": str(housing.id), "rank-2": str(housing.id)},
        "You picked that already. Pick a different one.",
    )
    refused(client, db, url, {"rank-2": str(health.id)}, "Pick your first choice.")
    refused(
        client,
        db,
        url,
        {"rank-1": "999999"},
        "That choice is not in this vote.",
        not_on_form=frozenset({"rank-1"}),
    )


def test_a_closed_round_refuses_ballots_with_a_clear_page(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db))
    agenda_round, (housing, *_rest) = make_round(db, state="closed")
    shown = post(client, f"/votes/{agenda_round.id}", {f"votes-{housing.id}": "1"}, status=409)
    assert shown is not None
    banner = shown.soup.select_one(".govuk-notification-banner")
    assert banner is not None
    assert "This vote has closed. Votes cannot be changed or added now." in banner.text
    assert shown.soup.find("form", attrs={"action": f"/votes/{agenda_round.id}"}) is None
    assert ballot_count(db) == 0


def test_a_round_that_has_not_opened_refuses_ballots(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db))
    agenda_round, (housing, *_rest) = make_round(db, state="upcoming")
    shown = post(client, f"/votes/{agenda_round.id}", {f"votes-{housing.id}": "1"}, status=409)
    assert shown is not None and "This vote has not started yet." in shown.text
    assert ballot_count(db) == 0


def test_cicc_rounds_are_for_cicc_members_only(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db))
    agenda_round, (housing, *_rest) = make_round(db, electorate=Electorate.CICC)
    assert client.get(f"/votes/{agenda_round.id}").status_code == 404
    response = client.post(
        f"/votes/{agenda_round.id}",
        data={"csrf_token": csrf(client), f"votes-{housing.id}": "1"},
    )
    assert response.status_code == 404
    assert ballot_count(db) == 0
    member = TestClient(client.app, base_url="http://testserver")
    sign_in(member, db, make_user(db, is_cicc_member=True))
    post(member, f"/votes/{agenda_round.id}", {f"votes-{housing.id}": "1"})
    assert ballot_count(db) == 1


def test_voting_needs_an_account(client: TestClient, db: Session) -> None:
    agenda_round, _options = make_round(db)
    response = client.get(f"/votes/{agenda_round.id}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")
