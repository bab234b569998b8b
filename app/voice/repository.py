"""Every query about items, scoped by who is asking."""

from collections.abc import Sequence

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, or_, select

from app.authz import Principal
from app.moderation.models import Sharing
from app.themes.models import Theme
from app.voice.models import EventKind, Item, ItemStatus, NewsContact, TimelineEvent


def active_themes(db: Session) -> Sequence[Theme]:
    return db.exec(
        select(Theme).where(col(Theme.is_active).is_(True)).order_by(col(Theme.position))
    ).all()


def theme_by_slug(db: Session, slug: str) -> Theme | None:
    return db.exec(select(Theme).where(Theme.slug == slug, col(Theme.is_active).is_(True))).first()


def themes_by_id(db: Session) -> dict[int, Theme]:
    return {theme.id: theme for theme in db.exec(select(Theme)).all() if theme.id is not None}


def readable_by_author(principal: Principal) -> ColumnElement[bool]:
    """The condition for "items this young person (or this anonymous browser) sent"."""
    conditions: list[ColumnElement[bool]] = []
    if principal.user_id is not None and not principal.is_staff:
        conditions.append(col(Item.author_id) == principal.user_id)
    if principal.anonymous_item_ids:
        conditions.append(col(Item.id).in_(principal.anonymous_item_ids))
    return or_(*conditions) if conditions else col(Item.id).is_(None)


def own_items(db: Session, principal: Principal) -> Sequence[Item]:
    return db.exec(
        select(Item).where(readable_by_author(principal)).order_by(col(Item.created_at).desc())
    ).all()


def own_item(db: Session, principal: Principal, reference: str) -> Item | None:
    return db.exec(
        select(Item).where(Item.reference == reference, readable_by_author(principal))
    ).first()


def item_by_reference(db: Session, reference: str) -> Item | None:
    """Staff lookup; the route's permission has already said this role reads every item."""
    return db.exec(select(Item).where(Item.reference == reference)).first()


def item_by_idempotency_key(db: Session, key: str) -> Item | None:
    return db.exec(select(Item).where(Item.idempotency_key == key)).first()


def inbox_page(
    db: Session,
    *,
    theme_id: int | None,
    status: ItemStatus | None,
    page: int,
    per_page: int,
) -> tuple[Sequence[Item], int]:
    """Newest first, filtered; returns one page and the total count."""
    conditions = []
    if theme_id is not None:
        conditions.append(Item.theme_id == theme_id)
    if status is not None:
        conditions.append(Item.status == status)
    total = db.exec(select(func.count()).select_from(Item).where(*conditions)).one()
    items = db.exec(
        select(Item)
        .where(*conditions)
        .order_by(col(Item.created_at).desc(), col(Item.id).desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return items, total


def timeline(db: Session, item_id: int) -> Sequence[TimelineEvent]:
    return db.exec(
        select(TimelineEvent)
        .where(TimelineEvent.item_id == item_id)
        .order_by(col(TimelineEvent.created_at), col(TimelineEvent.id))
    ).all()


def latest_public_responses(db: Session, item_ids: Sequence[int]) -> dict[int, str]:
    """Each item's latest response that the officer chose to show publicly, in one query.

    Responses are officers' plain words, never what the young person wrote; one written to a
    young person stays with them unless the officer ticked "show on the public page".
    """
    if not item_ids:
        return {}
    latest = (
        select(func.max(TimelineEvent.id).label("event_id"))
        .where(
            TimelineEvent.kind == EventKind.RESPONSE_ADDED,
            col(TimelineEvent.on_public_page).is_(True),
            col(TimelineEvent.item_id).in_(item_ids),
        )
        .group_by(col(TimelineEvent.item_id))
    )
    rows = db.exec(
        select(TimelineEvent.item_id, TimelineEvent.body).where(col(TimelineEvent.id).in_(latest))
    ).all()
    return {item_id: body for item_id, body in rows if body}


def news_contact(db: Session, item_id: int) -> NewsContact | None:
    return db.get(NewsContact, item_id)


def news_contacts(db: Session, item_ids: Sequence[int]) -> Sequence[tuple[NewsContact, Item]]:
    """The contacts of those items whose young person asked to hear about news, in one query.

    Never for an item held for safeguarding: the safeguarding lead decides how to reach that
    young person, and an automatic message on a phone someone else may read could put them at
    risk."""
    if not item_ids:
        return []
    rows = db.exec(
        select(NewsContact, Item)
        .join(Item, col(Item.id) == NewsContact.item_id)
        .where(
            col(NewsContact.item_id).in_(item_ids),
            col(Item.erased_at).is_(None),
            col(Item.sharing) != Sharing.SAFEGUARDING,
        )
        .order_by(col(Item.id))
    ).all()
    return [(contact, item) for contact, item in rows]


def contacts_of(db: Session, item_ids: Sequence[int]) -> Sequence[NewsContact]:
    if not item_ids:
        return []
    return db.exec(select(NewsContact).where(col(NewsContact.item_id).in_(item_ids))).all()


def addresses_in_use(db: Session, addresses: Sequence[str]) -> set[str]:
    """Which of these emails and numbers some item still wants news at."""
    if not addresses:
        return set()
    rows = db.exec(
        select(NewsContact.email, NewsContact.phone).where(
            or_(col(NewsContact.email).in_(addresses), col(NewsContact.phone).in_(addresses))
        )
    ).all()
    return {value for row in rows for value in row if value}
