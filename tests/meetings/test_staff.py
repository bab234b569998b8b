"""Officers run meetings and rounds; the board's outcome reaches the young people who voted."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.meetings.models import AgendaItem, AgendaRound, Meeting, Proposal, RoundOption
from app.people.models import Role, User
from tests.meetings.helpers import make_meeting, make_round, post, set_state
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def officer(client: TestClient, db: Session) -> User:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, user)
    return user


def test_an_officer_adds_a_meeting_and_its_agenda(client: TestClient, db: Session) -> None:
    officer(client, db)
    typed = {"kind": "takeover", "title": "", "held_on": "2027-02-30", "young_co_chair": "Jay"}
    shown = post(client, "/staff/meetings/new", typed, status=400)
    assert shown is not None
    assert shown.error_summary() == [
        "Enter a name for the meeting.",
        "Enter a real date, for example 2027-03-14.",
    ]
    assert shown.form("/staff/meetings/new")["young_co_chair"] == "Jay"
    post(client, "/staff/meetings/new", {**typed, "title": "Takeover day", "held_on": "2027-03-01"})
    meeting = db.exec(select(Meeting)).one()
    assert (meeting.title, meeting.young_co_chair) == ("Takeover day", "Jay")
    post(client, f"/staff/meetings/{meeting.id}/agenda", {"title": "Welcome from the co-chairs"})
    shown = page(client.get(f"/staff/meetings/{meeting.id}"))
    assert shown.h1 == "Takeover day"
    assert "Welcome from the co-chairs" in shown.text and "Jay" in shown.text


def test_a_round_must_close_after_it_opens(client: TestClient, db: Session) -> None:
    officer(client, db)
    meeting = make_meeting(db)
    typed = {
        "title": "What next?",
        "opens_on": "2027-01-10",
        "opens_at": "09:00",
        "closes_on": "2027-01-09",
        "closes_at": "17:00",
        "electorate": "cicc",
        "method": "dots",
        "votes_each": "3",
        "max_per_option": "2",
        "results_hidden": "yes",
    }
    url = f"/staff/meetings/{meeting.id}/rounds/new"
    shown = post(client, url, typed, status=400)
    assert shown is not None
    assert shown.error_summary() == ["The closing time must be after the opening time."]
    assert shown.form(url) == {**typed, "csrf_token": shown.form(url)["csrf_token"]}
    assert db.exec(select(AgendaRound)).first() is None
    post(client, url, {**typed, "closes_on": "2027-01-17"})
    made = db.exec(select(AgendaRound)).one()
    assert made.opens_at.isoformat() == "2027-01-10T09:00:00+00:00"  # GMT in January


def test_proposals_are_accepted_or_declined_with_a_reason(client: TestClient, db: Session) -> None:
    agenda_round, _options = make_round(db, state="upcoming")
    member = make_user(db, nickname="Sky", is_cicc_member=True)
    young = TestClient(client.app, base_url="http://testserver")
    sign_in(young, db, member)
    form = page(young.get(f"/votes/{agenda_round.id}/propose"))
    assert form.soup.select_one("[data-jit-notice]") is not None
    url = f"/votes/{agenda_round.id}/propose"
    shown = post(young, url, {"title": "Bus passes", "description": ""}, status=400)
    assert shown is not None and shown.error_summary() == ["Say a bit more about your idea."]
    post(young, url, {"title": "Bus passes", "description": "Free travel to college"})
    post(young, url, {"title": "Pocket money", "description": "It is not enough"})
    bus, money = db.exec(select(Proposal).order_by(Proposal.id)).all()  # type: ignore[arg-type]

    officer(client, db)
    decide = f"/staff/rounds/{agenda_round.id}/proposals"
    shown = post(client, f"{decide}/{money.id}", {"decision": "decline"}, status=400)
    assert shown is not None
    assert shown.error_summary() == ["Write the reason. The young person will read it."]
    post(client, f"{decide}/{bus.id}", {"decision": "accept"})
    post(client, f"{decide}/{money.id}", {"decision": "decline", "reason": "Next month's vote"})
    assert "Bus passes" in db.exec(select(RoundOption.title)).all()
    mine = page(young.get("/votes"))
    assert "Added to the vote" in mine.text
    assert "What the worker said: Next month's vote" in mine.text

    plain = TestClient(client.app, base_url="http://testserver")
    sign_in(plain, db, make_user(db))
    refused = post(plain, url, {"title": "x", "description": "y"}, status=400)
    assert refused is not None
    assert refused.error_summary() == [
        "Only Children in Care Council members can suggest ideas for this vote."
    ]


def vote(
    client: TestClient, db: Session, round_id: int, choices: dict[str, str], notice: bool
) -> User:
    voter = make_user(db)
    sign_in(client, db, voter)
    post(client, f"/votes/{round_id}", {**choices, **({"wants_notice": "yes"} if notice else {})})
    client.cookies.clear()
    return voter


def test_results_then_agenda_then_the_board_listened(client: TestClient, db: Session) -> None:
    agenda_round, (housing, health, education) = make_round(db)
    round_id = agenda_round.id or 0
    voters = [
        vote(client, db, round_id, {f"votes-{housing.id}": "2", f"votes-{health.id}": "1"}, n == 0)
        for n in range(4)
    ]
    last = vote(client, db, round_id, {f"votes-{education.id}": "1"}, False)

    me = officer(client, db)
    staff_view = page(client.get(f"/staff/rounds/{round_id}"))
    assert "5 ballots" in staff_view.text and "Hidden until the vote closes." in staff_view.text
    set_state(db, agenda_round, "closed")
    results = page(client.get(f"/staff/rounds/{round_id}"))
    rows = [r.get_text(" ", strip=True) for r in results.soup.select("#results ~ div tbody tr")]
    assert rows == ["1 Housing 8 4", "2 Health 4 4", "3 Education 1 1"]
    post(client, f"/staff/rounds/{round_id}/agenda", {"count": "2"})
    post(client, f"/staff/rounds/{round_id}/agenda", {"count": "2"})  # pressed twice
    items = db.exec(select(AgendaItem).order_by(AgendaItem.position)).all()  # type: ignore[arg-type]
    assert [(i.title, i.option_id) for i in items] == [
        ("Housing", housing.id),
        ("Health", health.id),
    ]

    outcome = {"discussed": "Where care leavers live at 18", "decided": "Two more flats by June"}
    url = f"/staff/meetings/{agenda_round.meeting_id}/agenda/{items[0].id}"
    post(client, url, outcome)
    assert me.id is not None

    client.cookies.clear()
    sign_in(client, db, voters[0])
    home = page(client.get("/"))
    assert "The board has talked about “What should the board talk about?”." in home.text
    theirs = page(client.get(f"/votes/{round_id}"))
    assert (
        "Two more flats by June" in theirs.text and "Where care leavers live at 18" in theirs.text
    )
    assert "News about your vote" not in page(client.get("/")).text  # seen now

    client.cookies.clear()
    sign_in(client, db, voters[1])  # did not ask to be told: no banner, but the page shows it
    assert "News about your vote" not in page(client.get("/")).text
    assert "Two more flats by June" in page(client.get(f"/votes/{round_id}")).text

    client.cookies.clear()
    sign_in(client, db, last)  # voted only for Education, which is not on the agenda
    theirs = page(client.get(f"/votes/{round_id}"))
    assert "It is not on the board's agenda this time." in theirs.text
    assert "Two more flats by June" not in theirs.text


def test_too_few_voters_keep_results_hidden(client: TestClient, db: Session) -> None:
    agenda_round, (housing, *_rest) = make_round(db, hidden=False)
    vote(client, db, agenda_round.id or 0, {f"votes-{housing.id}": "1"}, False)
    officer(client, db)
    set_state(db, agenda_round, "closed")
    shown = page(client.get(f"/staff/rounds/{agenda_round.id}"))
    assert "Fewer than 5 people voted" in shown.text
    refused = post(client, f"/staff/rounds/{agenda_round.id}/agenda", {"count": "3"}, status=400)
    assert refused is not None
    assert refused.error_summary() == ["Too few people voted to use the results."]
