"""A young person on a phone finds their data in two taps, asks to delete something, and an
officer deletes it. In Chromium, with JavaScript on and off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, select

from app.people.models import Role
from app.privacy.models import PrivacyRequest
from app.voice.models import Item
from tests.browser.helpers import ContextFactory, TabOpener, check_axe
from tests.browser.test_moderation import make_staff, sign_in
from tests.browser.test_young_person import write_and_send
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser

SAID = "My social worker Zqvx never answers my emails about the wifi at my placement"


def test_young_person_asks_to_delete_and_an_officer_does_it(
    any_context: BrowserContext,
    open_tab: TabOpener,
    new_context: ContextFactory,
    idp: LoopbackIdP,
    db: Session,
) -> None:
    tab = open_tab(any_context)
    page = tab.page
    tab.goto("/say")
    write_and_send(tab, SAID)

    page.get_by_role("link", name="My things").click()
    page.get_by_role("link", name=re.compile("^Your data")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    expect(page.get_by_text("1 thing you told us")).to_be_visible()
    check_axe(tab, "your data")

    page.get_by_role("button", name="Ask us to change or delete something").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change or delete something")
    page.get_by_label("Anything else we should know?").fill("please take it away")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change or delete something")
    expect(page.get_by_text("Choose the thing you want to ask about.").first).to_be_visible()
    expect(page.get_by_label("Anything else we should know?")).to_have_value("please take it away")
    check_axe(tab, "ask with errors")

    page.get_by_role("radio", name=re.compile("^My social worker")).check()
    page.get_by_role("radio", name="Delete it").check()
    page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_url(tab.url("/my/data?asked=1"))
    expect(page.get_by_text("We got your request.")).to_be_visible()
    check_axe(tab, "asked")
    request = db.exec(select(PrivacyRequest)).one()

    make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-privacy")
    staff = open_tab(new_context())
    sign_in(staff, idp, "officer-privacy", "Pat Officer")
    staff.page.get_by_role("link", name="Data requests").click()
    check_axe(staff, "data requests")
    staff.page.locator(f"a[href='/staff/privacy/{request.id}']").click()
    expect(staff.page.get_by_text("please take it away")).to_be_visible()
    expect(staff.page.get_by_role("link", name=re.compile("^SD-"))).to_be_visible()
    check_axe(staff, "data request")
    staff.page.get_by_role("button", name="Delete now").click()
    expect(staff.page.get_by_text("We deleted it. Nobody can read it now.")).to_be_visible()

    tab.goto("/my/data")
    expect(page.get_by_text("We deleted it. Nobody can read it now.")).to_be_visible()
    db.expire_all()
    item = db.exec(select(Item)).one()
    assert "Zqvx" not in item.body
