"""Every query about themes, link champions and topics."""

from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.councillors.models import CouncillorNote
from app.events.models import EventTheme
from app.moderation.models import ItemTheme
from app.people.models import Role, User
from app.themes.models import ItemTopic, Theme, ThemeChampion, ThemePrinciple, Topic
from app.voice.models import Item


def all_themes(db: Session) -> Sequence[Theme]:
    """Active themes first, then retired ones, each in the board's order."""
    return db.exec(
        select(Theme).order_by(col(Theme.is_active).desc(), col(Theme.position), col(Theme.id))
    ).all()


def theme(db: Session, theme_id: int) -> Theme | None:
    return db.get(Theme, theme_id)


def theme_by_slug(db: Session, slug: str) -> Theme | None:
    """Active or retired: councillors may still read a retired theme's history."""
    return db.exec(select(Theme).where(Theme.slug == slug)).first()


def slug_taken(db: Session, slug: str) -> bool:
    return db.exec(select(Theme.id).where(Theme.slug == slug)).first() is not None


def name_taken(db: Session, name: str, *, besides: int | None) -> bool:
    found = db.exec(select(Theme.id).where(func.lower(Theme.name) == name.lower())).all()
    return any(theme_id != besides for theme_id in found)


def last_position(db: Session) -> int:
    return db.exec(select(func.coalesce(func.max(Theme.position), 0))).one()


def principles_of(db: Session, theme_ids: Iterable[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    ids = list(theme_ids)
    if not ids:
        return found
    for theme_id, principle in db.exec(
        select(ThemePrinciple.theme_id, ThemePrinciple.principle)
        .where(col(ThemePrinciple.theme_id).in_(ids))
        .order_by(col(ThemePrinciple.principle))
    ).all():
        found.setdefault(theme_id, []).append(principle)
    return found


def champions_of(db: Session, theme_ids: Iterable[int]) -> dict[int, list[User]]:
    found: dict[int, list[User]] = {}
    ids = list(theme_ids)
    if not ids:
        return found
    for theme_id, user in db.exec(
        select(ThemeChampion.theme_id, User)
        .join(User, col(User.id) == col(ThemeChampion.user_id))
        .where(col(ThemeChampion.theme_id).in_(ids))
        .order_by(col(User.display_name), col(User.id))
    ).all():
        found.setdefault(theme_id, []).append(user)
    return found


def councillors(db: Session) -> Sequence[User]:
    """Who may be a link champion: active councillors."""
    return db.exec(
        select(User)
        .where(User.role == Role.COUNCILLOR, col(User.is_active).is_(True))
        .order_by(col(User.display_name), col(User.id))
    ).all()


def championed_by(db: Session, user_id: int) -> Sequence[Theme]:
    return db.exec(
        select(Theme)
        .join(ThemeChampion, col(ThemeChampion.theme_id) == col(Theme.id))
        .where(ThemeChampion.user_id == user_id)
        .order_by(col(Theme.is_active).desc(), col(Theme.position), col(Theme.id))
    ).all()


def is_champion(db: Session, *, user_id: int, theme_id: int) -> bool:
    return (
        db.exec(
            select(ThemeChampion.id).where(
                ThemeChampion.user_id == user_id, ThemeChampion.theme_id == theme_id
            )
        ).first()
        is not None
    )


# Topics ----------------------------------------------------------------------------------------


def topics_by_key(db: Session, keys: Iterable[str]) -> dict[str, Topic]:
    wanted = list(keys)
    if not wanted:
        return {}
    return {t.key: t for t in db.exec(select(Topic).where(col(Topic.key).in_(wanted))).all()}


def topic_labels_of(db: Session, item_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each item's topics, as labels in alphabetical order; one query for any number of items."""
    found: dict[int, list[str]] = {}
    ids = list(item_ids)
    if not ids:
        return found
    for item_id, label in db.exec(
        select(ItemTopic.item_id, Topic.label)
        .join(Topic, col(Topic.id) == col(ItemTopic.topic_id))
        .where(col(ItemTopic.item_id).in_(ids))
        .order_by(col(Topic.key))
    ).all():
        found.setdefault(item_id, []).append(label)
    return found


def popular_topics(db: Session, *, limit: int = 15) -> list[str]:
    """The most used topic labels, to remind officers what exists."""
    rows = db.exec(
        select(Topic.label, func.count(col(ItemTopic.id)).label("uses"))
        .join(ItemTopic, col(ItemTopic.topic_id) == col(Topic.id), isouter=True)
        .group_by(col(Topic.id), col(Topic.label))
        .order_by(func.count(col(ItemTopic.id)).desc(), col(Topic.label))
        .limit(limit)
    ).all()
    return [label for label, _uses in rows]


def references_to(db: Session, theme_id: int) -> int:
    """How many items, shared items, events and councillor notes point at a theme."""
    total = 0
    for model, column in (
        (Item, Item.theme_id),
        (ItemTheme, ItemTheme.theme_id),
        (EventTheme, EventTheme.theme_id),
        (CouncillorNote, CouncillorNote.theme_id),
    ):
        total += db.exec(select(func.count()).select_from(model).where(column == theme_id)).one()
    return total
