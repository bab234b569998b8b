"""The board-actions journey on a phone (360x740), JavaScript on and off, axe on every page:
an officer adds an action and links shared items to it, the owner posts an update (a missing
line for young people is refused kindly, nothing lost), and the young person who raised it,
having asked for news by email, gets one message per change with a link, follows it, signs in
and sees the update on their item."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, col, select

from app.actions.models import ActionStatus, BoardAction
from app.notifications.models import OutboxMessage
from app.people.models import Role
from tests.browser.helpers import Tab, TabOpener, check_axe
from tests.browser.test_item_news import ask_for_news, young_sign_in
from tests.browser.test_moderation import make_staff, sign_in
from tests.councillors.helpers import shared
from tests.moderation.helpers import theme_id
from tests.support.factories import make_user
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser

SHARED = "I had to move flats three times this year"
LINE = "We found 2 places for new flats."
EMAIL = "sam@example.org"


def _sign_out(tab: Tab) -> None:
    tab.page.get_by_role("button", name="Sign out").click()
    tab.page.wait_for_url(re.compile(r"/signed-out"))


def test_officer_links_owner_updates_young_person_sees_it(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    officer = make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-act")
    make_staff(db, idp, Role.ACTION_OWNER, "Alex Housing", "owner-act")
    author = make_user(db, nickname="Sam")
    item = shared(db, officer, theme_id(db, "housing"), SHARED)
    item.author_id = author.id
    db.add(item)
    db.commit()
    tab = open_tab(any_context)
    page = tab.page

    # Sam asks to be told by email when there is news about what they said.
    young_sign_in(tab, "Sam")
    tab.goto(f"/said/{item.reference}")
    ask_for_news(tab, email=EMAIL)
    page.wait_for_url(re.compile(r"news=on"))
    _sign_out(tab)

    # The officer adds an action (its due date already passed: allowed, and flagged).
    sign_in(tab, idp, "officer-act", "Pat Officer")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Actions").click()
    page.wait_for_url(tab.url("/staff/actions"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Board actions")
    check_axe(tab, "action log")
    page.get_by_role("button", name="Add an action").click()
    page.wait_for_url(tab.url("/staff/actions/new"))
    page.get_by_role("textbox", name="What will be done").fill("More flats for care leavers")
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose who owns this action.")
    expect(page.get_by_role("textbox", name="What will be done")).to_have_value(
        "More flats for care leavers"
    )
    check_axe(tab, "new action with errors")
    page.get_by_role("checkbox", name="Housing").check()
    page.get_by_label("Owner", exact=True).select_option(label="Alex Housing")
    page.get_by_label("Kind of organisation").select_option("housing")
    page.get_by_role("textbox", name="Organisation").fill("Anytown Housing")
    page.get_by_label("Due date").fill((date.today() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Add the action").click()
    page.wait_for_url(re.compile(r"/staff/actions/\d+\?created=1"))
    expect(page.get_by_text("The due date has passed.")).to_be_visible()

    # ...and links the shared item to it.
    page.get_by_role("checkbox", name=SHARED).check()
    page.get_by_role("button", name="Link the items").click()
    page.wait_for_url(re.compile(r"notice=linked"))
    expect(page.get_by_role("alert")).to_contain_text("Linked.")
    check_axe(tab, "action page")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, width  # no sideways scrolling on a phone
    _sign_out(tab)

    # The owner posts an update; without the line for young people it is refused, kept.
    sign_in(tab, idp, "owner-act", "Alex Housing")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="My actions").click()
    page.wait_for_url(tab.url("/my-actions"))
    check_axe(tab, "my actions")
    page.get_by_role("link", name="More flats for care leavers").click()
    page.get_by_role("radio", name="On track").check()
    staff_box = page.get_by_role("textbox", name="What has happened (for staff and the board)")
    staff_box.fill("The housing board agreed two sites.")
    page.get_by_role("button", name="Post the update").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Write one short line for young people about this update."
    )
    expect(staff_box).to_have_value("The housing board agreed two sites.")
    check_axe(tab, "update with an error")
    page.get_by_role("textbox", name="One line for young people").fill(LINE)
    page.get_by_role("button", name="Post the update").click()
    page.wait_for_url(re.compile(r"notice=updated"))
    expect(page.get_by_role("alert")).to_contain_text("Update posted.")
    _sign_out(tab)

    # The outbox holds one message for Sam per change (the link, then the update), each only
    # a link to the item: never what was said, never the update's words.
    messages = db.exec(
        select(OutboxMessage)
        .where(OutboxMessage.recipient == EMAIL)
        .order_by(col(OutboxMessage.id))
    ).all()
    assert [json.loads(message.personalisation) for message in messages] == [
        {"link": tab.url(f"/said/{item.reference}")}
    ] * 2
    assert all(m.for_young_person and m.template == "item_news_email" for m in messages)

    # The young person opens the link on their phone, signs in, and sees the update.
    page.goto(json.loads(messages[-1].personalisation)["link"])
    page.get_by_role("main").get_by_role("link", name="Sign in").click()
    young_sign_in(tab, "Sam")
    page.wait_for_url(tab.url(f"/said/{item.reference}"))
    expect(page.get_by_text("The board is acting on this")).to_be_visible()
    expect(page.get_by_text("More flats for care leavers")).to_be_visible()
    expect(page.get_by_text(LINE)).to_be_visible()
    expect(page.get_by_text("The housing board agreed two sites.")).to_have_count(0)
    check_axe(tab, "young person's item with the update")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, width
    tab.assert_clean()

    action = db.exec(select(BoardAction)).one()
    assert action.status is ActionStatus.ON_TRACK
