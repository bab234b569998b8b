"""WCAG 2.2 checks axe cannot make (AX-03, AX-04), on the young person's pages at 320 CSS px:

- no horizontal scrolling (1.4.10 reflow);
- every button, field and disclosure is at least 24 by 24 px (2.5.8 target size; links inside
  text are exempt by the criterion's inline exception);
- tabbing through a page, every focused element is visible and not hidden under anything
  (2.4.11 focus not obscured): the element at the centre of the focused one is itself or inside
  it;
- help is in the same place on every page (3.2.6): the footer's help link.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, ViewportSize
from sqlmodel import Session

from tests.browser.helpers import ContextFactory, Tab, TabOpener
from tests.support.factories import PASSPHRASE, make_item, make_user

pytestmark = pytest.mark.browser

NARROW: ViewportSize = {"width": 320, "height": 640}
PAGES = ["/", "/say", "/my", "/my/data", "/help", "/privacy", "/you-said-we-did", "/promises"]

_SMALL_TARGETS = """() => [...document.querySelectorAll(
    'button, input:not([type=hidden]), select, textarea, summary, .govuk-button')]
  .filter((el) => el.offsetParent !== null)
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([el, box]) => box.width < 24 || box.height < 24)
  .map(([el, box]) => `${el.tagName.toLowerCase()}#${el.id || el.name || ''} `
                      + `${Math.round(box.width)}x${Math.round(box.height)}`)"""

_FOCUS_HIDDEN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return `${el.tagName} has no size`;
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const seen = document.elementFromPoint(x, y);
  return seen && (seen === el || el.contains(seen) || seen.contains(el) ||
                  (el.labels && [...el.labels].some((l) => l.contains(seen))))
    ? null : `${el.tagName}#${el.id} is covered by ${seen ? seen.tagName : 'nothing'}`;
}"""


def _signed_in_narrow(new_context: ContextFactory, open_tab: TabOpener, db: Session) -> Tab:
    author = make_user(db, nickname="Ash")
    make_item(db, author=author, body="The bus to college is always late")
    tab = open_tab(new_context(viewport=NARROW))
    tab.goto("/sign-in")
    tab.page.get_by_label("Nickname").fill("Ash")
    tab.page.get_by_label("Passphrase").fill(PASSPHRASE)
    tab.page.get_by_role("button", name="Sign in").click()
    tab.page.wait_for_url(tab.url("/"))
    return tab


def test_young_peoples_pages_reflow_and_have_big_enough_targets(
    new_context: ContextFactory, open_tab: TabOpener, db: Session
) -> None:
    tab = _signed_in_narrow(new_context, open_tab, db)
    problems = []
    help_positions = set()
    for path in PAGES:
        tab.goto(path)
        width = tab.page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        if width[0] > width[1]:
            problems.append(f"{path}: {width[0]}px wide in a {width[1]}px window")
        problems += [f"{path}: small target {t}" for t in tab.page.evaluate(_SMALL_TARGETS)]
        footer_help = tab.page.locator("footer a[href='/help']")
        help_positions.add(footer_help.count())
    assert problems == []
    assert help_positions == {1}, "the footer's help link is on every page"
    tab.assert_clean()


_CHOICE_SIZES = """() => [...document.querySelectorAll('.govuk-radios')].map((group) =>
  [...group.querySelectorAll('.govuk-radios__input')].map((input) => {
    const box = input.getBoundingClientRect();
    return [input.className, Math.round(box.width), Math.round(box.height)];
  }))"""


def test_no_is_as_big_and_as_easy_as_yes(
    new_context: ContextFactory, open_tab: TabOpener, db: Session
) -> None:
    """PR-04: every optional choice offers its answers with the same component and size, and
    none is chosen for the young person (sharing and "staff may see it was you" default to no)."""
    tab = _signed_in_narrow(new_context, open_tab, db)
    tab.goto("/say")
    groups = tab.page.evaluate(_CHOICE_SIZES)
    assert groups, "the form offers choices"
    for group in groups:
        assert len({tuple(choice) for choice in group}) == 1, group  # same component, same size
    ticked = tab.page.locator(".govuk-radios input:checked")
    chosen = {ticked.nth(i).get_attribute("value") for i in range(ticked.count())}
    assert chosen <= {"", "no"}, chosen  # "no theme" or "no"; never a yes chosen for them


def test_tabbing_through_have_your_say_never_hides_the_focus(
    new_context: ContextFactory, open_tab: TabOpener, db: Session
) -> None:
    tab = _signed_in_narrow(new_context, open_tab, db)
    tab.goto("/say")
    hidden = []
    for _ in range(40):
        tab.page.keyboard.press("Tab")
        tab.page.wait_for_timeout(20)  # scrolling into view
        if problem := tab.page.evaluate(_FOCUS_HIDDEN):
            hidden.append(problem)
    assert hidden == []


def test_the_journey_works_with_the_keyboard_alone(
    js_context: BrowserContext, open_tab: TabOpener
) -> None:
    tab = open_tab(js_context)
    tab.goto("/say")
    tab.page.locator("#body").focus()
    tab.page.keyboard.type("The wifi at my placement keeps dropping")
    for _ in range(30):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("() => document.activeElement.textContent.trim()") == "Send":
            break
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(lambda url: "/said/" in url)
    assert "Sent" in tab.page.get_by_role("heading", level=1).inner_text()
