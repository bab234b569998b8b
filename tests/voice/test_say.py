"""Having your say: the receipt, idempotency, bad input, and the anonymous way back."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.people.models import Role
from app.voice.models import Item, TimelineEvent
from tests.support.factories import make_user, sign_in
from tests.support.pages import Page, page


def open_form(client: TestClient) -> Page:
    form_page = page(client.get("/say"))
    assert form_page.h1 == "Have your say"
    assert form_page.soup.select_one("[data-jit-notice]") is not None
    return form_page


def item_count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(Item)).one()


def test_anonymous_young_person_gets_a_reference_and_secret_code(
    client: TestClient, db: Session
) -> None:
    values = open_form(client).form("/say")
    values.update(body="the bus pass ran out and nobody told me", theme="housing")
    response = client.post("/say", data=values, follow_redirects=False)
    assert response.status_code == 303
    receipt = page(client.get(response.headers["location"]))
    assert receipt.h1 == "Sent. Thank you!"
    item = db.exec(select(Item)).one()
    assert item.reference in receipt.text
    assert "Your secret code" in receipt.text
    assert item.author_id is None
    assert item.may_share is False  # high-privacy default
    events = db.exec(select(TimelineEvent).where(TimelineEvent.item_id == item.id)).all()
    assert [event.kind for event in events] == ["sent"]


def test_code_lets_an_anonymous_author_back_in_from_another_browser(
    app: object, client: TestClient, db: Session
) -> None:
    values = open_form(client).form("/say")
    values["body"] = "can we have more days out"
    receipt = page(client.post("/say", data=values))
    code = receipt.soup.select(".sd-receipt__code")[1].get_text(strip=True)
    reference = db.exec(select(Item.reference)).one()

    with TestClient(app, base_url="http://testserver") as other:  # type: ignore[arg-type]
        assert other.get(f"/said/{reference}").status_code == 404
        check = page(other.get("/check")).form("/check")
        wrong = page(other.post("/check", data={**check, "reference": reference, "code": "X"}), 400)
        assert wrong.error_summary()
        assert wrong.form("/check")["reference"] == reference
        found = page(other.post("/check", data={**check, "reference": reference, "code": code}))
        assert "can we have more days out" in found.text


def test_empty_text_is_refused_kindly(client: TestClient, db: Session) -> None:
    values = open_form(client).form("/say")
    values["body"] = "   \n  "
    result = page(client.post("/say", data=values), 400)
    assert result.error_summary() == ["Write something in the box before you send it."]
    assert item_count(db) == 0


def test_text_over_the_limit_is_kept_and_explained(client: TestClient, db: Session) -> None:
    values = open_form(client).form("/say")
    values["body"] = "a" * 2001
    result = page(client.post("/say", data=values), 400)
    assert "2,001 characters" in result.error_summary()[0]
    assert result.form("/say")["body"] == "a" * 2001
    assert item_count(db) == 0


def test_unknown_theme_keeps_the_words(client: TestClient, db: Session) -> None:
    values = open_form(client).form("/say")
    values.update(body="my words", theme="not-a-theme")
    result = page(client.post("/say", data=values), 400)
    assert "Choose a theme" in result.error_summary()[0]
    assert result.form("/say")["body"] == "my words"
    assert item_count(db) == 0


def test_html_is_stored_as_typed_and_shown_as_text(client: TestClient, db: Session) -> None:
    typed = '<script>alert(1)</script><b onmouseover="x">{{7*7}}</b>'
    values = open_form(client).form("/say")
    values["body"] = typed
    receipt = page(client.post("/say", data=values))
    assert db.exec(select(Item.body)).one() == typed
    said = receipt.soup.select_one(".sd-said")
    assert said is not None and said.get_text() == typed
    assert said.find_all(True) == []  # no element children: it rendered as text
    assert "<script>alert(1)</script>" not in receipt.response.text


def test_resending_the_same_form_makes_one_item(client: TestClient, db: Session) -> None:
    values = open_form(client).form("/say")
    values["body"] = "double tap"
    locations = {
        client.post("/say", data=values, follow_redirects=False).headers["location"]
        for _ in range(5)
    }
    assert len(locations) == 1
    assert item_count(db) == 1


def test_concurrent_resends_make_one_item(client: TestClient, db: Session) -> None:
    values = open_form(client).form("/say")
    values["body"] = "flaky signal on the bus"

    def post() -> str:
        response = client.post("/say", data=values, follow_redirects=False)
        assert response.status_code == 303, response.text[:300]
        return str(response.headers["location"])

    with ThreadPoolExecutor(max_workers=10) as pool:
        locations = set(pool.map(lambda _: post(), range(20)))
    assert len(locations) == 1
    assert item_count(db) == 1


def test_same_key_with_different_words_is_a_friendly_conflict(
    client: TestClient, db: Session
) -> None:
    values = open_form(client).form("/say")
    values["body"] = "first words"
    client.post("/say", data=values)
    values["body"] = "second words"
    result = page(client.post("/say", data=values), 409)
    assert result.form("/say")["body"] == "second words"
    assert result.form("/say")["form_key"] != values["form_key"]
    assert item_count(db) == 1


def test_missing_csrf_token_keeps_the_words(client: TestClient, db: Session) -> None:
    values = open_form(client).form("/say")
    values.update(body="my important words", csrf_token="forged")
    result = page(client.post("/say", data=values), 403)
    assert result.h1 == "Please send it again"
    assert result.form("/say")["body"] == "my important words"
    assert item_count(db) == 0


def test_other_site_cannot_post(client: TestClient, db: Session) -> None:
    values = open_form(client).form("/say")
    values["body"] = "words"
    response = client.post("/say", data=values, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert item_count(db) == 0


def test_signed_in_young_person_sees_only_their_own_items(client: TestClient, db: Session) -> None:
    me = make_user(db, nickname="me")
    other = make_user(db, nickname="other")
    sign_in(client, db, other)
    values = open_form(client).form("/say")
    values["body"] = "Zqvx sentinel from someone else"
    client.post("/say", data=values)
    other_reference = db.exec(select(Item.reference)).one()

    client.cookies.clear()
    sign_in(client, db, me)
    values = open_form(client).form("/say")
    values.update(body="mine", show_identity="yes")
    client.post("/say", data=values)
    mine = page(client.get("/my"))
    assert "mine" in mine.text
    assert "Zqvx" not in mine.text
    assert client.get(f"/said/{other_reference}").status_code == 404
    assert client.get("/said/SD-0000-0000").status_code == 404
    assert client.get("/said/%3Cscript%3E").status_code == 404


def test_staff_cannot_use_the_young_peoples_form_as_an_author(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, officer)
    response = client.get("/say", follow_redirects=False)
    assert response.status_code == 403


def test_browsers_that_hide_the_origin_still_work(client: TestClient, db: Session) -> None:
    """Under Referrer-Policy: no-referrer, Chromium sends `Origin: null` on form posts."""
    values = open_form(client).form("/say")
    values["body"] = "sent from a real browser"
    same_site = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    response = client.post("/say", data=values, headers=same_site, follow_redirects=False)
    assert response.status_code == 303
    values["form_key"] = "another-key-another-key"
    other_site = {"Origin": "null", "Sec-Fetch-Site": "cross-site"}
    assert client.post("/say", data=values, headers=other_site).status_code == 403
    assert item_count(db) == 1


@pytest.mark.parametrize("path", ["/", "/say", "/my", "/check", "/help", "/my/data"])
def test_my_things_and_report_a_worry_are_one_tap_from_every_young_page(
    client: TestClient, path: str
) -> None:
    menu = page(client.get(path)).soup.select_one("nav.sd-nav")
    assert menu is not None
    links = {a.get_text(strip=True): a.get("href") for a in menu.select("a")}
    assert links["My things"] == "/my"
    assert links["Report a worry"] == "/say?worried=1"


def test_report_a_worry_opens_the_form_with_the_not_safe_box_ticked(client: TestClient) -> None:
    worried = page(client.get("/say?worried=1")).form("/say")
    assert worried["wants_contact"] == "yes"
    assert page(client.get("/say")).form("/say").get("wants_contact", "") == ""
