"""Officers fix what they made: meeting details, a round's settings (as far as its phase allows),
its choices before it opens, and the agenda's order."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.db import get_engine
from app.meetings.models import (
    AgendaItem,
    AgendaRound,
    Ballot,
    Electorate,
    Meeting,
    Proposal,
    ProposalStatus,
    RoundOption,
    VotingMethod,
)
from app.people.models import Role
from app.timeutil import COUNCIL_TIME, utcnow
from tests.meetings.helpers import make_meeting, make_round, post, set_state
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def officer(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))


def actions(db: Session) -> list[str]:
    return list(db.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))).all())


def option_titles(db: Session, round_id: int) -> list[str]:
    db.expire_all()
    rows = db.exec(
        select(RoundOption)
        .where(RoundOption.round_id == round_id)
        .order_by(col(RoundOption.position))
    ).all()
    return [row.title for row in rows]


def agenda_titles(db: Session, meeting_id: int) -> list[str]:
    db.expire_all()
    rows = db.exec(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.position))
    ).all()
    return [row.title for row in rows]


def council_day(days: int) -> str:
    return (utcnow() + timedelta(days=days)).astimezone(COUNCIL_TIME).date().isoformat()


# Meetings -----------------------------------------------------------------------------------


def test_an_officer_changes_a_meetings_details(client: TestClient, db: Session) -> None:
    officer(client, db)
    meeting = make_meeting(db)
    url = f"/staff/meetings/{meeting.id}/edit"
    shown = page(client.get(url))
    assert shown.h1 == "Change the meeting details"
    filled = shown.form(url)
    assert (filled["title"], filled["held_on"], filled["kind"]) == (
        "Corporate Parenting Board, March",
        "2027-03-14",
        "board",
    )
    typed = {**filled, "title": "", "held_on": "2027-04-31", "young_co_chair": "Jay"}
    refused = post(client, url, typed, status=400)
    assert refused is not None
    assert refused.error_summary() == [
        "Enter a name for the meeting.",
        "Enter a real date, for example 2027-03-14.",
    ]
    kept = refused.form(url)
    assert (kept["held_on"], kept["young_co_chair"]) == ("2027-04-31", "Jay")
    db.expire_all()
    assert db.get(Meeting, meeting.id).title == "Corporate Parenting Board, March"  # type: ignore[union-attr]

    post(
        client, url, {**typed, "title": "Takeover day", "held_on": "2027-04-30", "kind": "takeover"}
    )
    db.expire_all()
    changed = db.get(Meeting, meeting.id)
    assert changed is not None
    assert (changed.title, changed.held_on.isoformat(), changed.kind.value) == (
        "Takeover day",
        "2027-04-30",
        "takeover",
    )
    assert changed.young_co_chair == "Jay"
    assert actions(db) == ["meeting.change"]


# Rounds -------------------------------------------------------------------------------------


def round_form(days: int, closes_in: int) -> dict[str, str]:
    return {
        "title": "What next?",
        "opens_on": council_day(days),
        "opens_at": "09:00",
        "closes_on": council_day(closes_in),
        "closes_at": "17:00",
        "electorate": "cicc",
        "method": "rank_top_three",
        "votes_each": "3",
        "max_per_option": "2",
        "results_hidden": "no",
    }


def test_before_it_opens_everything_about_a_round_can_change(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    agenda_round, _options = make_round(db, state="upcoming")
    url = f"/staff/rounds/{agenda_round.id}/edit"
    shown = page(client.get(url))
    assert shown.h1 == "Change the agenda vote"
    assert shown.form(url)["method"] == "dots" and "scope" not in shown.form(url)

    backwards = {**round_form(3, 9), "closes_on": council_day(2)}
    refused = post(client, url, backwards, status=400)
    assert refused is not None
    assert refused.error_summary() == ["The closing time must be after the opening time."]
    assert refused.form(url) == {**backwards, "csrf_token": refused.form(url)["csrf_token"]}

    past = {**round_form(-9, -2)}
    refused = post(client, url, past, status=400)
    assert refused is not None and refused.error_summary() == [
        "The closing time must be later than now."
    ]
    assert refused.form(url)["opens_on"] == past["opens_on"]

    post(client, url, round_form(3, 9))
    db.expire_all()
    changed = db.get(AgendaRound, agenda_round.id)
    assert changed is not None
    assert (changed.title, changed.method, changed.electorate) == (
        "What next?",
        VotingMethod.RANK_TOP_THREE,
        Electorate.CICC,
    )
    assert not changed.results_hidden_while_open
    assert changed.opens_at.astimezone(COUNCIL_TIME).strftime("%H:%M") == "09:00"
    assert actions(db) == ["round.change"]


def test_while_open_only_the_closing_time_and_hiding_change(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    agenda_round, _options = make_round(db, state="open")
    url = f"/staff/rounds/{agenda_round.id}/edit"
    shown = page(client.get(url))
    assert "The vote is open, so you can change only when it closes" in shown.text
    assert set(shown.form(url)) == {
        "csrf_token",
        "scope",
        "closes_on",
        "closes_at",
        "results_hidden",
    }
    closing = {"scope": "closing", "closes_on": council_day(-1), "closes_at": "10:00"}
    refused = post(client, url, {**closing, "results_hidden": "no"}, status=400)
    assert refused is not None
    assert refused.error_summary() == ["The closing time must be later than now."]
    assert refused.form(url)["closes_on"] == council_day(-1)
    assert refused.form(url)["results_hidden"] == "no"

    # A page opened before the vote opened sends everything: refused, the method stays.
    stale = post(client, url, round_form(3, 9), status=400)
    assert stale is not None
    assert stale.error_summary() == [
        "The vote opened while you were making changes. Now only the closing time and "
        "whether results are hidden can change."
    ]
    db.expire_all()
    assert db.get(AgendaRound, agenda_round.id).method is VotingMethod.DOTS  # type: ignore[union-attr]

    post(client, url, {**closing, "closes_on": council_day(20), "results_hidden": "no"})
    db.expire_all()
    changed = db.get(AgendaRound, agenda_round.id)
    assert changed is not None
    assert changed.closes_at.astimezone(COUNCIL_TIME).date().isoformat() == council_day(20)
    assert not changed.results_hidden_while_open
    assert changed.method is VotingMethod.DOTS and changed.electorate is Electorate.YOUNG_PEOPLE


def test_the_closing_part_alone_still_closes_after_opening(client: TestClient, db: Session) -> None:
    officer(client, db)
    agenda_round, _options = make_round(db, state="upcoming")  # opens tomorrow
    url = f"/staff/rounds/{agenda_round.id}/edit"
    typed = {"scope": "closing", "closes_on": council_day(0), "closes_at": "23:59"}
    refused = post(client, url, typed, status=400)
    assert refused is not None
    assert refused.error_summary() == ["The closing time must be after the opening time."]


def test_a_closed_round_cannot_change(client: TestClient, db: Session) -> None:
    officer(client, db)
    agenda_round, _options = make_round(db, state="closed")
    before = agenda_round.closes_at
    url = f"/staff/rounds/{agenda_round.id}/edit"
    shown = page(client.get(url))
    assert "This vote has closed, so nothing about it can change." in shown.text
    assert shown.soup.find("form", attrs={"action": url}) is None
    round_page = page(client.get(f"/staff/rounds/{agenda_round.id}"))
    assert round_page.soup.find("a", href=url) is None
    refused = post(client, url, {"scope": "closing", "closes_on": council_day(5)}, status=400)
    assert refused is not None
    assert refused.error_summary() == ["This vote has closed, so nothing about it can change."]
    db.expire_all()
    assert db.get(AgendaRound, agenda_round.id).closes_at == before  # type: ignore[union-attr]


# Choices ------------------------------------------------------------------------------------


def test_choices_move_and_go_until_the_vote_opens(client: TestClient, db: Session) -> None:
    officer(client, db)
    agenda_round, (housing, health, education) = make_round(db, state="upcoming")
    base = f"/staff/rounds/{agenda_round.id}/options"
    post(client, f"{base}/{education.id}/move", {"direction": "up"})
    assert option_titles(db, agenda_round.id or 0) == ["Housing", "Education", "Health"]
    post(client, f"{base}/{housing.id}/move", {"direction": "up"})  # already first: stays
    post(client, f"{base}/{housing.id}/move", {"direction": "down"})
    assert option_titles(db, agenda_round.id or 0) == ["Education", "Housing", "Health"]
    post(client, f"{base}/{housing.id}/remove", {})
    assert option_titles(db, agenda_round.id or 0) == ["Education", "Health"]
    assert actions(db) == ["option.remove"]
    bad = post(client, f"{base}/{health.id}/move", {"direction": "sideways"}, status=400)
    assert bad is not None and bad.error_summary() == ["Choose up or down."]

    set_state(db, agenda_round, "open")
    for url, data in [
        (f"{base}/{health.id}/move", {"direction": "up"}),
        (f"{base}/{health.id}/remove", {}),
    ]:
        refused = post(client, url, data, status=400)
        assert refused is not None
        assert refused.error_summary() == [
            "The vote has opened, so the choices cannot change any more."
        ]
    assert option_titles(db, agenda_round.id or 0) == ["Education", "Health"]
    shown = page(client.get(f"/staff/rounds/{agenda_round.id}"))
    assert shown.soup.find("form", attrs={"action": f"{base}/{health.id}/remove"}) is None


def test_a_choice_from_an_idea_goes_by_declining_the_idea(client: TestClient, db: Session) -> None:
    agenda_round, _options = make_round(db, state="upcoming")
    member = make_user(db, nickname="Sky", is_cicc_member=True)
    proposal = Proposal(
        round_id=agenda_round.id or 0,
        proposer_id=member.id or 0,
        title="Bus passes",
        description="Free travel",
    )
    db.add(proposal)
    db.commit()
    officer(client, db)
    decide = f"/staff/rounds/{agenda_round.id}/proposals/{proposal.id}"
    post(client, decide, {"decision": "accept"})
    db.refresh(proposal)
    option_id = proposal.option_id
    assert option_titles(db, agenda_round.id or 0)[-1] == "Bus passes"

    refused = post(
        client, f"/staff/rounds/{agenda_round.id}/options/{option_id}/remove", {}, status=400
    )
    assert refused is not None
    assert refused.error_summary() == [
        "This choice came from a Children in Care Council idea. To take it out, decline the "
        "idea and give a reason: the young person reads it."
    ]
    shown = page(client.get(f"/staff/rounds/{agenda_round.id}"))
    assert (
        "From a Children in Care Council idea. To take it out, decline the idea below."
        in shown.text
    )

    no_reason = post(client, decide, {"decision": "decline"}, status=400)
    assert no_reason is not None
    assert no_reason.error_summary() == ["Write the reason. The young person will read it."]
    post(client, decide, {"decision": "decline", "reason": "It is on next month's vote"})
    db.expire_all()
    declined = db.get(Proposal, proposal.id)
    assert declined is not None
    assert (declined.status, declined.option_id) == (ProposalStatus.DECLINED, None)
    assert "Bus passes" not in option_titles(db, agenda_round.id or 0)
    again = post(client, decide, {"decision": "accept"}, status=400)
    assert again is not None
    assert again.error_summary() == ["Someone has already decided about this idea."]

    sky = TestClient(client.app, base_url="http://testserver")
    sign_in(sky, db, member)
    assert "What the worker said: It is on next month's vote" in page(sky.get("/votes")).text


# Agenda -------------------------------------------------------------------------------------


def test_agenda_items_move_and_go_until_their_outcome_is_recorded(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    meeting = make_meeting(db)
    for title in ("Welcome", "Housing", "Any other business"):
        post(client, f"/staff/meetings/{meeting.id}/agenda", {"title": title})
    welcome, housing, other = db.exec(select(AgendaItem).order_by(col(AgendaItem.position))).all()
    base = f"/staff/meetings/{meeting.id}/agenda"
    post(client, f"{base}/{other.id}/move", {"direction": "up"})
    assert agenda_titles(db, meeting.id or 0) == ["Welcome", "Any other business", "Housing"]
    post(client, f"{base}/{welcome.id}/remove", {})
    assert agenda_titles(db, meeting.id or 0) == ["Any other business", "Housing"]

    post(client, f"{base}/{housing.id}", {"discussed": "Flats", "decided": "Two more by June"})
    refused = post(client, f"{base}/{housing.id}/remove", {}, status=400)
    assert refused is not None
    assert refused.error_summary() == [
        "What happened is recorded for “Housing”, so it cannot be removed."
    ]
    assert agenda_titles(db, meeting.id or 0) == ["Any other business", "Housing"]
    shown = page(client.get(f"/staff/meetings/{meeting.id}"))
    assert shown.soup.find("form", attrs={"action": f"{base}/{housing.id}/remove"}) is None
    assert shown.soup.find("form", attrs={"action": f"{base}/{other.id}/remove"}) is not None
    assert actions(db) == ["agenda.remove", "agenda.outcome"]


def test_an_item_from_a_vote_can_go_and_come_back(client: TestClient, db: Session) -> None:
    agenda_round, (housing, *_rest) = make_round(db, state="closed", hidden=False)
    db.add_all(
        Ballot(round_id=agenda_round.id or 0, voter_key=f"key-{n}", choices={str(housing.id): 1})
        for n in range(5)
    )
    db.commit()
    officer(client, db)
    post(client, f"/staff/rounds/{agenda_round.id}/agenda", {"count": "1"})
    item = db.exec(select(AgendaItem)).one()
    post(client, f"/staff/meetings/{agenda_round.meeting_id}/agenda/{item.id}/remove", {})
    assert agenda_titles(db, agenda_round.meeting_id) == []
    post(client, f"/staff/rounds/{agenda_round.id}/agenda", {"count": "1"})
    assert agenda_titles(db, agenda_round.meeting_id) == ["Housing"]


def test_the_meeting_page_counts_turnout_in_one_query(client: TestClient, db: Session) -> None:
    officer(client, db)
    meeting = make_meeting(db)
    url = f"/staff/meetings/{meeting.id}"

    def queries() -> int:
        statements: list[str] = []

        def count(*_args: object) -> None:
            statements.append("")

        client.get(url)
        event.listen(get_engine(), "before_cursor_execute", count)
        try:
            assert client.get(url).status_code == 200
        finally:
            event.remove(get_engine(), "before_cursor_execute", count)
        return len(statements)

    make_round(db, meeting=meeting)
    one = queries()
    for _ in range(4):
        make_round(db, meeting=meeting)
    assert queries() == one
    assert page(client.get(url)).text.count("0 ballots") == 5
