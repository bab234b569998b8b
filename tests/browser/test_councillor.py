"""A link-champion councillor on a phone (360x740): my themes, a theme, mark as read, a
question for the board; and the chair's read-only "take to the board" list. Axe on every page."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, select

from app.councillors.models import CouncillorNote, ItemRead
from app.people.models import Role
from tests.browser.helpers import TabOpener, check_axe
from tests.browser.test_moderation import make_staff, sign_in
from tests.councillors.helpers import board_meeting, make_champion, shared
from tests.moderation.helpers import pending_item, theme_id
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser

SHARED = "The hostel heating has been broken for two weeks"
PENDING = "ZQVX-PENDING-WORDS never shown to councillors"
QUESTION = "When will the hostel heating be fixed?"


def test_councillor_reads_their_theme_and_takes_a_question_to_the_board(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    officer = make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-c")
    councillor = make_staff(db, idp, Role.COUNCILLOR, "Cllr Chris", "cllr-1")
    make_champion(db, councillor)
    housing = theme_id(db, "housing")
    shared(db, officer, housing, SHARED)
    pending_item(db, PENDING, theme_id=housing)
    meeting = board_meeting(db)
    tab = open_tab(any_context)
    page = tab.page
    sign_in(tab, idp, "cllr-1", "Cllr Chris")

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="My themes").click()
    page.wait_for_url(tab.url("/councillor"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My themes")
    expect(page.get_by_text("1 new since your last visit")).to_be_visible()
    check_axe(tab, "my themes")

    page.get_by_role("link", name="Housing", exact=True).click()
    page.wait_for_url(tab.url("/councillor/themes/housing"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Housing")
    expect(page.get_by_text(SHARED, exact=True)).to_be_visible()
    expect(page.get_by_text("ZQVX-PENDING-WORDS")).to_have_count(0)
    check_axe(tab, "councillor theme")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, width  # no sideways scrolling on a phone

    page.get_by_role("button", name="Mark as read").first.click()
    page.wait_for_url(tab.url("/councillor/themes/housing?notice=read"))
    expect(page.get_by_role("alert")).to_contain_text("Marked as read.")

    # A question with no board date is refused kindly; the words stay.
    page.get_by_role("link", name="Write a note or question about this").first.click()
    page.get_by_role("radio", name="A question to raise at the board").check()
    page.get_by_role("textbox", name="Note or question").fill(QUESTION)
    page.get_by_role("button", name="Save", exact=True).click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose the board meeting to raise it at.")
    expect(page.get_by_role("textbox", name="Note or question")).to_have_value(QUESTION)
    check_axe(tab, "councillor theme with an error")
    page.get_by_label("Board meeting (for a question)").select_option(str(meeting.id))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("It is on the list for the board.")
    tab.assert_clean()

    assert db.exec(select(ItemRead)).first() is not None
    note = db.exec(select(CouncillorNote)).one()
    assert note.text == QUESTION and note.meeting_id == meeting.id
    assert note.item_id is not None


def test_chair_sees_the_take_to_the_board_list(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    councillor = make_staff(db, idp, Role.COUNCILLOR, "Cllr Chris", "cllr-2")
    make_staff(db, idp, Role.BOARD_CHAIR, "Cllr Morgan", "chair-1")
    meeting = board_meeting(db)
    db.add(
        CouncillorNote(
            user_id=councillor.id or 0,
            theme_id=theme_id(db, "housing"),
            kind="question",  # type: ignore[arg-type]
            text=QUESTION,
            meeting_id=meeting.id,
        )
    )
    db.commit()
    tab = open_tab(any_context)
    page = tab.page
    sign_in(tab, idp, "chair-1", "Cllr Morgan")
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Take to the board"
    ).click()
    page.wait_for_url(tab.url("/board/list"))
    heading = f"Corporate Parenting Board, {meeting.held_on.strftime('%-d %B %Y')}"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_text(QUESTION, exact=True)).to_be_visible()
    check_axe(tab, "take to the board")
