"""Requirement 5: items that say the same thing are counted together, and nobody's words,
author or timeline are lost."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.moderation.models import Sharing
from app.moderation.repository import shared_items
from app.safeguarding.models import SafeguardingCase
from app.voice.models import EventKind, Item, TimelineEvent
from tests.moderation.helpers import (
    form_fields,
    item_url,
    officer,
    pending_item,
    preview_and_share,
    reason_id,
)
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def merge(client: TestClient, items: list[Item], main: Item) -> None:
    queue = page(client.get("/staff/moderation"))
    values = form_fields(queue, "/staff/moderation/assign")
    values["items"] = [item.reference for item in items]
    chooser = page(client.post("/staff/moderation/merge", data=values))
    assert chooser.h1 == "Merge items that say the same thing"
    confirm = form_fields(chooser, "/staff/moderation/merge")
    assert sorted(confirm["items"]) == sorted(item.reference for item in items)
    confirm["main"] = main.reference
    response = client.post("/staff/moderation/merge", data=confirm, follow_redirects=False)
    assert response.status_code == 303, response.text[:300]
    assert response.headers["location"] == "/staff/moderation?notice=merged"


def test_merging_counts_them_together_in_the_queue(client: TestClient, db: Session) -> None:
    me = officer(client, db)
    authors = [make_user(db, nickname=f"author{n}") for n in range(4)]
    items = [
        pending_item(db, body=f"the bus pass is too dear ({n})", author_id=author.id)
        for n, author in enumerate(authors)
    ]
    lonely = pending_item(db, body="something else")
    merge(client, items[:2], main=items[0])
    merge(client, [items[0], items[2], items[3]], main=items[0])
    queue = page(client.get("/staff/moderation?notice=merged"))
    assert "Merged. The items are now counted together." in queue.text
    rows = queue.soup.select("tbody tr")
    assert len(rows) == 2
    assert "4 young people said this" in rows[0].get_text(" ", strip=True)
    assert "said this" not in rows[1].get_text(" ", strip=True)
    assert lonely.reference in rows[1].get_text(" ", strip=True)
    db.expire_all()
    for item, author in zip(items, authors, strict=True):
        mine = db.get(Item, item.id)
        assert mine is not None
        assert mine.author_id == author.id
        assert mine.body == item.body
        assert mine.merged_into_id == (None if item is items[0] else items[0].id)
    audit = db.exec(select(AuditEvent).where(AuditEvent.action == "item.merge")).all()
    assert {(a.actor_id, a.object_id) for a in audit} == {(me.id, i.id) for i in items[1:]}
    main_page = page(client.get(item_url(items[0])))
    assert "4 young people said this" in main_page.text
    for other in items[1:]:
        assert main_page.soup.find("a", href=item_url(other)) is not None


def test_merging_a_group_into_another_moves_its_members(client: TestClient, db: Session) -> None:
    officer(client, db)
    a, b, c = (pending_item(db, body=f"same {n}") for n in range(3))
    merge(client, [a, b], main=b)
    merge(client, [b, c], main=c)
    db.expire_all()
    assert [db.get(Item, i.id).merged_into_id for i in (a, b, c)] == [c.id, c.id, None]  # type: ignore[union-attr]


def test_the_main_items_decision_reaches_every_author(
    app: object, client: TestClient, db: Session
) -> None:
    officer(client, db)
    author = make_user(db, nickname="second author")
    main = pending_item(db, body="main words")
    follower = pending_item(db, body="Zqvx follower words", author_id=author.id)
    no_consent = pending_item(db, body="Zqvx private words", may_share=False)
    merge(client, [main, follower, no_consent], main=main)
    _, saved = preview_and_share(client, db, main)
    assert saved.status_code == 303
    assert "returned=1" in saved.headers["location"]
    done = page(client.get(saved.headers["location"]))
    assert "1 merged item could not follow this decision" in done.text
    [shared] = shared_items(db)
    assert (shared.item_id, shared.text, shared.voices) == (main.id, "main words", 2)
    db.expire_all()
    followed = db.get(Item, follower.id)
    returned = db.get(Item, no_consent.id)
    assert followed is not None and returned is not None
    assert (followed.sharing, followed.merged_into_id) == (Sharing.SHARED, main.id)
    assert followed.first_action_at is not None
    assert (returned.sharing, returned.merged_into_id) == (Sharing.PENDING, None)
    queue = page(client.get("/staff/moderation"))
    assert [r.get_text(" ", strip=True).split()[0] for r in queue.soup.select("tbody tr td a")] == [
        no_consent.reference
    ]
    events = db.exec(
        select(TimelineEvent.body)
        .where(TimelineEvent.item_id == follower.id, TimelineEvent.kind == EventKind.DECISION)
        .order_by(col(TimelineEvent.id))
    ).all()
    assert len(events) == 1
    with TestClient(app, base_url="http://testserver") as young:  # type: ignore[arg-type]
        sign_in(young, db, author)
        timeline = page(young.get(f"/said/{follower.reference}"))
    assert "What we decided" in timeline.text and str(events[0]) in timeline.text


def test_safeguarding_on_a_main_item_sends_the_others_back(client: TestClient, db: Session) -> None:
    officer(client, db)
    main = pending_item(db, body="worrying words")
    other = pending_item(db, body="ordinary words")
    merge(client, [main, other], main=main)
    values = form_fields(page(client.get(item_url(main))), f"{item_url(main)}/decision")
    values.update(
        decision="safeguarding", reason_safeguarding=str(reason_id(db, Sharing.SAFEGUARDING))
    )
    client.post(f"{item_url(main)}/decision", data=values)
    db.expire_all()
    assert db.exec(select(SafeguardingCase.item_id)).all() == [main.id]
    back = db.get(Item, other.id)
    assert back is not None and (back.sharing, back.merged_into_id) == (Sharing.PENDING, None)


def test_a_merged_item_cannot_be_decided_alone_but_can_leave_the_group(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    main, other = pending_item(db, body="one"), pending_item(db, body="two")
    merge(client, [main, other], main=main)
    merged_page = page(client.get(item_url(other)))
    assert f"Merged into {main.reference}" in merged_page.text
    assert merged_page.soup.find("form", attrs={"action": f"{item_url(other)}/decision"}) is None
    values = form_fields(merged_page, f"{item_url(other)}/unmerge")
    response = client.post(f"{item_url(other)}/unmerge", data=values, follow_redirects=False)
    assert response.headers["location"] == item_url(main)
    db.expire_all()
    back = db.get(Item, other.id)
    assert back is not None and back.merged_into_id is None
    assert len(page(client.get("/staff/moderation")).soup.select("tbody tr")) == 2


def test_merging_needs_two_waiting_items_and_a_main_one(client: TestClient, db: Session) -> None:
    officer(client, db)
    first, second = pending_item(db), pending_item(db)
    decided = pending_item(db, sharing=Sharing.PRIVATE)
    values = form_fields(page(client.get("/staff/moderation")), "/staff/moderation/assign")
    one = page(
        client.post("/staff/moderation/merge", data={**values, "items": [first.reference]}), 400
    )
    assert one.error_summary() == ["Select 2 or more items that say the same thing."]
    two = {**values, "items": [first.reference, second.reference], "confirm": "yes"}
    no_main = page(client.post("/staff/moderation/merge", data=two), 400)
    assert no_main.error_summary() == ["Choose the main item."]
    mixed = {**values, "items": [first.reference, decided.reference], "main": first.reference}
    refused = page(client.post("/staff/moderation/merge", data=mixed), 400)
    assert refused.error_summary() == [
        f"{decided.reference} already has a decision. Only items still waiting can be merged."
    ]
    db.expire_all()
    assert [i.merged_into_id for i in db.exec(select(Item)).all()] == [None, None, None]
