"""News for young people: every timeline event goes through one function, and the ones that are
news queue one message per opted-in young person per change, in the same transaction, with a
link and nothing else."""

import json
from collections.abc import Iterator

import pytest
from sqlmodel import Session, col, select

from app.actions import service as actions
from app.actions.models import BoardAction, LinkKind
from app.config import ROOT
from app.db import new_session
from app.moderation.models import Sharing
from app.moderation.service import decide
from app.notifications.models import Channel, OutboxMessage, OutboxStatus
from app.people.models import Role, User
from app.privacy.service import erase_item
from app.voice import service as voice
from app.voice.models import EventKind, Item, ItemStatus, NewsContact, TimelineEvent
from app.voice.news import choose_news
from tests.actions.helpers import make_action, update_form
from tests.councillors.helpers import shared
from tests.moderation.helpers import ensure_reasons, pending_item, reason_id, theme_id
from tests.support.factories import make_item, make_user
from tests.yswd.helpers import merged_group

BASE = "http://testserver"
SAM = "sam@example.org"
SAM_MOBILE = "+447911123457"
ROBIN_MOBILE = "+447400123456"
DEE = "dee@example.org"
FOLLOWER = "follower@example.org"
WORDS = "ORIGINAL"  # every shared item's original words start with this (see `shared`)


@pytest.fixture
def officer(db: Session) -> User:
    ensure_reasons(db)
    return make_user(db, Role.PARTICIPATION_OFFICER)


@pytest.fixture
def action(db: Session, officer: User) -> BoardAction:
    return make_action(db, officer, make_user(db, Role.ACTION_OWNER))


def authored(db: Session, officer: User, text: str, author: User | None) -> Item:
    item = shared(db, officer, theme_id(db, "housing"), text)
    item.author_id = author.id if author else None
    db.add(item)
    db.commit()
    return item


def opt_in(db: Session, item: Item, *, email: str | None = None, phone: str | None = None) -> None:
    choose_news(db, item=item, email=email, phone=phone)
    db.commit()


def outbox(db: Session, after: int = 0) -> list[OutboxMessage]:
    return list(
        db.exec(
            select(OutboxMessage)
            .where(col(OutboxMessage.id) > after)
            .order_by(col(OutboxMessage.id))
        ).all()
    )


def last_id(db: Session) -> int:
    return max([message.id or 0 for message in outbox(db)], default=0)


def sent_to(messages: list[OutboxMessage]) -> dict[tuple[Channel, str], str]:
    """(channel, recipient) -> the link; fails if anyone got two messages for one change."""
    found: dict[tuple[Channel, str], str] = {}
    for message in messages:
        key = (message.channel, message.recipient)
        assert key not in found, f"two messages to one young person for one change: {key}"
        assert message.for_young_person and message.status is OutboxStatus.PENDING
        personalisation = json.loads(message.personalisation)
        assert set(personalisation) == {"link"}, "a link, and nothing else"
        found[key] = personalisation["link"]
    return found


def decided(db: Session, item: Item, decision: Sharing, officer: User) -> None:
    """An officer decides, with the first reason for that decision."""
    decide(
        db,
        item=item,
        decision=decision,
        reason_id=reason_id(db, decision),
        note="",
        expected_version=item.moderation_version,
        actor=officer,
    )


def events(db: Session, item: Item, kind: EventKind) -> list[TimelineEvent]:
    return list(
        db.exec(
            select(TimelineEvent).where(
                TimelineEvent.item_id == item.id, TimelineEvent.kind == kind
            )
        ).all()
    )


@pytest.fixture
def linked(db: Session, officer: User, action: BoardAction) -> Iterator[dict[str, Item]]:
    """Sam wrote three shared items (news by email, and one also by text), Robin one (by
    text), Kit one (no news), someone without an account one (by email); another young person
    said the same as Sam's first and was merged into it (by email). All linked to the action."""
    sam, robin, kit = (make_user(db, nickname=name) for name in ("Sam", "Robin", "Kit"))
    items = {
        "sam1": authored(db, officer, "Sam one", sam),
        "sam2": authored(db, officer, "Sam two", sam),
        "sam3": authored(db, officer, "Sam three", sam),
        "robin": authored(db, officer, "Robin", robin),
        "kit": authored(db, officer, "Kit", kit),
        "anonymous": authored(db, officer, "No account", None),
    }
    follower = pending_item(db, "the same as Sam", merged_into_id=items["sam1"].id)
    follower.author_id = make_user(db).id
    follower.sharing = Sharing.SHARED
    db.add(follower)
    db.commit()
    items["follower"] = follower
    for key in ("sam1", "sam2", "sam3"):
        opt_in(db, items[key], email=SAM, phone=SAM_MOBILE if key == "sam1" else None)
    opt_in(db, items["robin"], phone=ROBIN_MOBILE)
    opt_in(db, items["anonymous"], email=DEE)
    opt_in(db, follower, email=FOLLOWER)
    linkable = [items[key].id or 0 for key in items if key != "follower"]
    actions.link_items(
        db, action=action, actor=officer, item_ids=linkable, kind=LinkKind.PROMPTED_BY
    )
    db.commit()
    yield items


def test_a_progress_update_reaches_every_linked_timeline_and_each_opted_in_young_person_once(
    db: Session, officer: User, action: BoardAction, linked: dict[str, Item]
) -> None:
    before = last_id(db)
    actions.post_update(db, action=action, actor=officer, form=update_form(young="2 new flats."))
    db.commit()

    for item in linked.values():  # every linked item, and the one merged into Sam's first
        [update] = events(db, item, EventKind.ACTION_UPDATE)
        assert update.body == "2 new flats."
    sam1, robin, anonymous = linked["sam1"], linked["robin"], linked["anonymous"]
    assert sent_to(outbox(db, before)) == {
        (Channel.EMAIL, SAM): f"{BASE}/my",  # three items, one email: to "My things"
        (Channel.SMS, SAM_MOBILE): f"{BASE}/said/{sam1.reference}",
        (Channel.SMS, ROBIN_MOBILE): f"{BASE}/said/{robin.reference}",
        (Channel.EMAIL, DEE): f"{BASE}/check?reference={anonymous.reference}",  # never the code
        (Channel.EMAIL, FOLLOWER): f"{BASE}/said/{linked['follower'].reference}",
    }  # and nothing for Kit, who did not ask
    for message in outbox(db, before):
        assert WORDS not in message.personalisation and "flats" not in message.personalisation


def test_linking_done_and_dropped_are_news_too(
    db: Session, officer: User, action: BoardAction, linked: dict[str, Item]
) -> None:
    linking = outbox(db)
    assert len(sent_to(linking)) == 5  # linking told each young person once
    before = last_id(db)
    actions.complete_action(db, action=action, actor=officer, form=update_form("done", "Done!"))
    db.commit()
    assert len(sent_to(outbox(db, before))) == 5
    other = make_action(db, officer, make_user(db, Role.ACTION_OWNER), title="Other")
    actions.link_items(
        db, action=other, actor=officer, item_ids=[linked["robin"].id or 0], kind=LinkKind.ANSWERS
    )
    db.commit()
    before = last_id(db)
    actions.drop_action(db, action=other, actor=officer, reason="No money this year.")
    db.commit()
    assert set(sent_to(outbox(db, before))) == {(Channel.SMS, ROBIN_MOBILE)}


def test_an_update_that_rolls_back_tells_nobody(
    db: Session, officer: User, action: BoardAction, linked: dict[str, Item]
) -> None:
    before = last_id(db)
    with new_session(for_writing=True) as session:
        mine = session.get(BoardAction, action.id)
        writer = session.get(User, officer.id)
        assert mine is not None and writer is not None
        actions.post_update(session, action=mine, actor=writer, form=update_form())
        assert len(outbox(session, before)) == 5  # written in the change's own transaction
        session.rollback()
    assert outbox(db, before) == []
    assert events(db, linked["sam1"], EventKind.ACTION_UPDATE) == []


def test_decisions_and_responses_are_news_but_sending_and_being_read_are_not(
    db: Session, officer: User
) -> None:
    author = make_user(db)
    item = make_item(db, author=author)
    opt_in(db, item, phone=SAM_MOBILE)
    voice.change_status(db, item=item, status=ItemStatus.BEING_READ, actor=officer)
    db.commit()
    assert outbox(db) == []
    decided(db, item, Sharing.PRIVATE, officer)
    db.commit()
    assert sent_to(outbox(db)) == {(Channel.SMS, SAM_MOBILE): f"{BASE}/said/{item.reference}"}
    before = last_id(db)
    voice.publish_response(db, item=item, text="We fixed the wifi.", actor=officer)
    db.commit()
    assert len(sent_to(outbox(db, before))) == 1
    assert [e.kind for e in events(db, item, EventKind.RESPONSE_ADDED)] == [
        EventKind.RESPONSE_ADDED
    ]


def test_a_group_decision_and_a_group_response_tell_each_young_person_once(
    db: Session, officer: User
) -> None:
    main, others = merged_group(db, officer, 3)
    for item, email in zip((main, *others), ("a@example.org", "b@example.org", SAM), strict=True):
        opt_in(db, item, email=email)
    opt_in(db, others[0], email=SAM)  # two items in the group from the same young person
    main.sharing = Sharing.PENDING
    db.add(main)
    db.commit()
    decided(db, main, Sharing.PRIVATE, officer)
    db.commit()
    assert set(sent_to(outbox(db))) == {(Channel.EMAIL, "a@example.org"), (Channel.EMAIL, SAM)}
    assert all(events(db, item, EventKind.DECISION) for item in (main, *others))
    before = last_id(db)
    voice.publish_group_response(db, items=[main, *others], text="We heard you.", actor=officer)
    db.commit()
    assert set(sent_to(outbox(db, before))) == {
        (Channel.EMAIL, "a@example.org"),
        (Channel.EMAIL, SAM),
    }


def test_no_message_about_an_item_held_for_safeguarding(db: Session, officer: User) -> None:
    item = make_item(db, author=make_user(db))
    opt_in(db, item, phone=SAM_MOBILE)
    decided(db, item, Sharing.SAFEGUARDING, officer)
    voice.publish_response(db, item=item, text="A worker will call you.", actor=officer)
    db.commit()
    assert events(db, item, EventKind.DECISION) and events(db, item, EventKind.RESPONSE_ADDED)
    assert [m for m in outbox(db) if m.for_young_person] == []  # only the lead's alert


def test_stopping_drops_what_waits_unless_another_item_still_uses_the_address(
    db: Session, officer: User, action: BoardAction, linked: dict[str, Item]
) -> None:
    assert {m.recipient for m in outbox(db)} >= {SAM, SAM_MOBILE, ROBIN_MOBILE}
    opt_in(db, linked["robin"])  # neither: stop
    opt_in(db, linked["sam1"], email=SAM)  # no more texts; Sam's other items still want email
    assert db.get(NewsContact, linked["robin"].id) is None
    recipients = [m.recipient for m in outbox(db)]
    assert ROBIN_MOBILE not in recipients and SAM_MOBILE not in recipients
    assert SAM in recipients
    before = last_id(db)
    actions.post_update(db, action=action, actor=officer, form=update_form())
    db.commit()
    assert {(Channel.SMS, ROBIN_MOBILE), (Channel.SMS, SAM_MOBILE)}.isdisjoint(
        sent_to(outbox(db, before))
    )


def test_deleting_the_words_deletes_the_contact_and_its_messages(
    db: Session, officer: User, action: BoardAction, linked: dict[str, Item]
) -> None:
    robin = linked["robin"]
    assert erase_item(db, item=robin, actor=officer, why="privacy.erase")
    db.commit()
    assert db.get(NewsContact, robin.id) is None
    assert ROBIN_MOBILE not in {m.recipient for m in outbox(db)}
    [erased] = events(db, robin, EventKind.ERASED)
    assert erased.body is None


def test_every_timeline_event_is_written_in_one_place() -> None:
    """So no change can reach a young person's timeline without the news rule."""
    makers = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "app").rglob("*.py")
        if "TimelineEvent(" in path.read_text(encoding="utf-8")
    )
    assert makers == [
        "app/voice/models.py",  # the class itself
        "app/voice/news.py",  # add_to_timelines
        "app/voice/staff_routes.py",  # an unsaved event, to preview a response's words
    ]
