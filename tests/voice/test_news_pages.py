"""The young person's choice on their item page (and the receipt): off by default, plain words,
every bad address refused kindly with what was typed kept, stopped at any time; seen in "Your
data", never by staff."""

import json

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.moderation.models import Sharing
from app.people.models import Role
from app.voice.models import Item, NewsContact
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import Page, page

EMAIL_TYPED = "  Sam.Jones@Example.ORG "
EMAIL = "Sam.Jones@example.org"
PHONE_TYPED = "07911 123457"
PHONE = "+447911123457"
HX = {"HX-Request": "true"}


@pytest.fixture
def item(client: TestClient, db: Session) -> Item:
    author = make_user(db, nickname="Sam")
    sign_in(client, db, author)
    return make_item(db, author=author)


def news_form(client: TestClient, item: Item, query: str = "") -> tuple[Page, dict[str, str]]:
    shown = page(client.get(f"/said/{item.reference}{query}"))
    return shown, shown.form(f"/said/{item.reference}/news")


def choose(client: TestClient, item: Item, **fields: str) -> str:
    _shown, values = news_form(client, item)
    response = client.post(
        f"/said/{item.reference}/news", data={**values, **fields}, follow_redirects=False
    )
    assert response.status_code == 303, response.text[:300]
    return str(response.headers["location"])


def test_both_ways_are_off_until_chosen_and_the_page_says_what_a_message_holds(
    client: TestClient, db: Session, item: Item
) -> None:
    shown, values = news_form(client, item)
    assert values.get("by_email") is None and values.get("by_text") is None  # nothing ticked
    assert values["email"] == "" and values["phone"] == ""
    assert "Tell me when there is news" in shown.text
    assert "It never says what you wrote." in shown.text
    assert "from 9pm to 8am" in shown.text
    assert "Stop all messages" not in shown.text  # nothing to stop yet
    assert db.get(NewsContact, item.id) is None


def test_email_and_text_are_saved_checked_and_shown_back(
    client: TestClient, db: Session, item: Item
) -> None:
    where = choose(
        client, item, by_email="yes", email=EMAIL_TYPED, by_text="yes", phone=PHONE_TYPED
    )
    assert where == f"/said/{item.reference}?news=on#news"
    contact = db.get(NewsContact, item.id)
    assert contact is not None and (contact.email, contact.phone) == (EMAIL, PHONE)
    shown, values = news_form(client, item, "?news=on")
    assert "We will send you a message when there is news about this." in shown.text
    assert (values["by_email"], values["email"]) == ("yes", EMAIL)
    assert (values["by_text"], values["phone"]) == ("yes", "07911 123457")
    assert "Stop all messages about this" in shown.text


def test_htmx_gets_a_redirect_header(client: TestClient, db: Session, item: Item) -> None:
    _shown, values = news_form(client, item)
    response = client.post(
        f"/said/{item.reference}/news",
        data={**values, "by_text": "yes", "phone": PHONE_TYPED},
        headers=HX,
    )
    assert response.status_code == 200
    assert response.headers["HX-Redirect"] == f"/said/{item.reference}?news=on#news"
    assert db.get(NewsContact, item.id) is not None


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize(
    ("typed", "messages"),
    [
        (
            {"by_email": "yes", "email": "sam@", "by_text": "yes", "phone": "020 7946 0000"},
            [
                "That email address does not look right. Check it. It looks like name@example.com",
                "That is not a mobile number we can text. Check it. It looks like 07911 123456",
            ],
        ),
        (
            {"by_email": "yes", "email": "", "by_text": "yes", "phone": "  "},
            [
                "Write your email address, or untick Email.",
                "Write your mobile number, or untick Text message.",
            ],
        ),
        (
            {"by_text": "yes", "phone": "0800 1111"},
            ["That is not a mobile number we can text. Check it. It looks like 07911 123456"],
        ),
    ],
)
def test_bad_input_is_refused_kindly_and_keeps_what_was_typed(
    client: TestClient,
    db: Session,
    item: Item,
    typed: dict[str, str],
    messages: list[str],
    htmx: bool,
) -> None:
    _shown, values = news_form(client, item)
    response = client.post(
        f"/said/{item.reference}/news", data={**values, **typed}, headers=HX if htmx else {}
    )
    refused = page(response, 400)
    assert refused.error_summary() == messages
    assert refused.soup.title is not None and refused.soup.title.text.startswith("Error:")
    kept = refused.form(f"/said/{item.reference}/news")
    for name, value in typed.items():
        assert kept.get(name) == value, name  # exactly as typed, spaces too
    for link in refused.soup.select(".govuk-error-summary__list a"):
        assert refused.soup.find(id=str(link["href"]).lstrip("#")) is not None
    assert db.get(NewsContact, item.id) is None


def test_an_address_typed_without_its_box_ticked_is_not_kept(
    client: TestClient, db: Session, item: Item
) -> None:
    where = choose(client, item, email=EMAIL_TYPED, by_text="yes", phone=PHONE_TYPED)
    assert where.endswith("news=on#news")
    contact = db.get(NewsContact, item.id)
    assert contact is not None and (contact.email, contact.phone) == (None, PHONE)


def test_messages_can_be_stopped_at_any_time(client: TestClient, db: Session, item: Item) -> None:
    choose(client, item, by_email="yes", email=EMAIL_TYPED)
    shown, _values = news_form(client, item)
    stop = shown.form(f"/said/{item.reference}/news")  # the first form; the stop form follows
    forms = shown.soup.find_all("form", attrs={"action": f"/said/{item.reference}/news"})
    assert len(forms) == 2 and stop
    response = client.post(
        f"/said/{item.reference}/news",
        data={"csrf_token": _values["csrf_token"], "stop": "yes"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/said/{item.reference}?news=off#news"
    assert db.get(NewsContact, item.id) is None
    after = page(client.get(response.headers["location"]))
    assert "We will not send you messages about this." in after.text
    # Unticking both and saving stops them too.
    choose(client, item, by_email="yes", email=EMAIL_TYPED)
    unticked = {"csrf_token": _values["csrf_token"], "email": EMAIL, "phone": ""}
    response = client.post(f"/said/{item.reference}/news", data=unticked, follow_redirects=False)
    assert response.headers["location"].endswith("news=off#news")
    assert db.get(NewsContact, item.id) is None


def test_without_an_account_the_choice_is_on_the_receipt_and_the_code_stays_on_it(
    client: TestClient, db: Session
) -> None:
    say = page(client.get("/say")).form("/say")
    receipt = page(client.post("/say", data={**say, "body": "more youth clubs please"}))
    reference = db.exec(select(Item.reference)).one()
    values = receipt.form(f"/said/{reference}/news")
    assert values["receipt"] == "1"
    response = client.post(
        f"/said/{reference}/news",
        data={**values, "by_email": "yes", "email": "no-account@example.org"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/said/{reference}?sent=1&news=on#news"
    again = page(client.get(response.headers["location"]))
    assert again.h1 == "Sent. Thank you!"
    assert "Your secret code" in again.text  # still there to write down
    contact = db.exec(select(NewsContact)).one()
    assert contact.email == "no-account@example.org"


def test_nobody_else_can_choose_for_an_item(
    app: object, client: TestClient, db: Session, item: Item
) -> None:
    with TestClient(app, base_url="http://testserver") as other:  # type: ignore[arg-type]
        sign_in(other, db, make_user(db, nickname="someone"))
        token = page(other.get("/my")).soup.find("meta", attrs={"name": "csrf-token"})
        assert token is not None
        response = other.post(
            f"/said/{item.reference}/news",
            data={"csrf_token": str(token["content"]), "by_email": "yes", "email": EMAIL},
        )
    assert response.status_code == 404
    assert db.get(NewsContact, item.id) is None


def test_no_choice_for_an_item_held_for_safeguarding_or_deleted(
    client: TestClient, db: Session, item: Item
) -> None:
    _shown, values = news_form(client, item)
    for change in ({"sharing": Sharing.SAFEGUARDING}, {"erased_at": item.created_at}):
        for name, value in change.items():
            setattr(item, name, value)
        db.add(item)
        db.commit()
        shown = page(client.get(f"/said/{item.reference}"))
        assert "Tell me when there is news" not in shown.text
        refused = page(
            client.post(
                f"/said/{item.reference}/news", data={**values, "by_email": "yes", "email": EMAIL}
            ),
            409,
        )
        assert refused.error_summary() == [
            "We do not send messages about this one. The timeline shows what happens."
        ]
        assert refused.soup.find(id="timeline") is not None
        assert db.get(NewsContact, item.id) is None
        item.sharing, item.erased_at = Sharing.PENDING, None


def test_a_news_link_opened_signed_out_offers_the_ways_back_in(
    client: TestClient, db: Session, item: Item
) -> None:
    client.cookies.clear()
    lost = page(client.get(f"/said/{item.reference}"), 404)
    links = {str(a["href"]) for a in lost.soup.select("main a")}
    assert f"/sign-in?next=/said/{item.reference}" in links and "/check" in links
    check = page(client.get(f"/check?reference={item.reference}")).form("/check")
    assert check["reference"] == item.reference and check["code"] == ""


def test_staff_never_see_the_contact_details(
    app: object, client: TestClient, db: Session, item: Item
) -> None:
    choose(client, item, by_email="yes", email=EMAIL_TYPED, by_text="yes", phone=PHONE_TYPED)
    for role in (Role.PARTICIPATION_OFFICER, Role.SAFEGUARDING_LEAD):
        with TestClient(app, base_url="http://testserver") as staff:  # type: ignore[arg-type]
            sign_in(staff, db, make_user(db, role))
            for url in (
                f"/staff/items/{item.reference}",
                f"/staff/moderation/items/{item.reference}",
                "/staff/inbox",
                "/staff/moderation",
            ):
                shown = staff.get(url)
                assert shown.status_code == 200, url
                for secret in (EMAIL, "sam.jones", PHONE, "7911", "07911"):
                    assert secret.casefold() not in shown.text.casefold(), (url, secret)


def test_your_data_shows_and_downloads_where_news_goes(
    client: TestClient, db: Session, item: Item
) -> None:
    choose(client, item, by_email="yes", email=EMAIL_TYPED, by_text="yes", phone=PHONE_TYPED)
    mine = page(client.get("/my/data"))
    assert "Where we send news" in mine.text
    assert f"Email: {EMAIL}" in mine.text and f"Text message: {PHONE}" in mine.text
    download = json.loads(client.get("/my/data/download").text)
    [thing] = download["things_you_said"]
    assert thing["tell_me_about_news"] == {"email": EMAIL, "text_message": PHONE}
