"""Young people's pages: have your say, the receipt, my things, and each item's timeline."""

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import FormData

from app import ratelimit
from app.authz import Permission, Principal, Require
from app.config import Settings, get_settings
from app.db import DbSession
from app.drafts import keep_draft, take_draft
from app.forms import FormResult, parse_form
from app.i18n import gettext
from app.meetings import repository as meetings_repository
from app.moderation.models import Sharing
from app.timeutil import clock_words
from app.voice import repository, service, timeline
from app.voice.forms import NewsForm, saved_values
from app.voice.models import MAX_BODY_CHARS, Item
from app.web import redirect, render

router = APIRouter()

CanSay = Annotated[Principal, Depends(Require(Permission.VOICE_ITEM_SUBMIT))]
CanReadOwn = Annotated[Principal, Depends(Require(Permission.VOICE_ITEM_READ_OWN))]


async def posted_form(request: Request) -> FormData:
    return await request.form()


PostedForm = Annotated[FormData, Depends(posted_form)]


def _theme_items(db: DbSession, chosen: str) -> list[dict[str, object]]:
    """Radio options for the GOV.UK macro, with "Not sure" last."""
    items: list[dict[str, object]] = [
        {
            "value": theme.slug,
            "text": theme.name,
            "hint": {"text": theme.description},
            "checked": chosen == theme.slug,
        }
        for theme in repository.active_themes(db)
    ]
    items.append({"value": "", "text": gettext("Not sure"), "checked": not chosen})
    return items


def _say_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    result: FormResult[service.ViewForm] | None = None,
    *,
    status_code: int = 200,
    problem: str | None = None,
) -> Response:
    values = result.values if result else (take_draft(principal.session, "/say") or {})
    values.setdefault("form_key", secrets.token_urlsafe(24))
    if request.query_params.get("worried") == "1":  # "Report a worry" in the menu
        values.setdefault("wants_contact", "yes")
    return render(
        request,
        "voice/say.html",
        {
            "values": values,
            "errors": result.errors if result else {},
            "error_list": result.error_list() if result else [],
            "problem": problem,
            "theme_items": _theme_items(db, values.get("theme", "")),
            "max_chars": MAX_BODY_CHARS,
            "retention_years": get_settings().retention_years,
            "signed_out_while_writing": principal.session.expired,
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/")
def home(request: Request, db: DbSession, principal: CanSay) -> Response:
    if principal.is_staff:
        return redirect(request, "/staff")
    # "You voted, the board listened": votes whose outcome the young person asked to hear about.
    news = meetings_repository.news_for(db, principal.user_id) if principal.user_id else []
    return render(request, "voice/home.html", {"vote_news": news}, principal=principal)


@router.get("/say")
def say_form(request: Request, db: DbSession, principal: CanSay) -> Response:
    return _say_page(request, db, principal)


@router.post("/say")
def say_submit(request: Request, db: DbSession, principal: CanSay, form: PostedForm) -> Response:
    result = parse_form(service.ViewForm, form)
    key = request.headers.get("idempotency-key") or result.values.get("form_key", "")
    if not 16 <= len(key) <= 64:
        result.values["form_key"] = secrets.token_urlsafe(24)
        return _say_page(
            request,
            db,
            principal,
            result,
            status_code=400,
            problem=gettext(
                "Something went wrong with the page. Your words are safe. Press Send again."
            ),
        )
    if not result.ok or result.data is None:
        return _say_page(request, db, principal, result, status_code=400)
    if principal.session.expired and result.values.pop("as_account", "") == "1":
        # Written while signed in, but the sign-in ran out: ask before sending it anonymously.
        keep_draft(principal.session, "/say", result.values)
        return _say_page(request, db, principal, result, status_code=401)
    result.data.form_key = key
    ratelimit.limit_submissions(request, "say", who=principal.session.raw_id)
    try:
        receipt = service.submit_view(db, principal=principal, form=result.data)
        db.commit()
    except service.UnknownTheme:
        db.rollback()
        result.errors["theme"] = gettext("Choose a theme from the list, or pick “Not sure”.")
        return _say_page(request, db, principal, result, status_code=400)
    except service.IdempotencyConflict:
        db.rollback()
        result.values["form_key"] = secrets.token_urlsafe(24)
        return _say_page(
            request,
            db,
            principal,
            result,
            status_code=409,
            problem=gettext(
                "You already sent this form with different words. Your new words are "
                "below. Press Send to send them as a new message."
            ),
        )
    except SQLAlchemyError:
        db.rollback()
        return _say_page(
            request,
            db,
            principal,
            result,
            status_code=503,
            problem=gettext(
                "We could not save it just now. Your words are still here. Please press Send again."
            ),
        )
    return receipt_page(request, principal, receipt)


def receipt_page(request: Request, principal: Principal, receipt: service.Receipt) -> Response:
    """This browser may now see the item (and its secret code); off to the receipt."""
    item_id = receipt.item.id
    access = principal.session.data.setdefault("item_access", [])
    if principal.user is None and item_id not in access:
        access.append(item_id)
    if receipt.access_code:
        principal.session.data.setdefault("codes", {})[receipt.item.reference] = receipt.access_code
    return redirect(request, f"/said/{receipt.item.reference}?sent=1")


@router.get("/said/{reference}")
def item_page(request: Request, db: DbSession, principal: CanReadOwn, reference: str) -> Response:
    item = repository.own_item(db, principal, service.normalise_reference(reference))
    if item is None:
        return item_not_found(request, principal, reference)
    return render_item(
        request, db, principal, item, just_sent=request.query_params.get("sent") == "1"
    )


def item_not_found(request: Request, principal: Principal, reference: str) -> Response:
    """Also where a news message's link lands when signed out: offer the ways back in."""
    return render(
        request,
        "voice/not_found.html",
        {"next": f"/said/{service.normalise_reference(reference)}"},
        status_code=404,
        principal=principal,
    )


def render_item(
    request: Request,
    db: DbSession,
    principal: Principal,
    item: Item,
    *,
    just_sent: bool,
    news_form: FormResult[NewsForm] | None = None,
    news_refused: str | None = None,
) -> Response:
    """The item, its timeline and the choice to hear about news (with any mistakes typed, or
    why there is no choice to make)."""
    theme = repository.themes_by_id(db).get(item.theme_id or 0)
    contact = repository.news_contact(db, item.id or 0)
    error_list = news_form.error_list() if news_form else []
    if news_refused:
        error_list = [{"text": news_refused, "href": "#timeline"}]
    return render(
        request,
        "voice/item.html",
        {
            "item": item,
            "theme": theme,
            "entries": timeline.for_author(repository.timeline(db, item.id or 0)),
            "just_sent": just_sent,
            "held_for_safety": item.sharing is Sharing.SAFEGUARDING,
            "access_code": principal.session.data.get("codes", {}).get(item.reference),
            "contact": contact,
            "news_values": news_form.values if news_form else saved_values(contact),
            "errors": news_form.errors if news_form else {},
            "error_list": error_list,
            "news_notice": request.query_params.get("news", ""),
            "quiet_hours": quiet_hours_words(get_settings()),
        },
        status_code=400 if news_form else 409 if news_refused else 200,
        principal=principal,
    )


def quiet_hours_words(settings: Settings) -> dict[str, str] | None:
    start, end = settings.quiet_hours_start, settings.quiet_hours_end
    return None if start == end else {"start": clock_words(start), "end": clock_words(end)}


@router.get("/my")
def my_things(request: Request, db: DbSession, principal: CanReadOwn) -> Response:
    return render(
        request,
        "voice/my.html",
        {"items": repository.own_items(db, principal), "themes": repository.themes_by_id(db)},
        principal=principal,
    )


@router.get("/check")
def check_form(request: Request, principal: CanReadOwn) -> Response:
    """A news message's link fills in the reference (never the secret code)."""
    values = {"reference": request.query_params.get("reference", "")[:20]}
    return render(
        request, "voice/check.html", {"values": values, "errors": {}}, principal=principal
    )


@router.post("/check")
def check_submit(
    request: Request, db: DbSession, principal: CanReadOwn, form: PostedForm
) -> Response:
    """Anonymous authors come back with their reference and secret code."""
    values = {key: str(form.get(key, "")).strip() for key in ("reference", "code")}
    ratelimit.limit_attempts(
        request, "check", who=principal.session.raw_id, **get_settings().sign_in_limits
    )
    item = service.unlock_with_code(db, reference=values["reference"], code=values["code"])
    if item is None:
        message = gettext(
            "We could not find that. Check the reference and the secret code, then try again."
        )
        return render(
            request,
            "voice/check.html",
            {
                "values": values,
                "errors": {"reference": message},
                "error_list": [{"text": message, "href": "#reference"}],
            },
            status_code=400,
            principal=principal,
        )
    access = principal.session.data.setdefault("item_access", [])
    if item.id not in access:
        access.append(item.id)
    return redirect(request, f"/said/{item.reference}")
