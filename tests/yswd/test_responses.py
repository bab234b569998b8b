"""The response editor: reading age, an exact preview before publishing, group responses."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.voice.models import EventKind, Item, ItemStatus, TimelineEvent
from app.voice.readability import reading_age
from app.voice.service import response_preview_token
from tests.support.factories import make_item
from tests.support.pages import page
from tests.yswd.helpers import merged_group, officer, preview, respond_url

EASY = "We fixed the wifi. It is fast now. Tell us if it stops."
HARD = (
    "Following comprehensive consultation, the directorate has commissioned an independent "
    "evaluation of connectivity provision across residential accommodation establishments."
)


def responses(db: Session, item: Item) -> list[str]:
    return [
        event.body or ""
        for event in db.exec(
            select(TimelineEvent)
            .where(TimelineEvent.item_id == item.id, TimelineEvent.kind == EventKind.RESPONSE_ADDED)
            .order_by(col(TimelineEvent.id))
        ).all()
    ]


def test_reading_age_is_grade_plus_five_and_warns_above_eleven() -> None:
    easy, hard = reading_age(EASY), reading_age(HARD)
    assert easy.reading_age is not None and easy.reading_age <= 11 and not easy.too_hard
    assert hard.reading_age is not None and hard.reading_age > 16 and hard.too_hard
    assert reading_age("Done.").reading_age is None  # too short to judge
    assert not reading_age("Done.").too_hard


def test_preview_shows_exactly_what_the_young_person_sees(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = make_item(db)
    shown = preview(client, item, EASY)
    box = shown.soup.select_one("#preview")
    assert box is not None
    assert "We replied" in box.get_text(" ", strip=True)  # the timeline's own words
    assert box.select_one(".sd-timeline__response").get_text() == EASY  # type: ignore[union-attr]
    assert "easy enough" in shown.soup.select_one("#reading-age").get_text()  # type: ignore[union-attr]
    assert shown.form(respond_url(item))["previewed"] == response_preview_token(EASY)
    assert responses(db, item) == []  # a preview publishes nothing


def test_hard_words_get_a_warning_but_can_still_be_published(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = make_item(db)
    shown = preview(client, item, HARD)
    warning = shown.soup.select_one("#reading-age").get_text(" ", strip=True)  # type: ignore[union-attr]
    assert "harder than 11" in warning
    assert "Use shorter sentences and everyday words." in warning
    done = client.post(respond_url(item), data=shown.form(respond_url(item)))
    assert "Response published" in page(done).text
    assert responses(db, item) == [HARD]


def test_publishing_unpreviewed_words_shows_the_preview_first(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = make_item(db)
    shown = preview(client, item, EASY)
    form = shown.form(respond_url(item))
    form["response"] = EASY + " We also got new routers."  # changed after the preview
    again = page(client.post(respond_url(item), data=form))
    assert "Check the preview. Publish again if it is right." in again.text
    assert again.form(respond_url(item))["response"] == form["response"]  # nothing lost
    assert responses(db, item) == []
    page(client.post(respond_url(item), data=again.form(respond_url(item))))
    assert responses(db, item) == [form["response"]]
    db.refresh(item)
    assert item.status is ItemStatus.RESPONDED


def test_empty_response_is_refused_with_the_choice_kept(client: TestClient, db: Session) -> None:
    user = officer(client, db)
    main, _ = merged_group(db, user, 3)
    form = page(client.get(respond_url(main))).form(respond_url(main))
    form.update(response="   ", send_to="this", action="preview")
    refused = page(client.post(respond_url(main), data=form), 400)
    assert refused.error_summary() == ["Write the response before you publish it."]
    assert refused.form(respond_url(main))["send_to"] == "this"


def test_a_group_response_reaches_everyone_who_said_it_at_once(
    client: TestClient, db: Session
) -> None:
    user = officer(client, db)
    main, others = merged_group(db, user, 4)
    editor = page(client.get(respond_url(main)))
    assert "All 4 young people who said this" in editor.text
    assert editor.form(respond_url(main))["send_to"] == "group"  # the default
    shown = preview(client, main, EASY, send_to="group")
    done = page(client.post(respond_url(main), data=shown.form(respond_url(main))))
    assert "The 4 young people who said this can see it now." in done.text
    for item in [main, *others]:
        assert responses(db, item) == [EASY]
        db.refresh(item)
        assert item.status is ItemStatus.RESPONDED


def test_only_this_young_person_when_the_officer_says_so(client: TestClient, db: Session) -> None:
    user = officer(client, db)
    main, others = merged_group(db, user, 3)
    shown = preview(client, main, EASY, send_to="this")
    page(client.post(respond_url(main), data=shown.form(respond_url(main))))
    assert responses(db, main) == [EASY]
    assert [responses(db, other) for other in others] == [[], []]


def test_a_merged_item_is_answered_alone(client: TestClient, db: Session) -> None:
    user = officer(client, db)
    main, others = merged_group(db, user, 3)
    editor = page(client.get(respond_url(others[0])))
    assert "young people who said this" not in editor.text
    shown = preview(client, others[0], EASY)
    page(client.post(respond_url(others[0]), data=shown.form(respond_url(others[0]))))
    assert responses(db, others[0]) == [EASY]
    assert responses(db, main) == [] and responses(db, others[1]) == []
