"""Queries about privacy requests, and the young person's own data, scoped by who asks."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, or_, select

from app.authz import Principal
from app.moderation.models import SharedVersion
from app.privacy.models import PrivacyRequest, RequestState
from app.voice import repository as items
from app.voice import timeline
from app.voice.models import Item, NewsContact, TimelineEvent


def requests_of(db: Session, principal: Principal) -> Sequence[PrivacyRequest]:
    """Requests this young person (or this browser, for items it sent) made."""
    conditions = []
    if principal.user_id is not None and not principal.is_staff:
        conditions.append(col(PrivacyRequest.user_id) == principal.user_id)
    if principal.anonymous_item_ids:
        conditions.append(
            (col(PrivacyRequest.user_id).is_(None))
            & col(PrivacyRequest.item_id).in_(principal.anonymous_item_ids)
        )
    if not conditions:
        return []
    return db.exec(
        select(PrivacyRequest)
        .where(or_(*conditions))
        .order_by(col(PrivacyRequest.created_at).desc())
    ).all()


def waiting(db: Session) -> Sequence[PrivacyRequest]:
    """Open and held requests, oldest first: the officers' task list."""
    return db.exec(
        select(PrivacyRequest)
        .where(col(PrivacyRequest.state).in_((RequestState.OPEN, RequestState.HELD)))
        .order_by(col(PrivacyRequest.created_at))
        .limit(500)
    ).all()


def recently_handled(db: Session, limit: int = 20) -> Sequence[PrivacyRequest]:
    return db.exec(
        select(PrivacyRequest)
        .where(col(PrivacyRequest.state).in_((RequestState.DONE, RequestState.DECLINED)))
        .order_by(col(PrivacyRequest.handled_at).desc())
        .limit(limit)
    ).all()


def references(db: Session, item_ids: Sequence[int]) -> dict[int, str]:
    if not item_ids:
        return {}
    rows = db.exec(select(Item.id, Item.reference).where(col(Item.id).in_(item_ids))).all()
    return {item_id: reference for item_id, reference in rows if item_id is not None}


def export(db: Session, principal: Principal) -> dict[str, Any]:
    """Everything we hold that this young person (or browser) sent, in plain words."""
    own = items.own_items(db, principal)
    themes = items.themes_by_id(db)
    shared = {
        version.item_id: version.text
        for version in db.exec(
            select(SharedVersion).where(col(SharedVersion.item_id).in_([i.id for i in own]))
        ).all()
    }
    account = None
    if principal.user is not None:
        account = {
            "nickname": principal.user.nickname,
            "joined": principal.user.created_at.isoformat(),
            "children_in_care_council_member": principal.user.is_cicc_member,
        }
    refs = references(db, [r.item_id for r in requests_of(db, principal) if r.item_id])
    contacts = {
        contact.item_id: contact for contact in items.contacts_of(db, [i.id or 0 for i in own])
    }
    events: dict[int, list[TimelineEvent]] = {}
    for event in db.exec(
        select(TimelineEvent)
        .where(col(TimelineEvent.item_id).in_([i.id for i in own]))
        .order_by(col(TimelineEvent.created_at), col(TimelineEvent.id))
    ).all():
        events.setdefault(event.item_id, []).append(event)
    return {
        "account": account,
        "things_you_said": [
            {
                "reference": item.reference,
                "sent": item.created_at.isoformat(),
                "what_you_said": "" if item.erased_at else item.body,
                "deleted": item.erased_at.isoformat() if item.erased_at else None,
                "theme": themes[item.theme_id].name if item.theme_id in themes else None,
                "age_band": item.age_band.value if item.age_band else None,
                "may_be_shared_without_your_name": item.may_share,
                "shared_words": shared.get(item.id or 0),
                "tell_me_about_news": _news_choice(contacts.get(item.id or 0)),
                "what_happened": [
                    {
                        "when": entry.when.isoformat(),
                        "what": entry.title,
                        "detail": entry.detail,
                        "reply": entry.response,
                    }
                    for entry in timeline.for_author(events.get(item.id or 0, []))
                ],
            }
            for item in own
        ],
        "requests": [
            {
                "about": refs.get(request.item_id, "") if request.item_id else "everything",
                "asked_to": request.what.value,
                "note": request.note,
                "state": request.state.value,
                "reply": request.reply,
                "asked": request.created_at.isoformat(),
            }
            for request in requests_of(db, principal)
        ],
    }


def _news_choice(contact: NewsContact | None) -> dict[str, str | None] | None:
    if contact is None:
        return None
    return {"email": contact.email, "text_message": contact.phone}


def news_contacts(db: Session, principal: Principal) -> list[tuple[str, NewsContact]]:
    """Where this young person gets news, item by item (reference, contact), for "Your data"."""
    own = {item.id: item.reference for item in items.own_items(db, principal)}
    return [
        (own[contact.item_id], contact)
        for contact in items.contacts_of(db, [item_id for item_id in own if item_id])
    ]
