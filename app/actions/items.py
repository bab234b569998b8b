"""The "board actions" panel on a shared item's moderation page: the actions it is linked to,
and a small form to link it to another."""

from typing import Any

from sqlmodel import Session

from app.actions import repository
from app.actions.labels import LINK_LABELS, STATUS_LABELS, STATUS_TAGS
from app.voice.models import Item

NOTICES = ("done", "missing", "refused")


def item_panel(db: Session, item: Item, notice: str) -> dict[str, Any]:
    item_id = item.id or 0
    linkable = bool(repository.linkable_ids(db, [item_id]))
    linked = repository.actions_for_item(db, item_id)
    linked_ids = {action.id for _link, action in linked}
    return {
        "item_actions": linked,
        "action_choices": [a for a in repository.open_actions(db) if a.id not in linked_ids]
        if linkable
        else [],
        "action_link_notice": notice if notice in NOTICES else "",
        "action_link_labels": LINK_LABELS,
        "action_status_labels": STATUS_LABELS,
        "action_status_tags": STATUS_TAGS,
    }
