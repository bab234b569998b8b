"""Choosing a language (and easy read) for the session: links, the header form, bad codes."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import AppEnv, Settings
from app.languages import runtime
from app.languages.models import LanguageSetting, LanguageStatus
from app.languages.registry import PSEUDO
from app.people.models import Role
from app.voice.models import Item
from tests.languages.helpers import language, switch_on
from tests.support.factories import PASSPHRASE, make_user, sign_in
from tests.support.pages import Page, page

WELSH, ARABIC = language("cy"), language("ar")
NOTE = "That language is not ready yet, so this page is in English."


def language_of(result: Page) -> tuple[str, str]:
    html = result.soup.html
    assert html is not None
    return str(html.get("lang")), str(html.get("dir"))


def test_a_language_chosen_by_link_stays_for_the_session(client: TestClient, db: Session) -> None:
    switch_on(db, WELSH, ARABIC)
    welsh = page(client.get("/say?lang=cy"))
    assert language_of(welsh) == ("cy", "ltr")
    assert welsh.h1 == "Dweud dy ddweud"
    assert page(client.get("/help")).h1 == "Cael help"  # no ?lang= any more: the session says
    arabic = page(client.get("/my?lang=ar"))
    assert language_of(arabic) == ("ar", "rtl")
    assert arabic.h1 == "أشيائي"
    assert language_of(page(client.get("/?lang=en"))) == ("en", "ltr")
    assert page(client.get("/help")).h1 == "Get help"


def test_the_choice_adds_no_cookie_beyond_the_session(client: TestClient, db: Session) -> None:
    switch_on(db, WELSH)
    response = client.get("/say?lang=cy")
    cookies = response.headers.get_list("set-cookie")
    assert [cookie.split("=", 1)[0] for cookie in cookies] == ["sd_session"]
    assert not any(word in cookies[0].lower() for word in ("expires", "max-age"))
    assert client.get("/help").headers.get_list("set-cookie") == []


def test_the_header_form_offers_only_languages_that_are_on(client: TestClient, db: Session) -> None:
    assert page(client.get("/say")).soup.select_one("form.sd-language") is None  # English only
    switch_on(db, WELSH)
    form = page(client.get("/say?worried=1")).soup.select_one("form.sd-language")
    assert form is not None
    assert [option.get("value") for option in form.select("option")] == ["en", "cy"]
    values = page(client.get("/say?worried=1")).form("/language")
    assert values["next"] == "/say?worried=1"
    response = client.post("/language", data={**values, "lang": "cy"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/say?worried=1"
    assert page(client.get(response.headers["location"])).h1 == "Dweud dy ddweud"


def test_the_header_form_never_sends_people_off_the_site(client: TestClient, db: Session) -> None:
    switch_on(db, WELSH)
    values = page(client.get("/say")).form("/language")
    sent = {**values, "lang": "cy", "next": "https://evil.example/"}
    response = client.post("/language", data=sent, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_an_unknown_language_gives_english_and_a_short_note(
    client: TestClient, db: Session
) -> None:
    switch_on(db, WELSH)
    client.get("/say?lang=cy")
    result = page(client.get("/say?lang=xx-nonsense"))
    assert language_of(result) == ("en", "ltr")
    assert result.h1 == "Have your say"
    assert NOTE in result.text
    assert page(client.get("/help")).h1 == "Get help"  # the old choice went too
    assert NOTE not in page(client.get("/help")).text  # said once


def test_a_language_that_is_not_switched_on_gives_english_and_the_note(client: TestClient) -> None:
    result = page(client.get("/my?lang=ar"))
    assert language_of(result) == ("en", "ltr")
    assert NOTE in result.text


def test_a_refused_choice_in_the_header_form_says_so_on_the_next_page(
    client: TestClient, db: Session
) -> None:
    switch_on(db, WELSH)
    values = page(client.get("/say")).form("/language")
    response = client.post("/language", data={**values, "lang": "ar", "next": "/help"})
    result = page(response)
    assert result.h1 == "Get help"
    assert NOTE in result.text


def test_the_choice_survives_signing_in(client: TestClient, db: Session) -> None:
    switch_on(db, WELSH)
    make_user(db, nickname="Dewi")
    client.get("/?lang=cy&view=easy")
    form = page(client.get("/sign-in")).form("/sign-in")
    form.update(nickname="Dewi", passphrase=PASSPHRASE)
    result = page(client.post("/sign-in", data=form))
    assert language_of(result) == ("cy", "ltr")
    assert page(client.get("/my")).soup.select_one(".sd-easy-list") is not None


def test_staff_pages_stay_in_english(client: TestClient, db: Session) -> None:
    switch_on(db, WELSH)
    client.get("/help?lang=cy")
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    client.get("/help?lang=cy")
    inbox = page(client.get("/staff/inbox"))
    assert language_of(inbox) == ("en", "ltr")
    assert inbox.soup.select_one("form.sd-language") is None


def test_an_item_records_the_language_it_was_written_in(client: TestClient, db: Session) -> None:
    switch_on(db, ARABIC)
    form = page(client.get("/say?lang=ar")).form("/say")
    form["body"] = "الحافلة تتأخر كثيرًا"
    assert client.post("/say", data=form, follow_redirects=False).status_code == 303
    item = db.exec(select(Item)).one()
    assert item.language == "ar"
    assert item.body == "الحافلة تتأخر كثيرًا"


def test_easy_read_is_remembered_until_the_usual_page_is_chosen(client: TestClient) -> None:
    usual = page(client.get("/my"))
    assert usual.soup.select_one(".sd-easy-list") is None
    assert usual.soup.select_one('a[href="/my?view=easy"]') is not None
    easy = page(client.get("/my?view=easy"))
    assert easy.soup.select_one(".sd-easy-list") is not None
    assert page(client.get("/say")).soup.select_one(".sd-easy-list") is not None
    assert page(client.get("/say?view=standard")).soup.select_one(".sd-easy-list") is None


def test_the_pseudo_locale_is_never_offered_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    assert runtime.usable(PSEUDO, {})  # tests and development
    production = Settings.model_construct(app_env=AppEnv.PRODUCTION)
    monkeypatch.setattr(runtime, "get_settings", lambda: production)
    assert not runtime.usable(PSEUDO, {})


def test_a_damaged_catalogue_shows_english_not_an_error(
    client: TestClient, db: Session, caplog: pytest.LogCaptureFixture
) -> None:
    """Uploads are checked, but a row damaged some other way must not take pages down."""
    db.add(
        LanguageSetting(
            code="cy", status=LanguageStatus.ON, revision=99, catalogue='garbage "\nmsgid'
        )
    )
    db.commit()
    result = page(client.get("/say?lang=cy"))
    assert result.h1 == "Have your say"
    assert "the cy catalogue could not be read" in caplog.text
