"""Linking, each progress update, completion and dropping reach the timeline of every linked
item, in the words the owner or officer wrote, and the young person sees them."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.actions import service
from app.actions.models import ActionStatus, LinkKind
from app.forms import Refused
from app.people.models import Role
from app.voice.models import EventKind, TimelineEvent
from app.voice.timeline import describe
from tests.actions.helpers import linked_items, make_action, owner_with_email, update_form
from tests.councillors.helpers import shared
from tests.moderation.helpers import pending_item, theme_id
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def _events(db: Session, kind: EventKind) -> list[TimelineEvent]:
    return list(
        db.exec(
            select(TimelineEvent)
            .where(TimelineEvent.kind == kind)
            .order_by(col(TimelineEvent.item_id))
        ).all()
    )


def test_a_progress_update_reaches_every_linked_item_and_merged_ones(db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    action = make_action(db, officer, owner)
    items = linked_items(db, action, officer, ("flats please", "more flats", "a flat near school"))
    merged = pending_item(db, "me too", merged_into_id=items[0].id)
    other = make_action(db, officer, owner, title="Something else")
    unrelated = linked_items(db, other, officer, ("not this one",))[0]

    service.post_update(db, action=action, actor=owner, form=update_form())
    db.commit()

    updates = _events(db, EventKind.ACTION_UPDATE)
    assert [event.item_id for event in updates] == sorted(
        [item.id or 0 for item in items] + [merged.id or 0]
    )
    assert unrelated.id not in {event.item_id for event in updates}
    entry = describe(updates[0])
    assert (entry.title, entry.detail) == ("Progress", "We found 3 more flats.")
    linked = _events(db, EventKind.ACTION_LINKED)
    assert {event.body for event in linked} == {"More flats for care leavers", "Something else"}
    assert describe(linked[0]).title == "The board is acting on this"
    db.refresh(action)
    assert action.status is ActionStatus.ON_TRACK


def test_done_and_dropped_reach_the_timelines_and_close_the_action(db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    finished = make_action(db, officer, owner)
    stopped = make_action(db, officer, owner, title="A youth club bus")
    linked_items(db, finished, officer, ("flats",))
    linked_items(db, stopped, officer, ("a bus",))

    service.post_update(
        db, action=finished, actor=owner, form=update_form("done", "20 new flats are open.")
    )
    service.drop_action(
        db, action=stopped, actor=officer, reason="The bus company closed, so we cannot do it."
    )
    db.commit()

    [done] = _events(db, EventKind.ACTION_DONE)
    assert (describe(done).title, describe(done).detail) == ("Done", "20 new flats are open.")
    [dropped] = _events(db, EventKind.ACTION_DROPPED)
    assert describe(dropped).title == "Stopped"
    assert describe(dropped).detail == "The bus company closed, so we cannot do it."
    assert finished.status is ActionStatus.DONE
    assert stopped.status is ActionStatus.DROPPED and stopped.drop_reason.startswith("The bus")

    for action, word in ((finished, "done"), (stopped, "dropped")):
        with pytest.raises(Refused, match=f"This action is {word}"):
            service.post_update(db, action=action, actor=owner, form=update_form())
        db.rollback()


def test_linking_only_shared_items_once_each(db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    action = make_action(db, officer, owner_with_email(db))
    housing = theme_id(db, "housing")
    approved = shared(db, officer, housing, "flats")
    waiting = pending_item(db, "not decided yet")
    no_consent = shared(db, officer, housing, "private please")
    no_consent.may_share = False
    db.add(no_consent)
    db.commit()

    for bad in (waiting, no_consent):
        with pytest.raises(Refused, match="Only items approved for sharing"):
            service.link_items(
                db,
                action=action,
                actor=officer,
                item_ids=[approved.id or 0, bad.id or 0],
                kind=LinkKind.ANSWERS,
            )
        db.rollback()
    assert _events(db, EventKind.ACTION_LINKED) == []  # nothing half-linked

    for _twice in range(2):
        service.link_items(
            db, action=action, actor=officer, item_ids=[approved.id or 0], kind=LinkKind.ANSWERS
        )
        db.commit()
    assert len(_events(db, EventKind.ACTION_LINKED)) == 1


def test_the_young_person_sees_the_update_on_their_item(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    action = make_action(db, officer, owner)
    [item] = linked_items(db, action, officer, ("flats please",))
    author = make_user(db)
    item.author_id = author.id
    db.add(item)
    db.commit()
    service.post_update(db, action=action, actor=owner, form=update_form())
    db.commit()

    sign_in(client, db, author)
    mine = page(client.get(f"/said/{item.reference}"))
    assert "The board is acting on this" in mine.text
    assert "More flats for care leavers" in mine.text
    assert "We found 3 more flats." in mine.text
    assert "Housing board agreed the plan." not in mine.text  # the staff detail stays with staff
