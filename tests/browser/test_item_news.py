"""A young person chooses to hear about news on their phone (360x740), JavaScript on and off,
axe on every page: mistakes in the address and number are refused kindly with what was typed
kept, the choice is saved, and it can be stopped. Without an account, the receipt offers it
and keeps the secret code on screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, select

from app.voice.models import Item, NewsContact
from tests.browser.helpers import Tab, TabOpener, check_axe
from tests.browser.test_young_person import receipt, write_and_send
from tests.support.factories import PASSPHRASE, make_item, make_user

pytestmark = pytest.mark.browser


def young_sign_in(tab: Tab, nickname: str) -> None:
    """From wherever the tab is: on the sign-in page (which may carry `next`), or to it."""
    page = tab.page
    if "/sign-in" not in page.url:
        tab.goto("/sign-in")
    page.get_by_label("Nickname").fill(nickname)
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_role("button", name="Sign in", exact=True).click()


def ask_for_news(tab: Tab, *, email: str | None = None, phone: str | None = None) -> None:
    """Ticks the ways chosen (and types their address or number), then saves."""
    page = tab.page
    if email is not None:
        page.get_by_role("checkbox", name="Email").check()
        page.get_by_label("Your email address").fill(email)
    if phone is not None:
        page.get_by_role("checkbox", name="Text message").check()
        page.get_by_label("Your mobile number").fill(phone)
    page.get_by_role("button", name="Save my choice").click()


def no_sideways_scrolling(tab: Tab) -> None:
    width = tab.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, width


def test_a_young_person_chooses_news_and_stops_it(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    item = make_item(db, author=make_user(db, nickname="Sam"))
    tab = open_tab(any_context)
    page = tab.page
    young_sign_in(tab, "Sam")
    tab.goto(f"/said/{item.reference}")
    news = page.get_by_role("region", name="Tell me when there is news")
    expect(news).to_contain_text("It never says what you wrote.")
    expect(news.get_by_role("checkbox", name="Email")).not_to_be_checked()
    expect(news.get_by_role("checkbox", name="Text message")).not_to_be_checked()
    check_axe(tab, "item page with the news choice")

    ask_for_news(tab, email="sam@example", phone="020 7946 0000")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("That email address does not look right.")
    expect(summary).to_contain_text("That is not a mobile number we can text.")
    expect(page.get_by_role("checkbox", name="Email")).to_be_checked()
    expect(page.get_by_label("Your email address")).to_have_value("sam@example")
    expect(page.get_by_label("Your mobile number")).to_have_value("020 7946 0000")
    check_axe(tab, "news choice with mistakes")
    no_sideways_scrolling(tab)

    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Your mobile number").fill("07911 123457")
    page.get_by_role("button", name="Save my choice").click()
    page.wait_for_url(re.compile(r"news=on"))
    expect(page.get_by_role("alert")).to_contain_text("We will send you a message")
    check_axe(tab, "news choice saved")
    contact = db.get(NewsContact, item.id)
    assert contact is not None and (contact.email, contact.phone) == (
        "sam@example.org",
        "+447911123457",
    )

    page.get_by_role("button", name="Stop all messages about this").click()
    page.wait_for_url(re.compile(r"news=off"))
    expect(page.get_by_role("alert")).to_contain_text("We will not send you messages about this.")
    expect(page.get_by_role("checkbox", name="Email")).not_to_be_checked()
    db.expire_all()
    assert db.get(NewsContact, item.id) is None
    tab.assert_clean()


def test_without_an_account_the_receipt_offers_news_and_keeps_the_code(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    tab = open_tab(any_context)
    page = tab.page
    tab.goto("/say")
    write_and_send(tab, "More youth clubs near the flats please")
    _reference, code = receipt(page)
    assert code is not None
    ask_for_news(tab, phone="07911 123457")
    page.wait_for_url(re.compile(r"sent=1&news=on"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sent. Thank you!")
    assert receipt(page)[1] == code  # still there to write down
    check_axe(tab, "receipt with news chosen")
    no_sideways_scrolling(tab)
    item = db.exec(select(Item)).one()
    contact = db.get(NewsContact, item.id)
    assert contact is not None and contact.phone == "+447911123457"
    tab.assert_clean()
