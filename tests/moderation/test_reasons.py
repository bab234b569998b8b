"""The reasons list young people read: officers and admins add, reword, retire, bring back."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.moderation.models import DecisionReason, Sharing
from app.people.models import Role
from app.voice.models import EventKind, TimelineEvent
from tests.moderation.helpers import form_fields, item_url, officer, pending_item, reason_id
from tests.support.pages import page

PAGE = "/staff/moderation/reasons"


def reason_form(client: TestClient, reason: int) -> dict[str, str | list[str]]:
    return form_fields(page(client.get(PAGE)), f"{PAGE}/{reason}")


@pytest.mark.parametrize("role", [Role.PARTICIPATION_OFFICER, Role.ADMIN])
def test_add_a_reason_and_officers_can_choose_it(
    client: TestClient, db: Session, role: Role
) -> None:
    officer(client, db, role)
    reasons = page(client.get(PAGE))
    assert reasons.h1 == "Decision reasons"
    values = form_fields(reasons, PAGE)
    values.update(decision="follow_up", text="  We will ring   you this week. ")
    response = client.post(PAGE, data=values, follow_redirects=False)
    assert response.headers["location"] == f"{PAGE}?notice=added"
    added = db.exec(select(DecisionReason).where(DecisionReason.text.startswith("We will"))).one()
    assert (added.decision, added.text, added.is_active) == (
        Sharing.FOLLOW_UP,
        "We will ring you this week.",
        True,
    )
    assert "Reason added." in page(client.get(response.headers["location"])).text
    audit = db.exec(select(AuditEvent.action).where(AuditEvent.object_type == "reason")).all()
    assert audit == ["reason.add"]


def test_adding_needs_a_decision_and_words_and_keeps_them(client: TestClient, db: Session) -> None:
    officer(client, db)
    values = form_fields(page(client.get(PAGE)), PAGE)
    no_decision = page(client.post(PAGE, data={**values, "text": "Some words"}), 400)
    assert no_decision.error_summary() == ["Choose which decision the reason is for."]
    assert no_decision.form(PAGE)["text"] == "Some words"
    no_words = page(client.post(PAGE, data={**values, "decision": "private"}), 400)
    assert no_words.error_summary() == ["Write the reason the young person will read."]
    too_long = page(
        client.post(PAGE, data={**values, "decision": "private", "text": "x" * 301}), 400
    )
    assert too_long.error_summary() == ["Keep the reason to 300 characters or fewer."]


def test_rewording_changes_later_decisions_not_what_was_already_said(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    private = reason_id(db, Sharing.PRIVATE)
    item = pending_item(db)
    values = form_fields(page(client.get(item_url(item))), f"{item_url(item)}/decision")
    values.update(decision="private", reason_private=str(private))
    client.post(f"{item_url(item)}/decision", data=values)
    form = reason_form(client, private)
    form.update(text="Only the participation team will see this.", action="save")
    response = client.post(f"{PAGE}/{private}", data=form, follow_redirects=False)
    assert response.headers["location"] == f"{PAGE}?notice=saved"
    reason = db.get(DecisionReason, private)
    assert reason is not None
    db.refresh(reason)
    assert reason.text == "Only the participation team will see this."
    told = db.exec(select(TimelineEvent.body).where(TimelineEvent.kind == EventKind.DECISION)).one()
    assert told == "Kept between you and the participation team."


def test_retire_and_bring_back(client: TestClient, db: Session) -> None:
    officer(client, db)
    first, second = reason_id(db, Sharing.FOLLOW_UP, 0), reason_id(db, Sharing.FOLLOW_UP, 1)
    client.post(f"{PAGE}/{first}", data={**reason_form(client, first), "action": "retire"})
    item = pending_item(db)
    moderate = page(client.get(item_url(item)))
    options = [i.get("value") for i in moderate.soup.select("input[name=reason_follow_up]")]
    assert options == [str(second)]
    last = page(
        client.post(f"{PAGE}/{second}", data={**reason_form(client, second), "action": "retire"}),
        400,
    )
    assert last.error_summary() == [
        "Keep at least one reason for each decision. Add another one first."
    ]
    links = [a["href"] for a in last.soup.select(".govuk-error-summary__list a")]
    assert links == [f"#reason-{second}"] and last.soup.find(id=f"reason-{second}") is not None
    client.post(f"{PAGE}/{first}", data={**reason_form(client, first), "action": "restore"})
    active = db.exec(
        select(col(DecisionReason.id)).where(
            DecisionReason.decision == Sharing.FOLLOW_UP, col(DecisionReason.is_active).is_(True)
        )
    ).all()
    assert set(active) == {first, second}


def test_rewording_to_nothing_keeps_what_was_typed(client: TestClient, db: Session) -> None:
    officer(client, db)
    private = reason_id(db, Sharing.PRIVATE)
    form = {**reason_form(client, private), "text": "   ", "action": "save"}
    result = page(client.post(f"{PAGE}/{private}", data=form), 400)
    assert result.error_summary() == ["Write the reason the young person will read."]
    assert client.post(f"{PAGE}/999999", data=form).status_code == 404


def test_the_safeguarding_lead_moderates_but_does_not_edit_reasons(
    client: TestClient, db: Session
) -> None:
    officer(client, db, Role.SAFEGUARDING_LEAD)
    queue = page(client.get("/staff/moderation"))
    assert queue.soup.find("a", href=PAGE) is None
    assert client.get(PAGE).status_code == 403
