"""A young person votes on a phone, with JavaScript on and off; a code voter; an officer's pages.
Every page is checked with axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, select

from app.meetings.models import Ballot
from app.people.models import Role
from tests.browser.helpers import TabOpener, check_axe
from tests.browser.test_moderation import make_staff
from tests.browser.test_moderation import sign_in as staff_sign_in
from tests.meetings.helpers import make_round
from tests.support.factories import PASSPHRASE, make_user
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser


def test_young_person_votes_on_a_phone(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    make_user(db, nickname="Robin")
    agenda_round, (housing, health, _education) = make_round(db)
    tab = open_tab(any_context)
    page = tab.page

    tab.goto("/votes")
    page.wait_for_url(re.compile(r"/sign-in\?"))
    page.get_by_label("Nickname").fill("Robin")
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(tab.url("/votes"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Votes")
    check_axe(tab, "votes")

    page.get_by_role("link", name="What should the board talk about?").click()
    page.wait_for_url(tab.url(f"/votes/{agenda_round.id}"))
    expect(page.get_by_role("heading", level=1)).to_have_text("What should the board talk about?")
    check_axe(tab, "ballot")

    # Too many votes: a clear message, what was typed kept, nothing stored.
    page.get_by_role("textbox", name="Housing").fill("2")
    page.get_by_role("textbox", name="Health").fill("2")
    page.get_by_role("button", name="Send my vote").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("You have 3 votes but you used 4. Take some away.")
    expect(page.get_by_role("textbox", name="Health")).to_have_value("2")
    if tab.javascript:
        expect(summary).to_be_focused()
    check_axe(tab, "ballot with an error")
    assert db.exec(select(Ballot)).first() is None

    page.get_by_role("textbox", name="Health").fill("1")
    page.get_by_role("checkbox", name="Tell me when the board has talked about this").check()
    page.get_by_role("button", name="Send my vote").click()
    page.wait_for_url(tab.url(f"/votes/{agenda_round.id}?voted=1"))
    expect(page.get_by_role("alert")).to_contain_text("Your vote is in.")
    expect(page.get_by_role("heading", name="You voted for")).to_be_visible()
    check_axe(tab, "after voting")
    tab.assert_clean()
    stored = db.exec(select(Ballot.choices)).one()
    assert stored == {str(housing.id): 2, str(health.id): 1}


def test_voting_with_a_printed_code(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-votes")
    agenda_round, (housing, *_rest) = make_round(db)
    tab = open_tab(any_context)
    page = tab.page
    staff_sign_in(tab, idp, "officer-votes", "Pat Officer")

    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Board meetings"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meetings")
    check_axe(tab, "board meetings")
    page.get_by_role("link", name="Corporate Parenting Board, March").click()
    check_axe(tab, "meeting")
    page.get_by_role("link", name="What should the board talk about?").click()
    page.wait_for_url(tab.url(f"/staff/rounds/{agenda_round.id}"))
    check_axe(tab, "round")
    page.get_by_role("textbox", name="How many codes?").fill("1")
    page.get_by_role("button", name="Make a sheet of codes").click()
    page.wait_for_url(tab.url(f"/staff/rounds/{agenda_round.id}/codes"))
    check_axe(tab, "code sheet")
    code = page.locator(".sd-receipt").first.inner_text()

    page.get_by_role("button", name="Sign out").click()
    tab.goto(f"/vote/code?c={code}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vote with a code")
    check_axe(tab, "vote with a code")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What should the board talk about?")
    check_axe(tab, "code ballot")
    page.get_by_role("textbox", name="Housing").fill("1")
    page.get_by_role("button", name="Send my vote").click()
    page.wait_for_url(tab.url("/vote/code?done=1"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your vote is in")
    check_axe(tab, "code vote done")
    tab.assert_clean()
    assert db.exec(select(Ballot.choices)).one() == {str(housing.id): 1}
