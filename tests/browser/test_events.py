"""Voice from events in the browser: an officer types in cards (adding rows without
JavaScript), and a young person uses the event's QR form without an account. Axe everywhere."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, select

from app.people.models import Role
from app.voice.models import Item
from tests.browser.helpers import TabOpener, check_axe
from tests.browser.test_moderation import make_staff, sign_in
from tests.events.helpers import make_event
from tests.moderation.helpers import theme_id
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser


def test_officer_types_in_cards_from_an_event(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    officer = make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-e")
    event = make_event(db, officer, theme_ids=(theme_id(db, "housing"),))
    tab = open_tab(any_context)
    page = tab.page
    sign_in(tab, idp, "officer-e", "Pat Officer")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Events").click()
    page.wait_for_url(tab.url("/staff/events"))
    check_axe(tab, "events")
    page.get_by_role("link", name=event.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(event.name)
    check_axe(tab, "event")

    page.get_by_role("button", name="Type in cards").click()
    expect(page.locator("textarea")).to_have_count(10)
    page.locator("#text_1").fill("More table tennis at the youth club")
    page.get_by_role("button", name="Add 10 more rows").click()
    expect(page.locator("textarea")).to_have_count(20)
    expect(page.locator("#text_1")).to_have_value("More table tennis at the youth club")
    page.locator("#text_12").fill("The bus to college is always late")
    page.locator("#age_14").select_option("16-17")  # an age but no words
    page.get_by_role("button", name="Save cards").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Card 1: There are no words.")
    expect(page.get_by_role("alert").filter(has_text="2 cards saved.")).to_be_visible()
    check_axe(tab, "quick capture with a problem")
    tab.assert_clean()
    assert len(db.exec(select(Item).where(Item.event_id == event.id)).all()) == 2

    page.goto(tab.url(f"/staff/events/{event.id}/qr"))
    expect(page.get_by_role("img")).to_be_visible()
    check_axe(tab, "QR sheet")


def test_young_person_uses_the_event_qr_form(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    officer = make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-f")
    event = make_event(db, officer)
    tab = open_tab(any_context)
    page = tab.page
    tab.goto(f"/events/{event.token}/say")
    expect(page.get_by_role("heading", level=1)).to_have_text("Say something")
    check_axe(tab, "event QR form")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write something in the box")
    check_axe(tab, "event QR form with an error")
    page.get_by_role("textbox", name="What do you want to say about today?").fill(
        "Open the youth club on Sundays"
    )
    page.get_by_role("radio", name="16 to 17").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Sent. Thank you!")).to_be_visible()
    tab.assert_clean()
    item = db.exec(select(Item).where(Item.event_id == event.id)).one()
    assert item.channel == "event"

    page.goto(tab.url("/events/nope/say"))  # a 404 page on purpose
    expect(page.get_by_role("heading", level=1)).to_have_text("We could not find this event")
    check_axe(tab, "unknown event")
