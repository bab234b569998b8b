"""Taking a young person's words out of frozen summaries when they must go: the young person
asked us to delete them (or they passed retention), or a safeguarding case opened on them.

A frozen summary keeps what the board saw, except words we may no longer keep or show: those
quotes and "you said, we did" lines are removed from every frozen copy, in the same
transaction as the deletion or the case. Counts stay as they were.
"""

from collections.abc import Collection
from typing import Any

from sqlmodel import Session, select

from app.summaries.models import SummarySnapshot


def _without(entries: Any, item_ids: Collection[int]) -> list[Any]:
    return [entry for entry in entries or [] if entry.get("item_id") not in item_ids]


def withdraw_words(db: Session, *, item_ids: Collection[int]) -> int:
    """Removes these items' words from every frozen summary; returns how many changed."""
    wanted = set(item_ids)
    changed = 0
    for snapshot in db.exec(select(SummarySnapshot)).all():
        data = dict(snapshot.data)
        quotes = _without(data.get("quotes"), wanted)
        highlights = _without(data.get("highlights"), wanted)
        if len(quotes) == len(data.get("quotes") or []) and len(highlights) == len(
            data.get("highlights") or []
        ):
            continue
        snapshot.data = {**data, "quotes": quotes, "highlights": highlights}
        db.add(snapshot)
        changed += 1
    db.flush()
    return changed
