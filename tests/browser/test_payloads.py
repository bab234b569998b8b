"""Attacks typed into the real forms never run in the real browser (IO-01).

A young person types every payload into "Have your say"; officers share one, answer it, and an
action carrying payloads in its title and its line for young people is linked to it. Then the
young person's, the officer's and the public pages that show those words are opened in Chromium
with JavaScript on: no dialog opens, no injected element exists, no inline script runs (a CSP
report would fail `assert_clean`), and none of the words is left in the browser's storage.
tests/trust/test_every_form.py sends the same payloads through every form over HTTP.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Dialog, expect
from sqlmodel import Session, col, select

from app.actions import service as actions
from app.actions.models import LinkKind
from app.people.models import Role
from app.voice.models import Item
from app.voice.service import publish_response
from tests.actions.helpers import make_action, update_form
from tests.browser.helpers import Tab, TabOpener
from tests.browser.test_moderation import make_staff, sign_in
from tests.councillors.helpers import shared
from tests.moderation.helpers import theme_id
from tests.support.factories import PASSPHRASE, make_user
from tests.support.idp import LoopbackIdP
from tests.trust.payloads import PAYLOADS, rendered_as_markup

pytestmark = pytest.mark.browser

INJECTED = "#xss-break, svg[onload], img[onerror], a[href^='javascript:']"


def _nothing_ran(tab: Tab, dialogs: list[str]) -> None:
    assert dialogs == [], f"a dialog opened on {tab.path}"
    assert tab.page.locator(INJECTED).count() == 0, f"injected markup on {tab.path}"
    assert not rendered_as_markup(tab.page.content()), tab.path


def test_payloads_typed_into_forms_never_run(
    js_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    officer = make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-xss")
    author = make_user(db, nickname="Sam")
    tab = open_tab(js_context)
    page = tab.page
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)

    tab.goto("/sign-in")
    page.get_by_label("Nickname").fill("Sam")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Sign in").click()
    for payload in PAYLOADS:
        tab.goto("/say")
        page.locator("#body").fill(payload)
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Sent")
        _nothing_ran(tab, dialogs)
    sent = db.exec(select(Item).where(Item.author_id == author.id)).all()
    assert sorted(item.body for item in sent) == sorted(
        payload.replace("\r\n", "\n") for payload in PAYLOADS
    )

    # Officers share one, answer it in payloads, and link an action that carries them too.
    item = shared(db, officer, theme_id(db, "housing"), PAYLOADS[0])
    item.author_id = author.id
    publish_response(db, item=item, text=PAYLOADS[1], actor=officer, on_public_page=True)
    owner = make_user(db, Role.ACTION_OWNER)
    action = make_action(db, officer, owner, title=PAYLOADS[2])
    actions.link_items(
        db, action=action, actor=officer, item_ids=[item.id or 0], kind=LinkKind.PROMPTED_BY
    )
    actions.post_update(db, action=action, actor=owner, form=update_form(young=PAYLOADS[3]))
    db.commit()

    for path in ("/my", f"/said/{item.reference}", *(f"/said/{i.reference}" for i in sent)):
        tab.goto(path)
        _nothing_ran(tab, dialogs)
    page.get_by_role("button", name="Sign out").click()

    tab.goto("/you-said-we-did")
    expect(page.get_by_text(PAYLOADS[0])).to_be_visible()
    _nothing_ran(tab, dialogs)

    sign_in(tab, idp, "officer-xss", "Pat Officer")
    newest = db.exec(select(Item).order_by(col(Item.id).desc())).first()
    assert newest is not None
    for path in (
        "/staff/inbox",
        "/staff/moderation",
        f"/staff/items/{sent[0].reference}",
        f"/staff/moderation/items/{sent[0].reference}",
        f"/staff/actions/{action.id}",
        "/staff/actions",
    ):
        tab.goto(path)
        _nothing_ran(tab, dialogs)
    tab.assert_clean()
    stored = _browser_storage(tab)
    assert "xss" not in stored and "FAKE LOG" not in stored, stored


def _browser_storage(tab: Tab) -> str:
    """Everything pages left in the browser's storage (IO-07), as text: htmx keeps the current
    path there; young people's words must never be."""
    stored: str = tab.page.evaluate(
        """async () => JSON.stringify({
            local: {...localStorage},
            session: {...sessionStorage},
            indexed: (await indexedDB.databases()).map((db) => db.name),
        })"""
    )
    return stored
