"""Staff decide in the browser: moderating an item into a redacted shared version, and a
safeguarding lead taking a case from "not acknowledged" to closed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect
from sqlmodel import Session, select

from app.moderation.models import SharedVersion, Sharing
from app.people.models import Role, User
from app.safeguarding.models import (
    CaseAction,
    CaseActionKind,
    CaseState,
    CaseTrigger,
    SafeguardingCase,
)
from app.safeguarding.service import open_case
from app.voice.models import Item
from tests.browser.helpers import Tab, TabOpener, check_axe
from tests.moderation.helpers import ensure_reasons
from tests.support.factories import make_item
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser

# Not Ofcom's drama range (07700 900xxx): libphonenumber calls those invalid, so the app's
# suggester never offers them (see tests/moderation for the same choice).
PHONE_NUMBER = "07912 345678"
SAID = f"The bus to college never comes on time, ring me on {PHONE_NUMBER} if you want to know"
SHARE_REASON = "Shared with the councillors and the board, without your name."
WORRY = "My foster carer shouts at me every night and I am scared to go home"
ACTION_NOTE = "Spoke to the social worker; a visit is booked for tomorrow."
OUTCOME = "Visit done, placement support plan agreed with the young person."


def make_staff(db: Session, idp: LoopbackIdP, role: Role, name: str, subject: str) -> User:
    user = User(role=role, display_name=name, oidc_issuer=idp.issuer, oidc_subject=subject)
    db.add(user)
    db.commit()
    return user


def sign_in(tab: Tab, idp: LoopbackIdP, subject: str, name: str) -> None:
    """Through the council's identity provider, as in test_officer."""
    page = tab.page
    tab.goto("/staff/sign-in")
    page.get_by_role("button", name="Sign in with your council account").click()
    page.wait_for_url(re.compile(re.escape(idp.issuer) + r"/oauth2/authorize\?"))
    page.locator("input[name=sub]").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(tab.url("/staff"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hello, {name}")


def test_officer_moderates_and_shares_a_redacted_version(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    make_staff(db, idp, Role.PARTICIPATION_OFFICER, "Pat Officer", "officer-mod")
    ensure_reasons(db)
    item = make_item(db, body=SAID)
    item.may_share = True
    db.add(item)
    db.commit()
    tab = open_tab(any_context)
    page = tab.page
    sign_in(tab, idp, "officer-mod", "Pat Officer")

    # The queue, then the item.
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Moderation").click()
    page.wait_for_url(tab.url("/staff/moderation"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    expect(page.get_by_text("1 item waiting for a decision, oldest first.")).to_be_visible()
    check_axe(tab, "moderation queue")
    page.get_by_role("link", name=item.reference, exact=True).click()
    url = f"/staff/moderation/items/{item.reference}"
    page.wait_for_url(tab.url(url))
    expect(page.get_by_role("heading", level=1)).to_have_text("What they said")
    expect(page.get_by_text(SAID, exact=True)).to_be_visible()
    check_axe(tab, "moderation item")

    # Share, with a reason and a theme; the phone number is suggested (and ticked).
    page.get_by_role("radio", name="Share a redacted version", exact=True).check()
    page.get_by_role("radio", name=SHARE_REASON, exact=True).check()
    page.get_by_role("group", name="Share it under these themes").get_by_role(
        "checkbox", name="Housing", exact=True
    ).check()
    spotted = page.get_by_role("checkbox", name=f"“{PHONE_NUMBER}” (Phone number)", exact=True)
    expect(spotted).to_be_checked()

    # The preview shows exactly what will be shared.
    page.get_by_role("button", name="Preview the shared version").click()
    preview = page.locator("#preview")
    expect(preview).to_be_visible()
    expect(preview.get_by_role("heading", name="What will be shared")).to_be_visible()
    expect(preview).to_contain_text("[phone number removed]")
    expect(preview).not_to_contain_text(PHONE_NUMBER)
    expect(page.get_by_role("radio", name="Share a redacted version", exact=True)).to_be_checked()
    expect(page.get_by_role("radio", name=SHARE_REASON, exact=True)).to_be_checked()
    check_axe(tab, "moderation item with the preview")

    page.get_by_role("button", name="Save decision").click()
    page.wait_for_url(tab.url(f"{url}?decided=1"))
    expect(page.get_by_role("alert")).to_contain_text("Decision saved.")
    expect(page.locator("#shared-text")).to_contain_text("[phone number removed]")
    tab.assert_clean()

    sharing = db.exec(select(Item.sharing).where(Item.id == item.id)).one()
    assert Sharing(sharing) is Sharing.SHARED
    shared = db.exec(select(SharedVersion.text).where(SharedVersion.item_id == item.id)).one()
    assert "[phone number removed]" in shared
    assert PHONE_NUMBER not in shared
    assert "345678" not in shared


def test_safeguarding_lead_acknowledges_and_closes_a_case(
    any_context: BrowserContext, open_tab: TabOpener, idp: LoopbackIdP, db: Session
) -> None:
    make_staff(db, idp, Role.SAFEGUARDING_LEAD, "Sam Lead", "lead-1")
    item = make_item(db, body=WORRY)
    case = open_case(db, item=item, trigger=CaseTrigger.SCREEN)
    db.commit()
    case_id = case.id
    assert case_id is not None
    tab = open_tab(any_context)
    page = tab.page
    sign_in(tab, idp, "lead-1", "Sam Lead")

    # The cases, then the case.
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Safeguarding"
    ).click()
    page.wait_for_url(tab.url("/staff/cases"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding cases")
    expect(page.get_by_role("cell", name="Not acknowledged")).to_be_visible()
    check_axe(tab, "safeguarding cases")
    page.get_by_role("link", name=f"Case {case_id}", exact=True).click()
    case_url = f"/staff/cases/{case_id}"
    page.wait_for_url(tab.url(case_url))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Case {case_id}")
    expect(page.get_by_text(WORRY, exact=True)).to_be_visible()
    check_axe(tab, "safeguarding case")

    # "I have this case": acknowledged by name, and the button goes.
    page.get_by_role("button", name="I have this case").click()
    page.wait_for_url(tab.url(case_url))
    state = page.locator(".govuk-summary-list")
    expect(state).to_contain_text("Acknowledged")
    expect(state).to_contain_text("Sam Lead")
    expect(page.get_by_role("button", name="I have this case")).to_have_count(0)

    # Record what was done.
    page.get_by_role("radio", name="Contacted the young person's social worker").check()
    page.get_by_role("textbox", name="Note").fill(ACTION_NOTE)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(tab.url(case_url))
    expect(
        page.get_by_role("heading", name="Contacted the young person's social worker", level=3)
    ).to_be_visible()
    expect(page.get_by_text(ACTION_NOTE, exact=True)).to_be_visible()

    # Closing without an outcome is refused, kindly and accessibly.
    page.get_by_role("button", name="Close the case").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_text(
        "Write an outcome note before you close the case."
    )
    expect(page).to_have_title(re.compile(r"^Error: "))
    if tab.javascript:
        expect(summary).to_be_focused()
    check_axe(tab, "safeguarding case with an error")

    page.get_by_role("textbox", name="Outcome").fill(OUTCOME)
    page.get_by_role("button", name="Close the case").click()
    page.wait_for_url(tab.url(case_url))
    expect(page.get_by_role("heading", name="Outcome", level=2)).to_be_visible()
    expect(page.get_by_text(OUTCOME, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Close the case")).to_have_count(0)
    tab.assert_clean()

    closed = db.exec(
        select(SafeguardingCase.state, SafeguardingCase.outcome).where(
            SafeguardingCase.id == case_id
        )
    ).one()
    assert CaseState(closed[0]) is CaseState.CLOSED
    assert closed[1] == OUTCOME
    kinds = db.exec(select(CaseAction.kind).where(CaseAction.case_id == case_id)).all()
    assert [CaseActionKind(kind) for kind in kinds] == [CaseActionKind.CONTACTED_SOCIAL_WORKER]
