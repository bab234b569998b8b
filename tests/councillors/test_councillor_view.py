"""Who sees what: a councillor with and without the theme, the chair, an officer. Councillors
read only approved, consented, redacted words; never anything unapproved."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session, select

from app.councillors.models import CouncillorNote, ItemRead, NoteKind
from app.db import get_engine
from app.people.models import Role
from app.timeutil import utcnow
from tests.actions.helpers import linked_items, make_action
from tests.councillors.helpers import board_meeting, champion_of, shared
from tests.moderation.helpers import pending_item, theme_id
from tests.support.factories import make_user, sign_in
from tests.support.pages import page

PENDING = "ZQVX-PENDING-WORDS"


def _setup(db: Session) -> tuple[int, int]:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    housing, health = theme_id(db, "housing"), theme_id(db, "health-wellbeing")
    shared(db, officer, housing, "the hostel heating is broken")
    pending_item(db, PENDING, theme_id=housing)
    return housing, health


def test_a_champion_sees_shared_words_of_their_theme_and_nothing_unapproved(
    client: TestClient, db: Session
) -> None:
    housing, _health = _setup(db)
    councillor = champion_of(db, housing)
    sign_in(client, db, councillor)
    home = page(client.get("/councillor"))
    assert home.h1 == "My themes"
    assert "1 new since your last visit" in home.text
    theme = page(client.get("/councillor/themes/housing"))
    assert theme.h1 == "Housing"
    assert "the hostel heating is broken" in theme.text
    assert "ORIGINAL" not in theme.text and PENDING not in theme.text
    assert "This half-term (" in theme.text and "fewer than 5" in theme.text
    assert theme.soup.find("form", action="/councillor/themes/housing/read") is not None
    # The visit is remembered: next time nothing is new.
    assert "Nothing new." in page(client.get("/councillor/themes/housing")).text
    assert "Nothing new since your last visit." in page(client.get("/councillor")).text


def test_a_councillor_without_the_theme_reads_the_same_words_read_only(
    client: TestClient, db: Session
) -> None:
    _housing, health = _setup(db)
    sign_in(client, db, champion_of(db, health))
    other = page(client.get("/councillor/themes/housing"))
    assert "You are not a link champion for this theme." in other.text
    assert "the hostel heating is broken" in other.text and PENDING not in other.text
    assert other.soup.find("form", action="/councillor/themes/housing/read") is None
    token = other.soup.find("meta", attrs={"name": "csrf-token"})["content"]  # type: ignore[index]
    refused = client.post(
        "/councillor/themes/housing/notes",
        data={"csrf_token": token, "kind": "note", "text": "mine"},
    )
    assert refused.status_code == 404
    assert db.exec(select(CouncillorNote)).first() is None


def test_chair_and_officer_do_not_get_the_councillor_pages(client: TestClient, db: Session) -> None:
    _setup(db)
    sign_in(client, db, make_user(db, Role.BOARD_CHAIR))
    assert client.get("/councillor/themes/housing").status_code == 403
    assert page(client.get("/board/list")).h1 == "Take to the board"
    officer = TestClient(client.app, base_url="http://testserver")
    sign_in(officer, db, make_user(db, Role.PARTICIPATION_OFFICER))
    assert officer.get("/councillor").status_code == 403
    assert officer.get("/board/list").status_code == 403


def test_read_marks_notes_and_questions_for_the_board(client: TestClient, db: Session) -> None:
    housing, _health = _setup(db)
    councillor = champion_of(db, housing)
    meeting = board_meeting(db)
    sign_in(client, db, councillor)
    theme = page(client.get("/councillor/themes/housing"))
    values = theme.form("/councillor/themes/housing/read")
    marked = client.post("/councillor/themes/housing/read", data=values)
    assert "Marked as read." in page(marked).text
    assert len(db.exec(select(ItemRead)).all()) == 1
    url = "/councillor/themes/housing/notes"
    blank = page(
        client.post(
            url,
            data={"csrf_token": values["csrf_token"], "kind": "question", "text": "Why so cold?"},
        ),
        400,
    )
    assert blank.error_summary() == ["Choose the board meeting to raise it at."]
    assert blank.form(url)["text"] == "Why so cold?"
    asked = client.post(
        url,
        data={
            "csrf_token": values["csrf_token"],
            "kind": "question",
            "text": "Why so cold?",
            "meeting_id": str(meeting.id),
        },
    )
    assert "It is on the list for the board." in page(asked).text
    client.post(
        url, data={"csrf_token": values["csrf_token"], "kind": "note", "text": "ZQVX private note"}
    )
    notes = db.exec(select(CouncillorNote)).all()
    assert sorted(n.kind for n in notes) == [NoteKind.NOTE, NoteKind.QUESTION]

    chair = TestClient(client.app, base_url="http://testserver")
    sign_in(chair, db, make_user(db, Role.BOARD_CHAIR))
    board = page(chair.get("/board/list"))
    assert f"Corporate Parenting Board, {meeting.held_on.strftime('%-d %B %Y')}" in board.text
    assert "Why so cold?" in board.text and councillor.label in board.text
    assert "ZQVX private note" not in board.text
    assert board.soup.find("form") is None or not board.soup.select("main form")


def test_counts_this_half_term_against_the_last_are_suppressed_below_five(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    housing = theme_id(db, "housing")
    for number in range(6):
        shared(db, officer, housing, f"now {number}")
    long_ago = utcnow() - timedelta(days=400)
    shared(db, officer, housing, "long ago", at=long_ago)
    sign_in(client, db, champion_of(db, housing))
    theme = page(client.get("/councillor/themes/housing"))
    rows = [row.get_text(" ", strip=True) for row in theme.soup.select(".govuk-summary-list__row")]
    assert any(r.startswith("This half-term") and r.endswith(" 6") for r in rows), rows
    assert any(r.startswith("Last half-term") and r.endswith(" none") for r in rows), rows
    for count in ("1", "2", "3", "4"):
        assert not any(r.endswith(f" {count}") for r in rows[:2])


def _statements_for(client: TestClient, url: str) -> int:
    seen: list[str] = []

    def count(*_args: object) -> None:
        seen.append("x")

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_the_theme_page_costs_the_same_queries_for_5_or_50_items(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    housing = theme_id(db, "housing")
    sign_in(client, db, champion_of(db, housing))
    owner = make_user(db, Role.ACTION_OWNER)
    for number in range(5):
        shared(db, officer, housing, f"item {number}")
        make_action(db, officer, owner, title=f"Action {number}", due_in_days=number - 2)
    client.get("/councillor/themes/housing")  # the first visit writes the visit row
    few = _statements_for(client, "/councillor/themes/housing")
    for number in range(45):
        shared(db, officer, housing, f"more {number}")
        make_action(db, officer, owner, title=f"More action {number}")
    many = _statements_for(client, "/councillor/themes/housing")
    assert few == many, (few, many)
    assert "More action 44" in client.get("/councillor/themes/housing").text


def test_the_board_actions_on_my_themes_with_status_and_overdue_marker(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = make_user(db, Role.ACTION_OWNER)
    late = make_action(db, officer, owner, title="Late housing action", due_in_days=-1)
    linked_items(db, late, officer, ("ZQVX-LINKED-SHARED words",))
    make_action(db, officer, owner, title="Tutoring", slug="education-employment-training")
    sign_in(client, db, champion_of(db, theme_id(db, "housing")))
    for url in ("/councillor", "/councillor/themes/housing"):
        shown = page(client.get(url))
        row = shown.soup.select_one("#board-actions + div tbody tr")
        assert row is not None, url
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        assert cells[0] == "Late housing action" and cells[1] == "Anytown Housing"
        assert "Overdue" in cells[2] and cells[3] == "Not started"
        assert "Tutoring" not in shown.text
        assert "ZQVX-LINKED" not in shown.text.split("Board actions")[1]  # no words in the list
    education = page(client.get("/councillor/themes/education-employment-training"))
    assert "Tutoring" in education.text  # any theme, read-only
