"""Languages in Chromium at 360x740: right-to-left pages pass axe and mirror, pseudo-localised
pages clip and spill nothing, the language form works without JavaScript, and "Listen"
exists only with JavaScript and speaks the page's main content in the page's language.

Screenshots of the right-to-left pages go to var/screenshots/languages/ for a person to look at.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from sqlmodel import Session

from app.config import ROOT
from app.languages.registry import TRANSLATED
from tests.browser.helpers import Tab, TabOpener, check_axe
from tests.languages.helpers import language, switch_on, young_world
from tests.support.factories import PASSPHRASE

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "var" / "screenshots" / "languages"
RIGHT_TO_LEFT = [language for language in TRANSLATED if language.rtl]

_OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;
  const name = (el) => {
    const classes = typeof el.className === 'string' ? el.className.trim() : '';
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (classes ? '.' + classes.split(/\\s+/).join('.') : '');
  };
  const problems = [];
  for (const el of document.querySelectorAll('header *, main *, footer *')) {
    const skipped = '.govuk-visually-hidden, .govuk-visually-hidden-focusable, template, [hidden]';
    if (el.closest(skipped + ', option')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) problems.push(name(el) + ' spills out of the page');
    const clips = ['hidden', 'clip'];
    const clipping = clips.includes(style.overflowX) || clips.includes(style.overflowY);
    const longer = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (clipping && longer) {
      problems.push(name(el) + ' cuts its text off');
    }
  }
  const sideways = document.documentElement.scrollWidth - width;
  return { sideways, problems: problems.slice(0, 10) };
}
"""

_RECORD_SPEECH = """
window.__spoken = [];
if ('speechSynthesis' in window) {
  window.speechSynthesis.speak = (utterance) => {
    window.__spoken.push({ text: utterance.text, lang: utterance.lang });
  };
}
"""


def no_overflow(page: Page, where: str) -> None:
    found: dict[str, Any] = page.evaluate(_OVERFLOW)
    assert found["sideways"] <= 0, f"{where}: the page scrolls sideways by {found['sideways']}px"
    assert found["problems"] == [], f"{where}: {found['problems']}"


def screenshot(tab: Tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    mode = "js" if tab.javascript else "nojs"
    tab.page.screenshot(path=str(SCREENSHOTS / f"{name}-{mode}.png"), full_page=True)


def mirrored(page: Page) -> None:
    """Right to left for real: the heading starts at the right, a radio sits right of its words."""
    assert page.evaluate("document.documentElement.dir") == "rtl"
    width = page.viewport_size["width"] if page.viewport_size else 360
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert heading is not None and heading["x"] + heading["width"] > width - 40
    radio = page.locator(".govuk-radios__item").first
    circle = radio.locator(".govuk-radios__input").bounding_box()
    words = radio.locator(".govuk-radios__label").bounding_box()
    assert circle is not None and words is not None
    assert circle["x"] > words["x"], "the radio button should be right of its label"


def sign_in(tab: Tab, nickname: str) -> None:
    tab.goto("/sign-in")
    tab.page.locator("#nickname").fill(nickname)
    tab.page.locator("#passphrase").fill(PASSPHRASE)
    tab.page.locator("form[action='/sign-in'] button[type=submit]").click()
    tab.page.wait_for_url(re.compile(r"/$|/\?"))


def test_right_to_left_pages_mirror_and_pass_axe(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    world = young_world(db)
    switch_on(db)
    tab = open_tab(any_context)
    for rtl in RIGHT_TO_LEFT:
        tab.goto(f"/say?lang={rtl.code}")
        mirrored(tab.page)
        no_overflow(tab.page, f"/say in {rtl.english_name}")
        check_axe(tab, f"have your say in {rtl.english_name}")
        screenshot(tab, f"say-{rtl.code}")
    tab.goto("/say?lang=ar")
    tab.page.locator("form[action='/say'] button.govuk-button").click()
    expect(tab.page.locator(".govuk-error-summary")).to_be_visible()
    check_axe(tab, "have your say with an error, in Arabic")
    screenshot(tab, "say-error-ar")
    sign_in(tab, str(world.young_person.nickname))
    for path, name in [
        ("/", "home"),
        ("/my?view=easy", "my-easy"),
        ("/my?view=standard", "my"),
        ("/votes", "votes"),
        (f"/votes/{world.round_id}", "vote"),
        ("/you-said-we-did", "you-said-we-did"),
        ("/help", "help"),
    ]:
        tab.goto(path)
        assert tab.page.evaluate("document.documentElement.lang") == "ar"
        no_overflow(tab.page, f"{path} in Arabic")
        check_axe(tab, f"{name} in Arabic")
        screenshot(tab, f"{name}-ar")


def test_pseudo_localised_pages_clip_and_spill_nothing(
    any_context: BrowserContext, open_tab: TabOpener, db: Session
) -> None:
    """Every young people's message ~40% longer and accented: nothing runs off a 360px phone."""
    world = young_world(db)
    switch_on(db)
    tab = open_tab(any_context)
    tab.goto("/?lang=en-XA")
    sign_in(tab, str(world.young_person.nickname))
    for path in [
        "/",
        "/say",
        "/say?view=easy",
        "/my",
        f"/said/{world.item.reference}",
        "/votes",
        f"/votes/{world.round_id}",
        "/you-said-we-did?view=standard",
        "/promises",
        "/my/data",
        "/help",
    ]:
        tab.goto(path)
        assert tab.page.evaluate("document.documentElement.lang") == "en-XA"
        no_overflow(tab.page, path)
        if path.startswith("/say"):
            screenshot(tab, "pseudo" + path.replace("/", "-").replace("?view=", "-"))
    tab.assert_clean()
    # The check itself sees a word too long for the phone.
    tab.page.evaluate(
        """() => {
          const word = document.createElement('p');
          word.textContent = 'Ŵ'.repeat(80);
          word.style.whiteSpace = 'nowrap';
          document.querySelector('main').append(word);
        }"""
    )
    with pytest.raises(AssertionError, match=r"scrolls sideways|spills out"):
        no_overflow(tab.page, "a page with a word too long")


def test_the_language_form_works_without_javascript(
    new_context: Any, open_tab: TabOpener, db: Session
) -> None:
    switch_on(db, language("cy"), language("ar"))
    tab = open_tab(new_context(javascript=False))
    tab.goto("/help")
    tab.page.get_by_label("Language").select_option("ar")
    tab.page.get_by_role("button", name="Change").click()
    expect(tab.page.get_by_role("heading", level=1)).to_have_text("احصل على مساعدة")
    assert tab.page.url.endswith("/help")
    assert tab.page.evaluate("document.documentElement.dir") == "rtl"
    check_axe(tab, "help in Arabic, chosen without JavaScript")


def test_listen_is_there_only_with_javascript_and_speaks_the_page(
    new_context: Any, open_tab: TabOpener, db: Session
) -> None:
    switch_on(db, language("ar"))
    without = open_tab(new_context(javascript=False))
    without.goto("/help?lang=ar")
    expect(without.page.locator(".sd-listen__button")).to_have_count(0)

    context = new_context(javascript=True)
    context.add_init_script(_RECORD_SPEECH)
    tab = open_tab(context)
    tab.goto("/help?lang=ar")
    listen = tab.page.get_by_role("button", name="استمع")
    expect(listen).to_be_visible()
    check_axe(tab, "help in Arabic with the Listen button")
    listen.click()
    spoken: list[dict[str, str]] = tab.page.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "ar"
    assert "احصل على مساعدة" in spoken[0]["text"]  # the heading
    assert "999" in spoken[0]["text"]
    assert "استمع" not in spoken[0]["text"]  # not the button itself
    assert "اخرج من هذه الصفحة" not in spoken[0]["text"]  # nor the exit button
    assert all(host.startswith(tab.base_url) for host in tab.requests), "nothing sent anywhere"
    tab.assert_clean()
