"""An officer fixes a meeting's details, removes a vote's choice before it opens and moves an open
vote's closing time, with JavaScript on and off. Every page is checked with axe."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, col, select

from app.meetings.models import AgendaRound, Meeting, RoundOption
from app.people.models import Role
from app.timeutil import COUNCIL_TIME, utcnow
from tests.browser.helpers import TabOpener, check_axe
from tests.browser.test_moderation import make_staff
from tests.browser.test_moderation import sign_in as staff_sign_in
from tests.meetings.helpers import make_meeting, make_round
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser


def test_an_officer_fixes_a_meeting_and_its_votes(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-fixes")
    meeting = make_meeting(db)
    upcoming, (housing, _health, _education) = make_round(db, state="upcoming", meeting=meeting)
    housing_id = housing.id
    open_round, _options = make_round(db, state="open", meeting=meeting)
    tab = open_tab(any_context)
    page = tab.page
    staff_sign_in(tab, idp, "officer-fixes", "Pat Officer")

    tab.goto(f"/staff/meetings/{meeting.id}")
    page.get_by_role("link", name="Change the meeting details").click()
    page.wait_for_url(tab.url(f"/staff/meetings/{meeting.id}/edit"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the meeting details")
    check_axe(tab, "change a meeting")
    page.get_by_role("textbox", name="Name", exact=True).fill("")
    page.get_by_role("textbox", name="Young co-chair (nickname)").fill("Jay")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name for the meeting.")
    expect(page.get_by_role("textbox", name="Young co-chair (nickname)")).to_have_value("Jay")
    check_axe(tab, "change a meeting with an error")
    page.get_by_role("textbox", name="Name", exact=True).fill("Board, April")
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_url(tab.url(f"/staff/meetings/{meeting.id}"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Board, April")

    # Before the vote opens: take out a choice.
    tab.goto(f"/staff/rounds/{upcoming.id}")
    page.get_by_role("button", name="Remove Housing").click()
    page.wait_for_url(tab.url(f"/staff/rounds/{upcoming.id}#options"))
    expect(page.get_by_role("button", name="Remove Housing")).to_have_count(0)
    check_axe(tab, "round after removing a choice")
    db.expire_all()
    assert db.get(RoundOption, housing_id) is None

    # While it is open: only the closing time and hiding.
    tab.goto(f"/staff/rounds/{open_round.id}")
    page.get_by_role("link", name="Change the vote").click()
    page.wait_for_url(tab.url(f"/staff/rounds/{open_round.id}/edit"))
    expect(
        page.get_by_text("The vote is open, so you can change only when it closes")
    ).to_be_visible()
    expect(page.get_by_role("group", name="Who may vote")).to_have_count(0)
    check_axe(tab, "change an open vote")
    yesterday = (utcnow() - timedelta(days=1)).astimezone(COUNCIL_TIME).date().isoformat()
    later = (utcnow() + timedelta(days=20)).astimezone(COUNCIL_TIME).date().isoformat()
    page.get_by_label("Date", exact=True).fill(yesterday)
    page.get_by_label("Time", exact=True).fill("10:00")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The closing time must be later than now."
    )
    expect(page.get_by_label("Date", exact=True)).to_have_value(yesterday)
    check_axe(tab, "change an open vote with an error")
    page.get_by_label("Date", exact=True).fill(later)
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_url(tab.url(f"/staff/rounds/{open_round.id}"))
    tab.assert_clean()

    db.expire_all()
    changed = db.get(AgendaRound, open_round.id)
    assert changed is not None
    assert changed.closes_at.astimezone(COUNCIL_TIME).date().isoformat() == later
    assert (
        db.exec(select(Meeting.title).where(col(Meeting.id) == meeting.id)).one() == "Board, April"
    )
