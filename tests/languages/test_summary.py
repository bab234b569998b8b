"""Staff see the language a young person chose and write an English summary beside the
original, which stays exactly as written."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.languages.models import MAX_SUMMARY_CHARS, ItemEnglishSummary
from app.people.models import Role
from app.privacy.service import erase_item
from app.voice.models import Item
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import page

THEIR_WORDS = "الحافلة تتأخر كثيرًا ولا أستطيع الذهاب إلى المدرسة"
SUMMARY = "The bus is often late, so they cannot get to school."


def arabic_item(db: Session) -> Item:
    item = make_item(db, body=THEIR_WORDS)
    item.language = "ar"
    db.add(item)
    db.commit()
    return item


def summary_url(item: Item) -> str:
    return f"/staff/items/{item.reference}/english-summary"


def test_staff_see_the_language_and_write_a_summary(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, officer)
    item = arabic_item(db)
    before = page(client.get(f"/staff/items/{item.reference}"))
    assert "Language chosen Arabic" in before.text
    assert "None yet. They chose Arabic." in before.text
    said = before.soup.select_one(".sd-said[lang=ar]")
    assert said is not None and said.get_text() == THEIR_WORDS

    form = page(client.get(summary_url(item)))
    assert THEIR_WORDS in form.text
    values = form.form(summary_url(item))
    values["summary"] = SUMMARY
    response = client.post(summary_url(item), data=values, follow_redirects=False)
    assert response.status_code == 303
    after = page(client.get(response.headers["location"]))
    assert SUMMARY in after.text and THEIR_WORDS in after.text
    db.refresh(item)
    assert item.body == THEIR_WORDS  # the original is never changed
    saved = db.exec(select(ItemEnglishSummary)).one()
    assert (saved.text, saved.written_by_id) == (SUMMARY, officer.id)
    actions = db.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))).all()
    assert "item.english_summary" in actions


def test_a_summary_can_be_changed_and_there_is_only_ever_one(
    client: TestClient, db: Session
) -> None:
    sign_in(client, db, make_user(db, Role.SAFEGUARDING_LEAD))
    item = arabic_item(db)
    for words in (SUMMARY, "The bus is late; school is hard to reach."):
        values = page(client.get(summary_url(item))).form(summary_url(item))
        client.post(summary_url(item), data={**values, "summary": words})
    assert [row.text for row in db.exec(select(ItemEnglishSummary)).all()] == [
        "The bus is late; school is hard to reach."
    ]


def test_an_empty_or_long_summary_is_refused_kindly(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    item = arabic_item(db)
    values = page(client.get(summary_url(item))).form(summary_url(item))
    empty = page(client.post(summary_url(item), data={**values, "summary": "  "}), 400)
    assert empty.error_summary() == ["Write the summary in English before you save it."]
    long_text = "a" * (MAX_SUMMARY_CHARS + 1)
    long = page(client.post(summary_url(item), data={**values, "summary": long_text}), 400)
    assert long.form(summary_url(item))["summary"] == long_text  # kept
    assert db.exec(select(ItemEnglishSummary)).all() == []


def test_erasing_the_words_erases_the_summary(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, officer)
    item = arabic_item(db)
    values = page(client.get(summary_url(item))).form(summary_url(item))
    client.post(summary_url(item), data={**values, "summary": SUMMARY})
    assert erase_item(db, item=item, actor=officer, why="item.erased")
    db.commit()
    assert db.exec(select(ItemEnglishSummary)).all() == []
    refused = page(client.post(summary_url(item), data={**values, "summary": SUMMARY}), 400)
    assert "nothing to summarise" in refused.error_summary()[0]


def test_items_in_english_offer_no_summary(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    item = make_item(db, body="the bus is late")
    shown = page(client.get(f"/staff/items/{item.reference}"))
    assert "Language chosen English" in shown.text
    assert shown.soup.select_one("#english-summary") is None
