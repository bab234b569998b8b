"""Every query for board actions, scoped by who asks.

Officers and board chairs read the whole log; action owners read their own actions; nobody else
reads actions here (councillors see the actions on their themes through the councillor page).
Young people's words come only as approved, redacted shared versions (`SharedVersion.text`) of
items that are linkable (`linkable_conditions`), never `Item.body`.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from app.actions.models import (
    CLOSED,
    ActionReminder,
    ActionStatus,
    ActionSummarySent,
    ActionTheme,
    ActionUpdate,
    AgendaItemAction,
    BoardAction,
    ItemActionLink,
    LinkKind,
    OrganisationKind,
)
from app.authz import Permission, Principal, allows
from app.moderation.models import ItemTheme, SharedVersion, Sharing
from app.people.models import Role, User
from app.themes.models import Theme
from app.voice.models import Item

LINKABLE_LIMIT = 200  # shared items offered on an action page at once (filter by theme for more)


def readable_by(principal: Principal) -> ColumnElement[bool]:
    """Officers and chairs: every action. Owners: theirs. Anyone else: none."""
    if allows(principal, Permission.ACTIONS_READ):
        return col(BoardAction.id).is_not(None)
    if allows(principal, Permission.ACTIONS_UPDATE_OWN):
        return col(BoardAction.owner_id) == (principal.user_id or 0)
    return col(BoardAction.id).is_(None)


def updatable_by(principal: Principal) -> ColumnElement[bool]:
    """Officers post updates on any action; owners only on their own."""
    if allows(principal, Permission.ACTIONS_MANAGE):
        return col(BoardAction.id).is_not(None)
    if allows(principal, Permission.ACTIONS_UPDATE_OWN):
        return col(BoardAction.owner_id) == (principal.user_id or 0)
    return col(BoardAction.id).is_(None)


def readable_action(db: Session, principal: Principal, action_id: int) -> BoardAction | None:
    return db.exec(
        select(BoardAction).where(BoardAction.id == action_id, readable_by(principal))
    ).first()


def updatable_action(db: Session, principal: Principal, action_id: int) -> BoardAction | None:
    return db.exec(
        select(BoardAction).where(BoardAction.id == action_id, updatable_by(principal))
    ).first()


def overdue_condition(today: date) -> ColumnElement[bool]:
    """Due before today and neither done nor dropped."""
    return (col(BoardAction.due_on) < today) & col(BoardAction.status).not_in(CLOSED)


@dataclass(frozen=True)
class LogFilters:
    theme_id: int | None = None
    status: ActionStatus | None = None
    organisation: OrganisationKind | None = None
    overdue_on: date | None = None  # only actions overdue on this day
    owner_id: int | None = None  # "my actions"


@dataclass(frozen=True)
class ActionRow:
    action: BoardAction
    owner: User
    themes: list[Theme]


def action_log(
    db: Session, principal: Principal, filters: LogFilters, *, limit: int = 500
) -> list[ActionRow]:
    """The log, soonest due first, in two queries whatever its length."""
    statement = (
        select(BoardAction, User)
        .join(User, col(User.id) == col(BoardAction.owner_id))
        .where(readable_by(principal))
        .order_by(col(BoardAction.due_on), col(BoardAction.id))
        .limit(limit)
    )
    if filters.theme_id is not None:
        tagged = select(ActionTheme.action_id).where(ActionTheme.theme_id == filters.theme_id)
        statement = statement.where(col(BoardAction.id).in_(tagged))
    if filters.status is not None:
        statement = statement.where(BoardAction.status == filters.status)
    if filters.organisation is not None:
        statement = statement.where(BoardAction.organisation_kind == filters.organisation)
    if filters.overdue_on is not None:
        statement = statement.where(overdue_condition(filters.overdue_on))
    if filters.owner_id is not None:
        statement = statement.where(BoardAction.owner_id == filters.owner_id)
    rows = db.exec(statement).all()
    themes = themes_of(db, [action.id or 0 for action, _owner in rows])
    return [
        ActionRow(action=action, owner=owner, themes=themes.get(action.id or 0, []))
        for action, owner in rows
    ]


def themes_of(db: Session, action_ids: Iterable[int]) -> dict[int, list[Theme]]:
    ids = list(action_ids)
    found: dict[int, list[Theme]] = {}
    if not ids:
        return found
    rows = db.exec(
        select(ActionTheme.action_id, Theme)
        .join(Theme, col(Theme.id) == col(ActionTheme.theme_id))
        .where(col(ActionTheme.action_id).in_(ids))
        .order_by(col(Theme.position), col(Theme.id))
    ).all()
    for action_id, theme in rows:
        found.setdefault(action_id, []).append(theme)
    return found


def actions_on_themes(db: Session, theme_ids: Iterable[int]) -> Sequence[BoardAction]:
    """Every action on any of these themes, soonest due first: the councillor page's read-only
    list (titles, organisations, dates and statuses; no children's words in it)."""
    ids = list(theme_ids)
    if not ids:
        return []
    tagged = select(ActionTheme.action_id).where(col(ActionTheme.theme_id).in_(ids))
    return db.exec(
        select(BoardAction)
        .where(col(BoardAction.id).in_(tagged))
        .order_by(col(BoardAction.due_on), col(BoardAction.id))
    ).all()


def updates(db: Session, action_id: int) -> Sequence[tuple[ActionUpdate, User]]:
    return db.exec(
        select(ActionUpdate, User)
        .join(User, col(User.id) == col(ActionUpdate.author_id))
        .where(ActionUpdate.action_id == action_id)
        .order_by(col(ActionUpdate.created_at).desc(), col(ActionUpdate.id).desc())
    ).all()


def possible_owners(db: Session) -> Sequence[User]:
    """Action owners first, then officers (who may own actions too)."""
    return db.exec(
        select(User)
        .where(
            col(User.role).in_([Role.ACTION_OWNER, Role.PARTICIPATION_OFFICER]),
            col(User.is_active).is_(True),
        )
        .order_by(col(User.role), col(User.display_name), col(User.id))
    ).all()


def owner(db: Session, user_id: int) -> User | None:
    user = db.get(User, user_id)
    if user is None or not user.is_active:
        return None
    return user if user.role in {Role.ACTION_OWNER, Role.PARTICIPATION_OFFICER} else None


# Links to items ------------------------------------------------------------------------------


def linkable_conditions() -> list[ColumnElement[bool]]:
    """THE rule for which items may be linked to an action: approved for sharing, with the young
    person's agreement, not merged into another item, and with a redacted shared version."""
    return [
        col(Item.sharing) == Sharing.SHARED,
        col(Item.may_share).is_(True),
        col(Item.merged_into_id).is_(None),
        col(Item.id).in_(select(SharedVersion.item_id)),
    ]


def linkable_ids(db: Session, item_ids: Iterable[int]) -> set[int]:
    ids = list(item_ids)
    if not ids:
        return set()
    found = db.exec(select(Item.id).where(col(Item.id).in_(ids), *linkable_conditions())).all()
    return {item_id for item_id in found if item_id is not None}


def linkable_item_by_reference(db: Session, reference: str) -> Item | None:
    return db.exec(select(Item).where(Item.reference == reference, *linkable_conditions())).first()


@dataclass(frozen=True)
class LinkedItem:
    item_id: int
    reference: str  # for officers' links only; never shown to owners or chairs
    shared_text: str
    kind: LinkKind | None  # None: not linked yet (offered for linking)


def linked_items(db: Session, action_id: int) -> list[LinkedItem]:
    """The action's linked items, as their shared (redacted) text only."""
    rows = db.exec(
        select(ItemActionLink, Item.reference, SharedVersion.text)
        .join(Item, col(Item.id) == col(ItemActionLink.item_id))
        .join(SharedVersion, col(SharedVersion.item_id) == col(Item.id))
        .where(ItemActionLink.action_id == action_id)
        .order_by(col(ItemActionLink.linked_at), col(ItemActionLink.id))
    ).all()
    return [LinkedItem(link.item_id, reference, text, link.kind) for link, reference, text in rows]


def linkable_items(db: Session, action_id: int, *, theme_id: int | None) -> list[LinkedItem]:
    """Shared items not yet linked to this action, newest first, optionally on one theme."""
    linked = select(ItemActionLink.item_id).where(ItemActionLink.action_id == action_id)
    statement = (
        select(Item.id, Item.reference, SharedVersion.text)
        .join(SharedVersion, col(SharedVersion.item_id) == col(Item.id))
        .where(*linkable_conditions(), col(Item.id).not_in(linked))
        .order_by(col(SharedVersion.approved_at).desc(), col(Item.id).desc())
        .limit(LINKABLE_LIMIT)
    )
    if theme_id is not None:
        tagged = select(ItemTheme.item_id).where(ItemTheme.theme_id == theme_id)
        statement = statement.where(col(Item.id).in_(tagged))
    return [
        LinkedItem(item_id or 0, reference, text, None)
        for item_id, reference, text in db.exec(statement).all()
    ]


def link(db: Session, action_id: int, item_id: int) -> ItemActionLink | None:
    return db.exec(
        select(ItemActionLink).where(
            ItemActionLink.action_id == action_id, ItemActionLink.item_id == item_id
        )
    ).first()


def linked_item_ids(db: Session, action_id: int) -> set[int]:
    return set(
        db.exec(select(ItemActionLink.item_id).where(ItemActionLink.action_id == action_id)).all()
    )


def with_merged(db: Session, item_ids: Iterable[int]) -> list[int]:
    """The items, and the items merged into them (other young people who said the same
    thing): everyone who hears about an action linked to these items."""
    ids = list(item_ids)
    if not ids:
        return []
    found = db.exec(
        select(Item.id)
        .where(col(Item.id).in_(ids) | col(Item.merged_into_id).in_(ids))
        .order_by(col(Item.id))
    ).all()
    return [item_id for item_id in found if item_id is not None]


def actions_for_item(db: Session, item_id: int) -> Sequence[tuple[ItemActionLink, BoardAction]]:
    return db.exec(
        select(ItemActionLink, BoardAction)
        .join(BoardAction, col(BoardAction.id) == col(ItemActionLink.action_id))
        .where(ItemActionLink.item_id == item_id)
        .order_by(col(ItemActionLink.linked_at))
    ).all()


def open_actions(db: Session) -> Sequence[BoardAction]:
    """Actions items may still be linked to (anything not dropped), soonest due first."""
    return db.exec(
        select(BoardAction)
        .where(BoardAction.status != ActionStatus.DROPPED)
        .order_by(col(BoardAction.due_on), col(BoardAction.id))
    ).all()


# Agenda items ---------------------------------------------------------------------------------


def actions_for_agenda_items(
    db: Session, agenda_item_ids: Iterable[int]
) -> dict[int, list[BoardAction]]:
    ids = list(agenda_item_ids)
    found: dict[int, list[BoardAction]] = {}
    if not ids:
        return found
    rows = db.exec(
        select(AgendaItemAction.agenda_item_id, BoardAction)
        .join(BoardAction, col(BoardAction.id) == col(AgendaItemAction.action_id))
        .where(col(AgendaItemAction.agenda_item_id).in_(ids))
        .order_by(col(BoardAction.due_on), col(BoardAction.id))
    ).all()
    for agenda_item_id, action in rows:
        found.setdefault(agenda_item_id, []).append(action)
    return found


def all_actions(db: Session) -> Sequence[BoardAction]:
    return db.exec(select(BoardAction).order_by(col(BoardAction.due_on), col(BoardAction.id))).all()


# Reminders -----------------------------------------------------------------------------------


def overdue_counts(db: Session, today: date) -> tuple[int, int]:
    """(open actions, overdue actions) for the weekly summary."""
    open_count = db.exec(
        select(func.count()).select_from(BoardAction).where(col(BoardAction.status).not_in(CLOSED))
    ).one()
    overdue = db.exec(
        select(func.count()).select_from(BoardAction).where(overdue_condition(today))
    ).one()
    return open_count, overdue


def reminders_due(db: Session, today: date, week: str) -> Sequence[tuple[BoardAction, User]]:
    """Overdue actions whose owner has an email address and has not been reminded this week."""
    reminded = select(ActionReminder.action_id).where(ActionReminder.week == week)
    return db.exec(
        select(BoardAction, User)
        .join(User, col(User.id) == col(BoardAction.owner_id))
        .where(
            overdue_condition(today),
            col(User.is_active).is_(True),
            col(User.email).is_not(None),
            col(BoardAction.id).not_in(reminded),
        )
        .order_by(col(BoardAction.id))
    ).all()


def summary_sent(db: Session, week: str) -> bool:
    return db.get(ActionSummarySent, week) is not None


def agenda_links(db: Session, agenda_item_id: int) -> Sequence[AgendaItemAction]:
    return db.exec(
        select(AgendaItemAction).where(AgendaItemAction.agenda_item_id == agenda_item_id)
    ).all()
