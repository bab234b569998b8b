"""Every query about promises. Promises hold no children's words, so readers are not scoped
beyond the route's permission; each list is one query whatever its size."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.actions.models import BoardAction
from app.promises.models import Measure, MeasureReading, Promise, PromiseAction, PromiseTheme
from app.themes.models import Theme


def promises(db: Session) -> Sequence[Promise]:
    return db.exec(select(Promise).order_by(col(Promise.created_at), col(Promise.id))).all()


def measures_of(db: Session, promise_ids: Sequence[int]) -> dict[int, list[Measure]]:
    found: dict[int, list[Measure]] = {}
    if promise_ids:
        for measure in db.exec(
            select(Measure)
            .where(col(Measure.promise_id).in_(promise_ids))
            .order_by(col(Measure.id))
        ).all():
            found.setdefault(measure.promise_id, []).append(measure)
    return found


def readings_of(db: Session, measure_ids: Sequence[int]) -> dict[int, list[MeasureReading]]:
    """Oldest first, so the last one is the latest."""
    found: dict[int, list[MeasureReading]] = {}
    if measure_ids:
        for reading in db.exec(
            select(MeasureReading)
            .where(col(MeasureReading.measure_id).in_(measure_ids))
            .order_by(col(MeasureReading.taken_on), col(MeasureReading.id))
        ).all():
            found.setdefault(reading.measure_id, []).append(reading)
    return found


def themes_of(db: Session, promise_ids: Sequence[int]) -> dict[int, list[Theme]]:
    found: dict[int, list[Theme]] = {}
    if promise_ids:
        for promise_id, theme in db.exec(
            select(PromiseTheme.promise_id, Theme)
            .join(Theme, col(Theme.id) == col(PromiseTheme.theme_id))
            .where(col(PromiseTheme.promise_id).in_(promise_ids))
            .order_by(col(Theme.position), col(Theme.id))
        ).all():
            found.setdefault(promise_id, []).append(theme)
    return found


def actions_of(db: Session, promise_ids: Sequence[int]) -> dict[int, list[BoardAction]]:
    found: dict[int, list[BoardAction]] = {}
    if promise_ids:
        for promise_id, action in db.exec(
            select(PromiseAction.promise_id, BoardAction)
            .join(BoardAction, col(BoardAction.id) == col(PromiseAction.action_id))
            .where(col(PromiseAction.promise_id).in_(promise_ids))
            .order_by(col(BoardAction.due_on), col(BoardAction.id))
        ).all():
            found.setdefault(promise_id, []).append(action)
    return found


def all_actions(db: Session) -> Sequence[BoardAction]:
    """Every board action, for the "actions that keep this promise" choice."""
    return db.exec(select(BoardAction).order_by(col(BoardAction.title), col(BoardAction.id))).all()


def all_themes(db: Session) -> Sequence[Theme]:
    return db.exec(select(Theme).order_by(col(Theme.position), col(Theme.id))).all()


def theme_links(db: Session, promise_id: int) -> Sequence[PromiseTheme]:
    return db.exec(select(PromiseTheme).where(PromiseTheme.promise_id == promise_id)).all()


def action_links(db: Session, promise_id: int) -> Sequence[PromiseAction]:
    return db.exec(select(PromiseAction).where(PromiseAction.promise_id == promise_id)).all()
