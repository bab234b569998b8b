"""A young person on a phone: have your say, get a receipt, see the reply. In Chromium."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect
from sqlmodel import Session, func, select

from app.people.models import Role
from app.safeguarding.models import CaseTrigger, SafeguardingCase
from app.themes.models import Theme
from app.voice.models import Item
from app.voice.service import publish_response
from tests.browser.helpers import ContextFactory, Tab, TabOpener, check_axe
from tests.support.factories import make_user

pytestmark = pytest.mark.browser

TYPED = "I'd like my own key for the flat 🏠🔑 it's my home too"
REPLY = "You said you'd like your own key. We did: your key is ready at the office 🗝️"
REFERENCE = re.compile(r"SD-[A-Z2-9]{4}-[A-Z2-9]{4}")
SECRET_CODE = re.compile(r"(?<![-A-Z2-9])[A-Z2-9]{4}-[A-Z2-9]{4}(?![-A-Z2-9])")


def item_count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Item)).one()


def write_and_send(tab: Tab, text: str, *, theme: str | None = None) -> None:
    page = tab.page
    page.get_by_label("What is on your mind?").fill(text)
    if theme:
        page.get_by_role("radio", name=theme, exact=True).check()
    page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_url(re.compile(r"/said/SD-"))


def receipt(page: Page) -> tuple[str, str | None]:
    """The receipt's reference and, for someone without an account, their secret code."""
    expect(page.get_by_role("heading", level=1)).to_have_text("Sent. Thank you!")
    main = page.get_by_role("main").inner_text()
    reference = REFERENCE.search(main)
    assert reference, f"no reference on the receipt: {main}"
    code = SECRET_CODE.search(main)
    if code:
        assert "secret code" in main.lower(), main
    return reference.group(), code.group() if code else None


def test_young_person_journey(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    tab = open_tab(any_context)
    page = tab.page

    tab.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your voice matters")
    check_axe(tab, "home page")

    page.get_by_role("button", name="Have your say").click()
    page.wait_for_url(tab.url("/say"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Have your say")
    check_axe(tab, "have your say")
    # High privacy until the young person says otherwise: the "quote me" question is No.
    quote = page.get_by_role(
        "group", name="Can we share your words with councillors and the board?"
    )
    expect(quote.get_by_role("radio", name="No")).to_be_checked()

    write_and_send(tab, TYPED, theme="Housing")

    reference, code = receipt(page)
    assert code is not None, "no secret code: an anonymous author could never come back"
    expect(page.get_by_text(TYPED, exact=True)).to_be_visible()
    expect(page.get_by_text("About: Housing")).to_be_visible()
    check_axe(tab, "receipt")

    assert item_count(db) == 1
    item = db.exec(select(Item)).one()
    housing = db.exec(select(Theme).where(Theme.slug == "housing")).one()
    assert (item.reference, item.body, item.theme_id) == (reference, TYPED, housing.id)
    assert item.author_id is None
    assert item.may_share is False
    assert item.access_code_hash is not None

    # An officer answers; the young person comes back to the same page and sees it.
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    publish_response(db, item=item, text=REPLY, actor=officer)
    db.commit()

    page.reload()
    timeline = page.get_by_role("list").filter(has=page.get_by_role("heading", name="Sent"))
    reply = timeline.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="We replied")
    )
    expect(reply).to_be_visible()
    expect(reply).to_contain_text(REPLY)
    check_axe(tab, "item page with a reply")

    # And from "My things", as they would on another day in the same browser.
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="My things").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My things")
    check_axe(tab, "my things")
    page.get_by_role("link", name=TYPED).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What happened")
    expect(page.get_by_text(reference)).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text=REPLY)).to_be_visible()
    check_axe(tab, "what happened")
    assert item_count(db) == 1
    tab.assert_clean()


def test_double_click_makes_one_item(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    """Two quick clicks while the first send is still on its way: one item, code kept.

    The first request is held in the browser until the second click has happened, as on
    a slow phone signal. With JavaScript the button ignores the second click; without,
    the browser sends the form twice and the server must recognise the repeat.
    """
    tab = open_tab(any_context)
    page = tab.page
    tab.goto("/say")
    held: list[Route] = []

    def hold_sends(route: Route) -> None:
        if route.request.method == "POST":
            held.append(route)
        else:
            route.continue_()

    page.route(tab.url("/say"), hold_sends)
    page.get_by_label("What is on your mind?").fill("the wifi keeps dropping out, twice over")
    send = page.get_by_role("button", name="Send", exact=True)
    send.scroll_into_view_if_needed()
    box = send.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)  # the mouse, not a locator: a locator waits for the navigation
    page.wait_for_timeout(150)  # a quick double click
    page.mouse.click(x, y)
    page.wait_for_timeout(150)
    if tab.javascript:
        assert len(held) == 1, "with JavaScript the second click should send nothing"
    else:
        assert len(held) == 2, "expected the browser to send the form twice"
    for route in held:
        route.continue_()

    page.wait_for_url(re.compile(r"/said/SD-"))
    reference, code = receipt(page)
    # The code is shown once only: the repeat must not lose it.
    assert code is not None, "the secret code was lost to the double click"
    page.wait_for_load_state("networkidle")
    assert item_count(db) == 1
    assert db.exec(select(Item.reference)).one() == reference
    tab.assert_clean()


def test_no_third_party_requests_and_no_storage(
    js_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    secret_words = "my foster carer shouts at me 🙁 and I don't feel safe"
    tab = open_tab(js_context)
    page = tab.page
    tab.goto("/")
    page.get_by_role("button", name="Have your say").click()
    page.wait_for_url(tab.url("/say"))
    write_and_send(tab, secret_words, theme="Health and Well-being")
    receipt(page)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="My things").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My things")
    page.wait_for_load_state("networkidle")

    assert len(tab.requests) > 5, tab.requests  # pages, stylesheet, scripts, fonts
    elsewhere = [
        url
        for url in tab.requests
        if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).hostname != "127.0.0.1"
    ]
    assert elsewhere == [], f"requests left the app: {elsewhere}"

    stored = page.evaluate(
        """() => JSON.stringify({
            local: Object.entries(localStorage),
            session: Object.entries(sessionStorage),
        })"""
    )
    assert isinstance(stored, str)
    cookies = json.dumps([cookie.get("value", "") for cookie in js_context.cookies()])
    for kept in (stored, cookies):
        for words in (secret_words, "foster carer", json.dumps(secret_words)[1:-1]):
            assert words not in kept, f"typed words were kept in the browser: {kept}"
    assert item_count(db) == 1
    tab.assert_clean()


def test_reflow_at_320px(new_context: ContextFactory, open_tab: TabOpener, db: Session) -> None:
    """WCAG 1.4.10: nothing scrolls sideways at 320 CSS pixels, even a long unbroken word."""
    tab = open_tab(new_context(viewport={"width": 320, "height": 640}))
    page = tab.page
    long_word = "https://example.org/" + "a-really-long-link-with-no-spaces" * 3

    def assert_fits(name: str) -> None:
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"{name} scrolls sideways at 320px: {widths}"

    tab.goto("/")
    assert_fits("home page")
    tab.goto("/say")
    assert_fits("have your say")
    write_and_send(tab, f"look at this {long_word}", theme="Education, Employment and Training")
    receipt(page)
    assert_fits("receipt")
    tab.goto("/my")
    assert_fits("my things")
    assert item_count(db) == 1
    tab.assert_clean()


def test_keyboard_only_submission(
    js_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    tab = open_tab(js_context)
    page = tab.page
    tab.goto("/say")

    def tab_to(description: str, is_there: str) -> None:
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate(is_there):
                return
        raise AssertionError(f"Tab never reached {description}")

    tab_to("the text box", "() => document.activeElement.id === 'body'")
    page.keyboard.type("I typed this with a keyboard, it's quicker")
    tab_to(
        "the Send button",
        "() => document.activeElement.matches('button') && "
        "document.activeElement.textContent.trim() === 'Send'",
    )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/said/SD-"))
    receipt(page)
    expect(page.get_by_text("I typed this with a keyboard, it's quicker")).to_be_visible()
    assert db.exec(select(Item.body)).one() == "I typed this with a keyboard, it's quicker"
    tab.assert_clean()


def test_not_safe_shows_what_happens_next_and_help_now(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    """Ticking "I am not safe" opens a case and, straight after sending, shows help now."""
    tab = open_tab(any_context)
    page = tab.page
    tab.goto("/say")
    expect(page.get_by_role("button", name="Exit this page")).to_be_visible()
    page.get_by_label("What is on your mind?").fill("please can someone ring me")
    page.get_by_label("I am not safe, or I want someone to contact me").check()
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    expect(page.get_by_text("If you are in danger, call 999.")).to_be_visible()
    help_now = page.locator("#what-happens-next")
    expect(help_now).to_contain_text("Childline for free on 0800 1111")
    check_axe(tab, "receipt with safety help")
    case = db.exec(select(SafeguardingCase)).one()
    assert case.trigger is CaseTrigger.SELF_REPORTED
    tab.assert_clean()
