"""Deleting young people's words, on request or when they are past the council's retention
period, except where a safeguarding case still needs them (legal hold)."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from app.audit.service import record
from app.authz import Principal
from app.forms import Refused
from app.i18n import gettext as _
from app.languages.models import ItemEnglishSummary
from app.meetings.models import RoundParticipant
from app.moderation.models import ItemTheme, Redaction, SharedVersion
from app.people.models import User, WebSession
from app.privacy.models import MAX_NOTE_CHARS, PrivacyRequest, RequestState, RequestWhat
from app.safeguarding.models import CaseState, SafeguardingCase
from app.summaries.withdraw import withdraw_words
from app.themes.models import ItemTopic
from app.timeutil import utcnow
from app.voice import repository as items
from app.voice.models import EventKind, Item, ItemStatus, TimelineEvent
from app.voice.news import add_to_timelines, forget_news

ERASED_BODY = "[deleted]"  # shown wherever the words were; the timeline says when and why


class PrivacyError(Refused):
    """A refused request; the message is for the young person."""


def on_legal_hold(db: Session, item: Item) -> bool:
    """A safeguarding case that is not closed keeps the item's words (DPA 2018 Sch 1 para 18)."""
    return (
        db.exec(
            select(SafeguardingCase.id).where(
                SafeguardingCase.item_id == item.id, SafeguardingCase.state != CaseState.CLOSED
            )
        ).first()
        is not None
    )


def erase_item(db: Session, *, item: Item, actor: User | None, why: str) -> bool:
    """Deletes the young person's words and everything made from them; False if held.

    The row, its reference and its timeline stay, so counts and "what happened" still add up;
    the words, the shared version, its redactions, themes and topics, any reply, staff's
    English summary and the email or number for news about it go.
    """
    if item.erased_at is not None:
        return True
    if on_legal_hold(db, item):
        return False
    item_id = item.id or 0
    for model in (ItemTheme, ItemTopic, Redaction, ItemEnglishSummary):
        db.execute(delete(model).where(col(model.item_id) == item_id))
    db.execute(delete(SharedVersion).where(col(SharedVersion.item_id) == item_id))
    withdraw_words(db, item_ids=[item_id])
    db.execute(
        update(TimelineEvent)
        .where(
            col(TimelineEvent.item_id) == item_id,
            col(TimelineEvent.kind) == EventKind.RESPONSE_ADDED,
        )
        .values(body=None)
    )
    now = utcnow()
    item.body = ERASED_BODY
    item.status = ItemStatus.CLOSED
    item.erased_at = now
    item.updated_at = now
    db.add(item)
    forget_news(db, item_ids=[item_id])
    add_to_timelines(db, item_ids=[item_id], kind=EventKind.ERASED)
    record(db, actor=actor, action=why, object_type="item", object_id=item_id)
    db.flush()
    return True


# Requests ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    about: str  # "everything", or an item's reference
    what: RequestWhat
    note: str


def ask(db: Session, *, principal: Principal, wanted: Ask) -> PrivacyRequest:
    """Records the ask for an officer; asking twice about the same thing returns the first."""
    item: Item | None = None
    if wanted.about == "everything":
        if principal.user is None:
            raise PrivacyError(_("Choose the thing you want to ask about."), field="about")
    else:
        item = items.own_item(db, principal, wanted.about)
        if item is None:
            raise PrivacyError(_("Choose the thing you want to ask about."), field="about")
    if wanted.what is RequestWhat.CHANGE and not wanted.note.strip():
        raise PrivacyError(_("Tell us what you want us to change."), field="note")
    if len(wanted.note) > MAX_NOTE_CHARS:
        raise PrivacyError(
            _("Please make it %(limit)s characters or fewer.") % {"limit": f"{MAX_NOTE_CHARS:,}"},
            field="note",
        )
    item_id = item.id if item else None
    existing = db.exec(
        select(PrivacyRequest).where(
            PrivacyRequest.item_id == item_id,
            PrivacyRequest.user_id == principal.user_id,
            PrivacyRequest.what == wanted.what,
            PrivacyRequest.state == RequestState.OPEN,
        )
    ).first()
    if existing is not None:
        return existing
    request = PrivacyRequest(
        user_id=principal.user_id, item_id=item_id, what=wanted.what, note=wanted.note
    )
    db.add(request)
    db.flush()
    return request


def _targets(db: Session, request: PrivacyRequest) -> Sequence[Item]:
    if request.item_id is not None:
        found = db.get(Item, request.item_id)
        return [found] if found else []
    return db.exec(select(Item).where(Item.author_id == request.user_id)).all()


def _close_account(db: Session, user: User, actor: User) -> None:
    """Nothing that names the young person is left; they can never sign in again."""
    user.nickname = None
    user.nickname_key = None
    user.passphrase_hash = None
    user.is_active = False
    db.add(user)
    db.execute(delete(WebSession).where(col(WebSession.user_id) == user.id))
    db.execute(delete(RoundParticipant).where(col(RoundParticipant.user_id) == user.id))
    record(
        db, actor=actor, action="privacy.close_account", object_type="user", object_id=user.id or 0
    )


def carry_out_deletion(db: Session, *, request: PrivacyRequest, actor: User) -> RequestState:
    """Deletes what was asked for; anything on legal hold stays and the request is HELD."""
    if request.what is not RequestWhat.DELETE:
        raise PrivacyError(_("This request is not to delete. Reply to it instead."))
    if request.state not in (RequestState.OPEN, RequestState.HELD):
        raise PrivacyError(_("This request is already dealt with."))
    held = [
        item
        for item in _targets(db, request)
        if not erase_item(db, item=item, actor=actor, why="privacy.erase")
    ]
    if held:
        request.state = RequestState.HELD
        request.reply = _(
            "We deleted what we could. We have to keep some of it for now, because we are "
            "helping to keep you safe. We will delete it when we can."
        )
    else:
        if request.item_id is None and request.user_id is not None:
            user = db.get(User, request.user_id)
            if user is not None:
                _close_account(db, user, actor)
        request.state = RequestState.DONE
        request.reply = _("We deleted it. Nobody can read it now.")
    request.handled_by_id = actor.id
    request.handled_at = utcnow()
    db.add(request)
    record(
        db,
        actor=actor,
        action="privacy.delete",
        object_type="privacy_request",
        object_id=request.id or 0,
    )
    db.flush()
    return request.state


def answer(
    db: Session, *, request: PrivacyRequest, state: RequestState, reply: str, actor: User
) -> None:
    """Closes a request with words the young person reads (a change made, or why not)."""
    if state not in (RequestState.DONE, RequestState.DECLINED):
        raise PrivacyError(_("Choose whether it is done or declined."), field="state")
    if not reply.strip():
        raise PrivacyError(_("Write the reply the young person will read."), field="reply")
    if request.state is RequestState.DONE or request.state is RequestState.DECLINED:
        raise PrivacyError(_("This request is already dealt with."))
    request.state = state
    request.reply = reply
    request.handled_by_id = actor.id
    request.handled_at = utcnow()
    db.add(request)
    record(
        db,
        actor=actor,
        action="privacy.answer",
        object_type="privacy_request",
        object_id=request.id or 0,
    )
    db.flush()
