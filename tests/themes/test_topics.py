"""Officers tag shared items with several themes and free topics, at the share decision and
afterwards on the item page."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.moderation.models import Sharing
from app.themes.models import ItemTopic, Topic
from app.themes.repository import topic_labels_of
from app.themes.service import read_topics, topic_key
from tests.moderation.helpers import (
    ensure_reasons,
    form_fields,
    item_url,
    officer,
    pending_item,
    preview_and_share,
    reason_id,
    theme_id,
)
from tests.support.pages import page


def test_topics_are_tidied_and_the_same_topic_is_found_whatever_its_case() -> None:
    assert read_topics(" Bus  passes, PEP meetings,,bus PASSES\n") == ["Bus passes", "PEP meetings"]
    assert topic_key("PEP  Meetings") == "pep meetings"


def test_sharing_with_topics_then_retagging(client: TestClient, db: Session) -> None:
    ensure_reasons(db)
    officer(client, db)
    db.add(Topic(key="bus passes", label="bus passes"))
    db.commit()
    item = pending_item(db, "my bus pass never arrives and the PEP was cancelled")
    housing, education = theme_id(db, "housing"), theme_id(db, "education-employment-training")
    _preview, saved = preview_and_share(
        client, db, item, themes=[str(housing), str(education)], topics="Bus Passes, PEP meetings"
    )
    assert saved.status_code == 303
    assert topic_labels_of(db, [item.id or 0]) == {item.id: ["bus passes", "PEP meetings"]}
    assert len(db.exec(select(Topic)).all()) == 2  # "Bus Passes" is the existing topic

    url = item_url(item)
    shown = page(client.get(url))
    assert shown.form(f"{url}/tags")["topics"] == "bus passes, PEP meetings"
    values = form_fields(shown, f"{url}/tags")
    values.update(themes=[str(housing)], topics="placement moves")
    retagged = client.post(f"{url}/tags", data=values, follow_redirects=False)
    assert retagged.status_code == 303
    assert "Themes and topics saved." in page(client.get(retagged.headers["location"])).text
    assert topic_labels_of(db, [item.id or 0]) == {item.id: ["placement moves"]}


def test_retagging_bad_input_is_refused_and_kept(client: TestClient, db: Session) -> None:
    ensure_reasons(db)
    officer(client, db)
    item = pending_item(db, "the wifi is rubbish")
    preview_and_share(client, db, item)
    url = item_url(item)
    values = form_fields(page(client.get(url)), f"{url}/tags")
    values.update(themes=[], topics="x" * 61)
    refused = page(client.post(f"{url}/tags", data=values), 400)
    assert refused.error_summary() == [
        f"“{'x' * 61}” is too long: keep each topic to 60 characters."
    ]
    assert refused.form(f"{url}/tags")["topics"] == "x" * 61
    values.update(topics="fine")
    no_theme = page(client.post(f"{url}/tags", data=values), 400)
    assert no_theme.error_summary() == ["Choose at least one theme to share it under."]
    assert db.exec(select(ItemTopic).where(col(ItemTopic.item_id) == item.id)).all() == []


def test_a_new_decision_withdraws_the_topics(client: TestClient, db: Session) -> None:
    ensure_reasons(db)
    officer(client, db)
    item = pending_item(db, "the wifi is rubbish")
    preview_and_share(client, db, item, topics="wifi")
    assert topic_labels_of(db, [item.id or 0])
    url = item_url(item)
    values = form_fields(page(client.get(url)), f"{url}/decision")
    values.update(decision="private", reason_private=str(reason_id(db, Sharing.PRIVATE)))
    assert client.post(f"{url}/decision", data=values, follow_redirects=False).status_code == 303
    assert topic_labels_of(db, [item.id or 0]) == {}
