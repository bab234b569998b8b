"""Quick capture: many cards in one go, through the same service as the online form."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.events.models import EventType
from app.moderation.models import Sharing
from app.safeguarding.models import SafeguardingCase
from app.voice.models import AgeBand, Item
from tests.events.helpers import make_event
from tests.moderation.helpers import officer, theme_id
from tests.support.pages import Page, page


def _grow(client: TestClient, url: str, form: Page, times: int) -> Page:
    for _ in range(times):
        values = form.form(url)
        form = page(client.post(url, data={**values, "action": "more"}))
    return form


def test_thirty_cards_in_one_go_and_a_retry_saves_nothing_twice(
    client: TestClient, db: Session
) -> None:
    me = officer(client, db)
    housing = theme_id(db, "housing")
    event = make_event(db, me, theme_ids=(housing,))
    url = f"/staff/events/{event.id}/capture"
    form = page(client.get(url))
    assert len(form.soup.select("textarea")) == 10
    form = _grow(client, url, form, 2)  # "Add 10 more rows", twice, without JavaScript
    assert len(form.soup.select("textarea")) == 30
    values = form.form(url)
    for number in range(1, 31):
        values[f"text_{number}"] = f"card {number}: more youth clubs please"
        values[f"age_{number}"] = "14-15" if number % 2 else ""
        if number <= 10:
            values[f"share_{number}"] = "yes"
    response = client.post(url, data={**values, "action": "save"}, follow_redirects=False)
    assert response.status_code == 303
    assert "30 cards saved." in page(client.get(response.headers["location"])).text
    items = db.exec(select(Item).where(Item.event_id == event.id)).all()
    assert len(items) == 30
    assert {i.channel for i in items} == {"event"}
    assert {i.sharing for i in items} == {Sharing.PENDING}
    assert {i.author_id for i in items} == {None} and {i.access_code_hash for i in items} == {None}
    assert {i.theme_id for i in items} == {housing}
    assert sum(1 for i in items if i.may_share) == 10
    assert sum(1 for i in items if i.age_band is AgeBand.FROM_14) == 15
    again = client.post(url, data={**values, "action": "save"}, follow_redirects=False)
    assert again.status_code == 303
    assert len(db.exec(select(Item).where(Item.event_id == event.id)).all()) == 30


def test_bad_rows_come_back_with_their_words_and_good_rows_are_kept(
    client: TestClient, db: Session
) -> None:
    me = officer(client, db)
    event = make_event(db, me, kind=EventType.PAPER_SURVEY)
    url = f"/staff/events/{event.id}/capture"
    values = page(client.get(url)).form(url)
    long_words = "too long " * 250
    values.update(
        text_1="more pizza at meetings",
        age_2="16-17",  # an age but no words: partly filled
        text_3=long_words,
        text_5="the bus to college is always late",
    )
    result = page(client.post(url, data={**values, "action": "save"}), 400)
    assert result.error_summary() == [
        "Card 1: There are no words. Type what they said, or clear the row.",
        f"Card 2: It is {len(long_words):,} characters. Shorten it to 2,000, or split it into "
        "two cards.",
    ]
    assert "2 cards saved." in result.text
    kept = result.form(url)
    assert kept["rows"] == "2"
    assert kept["age_1"] == "16-17"
    assert kept["text_2"] == long_words
    saved = db.exec(select(Item).where(Item.event_id == event.id)).all()
    assert sorted(i.body for i in saved) == [
        "more pizza at meetings",
        "the bus to college is always late",
    ]
    assert {i.channel for i in saved} == {"paper"}


def test_a_worrying_card_opens_a_safeguarding_case_like_online(
    client: TestClient, db: Session
) -> None:
    me = officer(client, db)
    event = make_event(db, me)
    url = f"/staff/events/{event.id}/capture"
    values = page(client.get(url)).form(url)
    values.update(text_1="my foster carer hits me and I am scared to go home", text_2="more buses")
    assert client.post(url, data=values, follow_redirects=False).status_code == 303
    flagged = db.exec(select(Item).where(col(Item.body).contains("scared"))).one()
    assert flagged.sharing is Sharing.SAFEGUARDING
    assert db.exec(select(SafeguardingCase).where(SafeguardingCase.item_id == flagged.id)).one()
