"""Saying something, and the officer's answer. Services flush; the request commits."""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, field_validator
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app import i18n
from app.authz import Principal
from app.forms import StrictForm
from app.i18n import gettext as _
from app.people.models import User
from app.people.service import digest, format_code, new_code, normalise_code
from app.safeguarding.models import CaseTrigger
from app.safeguarding.screen import ScreenResult, screen
from app.safeguarding.service import open_case
from app.timeutil import utcnow
from app.voice import repository
from app.voice.models import MAX_BODY_CHARS, AgeBand, EventKind, Item, ItemStatus
from app.voice.news import add_to_timelines

MAX_RESPONSE_CHARS = 4000


class ViewForm(StrictForm):
    """What a young person sends. Mass assignment is impossible: only these fields are read."""

    body: str = ""
    theme: str = ""
    show_identity: Literal["yes", "no"] = "no"
    may_share: Literal["yes", "no"] = "no"
    wants_contact: Literal["yes", ""] = ""
    form_key: str = Field(default="", max_length=64)

    @field_validator("body")
    @classmethod
    def _body_is_sayable(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(_("Write something in the box before you send it."))
        if len(value) > MAX_BODY_CHARS:
            raise ValueError(
                _("That is %(count)s characters. Please make it %(limit)s or fewer.")
                % {"count": f"{len(value):,}", "limit": f"{MAX_BODY_CHARS:,}"}
            )
        return value


class ResponseForm(StrictForm):
    response: str = ""
    action: Literal["preview", "publish"] = "publish"
    previewed: str = Field(default="", max_length=64)
    send_to: Literal["this", "group"] = "this"  # "group": everyone merged into this item
    on_public_page: Literal["yes", ""] = ""  # responses are private unless the officer says

    @field_validator("response")
    @classmethod
    def _response_is_written(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(_("Write the response before you publish it."))
        if len(value) > MAX_RESPONSE_CHARS:
            raise ValueError(
                _("Keep the response to %(limit)s characters or fewer.")
                % {"limit": f"{MAX_RESPONSE_CHARS:,}"}
            )
        return value


class UnknownTheme(ValueError):
    pass


class IdempotencyConflict(Exception):
    """The same form was sent twice with different words."""

    def __init__(self, item: Item) -> None:
        super().__init__("idempotency conflict")
        self.item = item


@dataclass(frozen=True)
class Origin:
    """Where an item came from: online (the default), or said at an event."""

    channel: str = "online"
    event_id: int | None = None
    age_band: AgeBand | None = None


ONLINE = Origin()


@dataclass(frozen=True)
class Receipt:
    item: Item
    access_code: str | None  # only for anonymous authors, only when first created
    replayed: bool


def _fingerprint(form: ViewForm, theme_id: int | None, origin: Origin) -> str:
    content: list[object] = [
        form.body,
        theme_id,
        form.show_identity,
        form.may_share,
        form.wants_contact,
    ]
    if origin != ONLINE:
        content += [origin.channel, origin.event_id, origin.age_band]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def new_reference() -> str:
    return "SD-" + format_code(new_code(8))


def normalise_reference(typed: str) -> str:
    """ "sd 7kq4 92mx" and "SD-7KQ4-92MX" are the same reference."""
    letters = normalise_code(typed).removeprefix("SD")
    return "SD-" + format_code(letters)


def submit_view(
    db: Session, *, principal: Principal, form: ViewForm, origin: Origin = ONLINE
) -> Receipt:
    """Stores the item and its first timeline entry once, however often the form is re-sent.

    The idempotency key is unique in the database, so concurrent retries cannot both insert.
    Items from events (typed in by an officer, or sent through an event's QR form) come
    through here too, so the same safety screen and moderation apply to them.
    """
    # Screened before the first query: on SQLite that query takes the write lock, and other
    # senders should not wait behind this CPU work (bench.load measured them doing so).
    screened = screen(form.body)
    theme_id = None
    if form.theme:
        theme = repository.theme_by_slug(db, form.theme)
        if theme is None:
            raise UnknownTheme(form.theme)
        theme_id = theme.id
    fingerprint = _fingerprint(form, theme_id, origin)
    existing = repository.item_by_idempotency_key(db, form.form_key)
    if existing is not None:
        return _replay(existing, fingerprint)
    author = principal.user if principal.user and not principal.is_staff else None
    # Officers typing in paper cards get no secret code: nobody could be given it.
    access_code = None if author or principal.is_staff else new_code(8)
    item = Item(
        reference=new_reference(),
        author_id=author.id if author else None,
        access_code_hash=digest(access_code) if access_code else None,
        body=form.body,
        theme_id=theme_id,
        staff_may_see_identity=author is not None and form.show_identity == "yes",
        may_share=form.may_share == "yes",
        wants_contact=form.wants_contact == "yes",
        channel=origin.channel,
        event_id=origin.event_id,
        age_band=origin.age_band,
        idempotency_key=form.form_key,
        content_fingerprint=fingerprint,
        # The language the young person was reading the form in; officers typing in cards: none.
        language=None if principal.is_staff else i18n.active().code,
    )
    try:
        with db.begin_nested():
            db.add(item)
            db.flush()
            add_to_timelines(db, item_ids=[item.id or 0], kind=EventKind.SENT)
            _screen_for_safety(db, item, screened)
            db.flush()
    except IntegrityError:
        # Another request with the same key won the race; answer with its receipt.
        existing = repository.item_by_idempotency_key(db, form.form_key)
        if existing is None:
            raise
        return _replay(existing, fingerprint)
    return Receipt(item=item, access_code=access_code, replayed=False)


def _screen_for_safety(db: Session, item: Item, result: ScreenResult) -> None:
    """A tick in "I am not safe", or a disclosure the screen spots, puts a person on it now.

    The screen only ever adds human review: it never closes, hides or publishes anything.
    """
    if item.wants_contact:
        open_case(db, item=item, trigger=CaseTrigger.SELF_REPORTED, screen=result)
    elif result.flagged:
        open_case(db, item=item, trigger=CaseTrigger.SCREEN, screen=result)


def _replay(existing: Item, fingerprint: str) -> Receipt:
    if existing.content_fingerprint != fingerprint:
        raise IdempotencyConflict(existing)
    return Receipt(item=existing, access_code=None, replayed=True)


def unlock_with_code(db: Session, *, reference: str, code: str) -> Item | None:
    """An anonymous author comes back with their reference and secret code."""
    item = repository.item_by_reference(db, normalise_reference(reference))
    if item is None or item.access_code_hash is None:
        return None
    if item.access_code_hash != digest(normalise_code(code)):
        return None
    return item


def change_status(db: Session, *, item: Item, status: ItemStatus, actor: User) -> None:
    if item.status == status:
        return
    item.status = status
    item.updated_at = utcnow()
    db.add(item)
    add_to_timelines(
        db, item_ids=[item.id or 0], kind=EventKind.STATUS_CHANGED, status=status, actor=actor
    )


def response_preview_token(text: str) -> str:
    """Proof that the officer saw the preview of these exact words (carried in the form)."""
    return hashlib.sha256(b"response:" + text.encode()).hexdigest()[:32]


class NeedsResponsePreview(Exception):
    """Publishing words the officer has not previewed: show the preview first."""


def publish_response(
    db: Session,
    *,
    item: Item,
    text: str,
    actor: User,
    previewed: str | None = None,
    on_public_page: bool = False,
) -> None:
    """The "you said, we did" answer: on the author's timeline at once, and the item moves on.

    With `previewed`, the words must be the ones the officer last saw in the preview.
    """
    publish_group_response(
        db,
        items=[item],
        text=text,
        actor=actor,
        previewed=previewed,
        on_public_page=on_public_page,
    )


def publish_group_response(
    db: Session,
    *,
    items: Sequence[Item],
    text: str,
    actor: User,
    previewed: str | None = None,
    on_public_page: bool = False,
) -> None:
    """The same answer to every young person who said the same thing, in one transaction.

    It is written to the young person; it goes on the public page only when the officer says
    it names nobody and says nothing private (`on_public_page`).
    """
    if previewed is not None and previewed != response_preview_token(text):
        raise NeedsResponsePreview
    now = utcnow()
    add_to_timelines(
        db,
        item_ids=[item.id or 0 for item in items],
        kind=EventKind.RESPONSE_ADDED,
        body=text,
        actor=actor,
        on_public_page=on_public_page,
        at=now,
    )
    for item in items:
        if item.status in {ItemStatus.NEW, ItemStatus.BEING_READ}:
            item.status = ItemStatus.RESPONDED
        item.updated_at = now
        db.add(item)
    db.flush()
