"""Voting codes: printed once, each casts one ballot without an account, then is spent."""

import re

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.meetings.models import VotingCode
from app.people.models import Role
from tests.meetings.helpers import ballot_count, ballots_in, make_round, post, set_state
from tests.support.factories import make_user, sign_in
from tests.support.pages import page

CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}\b")
REFUSED = "That code does not work. Check it and try again, or ask a worker."


def print_codes(client: TestClient, db: Session, round_id: int, count: int) -> list[str]:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    post(client, f"/staff/rounds/{round_id}/codes", {"count": str(count)})
    sheet = page(client.get(f"/staff/rounds/{round_id}/codes"))
    codes = CODE.findall(sheet.soup.select_one("main").get_text(" "))  # type: ignore[union-attr]
    images = sheet.soup.select("main img[src^='data:image/svg+xml']")
    assert len(codes) == count and len(images) == count
    again = page(client.get(f"/staff/rounds/{round_id}/codes"))
    assert CODE.findall(again.text) == []  # shown once only
    hashes = db.exec(select(VotingCode.code_hash)).all()
    assert len(hashes) == count and not any(c.replace("-", "") in hashes for c in codes)
    client.cookies.clear()
    return codes


def test_a_code_casts_one_ballot_then_is_spent(client: TestClient, db: Session) -> None:
    agenda_round, (housing, health, _education) = make_round(db)
    code = print_codes(client, db, agenda_round.id or 0, 2)[0]
    start = page(client.get(f"/vote/code?c={code}"))
    assert start.form("/vote/code")["code"] == code
    ballot = post(client, "/vote/code", {"code": code.lower().replace("-", " ")}, status=200)
    assert ballot is not None and ballot.h1 == "What should the board talk about?"
    hidden = ballot.form("/vote/code")
    post(client, "/vote/code", {**hidden, f"votes-{housing.id}": "2", f"votes-{health.id}": "1"})
    assert "Your vote is in" in page(client.get("/vote/code?done=1")).text
    assert ballots_in(db, agenda_round.id or 0) == [{str(housing.id): 2, str(health.id): 1}]

    spent = post(client, "/vote/code", {**hidden, f"votes-{health.id}": "1"}, status=400)
    assert spent is not None and spent.error_summary() == [REFUSED]
    assert ballot_count(db) == 1
    assert db.exec(select(VotingCode).where(VotingCode.spent_at.is_not(None))).one()  # type: ignore[union-attr]


def test_a_forged_code_gets_the_same_message(client: TestClient, db: Session) -> None:
    _round, (housing, *_rest) = make_round(db)
    for typed in ("AAAA-BBBB-CC", "", "x" * 39):
        shown = post(client, "/vote/code", {"code": typed}, status=400)
        assert shown is not None and shown.error_summary() == [REFUSED]
        assert shown.form("/vote/code")["code"] == typed
    forged = post(
        client,
        "/vote/code",
        {"code": "AAAA-BBBB-CC", "step": "ballot", f"votes-{housing.id}": "1"},
        status=400,
    )
    assert forged is not None and forged.error_summary() == [REFUSED]
    assert ballot_count(db) == 0


def test_a_bad_ballot_keeps_the_code_unspent(client: TestClient, db: Session) -> None:
    agenda_round, (housing, *_rest) = make_round(db)
    code = print_codes(client, db, agenda_round.id or 0, 1)[0]
    shown = post(
        client,
        "/vote/code",
        {"code": code, "step": "ballot", f"votes-{housing.id}": "9"},
        status=400,
    )
    assert shown is not None
    assert shown.error_summary() == ["You can put up to 2 votes on one choice."]
    assert shown.form("/vote/code")[f"votes-{housing.id}"] == "9"
    assert ballot_count(db) == 0
    post(client, "/vote/code", {"code": code, "step": "ballot", f"votes-{housing.id}": "1"})
    assert ballot_count(db) == 1


def test_a_code_for_a_closed_round_is_refused(client: TestClient, db: Session) -> None:
    agenda_round, (housing, *_rest) = make_round(db)
    code = print_codes(client, db, agenda_round.id or 0, 1)[0]
    set_state(db, agenda_round, "closed")
    shown = post(
        client,
        "/vote/code",
        {"code": code, "step": "ballot", f"votes-{housing.id}": "1"},
        status=409,
    )
    assert shown is not None
    assert shown.error_summary() == ["This vote has closed. Votes cannot be changed or added now."]
    assert ballot_count(db) == 0
