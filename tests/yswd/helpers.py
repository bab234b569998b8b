"""Rows for the "you said, we did" tests: shared items, merged groups and the sentinel set."""

from dataclasses import dataclass

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.moderation.models import Sharing
from app.people.models import Role, User
from app.voice.models import Item
from app.voice.service import publish_response
from tests.councillors.helpers import shared
from tests.moderation.helpers import pending_item, theme_id
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import Page, page

SENTINELS = ("ZQVX-PENDING", "ZQVX-PRIVATE", "ZQVX-NO-CONSENT", "ZQVX-ORIGINAL")


def officer(client: TestClient, db: Session) -> User:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, user)
    return user


def respond_url(item: Item) -> str:
    return f"/staff/items/{item.reference}/respond"


def preview(client: TestClient, item: Item, words: str, **extra: str) -> Page:
    form = page(client.get(respond_url(item))).form(respond_url(item))
    form.update(response=words, action="preview", **extra)
    return page(client.post(respond_url(item), data=form))


def merged_group(db: Session, officer: User, size: int) -> tuple[Item, list[Item]]:
    """A shared main item and `size - 1` items merged into it (all agreed to share)."""
    main = shared(db, officer, theme_id(db, "housing"), "The bus pass costs too much")
    others = []
    for number in range(size - 1):
        other = pending_item(db, f"bus passes are too dear {number}")
        other.merged_into_id = main.id
        other.sharing = Sharing.SHARED
        db.add(other)
        others.append(other)
    db.commit()
    return main, others


@dataclass
class SentinelSet:
    shared_text: str
    answer: str


def seed_sentinels(db: Session, officer: User) -> SentinelSet:
    """Every way words could leak: a pending item, a private item, a shared item whose young
    person did not agree, and the original words of a shared item."""
    housing = theme_id(db, "housing")
    make_item(db, body="ZQVX-PENDING words still waiting", theme_id=housing)
    kept = pending_item(db, "ZQVX-PRIVATE kept between us", sharing=Sharing.PRIVATE)
    publish_response(db, item=kept, text="We sorted this privately.", actor=officer)
    no_consent = shared(db, officer, housing, "ZQVX-NO-CONSENT shared by mistake")
    no_consent.may_share = False
    db.add(no_consent)
    approved = shared(db, officer, housing, "[name removed] says the bus pass costs too much")
    approved.body = "ZQVX-ORIGINAL Zqvx Sentinel says the bus pass costs too much"
    db.add(approved)
    answer = "From May the bus pass is free for everyone in care."
    publish_response(db, item=approved, text=answer, actor=officer, on_public_page=True)
    db.commit()
    return SentinelSet(shared_text="[name removed] says the bus pass costs too much", answer=answer)
