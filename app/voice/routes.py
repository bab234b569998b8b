"""Young people's pages: have your say, the receipt, my things, and each item's timeline."""

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import FormData

from app import ratelimit
from app.authz import Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession
from app.drafts import keep_draft, take_draft
from app.forms import FormResult, parse_form
from app.i18n import gettext
from app.meetings import repository as meetings_repository
from app.moderation.models import Sharing
from app.voice import repository, service, timeline
from app.voice.models import MAX_BODY_CHARS
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
        return render(request, "voice/not_found.html", status_code=404, principal=principal)
    theme = repository.themes_by_id(db).get(item.theme_id or 0)
    return render(
        request,
        "voice/item.html",
        {
            "item": item,
            "theme": theme,
            "entries": timeline.for_author(repository.timeline(db, item.id or 0)),
            "just_sent": request.query_params.get("sent") == "1",
            "held_for_safety": item.sharing is Sharing.SAFEGUARDING,
            "access_code": principal.session.data.get("codes", {}).get(item.reference),
        },
        principal=principal,
    )


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
    return render(request, "voice/check.html", {"values": {}, "errors": {}}, principal=principal)


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
