"""Requirement 4: the officer accepts, changes or adds what is taken out, sees the shared
version before saving it, and every span taken out is recorded."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.moderation.models import Redaction, RedactionKind, SharedVersion, Sharing
from app.moderation.repository import shared_items
from tests.moderation.helpers import (
    form_fields,
    item_url,
    officer,
    pending_item,
    preview_and_share,
    reason_id,
    theme_id,
)
from tests.support.pages import page

WORDS = "my social worker is Dave, ring me on 07912 345678. The food at Oakfield Academy is bad"


def test_suggestions_start_ticked(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db, body=WORDS)
    moderate = page(client.get(item_url(item)))
    form = form_fields(moderate, f"{item_url(item)}/decision")
    assert len(form["redact"]) == 3
    labels = [
        label.get_text(" ", strip=True) for label in moderate.soup.select("label[for^=redact]")
    ]
    assert labels == [
        "“Dave” (Name)",
        "“07912 345678” (Phone number)",
        "“Oakfield Academy” (School or college)",
    ]


def test_preview_then_share_with_markers_and_a_record_of_each_span(
    client: TestClient, db: Session
) -> None:
    me = officer(client, db)
    item = pending_item(db, body=WORDS)
    preview, saved = preview_and_share(
        client, db, item, remove_text="bad", remove_kind="other", remove_why="rude about staff"
    )
    expected = (
        "my social worker is [name removed], ring me on [phone number removed]. "
        "The food at [school removed] is [removed]"
    )
    assert expected in preview.text
    assert saved.status_code == 303
    [shared] = shared_items(db)
    assert shared.text == expected
    db.refresh(item)
    assert item.body == WORDS  # the original stays with officers
    rows = db.exec(select(Redaction).order_by(col(Redaction.start))).all()
    assert [(r.kind, WORDS[r.start : r.end], r.reason, r.redacted_by_id) for r in rows] == [
        (RedactionKind.NAME, "Dave", "suggested", me.id),
        (RedactionKind.PHONE, "07912 345678", "suggested", me.id),
        (RedactionKind.SCHOOL, "Oakfield Academy", "suggested", me.id),
        (RedactionKind.OTHER, "bad", "rude about staff", me.id),
    ]
    shown = page(client.get(item_url(item)))
    assert expected in shown.text


def test_a_preview_saves_nothing_and_unticking_keeps_the_words(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = pending_item(db, body=WORDS)
    url = item_url(item)
    values = form_fields(page(client.get(url)), f"{url}/decision")
    values.update(
        decision="shared",
        reason_shared=str(reason_id(db, Sharing.SHARED)),
        themes=[str(theme_id(db, "housing"))],
        redact=[value for value in values["redact"] if value.startswith("20-")],  # Dave only
    )
    preview = page(client.post(f"{url}/decision", data={**values, "action": "preview"}))
    assert "[name removed], ring me on 07912 345678" in preview.text
    assert db.exec(select(SharedVersion)).all() == []
    assert db.exec(select(Redaction)).all() == []


def test_saving_without_a_preview_of_these_exact_words_shows_the_preview(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = pending_item(db, body=WORDS)
    url = item_url(item)
    values = form_fields(page(client.get(url)), f"{url}/decision")
    values.update(
        decision="shared",
        reason_shared=str(reason_id(db, Sharing.SHARED)),
        themes=[str(theme_id(db, "housing"))],
    )
    straight = page(client.post(f"{url}/decision", data={**values, "action": "save"}))
    assert "Check the shared version below." in straight.text
    assert db.exec(select(SharedVersion)).all() == []
    seen = form_fields(straight, f"{url}/decision")
    seen["redact"] = []  # changed after the preview: must be seen again
    changed = page(client.post(f"{url}/decision", data={**seen, "action": "save"}))
    assert "Check the shared version below." in changed.text
    shown = changed.soup.select_one("#preview")
    assert shown is not None and "Dave, ring me on 07912 345678" in shown.get_text()
    assert db.exec(select(SharedVersion)).all() == []
    final = form_fields(changed, f"{url}/decision")
    done = client.post(f"{url}/decision", data={**final, "action": "save"}, follow_redirects=False)
    assert done.status_code == 303
    assert shared_items(db)[0].text == WORDS


def test_the_same_span_twice_is_a_friendly_error_and_nothing_is_lost(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = pending_item(db, body=WORDS)
    url = item_url(item)
    values = form_fields(page(client.get(url)), f"{url}/decision")
    values.update(
        decision="shared",
        reason_shared=str(reason_id(db, Sharing.SHARED)),
        themes=[str(theme_id(db, "housing"))],
        remove_text="Dave",  # also ticked as a suggestion
        note="a note I typed",
    )
    result = page(client.post(f"{url}/decision", data={**values, "action": "preview"}), 400)
    assert result.error_summary() == [
        "“Dave” is chosen to be removed twice. Untick it, or take it out of the box. "
        "Nothing else has changed."
    ]
    kept = form_fields(result, f"{url}/decision")
    assert kept["remove_text"] == "Dave" and kept["note"] == "a note I typed"
    assert sorted(kept["redact"]) == sorted(values["redact"])
    assert kept["themes"] == values["themes"] and kept["decision"] == "shared"
    twice_typed = {**values, "redact": [], "remove_text": "Dave\nDave"}
    again = page(client.post(f"{url}/decision", data={**twice_typed, "action": "save"}), 400)
    assert "chosen to be removed twice" in again.text
    assert db.exec(select(SharedVersion)).all() == []


def test_text_that_is_not_there_is_a_friendly_error(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db, body=WORDS)
    url = item_url(item)
    values = form_fields(page(client.get(url)), f"{url}/decision")
    values.update(
        decision="shared",
        reason_shared=str(reason_id(db, Sharing.SHARED)),
        themes=[str(theme_id(db, "housing"))],
        remove_text="Davina",
    )
    result = page(client.post(f"{url}/decision", data={**values, "action": "preview"}), 400)
    assert result.error_summary() == ["“Davina” is not in what they said. Copy it exactly."]
    links = [a["href"] for a in result.soup.select(".govuk-error-summary__list a")]
    assert links == ["#remove_text"] and result.soup.find(id="remove_text") is not None


def test_a_made_up_span_cannot_be_posted(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db, body=WORDS)
    _, saved = preview_and_share(client, db, item, redact=["0-2", "5-999", "nonsense"])
    assert saved.status_code == 303
    assert shared_items(db)[0].text == WORDS  # only real suggestions are ever applied
    assert db.exec(select(Redaction)).all() == []


def test_sharing_again_replaces_the_shared_version_and_its_record(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = pending_item(db, body=WORDS)
    preview_and_share(client, db, item)
    assert len(db.exec(select(Redaction)).all()) == 3
    _, saved = preview_and_share(client, db, item, redact=[], remove_text="bad")
    assert saved.status_code == 303
    assert shared_items(db)[0].text.endswith("is [removed]")
    assert [r.kind for r in db.exec(select(Redaction)).all()] == [RedactionKind.OTHER]
