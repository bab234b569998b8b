"""Requirement 3: decisions with a reason the young person reads, on their timeline."""

import threading
import time

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.db import new_session
from app.moderation import service
from app.moderation.models import (
    DecisionReason,
    ItemTheme,
    ModerationDecision,
    SharedVersion,
    Sharing,
)
from app.moderation.repository import shared_items
from app.notifications.models import OutboxMessage
from app.people.models import Role, User
from app.safeguarding.models import CaseTrigger, SafeguardingCase
from app.voice.models import EventKind, Item, TimelineEvent
from tests.moderation.helpers import (
    item_url,
    officer,
    pending_item,
    preview_and_share,
    reason_id,
    theme_id,
)
from tests.support.factories import make_user, sign_in
from tests.support.pages import Page, page


def decision_form(client: TestClient, item: Item) -> dict[str, object]:
    form: dict[str, object] = dict(
        page(client.get(item_url(item))).form(f"{item_url(item)}/decision")
    )
    form.pop("themes", None)
    return form


def decide(client: TestClient, item: Item, status: int = 200, **fields: object) -> Page:
    form = decision_form(client, item)
    form.update(fields)
    return page(client.post(f"{item_url(item)}/decision", data=form), status)


def sharing_of(db: Session, item: Item) -> Sharing:
    db.refresh(item)
    return item.sharing


def count(db: Session, model: type) -> int:
    return len(db.exec(select(model)).all())


def test_the_page_shows_the_original_and_audits_each_view(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    item = pending_item(db, body="Zqvx the original words")
    first = page(client.get(item_url(item)))
    assert "Zqvx the original words" in first.text
    assert first.h1 == "What they said"
    page(client.get(f"/staff/items/{item.reference}"))
    views = db.exec(select(AuditEvent).where(AuditEvent.action == "item.view_original")).all()
    assert [(v.actor_id, v.object_type, v.object_id) for v in views] == [
        (me.id, "item", item.id),
        (me.id, "item", item.id),
    ]


def test_the_staff_item_page_links_to_moderation(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db)
    staff_page = page(client.get(f"/staff/items/{item.reference}"))
    assert staff_page.soup.find("a", href=item_url(item)) is not None
    assert "Waiting for a decision" in staff_page.text


@pytest.mark.parametrize("decision", [Sharing.PRIVATE, Sharing.FOLLOW_UP, Sharing.NOT_SHARED])
def test_a_decision_with_its_reason_reaches_the_young_persons_timeline(
    app: object, client: TestClient, db: Session, decision: Sharing
) -> None:
    me = officer(client, db)
    author = make_user(db, nickname="author")
    item = pending_item(db, author_id=author.id)
    reason = db.get(DecisionReason, reason_id(db, decision, 1))
    assert reason is not None
    response = client.post(
        f"{item_url(item)}/decision",
        data={
            **decision_form(client, item),
            "decision": decision.value,
            f"reason_{decision.value}": str(reason.id),
            "note": "staff eyes only",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{item_url(item)}?decided=1"
    done = page(client.get(response.headers["location"]))
    assert "Decision saved" in done.text
    db.refresh(item)
    assert item.sharing is decision and item.moderation_version == 1
    assert item.first_action_at is not None
    made = db.exec(select(ModerationDecision)).one()
    assert (made.decision, made.reason_id, made.note, made.decided_by_id) == (
        decision,
        reason.id,
        "staff eyes only",
        me.id,
    )
    event = db.exec(select(TimelineEvent).where(TimelineEvent.kind == EventKind.DECISION)).one()
    assert event.body == reason.text
    assert count(db, SharedVersion) == 0
    assert shared_items(db) == []
    with TestClient(app, base_url="http://testserver") as young:  # type: ignore[arg-type]
        sign_in(young, db, author)
        timeline = page(young.get(f"/said/{item.reference}"))
    assert "What we decided" in timeline.text
    assert reason.text in timeline.text
    assert "staff eyes only" not in timeline.text
    queue = page(client.get("/staff/moderation"))
    assert item.reference not in queue.text


def test_sharing_needs_consent_and_keeps_what_was_typed(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db, may_share=False)
    result = decide(
        client,
        item,
        400,
        decision="shared",
        reason_shared=str(reason_id(db, Sharing.SHARED)),
        themes=str(theme_id(db, "housing")),
        note="my careful note",
    )
    assert result.error_summary() == [
        "The young person did not agree to sharing. Choose another decision."
    ]
    assert result.form(f"{item_url(item)}/decision")["note"] == "my careful note"
    assert (count(db, ModerationDecision), count(db, SharedVersion)) == (0, 0)
    db.refresh(item)
    assert item.sharing is Sharing.PENDING and item.moderation_version == 0


def test_sharing_stores_the_shared_version_and_its_themes(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db, body="we need more youth clubs")
    housing, health = theme_id(db, "housing"), theme_id(db, "health-wellbeing")
    preview, saved = preview_and_share(client, db, item, themes=[str(housing), str(health)])
    assert "What will be shared" in preview.text
    assert saved.status_code == 303, saved.text[:300]
    [shared] = shared_items(db)
    assert shared.item_id == item.id and set(shared.theme_ids) == {housing, health}
    assert shared.text == "we need more youth clubs"


def test_sharing_needs_a_theme(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db)
    result = decide(
        client, item, 400, decision="shared", reason_shared=str(reason_id(db, Sharing.SHARED))
    )
    assert result.error_summary() == ["Choose at least one theme to share it under."]


def test_a_decision_needs_a_reason_and_the_note_is_kept(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db)
    result = decide(client, item, 400, decision="private", note="keep this note")
    assert result.error_summary() == ["Choose a reason. The young person will read it."]
    links = [a["href"] for a in result.soup.select(".govuk-error-summary__list a")]
    assert links == ["#reason_private"]
    assert result.soup.find(id="reason_private") is not None
    form = result.form(f"{item_url(item)}/decision")
    assert (form["decision"], form["note"]) == ("private", "keep this note")
    nothing = decide(client, item, 400, note="still here")
    assert nothing.error_summary() == ["Choose what happens to this item."]
    assert count(db, ModerationDecision) == 0


def test_a_reason_must_belong_to_the_decision_and_be_current(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = pending_item(db)
    wrong_kind = decide(
        client,
        item,
        400,
        decision="private",
        reason_private=str(reason_id(db, Sharing.NOT_SHARED)),
    )
    assert wrong_kind.error_summary() == ["Choose a reason. The young person will read it."]
    retired = db.get(DecisionReason, reason_id(db, Sharing.PRIVATE))
    assert retired is not None
    retired.is_active = False
    db.add(retired)
    db.commit()
    stale = decide(client, item, 400, decision="private", reason_private=str(retired.id))
    assert stale.error_summary() == ["Choose a reason. The young person will read it."]
    assert count(db, ModerationDecision) == 0


def test_safeguarding_opens_a_case_raised_by_the_officer(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    item = pending_item(db)
    reason = reason_id(db, Sharing.SAFEGUARDING)
    form = decision_form(client, item)
    form.update(decision="safeguarding", reason_safeguarding=str(reason))
    response = client.post(f"{item_url(item)}/decision", data=form, follow_redirects=False)
    assert response.status_code == 303
    case = db.exec(select(SafeguardingCase)).one()
    assert (case.item_id, case.trigger, case.raised_by_id) == (
        item.id,
        CaseTrigger.OFFICER_FLAG,
        me.id,
    )
    assert count(db, OutboxMessage) == 1
    db.refresh(item)
    assert item.sharing is Sharing.SAFEGUARDING
    held = page(client.get(item_url(item)))
    assert "Held: a safeguarding case is open" in held.text
    assert held.soup.find("form", attrs={"action": f"{item_url(item)}/decision"}) is None
    again = client.post(f"{item_url(item)}/decision", data=form)
    assert again.status_code == 409  # the version moved; nothing is overwritten
    assert count(db, ModerationDecision) == 1


def test_a_held_item_cannot_be_decided(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = pending_item(db, sharing=Sharing.SAFEGUARDING)
    meta = page(client.get(item_url(item))).soup.select_one("meta[name=csrf-token]")
    assert meta is not None
    form = {
        "csrf_token": str(meta["content"]),
        "version": "0",
        "decision": "shared",
        "reason_shared": str(reason_id(db, Sharing.SHARED)),
        "themes": str(theme_id(db, "housing")),
    }
    result = page(client.post(f"{item_url(item)}/decision", data=form), 400)
    assert "This item is held" in " ".join(result.error_summary())
    assert count(db, SharedVersion) == 0


def test_someone_else_decided_first_nothing_is_overwritten(
    app: object, client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = pending_item(db)
    mine = decision_form(client, item)
    colleague = make_user(db, Role.PARTICIPATION_OFFICER)
    with TestClient(app, base_url="http://testserver") as other:  # type: ignore[arg-type]
        sign_in(other, db, colleague)
        decide(
            other,
            item,
            decision="not_shared",
            reason_not_shared=str(reason_id(db, Sharing.NOT_SHARED)),
        )
    mine.update(
        decision="private",
        reason_private=str(reason_id(db, Sharing.PRIVATE)),
        note="my thoughtful note",
    )
    result = page(client.post(f"{item_url(item)}/decision", data=mine), 409)
    assert "Someone else changed this item" in result.text
    assert colleague.label in result.text
    assert "It could show who you are" in result.text  # their reason
    kept = result.form(f"{item_url(item)}/decision")
    assert (kept["decision"], kept["note"], kept["version"]) == (
        "private",
        "my thoughtful note",
        "1",
    )
    assert sharing_of(db, item) is Sharing.NOT_SHARED
    assert count(db, ModerationDecision) == 1
    again = client.post(f"{item_url(item)}/decision", data=kept, follow_redirects=False)
    assert again.status_code == 303  # now it is a deliberate change
    assert sharing_of(db, item) is Sharing.PRIVATE


def test_first_action_is_the_first_decision_and_unsharing_withdraws(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    item = pending_item(db)
    assert preview_and_share(client, db, item)[1].status_code == 303
    db.refresh(item)
    first = item.first_action_at
    assert first is not None and count(db, SharedVersion) == 1
    decide(client, item, decision="private", reason_private=str(reason_id(db, Sharing.PRIVATE)))
    db.refresh(item)
    assert item.first_action_at == first
    assert (count(db, SharedVersion), count(db, ItemTheme)) == (0, 0)
    assert shared_items(db) == []
    kinds = db.exec(
        select(TimelineEvent.kind)
        .where(TimelineEvent.item_id == item.id)
        .order_by(col(TimelineEvent.id))
    ).all()
    assert kinds == [EventKind.SENT, EventKind.DECISION, EventKind.DECISION]


def test_two_officers_at_the_same_moment_only_one_decision_wins(db: Session) -> None:
    """Runs on both databases without a shared transaction: the lock is in the database."""
    first_officer = make_user(db, Role.PARTICIPATION_OFFICER)
    second_officer = make_user(db, Role.PARTICIPATION_OFFICER)
    item = pending_item(db)
    private = reason_id(db, Sharing.PRIVATE)
    not_shared = reason_id(db, Sharing.NOT_SHARED)
    claimed = threading.Event()
    outcomes: dict[str, str] = {}

    def officer_decides(name: str, user: User, decision: Sharing, reason: int) -> None:
        with new_session(for_writing=True) as session:
            mine = session.get(Item, item.id)
            assert mine is not None
            try:
                service.decide(
                    session,
                    item=mine,
                    decision=decision,
                    reason_id=reason,
                    note="",
                    expected_version=0,
                    actor=user,
                )
                claimed.set()
                time.sleep(0.3)  # hold the row while the other officer tries
                session.commit()
                outcomes[name] = "saved"
            except service.DecidedMeanwhile:
                session.rollback()
                outcomes[name] = "decided meanwhile"

    first = threading.Thread(
        target=officer_decides, args=("first", first_officer, Sharing.PRIVATE, private)
    )
    first.start()
    assert claimed.wait(5)
    officer_decides("second", second_officer, Sharing.NOT_SHARED, not_shared)
    first.join()
    assert outcomes == {"first": "saved", "second": "decided meanwhile"}
    db.expire_all()
    assert [d.decision for d in db.exec(select(ModerationDecision)).all()] == [Sharing.PRIVATE]
