"""Board decisions and the actions that carry them out: the outcome form's choices, and the
linked actions voters see beside what the board decided."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select
from starlette.datastructures import FormData

from app.actions import repository
from app.actions.labels import STATUS_TAGS, YOUNG_STATUS_LABELS
from app.actions.models import AgendaItemAction, BoardAction
from app.forms import ticked_numbers
from app.meetings.models import AgendaItem


def outcome_choices(db: Session, agenda_item_id: int, form: FormData | None) -> dict[str, Any]:
    """Every action, and which are ticked: what was just sent, else what is linked now."""
    if form is None:
        linked = repository.actions_for_agenda_items(db, [agenda_item_id]).get(agenda_item_id, [])
        ticked = [action.id or 0 for action in linked]
    else:
        ticked = ticked_numbers(form, "actions")
    return {
        "board_actions": repository.all_actions(db),
        "ticked_actions": [str(action_id) for action_id in ticked],
    }


def actions_for_options(db: Session, option_ids: Sequence[int]) -> dict[str, Any]:
    """For the voter's round page: the actions linked to the decision on each option they
    voted for (titles and statuses, in young people's words)."""
    found: dict[int, list[BoardAction]] = {}
    if option_ids:
        rows = db.exec(
            select(AgendaItem.option_id, BoardAction)
            .join(AgendaItemAction, col(AgendaItemAction.agenda_item_id) == col(AgendaItem.id))
            .join(BoardAction, col(BoardAction.id) == col(AgendaItemAction.action_id))
            .where(col(AgendaItem.option_id).in_(option_ids))
            .order_by(col(BoardAction.due_on), col(BoardAction.id))
        ).all()
        for option_id, action in rows:
            found.setdefault(option_id or 0, []).append(action)
    return {
        "outcome_actions": found,
        "young_status_labels": YOUNG_STATUS_LABELS,
        "status_tags": STATUS_TAGS,
    }
