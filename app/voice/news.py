"""The one place where an item's timeline gets something, and where its young person is told.

Every timeline event a young person reads is written by `add_to_timelines`: sending, status
changes, moderation decisions, responses, board actions (linked, progress, done, stopped) and
deletion. Those that are news (`NEWS_KINDS`) also queue a message for each young person who
asked to hear about the item, in the same transaction as the change, so a change that rolls
back tells nobody.

One message per address per change: an action update that reaches three items of the same young
person (with the same email) queues one email, not three. A message says only that there is
news, with a link: to the item (or "My things" for several) for account holders, to
"Find what you sent" with the reference filled in for people without an account. Never their
words, never the secret code.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col

from app.config import get_settings
from app.notifications.models import Channel
from app.notifications.service import enqueue_email, enqueue_sms, forget_young_recipients
from app.people.models import User
from app.timeutil import utcnow
from app.voice import repository
from app.voice.models import EventKind, Item, ItemStatus, NewsContact, TimelineEvent

# Not SENT (the receipt says it), STATUS_CHANGED ("being read" is not news) or ERASED (they
# asked for it, and their contact details go with the words).
NEWS_KINDS = frozenset(
    {
        EventKind.DECISION,
        EventKind.RESPONSE_ADDED,
        EventKind.ACTION_LINKED,
        EventKind.ACTION_UPDATE,
        EventKind.ACTION_DONE,
        EventKind.ACTION_DROPPED,
    }
)
EMAIL_TEMPLATE = "item_news_email"
SMS_TEMPLATE = "item_news_sms"


def add_to_timelines(
    db: Session,
    *,
    item_ids: Iterable[int],
    kind: EventKind,
    body: str | None = None,
    status: ItemStatus | None = None,
    actor: User | None = None,
    on_public_page: bool = False,
    at: datetime | None = None,
) -> None:
    """The same event on each item's timeline; news goes to the young people who asked."""
    ids = list(dict.fromkeys(item_ids))
    moment = at or utcnow()
    db.add_all(
        TimelineEvent(
            item_id=item_id,
            kind=kind,
            status=status,
            body=body,
            actor_id=actor.id if actor else None,
            on_public_page=on_public_page,
            created_at=moment,
        )
        for item_id in ids
    )
    if kind in NEWS_KINDS:
        _queue_news(db, ids)
    db.flush()


def _queue_news(db: Session, item_ids: Sequence[int]) -> None:
    wanted: dict[tuple[Channel, str], list[Item]] = {}
    for contact, item in repository.news_contacts(db, item_ids):
        if contact.email:
            wanted.setdefault((Channel.EMAIL, contact.email), []).append(item)
        if contact.phone:
            wanted.setdefault((Channel.SMS, contact.phone), []).append(item)
    for (channel, address), items in wanted.items():
        enqueue = enqueue_email if channel is Channel.EMAIL else enqueue_sms
        enqueue(
            db,
            to=address,
            template=EMAIL_TEMPLATE if channel is Channel.EMAIL else SMS_TEMPLATE,
            personalisation={"link": get_settings().base_url + news_link(items)},
            for_young_person=True,
        )


def news_link(items: Sequence[Item]) -> str:
    """Where the message points: somewhere the young person can sign in or unlock and look."""
    if all(item.author_id is not None for item in items):
        return f"/said/{items[0].reference}" if len(items) == 1 else "/my"
    return f"/check?reference={items[0].reference}" if len(items) == 1 else "/check"


# The young person's choice ------------------------------------------------------------------


def choose_news(db: Session, *, item: Item, email: str | None, phone: str | None) -> None:
    """Saves how the young person wants to hear about news on this item (checked addresses,
    see app/voice/forms.py); neither means no messages, and anything waiting for an address no
    longer used is dropped."""
    contact = repository.news_contact(db, item.id or 0)
    before = {contact.email, contact.phone} if contact else set()
    if email is None and phone is None:
        if contact is not None:
            db.delete(contact)
    else:
        contact = contact or NewsContact(item_id=item.id or 0)
        contact.email, contact.phone, contact.updated_at = email, phone, utcnow()
        db.add(contact)
    db.flush()
    _forget_unused(db, {value for value in before if value} - {email, phone})


def forget_news(db: Session, *, item_ids: Sequence[int]) -> None:
    """The item's words are being deleted (asked for, account closed, or retention): its
    contact details go too, and any message to an address nothing else uses."""
    contacts = repository.contacts_of(db, item_ids)
    addresses = {value for contact in contacts for value in (contact.email, contact.phone) if value}
    db.execute(delete(NewsContact).where(col(NewsContact.item_id).in_(item_ids)))
    db.flush()
    _forget_unused(db, addresses)


def _forget_unused(db: Session, addresses: set[str]) -> None:
    unused = addresses - repository.addresses_in_use(db, sorted(addresses))
    forget_young_recipients(db, unused)
