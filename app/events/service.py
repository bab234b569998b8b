"""Events, attendance, quick capture and the event QR form. Services flush; the request commits.

Every item from an event goes through `app.voice.service.submit_view`, like the online form,
so the safety screen, safeguarding cases and moderation apply exactly as they do online.
"""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete
from sqlmodel import Session, col

from app.audit.service import record
from app.authz import Principal
from app.events import repository
from app.events.forms import BANDS, CaptureRow, EventRequest
from app.events.models import Event, EventAttendance, EventChampion, EventTheme, EventType
from app.forms import Refused
from app.i18n import gettext as _
from app.people.models import User
from app.themes import repository as themes_repository
from app.timeutil import utcnow
from app.voice import service as voice
from app.voice.models import AgeBand, Item


class EventState(StrEnum):
    NOT_YET = "not_yet"
    OPEN = "open"
    CLOSED = "closed"


def state(event: Event, now: datetime | None = None) -> EventState:
    """Whether the event's QR form takes words right now."""
    moment = now or utcnow()
    if moment < event.opens_at:
        return EventState.NOT_YET
    if moment >= event.closes_at:
        return EventState.CLOSED
    return EventState.OPEN


def _check_links(db: Session, request: EventRequest) -> None:
    active = {theme.id for theme in themes_repository.all_themes(db) if theme.is_active}
    if any(theme_id not in active for theme_id in request.theme_ids):
        request.errors["themes"] = _("Choose themes from the list.")
    councillors = {user.id for user in themes_repository.councillors(db)}
    if any(user_id not in councillors for user_id in request.champion_ids):
        request.errors["champions"] = _("Choose councillors from the list.")


def save_event(db: Session, *, event: Event | None, request: EventRequest, actor: User) -> Event:
    """Creates an event (with an unguessable token for its QR link) or changes one.

    Refused when anything is wrong; every problem is then in `request.errors`."""
    _check_links(db, request)
    if request.errors:
        field, message = next(iter(request.errors.items()))
        raise Refused(message, field)
    assert request.kind and request.held_on and request.opens_at and request.closes_at
    created = event is None
    if event is None:
        event = Event(
            kind=request.kind,
            name="",
            held_on=request.held_on,
            opens_at=request.opens_at,
            closes_at=request.closes_at,
            token=secrets.token_urlsafe(16),
            created_by_id=actor.id or 0,
        )
    event.kind = request.kind
    event.name = request.name
    event.place = request.place
    event.held_on = request.held_on
    event.opens_at = request.opens_at
    event.closes_at = request.closes_at
    db.add(event)
    db.flush()
    event_id = event.id or 0
    for model in (EventTheme, EventChampion):
        db.execute(delete(model).where(col(model.event_id) == event_id))
    db.add_all(EventTheme(event_id=event_id, theme_id=theme_id) for theme_id in request.theme_ids)
    db.add_all(
        EventChampion(event_id=event_id, user_id=user_id) for user_id in request.champion_ids
    )
    record(
        db,
        actor=actor,
        action="event.create" if created else "event.update",
        object_type="event",
        object_id=event_id,
    )
    db.flush()
    return event


def record_attendance(db: Session, *, event: Event, counts: dict[str, int], actor: User) -> None:
    """How many came, per age band: counts only, never names."""
    event_id = event.id or 0
    for band in BANDS:
        row = repository.attendance_row(db, event_id, band) or EventAttendance(
            event_id=event_id, band=band
        )
        row.count = counts.get(band, 0)
        db.add(row)
    record(db, actor=actor, action="event.attendance", object_type="event", object_id=event_id)
    db.flush()


def _pretagged_theme(db: Session, event: Event) -> str:
    """An event about one (active) theme tags what is said there with it."""
    themes = [
        t for t in repository.themes_of(db, [event.id or 0]).get(event.id or 0, []) if t.is_active
    ]
    return themes[0].slug if len(themes) == 1 else ""


def _channel(event: Event) -> str:
    return "paper" if event.kind is EventType.PAPER_SURVEY else "event"


@dataclass
class Captured:
    saved: list[Item] = field(default_factory=list)
    refused: list[CaptureRow] = field(default_factory=list)


def capture(
    db: Session, *, principal: Principal, event: Event, rows: Sequence[CaptureRow]
) -> Captured:
    """Saves every good row as its own item (each with its own one-time key, so sending the
    same batch again saves nothing twice); rows with a problem come back with their words."""
    result = Captured()
    theme = _pretagged_theme(db, event)
    for row in rows:
        if row.blank:
            continue
        if row.error:
            result.refused.append(row)
            continue
        form = voice.ViewForm(
            body=row.text,
            theme=theme,
            may_share="yes" if row.share else "no",
            form_key=row.key,
        )
        origin = voice.Origin(channel=_channel(event), event_id=event.id, age_band=row.age_band)
        try:
            receipt = voice.submit_view(db, principal=principal, form=form, origin=origin)
        except voice.IdempotencyConflict:
            row.key = ""
            row.error = _("It was already saved with other words. Save again to add it as new.")
            result.refused.append(row)
            continue
        result.saved.append(receipt.item)
    if result.saved:
        record(
            db,
            actor=principal.user,
            action="event.capture",
            object_type="event",
            object_id=event.id or 0,
        )
    db.flush()
    return result


class EventClosed(Exception):
    """The event's QR form is not open (not yet, or any more)."""


def say_at_event(
    db: Session,
    *,
    principal: Principal,
    event: Event,
    form: voice.ViewForm,
    age_band: AgeBand | None,
) -> voice.Receipt:
    """A young person's words through the event's QR form, tagged "said at" the event."""
    if state(event) is not EventState.OPEN:
        raise EventClosed
    form.theme = _pretagged_theme(db, event)
    origin = voice.Origin(channel="event", event_id=event.id, age_band=age_band)
    return voice.submit_view(db, principal=principal, form=form, origin=origin)
