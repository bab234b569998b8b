"""The words a young person sees for each step of their item's timeline."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.i18n import gettext as _
from app.voice.models import EventKind, ItemStatus, TimelineEvent


@dataclass(frozen=True)
class TimelineEntry:
    title: str
    detail: str
    when: datetime
    response: str | None = None


def _status_words(status: ItemStatus | None) -> tuple[str, str]:
    if status is ItemStatus.BEING_READ:
        return _("Being read"), _("A participation worker is reading what you said.")
    if status is ItemStatus.CLOSED:
        return _("Closed"), _("This one is finished. You can always send something new.")
    if status is ItemStatus.RESPONDED:
        return _("Answered"), _("We have answered what you said.")
    return _("Waiting to be read"), _("It is back in the list for a worker to read.")


# Board actions linked to the item: a title here, and the plain words from the action as detail.
ACTION_TITLES: dict[EventKind, Callable[[], str]] = {
    EventKind.ACTION_LINKED: lambda: _("The board is acting on this"),
    EventKind.ACTION_UPDATE: lambda: _("Progress"),
    EventKind.ACTION_DONE: lambda: _("Done"),
    EventKind.ACTION_DROPPED: lambda: _("Stopped"),
}


def describe(event: TimelineEvent) -> TimelineEntry:
    if event.kind is EventKind.SENT:
        return TimelineEntry(
            _("Sent"), _("We got your message. It is safe with us."), event.created_at
        )
    if event.kind is EventKind.RESPONSE_ADDED:
        return TimelineEntry(
            _("We replied"), _("Here is what we did:"), event.created_at, response=event.body
        )
    if event.kind is EventKind.DECISION:
        return TimelineEntry(_("What we decided"), event.body or "", event.created_at)
    if event.kind in ACTION_TITLES:
        return TimelineEntry(ACTION_TITLES[event.kind](), event.body or "", event.created_at)
    if event.kind is EventKind.ERASED:
        return TimelineEntry(
            _("Deleted"), _("We deleted your words. Nobody can read them now."), event.created_at
        )
    title, detail = _status_words(event.status)
    return TimelineEntry(title, detail, event.created_at)


def for_author(events: Sequence[TimelineEvent]) -> list[TimelineEntry]:
    return [describe(event) for event in events]
