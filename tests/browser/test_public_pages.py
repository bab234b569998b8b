"""The public pages on a phone (360x740), JavaScript on and off: "You said, we did" shows only
shared words and our answers, the promises read in plain words, and the board view draws each
measure with a table beside it. axe-clean throughout."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session

from app.people.models import Role
from tests.browser.helpers import TabOpener, check_axe
from tests.browser.test_moderation import make_staff, sign_in
from tests.promises.helpers import make_promise
from tests.support.factories import make_user
from tests.support.idp import LoopbackIdP
from tests.yswd.helpers import seed_sentinels

pytestmark = pytest.mark.browser


def test_anyone_reads_what_was_done_and_our_promises(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    seeded = seed_sentinels(db, officer)
    make_promise(db, officer, readings=((date(2026, 2, 1), 35.0),))
    tab = open_tab(any_context)
    page = tab.page
    tab.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="You said, we did").click()
    page.wait_for_url(tab.url("/you-said-we-did"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You said, we did")
    expect(page.get_by_text(seeded.shared_text)).to_be_visible()
    expect(page.get_by_text(seeded.answer)).to_be_visible()
    assert "zqvx" not in page.content().casefold()
    check_axe(tab, "you said, we did")

    page.get_by_label("Show a topic").select_option(label="Housing")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(tab.url("/you-said-we-did?theme=housing"))
    expect(page.get_by_role("heading", name="Housing", level=2)).to_be_visible()
    expect(page.get_by_label("Show a topic")).to_have_value("housing")
    check_axe(tab, "you said, we did, one topic")

    page.get_by_role("contentinfo").get_by_role("link", name="Our promises").click()
    page.wait_for_url(tab.url("/promises"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Our promises")
    expect(page.get_by_text("Give every care leaver a free bus pass")).to_be_visible()
    expect(page.get_by_text("Going well")).to_be_visible()
    check_axe(tab, "our promises")
    tab.assert_clean()


def test_the_board_view_draws_measures_with_a_table(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    officer = make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-promises")
    readings = ((date(2026, 1, 5), 30.0), (date(2026, 3, 5), 45.5))
    promise, _ = make_promise(db, officer, readings=readings)
    tab = open_tab(any_context)
    page = tab.page
    sign_in(tab, idp, "officer-promises", "Pat Officer")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Promises").click()
    page.wait_for_url(tab.url("/staff/promises"))
    check_axe(tab, "promises list")
    page.get_by_role("link", name="Give every care leaver a free bus pass").click()
    page.wait_for_url(tab.url(f"/staff/promises/{promise.id}"))
    expect(
        page.get_by_role("img", name="Chart of Care leavers with a pass over time")
    ).to_be_visible()
    expect(page.get_by_role("table", name="Readings of Care leavers with a pass")).to_contain_text(
        "45.5%"
    )
    check_axe(tab, "promise board view")

    page.get_by_label("Measure", exact=True).select_option(label="Care leavers with a pass")
    page.get_by_label("Value").fill("lots")
    page.get_by_role("button", name="Save reading").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reading as a number")
    expect(page.get_by_label("Value")).to_have_value("lots")
    check_axe(tab, "promise board view with an error")
    page.get_by_label("Value").fill("52")
    page.get_by_label("Date of the reading").fill("2026-05-05")
    page.get_by_role("button", name="Save reading").click()
    expect(page.get_by_role("table", name="Readings of Care leavers with a pass")).to_contain_text(
        "52%"
    )
    tab.assert_clean()
