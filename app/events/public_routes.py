"""The "say something at this event" form behind an event's QR code: no account needed, open
only in the event's window. Public (see PUBLIC_ROUTES); staff are sent to their own pages."""

import secrets

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError

from app import ratelimit
from app.authz import CurrentPrincipal, Forbidden, Principal
from app.config import get_settings
from app.db import DbSession
from app.events import repository, service
from app.events.models import Event
from app.forms import FormResult, parse_form
from app.i18n import gettext as _
from app.moderation.queue_routes import AGE_LABELS
from app.voice.models import MAX_BODY_CHARS, AgeBand
from app.voice.routes import PostedForm, receipt_page
from app.voice.service import IdempotencyConflict, ViewForm
from app.web import render

router = APIRouter()
MAX_TOKEN = 64


def _event(db: DbSession, principal: Principal, token: str) -> Event | None:
    if principal.is_staff:
        raise Forbidden  # staff would send it as nobody; they use quick capture
    return repository.event_by_token(db, token) if len(token) <= MAX_TOKEN else None


def _closed(
    request: Request, principal: Principal, event: Event | None, typed: str = ""
) -> Response:
    """Unknown link: 404. Not open: 200 with the reason. Both show help, the normal form, and
    any words that were sent too late."""
    return render(
        request,
        "events/closed.html",
        {
            "event": event,
            "state": service.state(event).value if event else "unknown",
            "typed": typed,
        },
        status_code=404 if event is None else 200,
        principal=principal,
    )


def _form(
    request: Request,
    principal: Principal,
    event: Event,
    result: FormResult[ViewForm] | None = None,
    *,
    problem: str | None = None,
    status_code: int = 200,
) -> Response:
    values = result.values if result else {}
    values.setdefault("form_key", secrets.token_urlsafe(24))
    age_items = [
        {"value": band.value, "text": _(label), "checked": values.get("age_band") == band.value}
        for band, label in AGE_LABELS.items()
    ]
    age_items.append(
        {"value": "", "text": _("I would rather not say"), "checked": not values.get("age_band")}
    )
    return render(
        request,
        "events/say.html",
        {
            "event": event,
            "values": values,
            "errors": result.errors if result else {},
            "error_list": result.error_list() if result else [],
            "problem": problem,
            "age_items": age_items,
            "max_chars": MAX_BODY_CHARS,
            "retention_years": get_settings().retention_years,
            "body_label": _("What do you want to say about today?"),
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/events/{token}/say")
def event_say_form(
    request: Request, db: DbSession, principal: CurrentPrincipal, token: str
) -> Response:
    event = _event(db, principal, token)
    if event is None or service.state(event) is not service.EventState.OPEN:
        return _closed(request, principal, event)
    return _form(request, principal, event)


@router.post("/events/{token}/say")
def event_say(
    request: Request, db: DbSession, principal: CurrentPrincipal, token: str, form: PostedForm
) -> Response:
    event = _event(db, principal, token)
    result = parse_form(ViewForm, form)
    if event is None:
        return _closed(request, principal, event, result.values.get("body", ""))
    chosen = result.values.get("age_band", "")
    age_band = next((band for band in AgeBand if band.value == chosen), None)
    key = result.values.get("form_key", "")
    if not 16 <= len(key) <= 64:
        result.values["form_key"] = secrets.token_urlsafe(24)
        problem = _("Something went wrong with the page. Your words are safe. Press Send again.")
        return _form(request, principal, event, result, problem=problem, status_code=400)
    if not result.ok or result.data is None:
        return _form(request, principal, event, result, status_code=400)
    ratelimit.limit_submissions(request, "say", who=principal.session.raw_id)
    try:
        receipt = service.say_at_event(
            db, principal=principal, event=event, form=result.data, age_band=age_band
        )
        db.commit()
    except service.EventClosed:
        db.rollback()
        return _closed(request, principal, event, result.data.body)
    except IdempotencyConflict:
        db.rollback()
        result.values["form_key"] = secrets.token_urlsafe(24)
        problem = _(
            "You already sent this form with different words. Your new words are below. "
            "Press Send to send them as a new message."
        )
        return _form(request, principal, event, result, problem=problem, status_code=409)
    except SQLAlchemyError:
        db.rollback()
        problem = _(
            "We could not save it just now. Your words are still here. Please press Send again."
        )
        return _form(request, principal, event, result, problem=problem, status_code=503)
    return receipt_page(request, principal, receipt)
