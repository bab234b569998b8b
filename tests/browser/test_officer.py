"""A participation officer signs in at the council's IdP, reads an item and answers it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Frame, expect
from sqlmodel import Session, col, select

from app.people.models import Role, User
from app.voice import repository, timeline
from app.voice.models import EventKind, Item, ItemStatus, TimelineEvent
from tests.browser.helpers import TabOpener, check_axe
from tests.support.factories import make_item
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser

SAID = "Nobody told me my social worker changed 😞 and I'd like to know who it is"
ANSWER = "You said nobody told you. We did: your new worker is Sam, and we've changed the rules."


def status_in_db(db: Session, item: Item) -> ItemStatus:
    return ItemStatus(db.exec(select(Item.status).where(Item.id == item.id)).one())


def test_officer_journey(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    db.add(
        User(
            role=Role.PARTICIPATION_OFFICER,
            display_name="Pat Officer",
            oidc_issuer=idp.issuer,
            oidc_subject="officer-1",
        )
    )
    db.commit()
    item = make_item(db, body=SAID)
    tab = open_tab(any_context)
    page = tab.page

    # Sign in at the council's identity provider.
    tab.goto("/staff/sign-in")
    check_axe(tab, "staff sign in")
    page.get_by_role("button", name="Sign in with your council account").click()
    page.wait_for_url(re.compile(re.escape(idp.issuer) + r"/oauth2/authorize\?"))
    page.locator("input[name=sub]").fill("officer-1")
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(tab.url("/staff"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Pat Officer")

    # The inbox, then the item.
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Inbox").click()
    page.wait_for_url(tab.url("/staff/inbox"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox")
    check_axe(tab, "inbox")
    page.get_by_role("link", name=item.reference).click()
    page.wait_for_url(tab.url(f"/staff/items/{item.reference}"))
    expect(page.get_by_text(SAID, exact=True)).to_be_visible()
    # The region htmx swaps (the status form names it), found as a visitor would see it.
    target = page.locator(f"form[action='/staff/items/{item.reference}/status']").get_attribute(
        "hx-target"
    )
    assert target and target.startswith("#"), target
    status = page.locator(target)
    expect(status.get_by_role("heading", level=2).first).to_have_text("Status: New")
    check_axe(tab, "staff item")

    # Being read: with JavaScript, htmx swaps the status region in place.
    navigations: list[str] = []

    def on_navigated(frame: Frame) -> None:
        if frame == page.main_frame:
            navigations.append(frame.url)

    page.on("framenavigated", on_navigated)
    page.get_by_role("radio", name="Being read").check()
    if tab.javascript:
        page.evaluate("() => { window.sdStillHere = true }")
        page.get_by_role("button", name="Save status").click()
        expect(status.get_by_role("heading", level=2).first).to_have_text("Status: Being read")
        assert page.evaluate("() => window.sdStillHere === true"), "the page was reloaded"
        assert navigations == [], f"the status change navigated: {navigations}"
    else:
        with page.expect_navigation():
            page.get_by_role("button", name="Save status").click()
        expect(status.get_by_role("heading", level=2).first).to_have_text("Status: Being read")
    page.remove_listener("framenavigated", on_navigated)
    assert tab.path == f"/staff/items/{item.reference}"
    expect(status.get_by_role("radio", name="Being read")).to_be_checked()
    expect(status.get_by_role("heading", name="Being read", level=3)).to_be_visible()
    check_axe(tab, "staff item after the status change")
    assert status_in_db(db, item) is ItemStatus.BEING_READ

    # An empty response is refused, kindly and accessibly.
    page.get_by_role("button", name="Write a response").click()
    page.wait_for_url(tab.url(f"/staff/items/{item.reference}/respond"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You said, we did")
    page.get_by_role("button", name="Publish response").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_text("Write the response before you publish it.")
    expect(page).to_have_title(re.compile(r"^Error: "))
    if tab.javascript:
        expect(summary).to_be_focused()  # GOV.UK's error summary takes focus
    check_axe(tab, "respond page with an error")

    # Published: the officer is told, and the young person's timeline has it.
    # Publishing words not yet previewed shows the preview, exactly as the young person sees it.
    page.get_by_label("Your response").fill(ANSWER)
    page.get_by_role("button", name="Publish response").click()
    preview = page.locator("#preview")
    expect(preview).to_contain_text("Check the preview. Publish again if it is right.")
    expect(preview).to_contain_text("We replied")
    expect(preview.locator("#reading-age")).to_contain_text("Reading age about")
    check_axe(tab, "respond page with the preview")
    page.get_by_role("button", name="Publish response").click()
    page.wait_for_url(tab.url(f"/staff/items/{item.reference}?responded=1"))
    expect(page.get_by_role("alert")).to_contain_text("Response published")
    expect(status.get_by_role("heading", level=2).first).to_have_text("Status: Responded")
    expect(status.get_by_text(ANSWER)).to_be_visible()
    check_axe(tab, "staff item after publishing")

    assert status_in_db(db, item) is ItemStatus.RESPONDED
    events = db.exec(
        select(TimelineEvent)
        .where(TimelineEvent.item_id == item.id)
        .order_by(col(TimelineEvent.id))
    ).all()
    assert [event.kind for event in events] == [
        EventKind.SENT,
        EventKind.STATUS_CHANGED,
        EventKind.RESPONSE_ADDED,
    ]
    assert events[-1].body == ANSWER
    seen_by_author = timeline.for_author(repository.timeline(db, item.id or 0))
    assert ("We replied", ANSWER) in [(entry.title, entry.response) for entry in seen_by_author]
    tab.assert_clean()
