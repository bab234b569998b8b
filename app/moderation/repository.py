"""Every query about moderation. `shared_items` is the only door from young people's words to
anyone who is not a participation officer or a safeguarding lead."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.moderation.models import (
    DecisionReason,
    ItemTheme,
    ModerationDecision,
    Redaction,
    SharedVersion,
    Sharing,
)
from app.people.models import Role, User
from app.voice.models import AgeBand, Item

MODERATORS = (Role.PARTICIPATION_OFFICER, Role.SAFEGUARDING_LEAD)


@dataclass(frozen=True)
class SharedItem:
    """What may leave the officers: the approved, redacted words and counts. Never `Item.body`,
    the author, the reference or anything else that could point at a young person."""

    item_id: int
    text: str
    theme_ids: tuple[int, ...]
    voices: int  # young people who said this: the item and those merged into it, all shared
    approved_at: datetime
    event_id: int | None = None  # "said at" an event (the event, never who)


@dataclass(frozen=True)
class SharedFilter:
    """Which shared items: tagged with any of `theme_ids` (all when empty), approved from
    `approved_from` and before `approved_before` (either may be open)."""

    theme_ids: tuple[int, ...] = ()
    approved_from: datetime | None = None
    approved_before: datetime | None = None


def _shared_statement(
    theme_id: int | None, where: SharedFilter = SharedFilter()
) -> sa.Select[int, str, datetime, Any, int | None]:
    """Approved, consented, main items as their shared versions, with merged voices counted."""
    merged = aliased(Item)
    voices = (
        select(col(merged.merged_into_id).label("main_id"), func.count().label("voices"))
        .where(
            col(merged.merged_into_id).is_not(None),
            merged.sharing == Sharing.SHARED,
            col(merged.may_share).is_(True),
        )
        .group_by(col(merged.merged_into_id))
        .subquery()
    )
    statement = (
        sa.select(  # five columns: more than sqlmodel's typed select() takes
            col(SharedVersion.item_id),
            col(SharedVersion.text),
            col(SharedVersion.approved_at),
            func.coalesce(voices.c.voices, 0),
            col(Item.event_id),
        )
        .join(Item, col(Item.id) == col(SharedVersion.item_id))
        .outerjoin(voices, voices.c.main_id == col(Item.id))
        .where(
            col(Item.sharing) == Sharing.SHARED,
            col(Item.may_share).is_(True),
            col(Item.merged_into_id).is_(None),
        )
    )
    theme_ids = (theme_id,) if theme_id is not None else where.theme_ids
    if theme_ids:
        tagged = select(ItemTheme.item_id).where(col(ItemTheme.theme_id).in_(theme_ids))
        statement = statement.where(col(SharedVersion.item_id).in_(tagged))
    if where.approved_from is not None:
        statement = statement.where(col(SharedVersion.approved_at) >= where.approved_from)
    if where.approved_before is not None:
        statement = statement.where(col(SharedVersion.approved_at) < where.approved_before)
    return statement


def _as_shared(
    db: Session, rows: Sequence[sa.Row[int, str, datetime, Any, int | None]]
) -> list[SharedItem]:
    themes = _themes_of(db, [row[0] for row in rows])
    return [
        SharedItem(
            item_id=item_id,
            text=text,
            theme_ids=tuple(themes.get(item_id, ())),
            voices=1 + merged_voices,
            approved_at=approved_at,
            event_id=event_id,
        )
        for item_id, text, approved_at, merged_voices, event_id in rows
    ]


def shared_items(
    db: Session,
    *,
    theme_id: int | None = None,
    where: SharedFilter = SharedFilter(),
    most_voiced: int | None = None,
) -> list[SharedItem]:
    """Items an officer approved for sharing, whose authors agreed, as their shared versions,
    oldest first; or, with `most_voiced`, only that many, the most young people first.

    Councillors, board chairs, action owners, summaries and public pages read young people's
    words only through this function (or `shared_items_page`, the same rows a page at a time,
    or `shared_items_stream`, the same rows in batches for exports).
    """
    statement = _shared_statement(theme_id, where)
    if most_voiced is None:
        statement = statement.order_by(col(SharedVersion.approved_at), col(SharedVersion.item_id))
    else:
        voices = statement.selected_columns[3]
        statement = statement.order_by(
            voices.desc(), col(SharedVersion.approved_at).desc(), col(SharedVersion.item_id)
        ).limit(most_voiced)
    return _as_shared(db, db.execute(statement).all())


def shared_items_stream(
    db: Session, *, where: SharedFilter = SharedFilter(), batch: int = 1000
) -> Iterator[list[SharedItem]]:
    """The same rows as `shared_items`, oldest first, `batch` at a time, read through a
    server-side cursor (yield_per), so an export of any size holds one batch in memory."""
    statement = (
        _shared_statement(None, where)
        .order_by(col(SharedVersion.approved_at), col(SharedVersion.item_id))
        .execution_options(yield_per=batch)
    )
    for rows in db.execute(statement).partitions():
        yield _as_shared(db, rows)


def shared_items_page(
    db: Session, *, theme_id: int | None = None, page: int, per_page: int
) -> tuple[list[SharedItem], int]:
    """The same rows as `shared_items`, newest first, one page, and how many there are in all:
    two queries for the rows and one for their themes, however many are shared."""
    statement = _shared_statement(theme_id)
    total = db.execute(sa.select(func.count()).select_from(statement.subquery())).scalar_one()
    rows = db.execute(
        statement.order_by(col(SharedVersion.approved_at).desc(), col(SharedVersion.item_id).desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return _as_shared(db, rows), total


def _themes_of(db: Session, item_ids: Sequence[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    if not item_ids:
        return found
    rows = db.exec(
        select(ItemTheme.item_id, ItemTheme.theme_id)
        .where(col(ItemTheme.item_id).in_(item_ids))
        .order_by(col(ItemTheme.theme_id))
    ).all()
    for item_id, theme_id in rows:
        found.setdefault(item_id, []).append(theme_id)
    return found


def item_themes(db: Session, item_id: int) -> list[int]:
    return _themes_of(db, [item_id]).get(item_id, [])


def shared_version(db: Session, item_id: int) -> SharedVersion | None:
    return db.get(SharedVersion, item_id)


# Reasons ---------------------------------------------------------------------------------------


def active_reasons(db: Session) -> dict[Sharing, list[DecisionReason]]:
    """The council's current reasons, grouped by decision, in their order."""
    grouped: dict[Sharing, list[DecisionReason]] = {}
    for reason in db.exec(
        select(DecisionReason)
        .where(col(DecisionReason.is_active).is_(True))
        .order_by(col(DecisionReason.position), col(DecisionReason.id))
    ).all():
        grouped.setdefault(reason.decision, []).append(reason)
    return grouped


def all_reasons(db: Session) -> Sequence[DecisionReason]:
    return db.exec(
        select(DecisionReason).order_by(
            col(DecisionReason.decision),
            col(DecisionReason.is_active).desc(),
            col(DecisionReason.position),
            col(DecisionReason.id),
        )
    ).all()


def reason(db: Session, reason_id: int) -> DecisionReason | None:
    return db.get(DecisionReason, reason_id)


def last_position(db: Session) -> int:
    return db.exec(select(func.coalesce(func.max(DecisionReason.position), 0))).one()


# Decisions, redactions, people -----------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRecord:
    decision: ModerationDecision
    reason_text: str
    decided_by: str


def decisions(db: Session, item_id: int) -> list[DecisionRecord]:
    """An item's decisions, newest first, with the reason and who decided."""
    rows = db.exec(
        select(ModerationDecision, DecisionReason.text, User)
        .join(DecisionReason, col(DecisionReason.id) == col(ModerationDecision.reason_id))
        .join(User, col(User.id) == col(ModerationDecision.decided_by_id))
        .where(ModerationDecision.item_id == item_id)
        .order_by(col(ModerationDecision.decided_at).desc(), col(ModerationDecision.id).desc())
    ).all()
    return [DecisionRecord(decision, text, user.label) for decision, text, user in rows]


def latest_decision(db: Session, item_id: int) -> DecisionRecord | None:
    found = decisions(db, item_id)
    return found[0] if found else None


def redactions(db: Session, item_id: int) -> Sequence[Redaction]:
    return db.exec(
        select(Redaction).where(Redaction.item_id == item_id).order_by(col(Redaction.start))
    ).all()


def moderators(db: Session) -> Sequence[User]:
    """Staff who may be given items to moderate."""
    return db.exec(
        select(User)
        .where(col(User.role).in_(MODERATORS), col(User.is_active).is_(True))
        .order_by(col(User.display_name), col(User.id))
    ).all()


def merged_into(db: Session, main_id: int) -> Sequence[Item]:
    return db.exec(
        select(Item)
        .where(Item.merged_into_id == main_id)
        .order_by(col(Item.created_at), col(Item.id))
    ).all()


def items_by_references(db: Session, references: Sequence[str]) -> Sequence[Item]:
    if not references:
        return []
    return db.exec(
        select(Item)
        .where(col(Item.reference).in_(references))
        .order_by(col(Item.created_at), col(Item.id))
    ).all()


# The queue -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    theme_id: int | None = None
    age_band: AgeBand | None = None
    channel: str | None = None
    sent_before: datetime | None = None  # the waiting-time filter, as a cut-off
    assigned_to_id: int | None = None
    unassigned: bool = False


def _queue_conditions(filters: QueueFilters) -> list[object]:
    conditions: list[object] = [
        Item.sharing == Sharing.PENDING,
        col(Item.merged_into_id).is_(None),
        col(Item.erased_at).is_(None),  # deleted at the young person's request
    ]
    if filters.theme_id is not None:
        conditions.append(Item.theme_id == filters.theme_id)
    if filters.age_band is not None:
        conditions.append(Item.age_band == filters.age_band)
    if filters.channel is not None:
        conditions.append(Item.channel == filters.channel)
    if filters.sent_before is not None:
        conditions.append(col(Item.created_at) < filters.sent_before)
    if filters.assigned_to_id is not None:
        conditions.append(Item.assigned_to_id == filters.assigned_to_id)
    if filters.unassigned:
        conditions.append(col(Item.assigned_to_id).is_(None))
    return conditions


def queue_page(
    db: Session, filters: QueueFilters, *, page: int, per_page: int
) -> tuple[list[tuple[Item, int]], int]:
    """Items waiting for a decision, oldest first, each with how many were merged into it.

    Two queries whatever the page size: the count, and the page with the merged counts joined.
    """
    conditions = _queue_conditions(filters)
    total = db.exec(
        select(func.count()).select_from(Item).where(*conditions)  # type: ignore[arg-type]
    ).one()
    merged = aliased(Item)
    counts = (
        select(col(merged.merged_into_id).label("main_id"), func.count().label("merged"))
        .where(col(merged.merged_into_id).is_not(None))
        .group_by(col(merged.merged_into_id))
        .subquery()
    )
    rows = db.exec(
        select(Item, func.coalesce(counts.c.merged, 0))
        .outerjoin(counts, counts.c.main_id == col(Item.id))
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(col(Item.created_at), col(Item.id))
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return [(item, merged_count) for item, merged_count in rows], total


def channels(db: Session) -> list[str]:
    """Channels items arrived through (online, an event, paper...), for the filter."""
    return [
        value
        for value in db.exec(select(Item.channel).distinct().order_by(col(Item.channel))).all()
        if value
    ]
