"""Officers' event pages: the list, an event, its attendance, quick capture and the QR sheet."""

import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.authz import Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession
from app.events import repository, service
from app.events.forms import (
    BANDS,
    KIND_LABELS,
    MAX_ROWS,
    ROWS_STEP,
    CaptureRow,
    EventRequest,
    read_attendance,
    read_capture,
    read_event,
)
from app.events.models import UNKNOWN_AGE, Event
from app.forms import Refused
from app.i18n import gettext as _
from app.moderation.labels import SHARING_LABELS
from app.moderation.queue_routes import AGE_LABELS
from app.themes import repository as themes_repository
from app.timeutil import COUNCIL_TIME, to_form_moment, utcnow
from app.voice.models import MAX_BODY_CHARS
from app.voice.routes import PostedForm
from app.web import qr_data_uri, redirect, render

router = APIRouter(prefix="/staff/events")

CanManage = Annotated[Principal, Depends(Require(Permission.EVENTS_MANAGE))]
PAGE = "/staff/events"


def _event_or_404(db: DbSession, event_id: int) -> Event:
    event = repository.event(db, event_id)
    if event is None:
        raise HTTPException(status_code=404)
    return event


def event_link(event: Event) -> str:
    return f"{get_settings().base_url}/events/{event.token}/say"


def _form_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    event: Event | None,
    values: dict[str, object],
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> Response:
    errors = errors or {}
    return render(
        request,
        "events/edit.html",
        {
            "event": event,
            "values": values,
            "errors": errors,
            "error_list": [{"text": text, "href": f"#{name}"} for name, text in errors.items()],
            "kind_labels": KIND_LABELS,
            "themes": [t for t in themes_repository.all_themes(db) if t.is_active],
            "councillors": themes_repository.councillors(db),
        },
        status_code=status_code,
        principal=principal,
    )


def _current(db: DbSession, event: Event) -> dict[str, object]:
    event_id = event.id or 0
    return {
        "name": event.name,
        "kind": event.kind.value,
        "held_on": event.held_on.isoformat(),
        "place": event.place,
        "opens_at": to_form_moment(event.opens_at),
        "closes_at": to_form_moment(event.closes_at),
        "themes": [str(t.id) for t in repository.themes_of(db, [event_id]).get(event_id, [])],
        "champions": [str(u.id) for u in repository.champions_of(db, [event_id]).get(event_id, [])],
    }


def _save(
    request: Request,
    db: DbSession,
    principal: Principal,
    event: Event | None,
    sent: EventRequest,
) -> Response:
    assert principal.user is not None
    try:
        saved = service.save_event(db, event=event, request=sent, actor=principal.user)
    except Refused:
        db.rollback()
        return _form_page(request, db, principal, event, sent.shown(), sent.errors, status_code=400)
    db.commit()
    return redirect(request, f"{PAGE}/{saved.id}?notice=saved")


@router.get("")
def events_page(request: Request, db: DbSession, principal: CanManage) -> Response:
    events = repository.events(db)
    ids = [event.id or 0 for event in events]
    return render(
        request,
        "events/list.html",
        {
            "events": events,
            "themes_of": repository.themes_of(db, ids),
            "item_counts": repository.item_counts(db, ids),
            "kind_labels": KIND_LABELS,
        },
        principal=principal,
    )


@router.get("/new")
def new_event(request: Request, db: DbSession, principal: CanManage) -> Response:
    today = utcnow().astimezone(COUNCIL_TIME).replace(hour=9, minute=0, second=0, microsecond=0)
    values: dict[str, object] = {
        "held_on": today.date().isoformat(),
        "opens_at": to_form_moment(today),
        "closes_at": to_form_moment(today + timedelta(days=7, hours=8)),
    }
    return _form_page(request, db, principal, None, values)


@router.post("")
def create_event(
    request: Request, db: DbSession, principal: CanManage, form: PostedForm
) -> Response:
    return _save(request, db, principal, None, read_event(form))


@router.get("/{event_id}")
def event_page(request: Request, db: DbSession, principal: CanManage, event_id: int) -> Response:
    event = _event_or_404(db, event_id)
    return _event_page(request, db, principal, event)


def _event_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    event: Event,
    *,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    event_id = event.id or 0
    counts = repository.attendance(db, event_id)
    errors = errors or {}
    return render(
        request,
        "events/event.html",
        {
            "event": event,
            "state": service.state(event).value,
            "themes": repository.themes_of(db, [event_id]).get(event_id, []),
            "champions": repository.champions_of(db, [event_id]).get(event_id, []),
            "typed": typed or {f"count_{band}": str(counts.get(band, "")) for band in BANDS},
            "attendance_total": sum(counts.values()),
            "bands": BANDS,
            "band_labels": {**AGE_LABELS, UNKNOWN_AGE: _("Age not known")},
            "items": repository.items_from(db, event_id),
            "sharing_labels": SHARING_LABELS,
            "kind_labels": KIND_LABELS,
            "link": event_link(event),
            "errors": errors,
            "error_list": [{"text": text, "href": f"#{name}"} for name, text in errors.items()],
            "notice": request.query_params.get("notice", ""),
            "captured": request.query_params.get("captured", ""),
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/{event_id}/edit")
def edit_event(request: Request, db: DbSession, principal: CanManage, event_id: int) -> Response:
    event = _event_or_404(db, event_id)
    return _form_page(request, db, principal, event, _current(db, event))


@router.post("/{event_id}/edit")
def change_event(
    request: Request, db: DbSession, principal: CanManage, event_id: int, form: PostedForm
) -> Response:
    return _save(request, db, principal, _event_or_404(db, event_id), read_event(form))


@router.post("/{event_id}/attendance")
def attendance(
    request: Request, db: DbSession, principal: CanManage, event_id: int, form: PostedForm
) -> Response:
    event = _event_or_404(db, event_id)
    counts, typed, errors = read_attendance(form)
    if errors:
        return _event_page(
            request, db, principal, event, typed=typed, errors=errors, status_code=400
        )
    assert principal.user is not None
    service.record_attendance(db, event=event, counts=counts, actor=principal.user)
    db.commit()
    return redirect(request, f"{PAGE}/{event_id}?notice=attendance")


def _blank_rows(start: int, count: int) -> list[CaptureRow]:
    return [
        CaptureRow(number=n, key=secrets.token_urlsafe(18)) for n in range(start, start + count)
    ]


def _capture_page(
    request: Request,
    principal: Principal,
    event: Event,
    rows: list[CaptureRow],
    *,
    saved: int = 0,
    status_code: int = 200,
) -> Response:
    refused = [row for row in rows if row.error]
    for row in rows:
        if not 16 <= len(row.key) <= 64:
            row.key = secrets.token_urlsafe(18)
    return render(
        request,
        "events/capture.html",
        {
            "event": event,
            "rows": rows,
            "age_labels": AGE_LABELS,
            "max_chars": MAX_BODY_CHARS,
            "can_add": len(rows) + ROWS_STEP <= MAX_ROWS,
            "saved": saved,
            "error_list": [
                {
                    "text": _("Card %(number)s: %(problem)s")
                    % {"number": row.number, "problem": row.error},
                    "href": f"#text_{row.number}",
                }
                for row in refused
            ],
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/{event_id}/capture")
def capture_form(request: Request, db: DbSession, principal: CanManage, event_id: int) -> Response:
    event = _event_or_404(db, event_id)
    return _capture_page(request, principal, event, _blank_rows(1, ROWS_STEP))


@router.post("/{event_id}/capture")
def capture(
    request: Request, db: DbSession, principal: CanManage, event_id: int, form: PostedForm
) -> Response:
    """Many cards in one go. "Add 10 more rows" redraws the form with everything kept; "Save"
    keeps the good cards and shows the others back with their words."""
    event = _event_or_404(db, event_id)
    rows, action = read_capture(form)
    if action == "more":
        for row in rows:
            row.error = ""
        rows += _blank_rows(len(rows) + 1, min(ROWS_STEP, MAX_ROWS - len(rows)))
        return _capture_page(request, principal, event, rows)
    result = service.capture(db, principal=principal, event=event, rows=rows)
    db.commit()
    if not result.refused:
        return redirect(request, f"{PAGE}/{event_id}?captured={len(result.saved)}")
    # Only the cards with a problem come back, renumbered from 1, with their own keys.
    kept = [row for row in rows if row.error]
    for number, row in enumerate(kept, start=1):
        row.number = number
    return _capture_page(request, principal, event, kept, saved=len(result.saved), status_code=400)


@router.get("/{event_id}/qr")
def qr_sheet(request: Request, db: DbSession, principal: CanManage, event_id: int) -> Response:
    """A page to print and put up at the event."""
    event = _event_or_404(db, event_id)
    link = event_link(event)
    return render(
        request,
        "events/qr.html",
        {"event": event, "link": link, "qr": qr_data_uri(link)},
        principal=principal,
    )
