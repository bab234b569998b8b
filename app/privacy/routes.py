"""A young person's own data ("Your data": see it, download it, ask to change or delete it) and
the officers' list of those requests."""

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app import ratelimit
from app.authz import Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession
from app.forms import StrictForm, form_values
from app.i18n import gettext, lazy_gettext
from app.people.models import User
from app.privacy import repository, service
from app.privacy.models import MAX_NOTE_CHARS, PrivacyRequest, RequestState, RequestWhat
from app.voice import repository as items
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter()

CanReadOwn = Annotated[Principal, Depends(Require(Permission.VOICE_ITEM_READ_OWN))]
CanManage = Annotated[Principal, Depends(Require(Permission.PRIVACY_REQUESTS_MANAGE))]

STATE_LABELS = {
    RequestState.OPEN: lazy_gettext("Waiting for a worker"),
    RequestState.DONE: lazy_gettext("Done"),
    RequestState.HELD: lazy_gettext("Kept for now"),
    RequestState.DECLINED: lazy_gettext("Not done"),
}
WHAT_LABELS = {
    RequestWhat.DELETE: lazy_gettext("Delete it"),
    RequestWhat.CHANGE: lazy_gettext("Change it"),
}


class AskForm(StrictForm):
    about: str = ""
    what: str = ""
    note: str = ""


# Young people ------------------------------------------------------------------------------


@router.get("/my/data")
def my_data(request: Request, db: DbSession, principal: CanReadOwn) -> Response:
    asked = repository.requests_of(db, principal)
    return render(
        request,
        "privacy/my_data.html",
        {
            "items_count": len(items.own_items(db, principal)),
            "requests": asked,
            "references": repository.references(db, [r.item_id for r in asked if r.item_id]),
            "state_labels": STATE_LABELS,
            "what_labels": WHAT_LABELS,
            "just_asked": request.query_params.get("asked") == "1",
            "retention_years": get_settings().retention_years,
            "news_contacts": repository.news_contacts(db, principal),
        },
        principal=principal,
    )


@router.get("/my/data/download")
def download(db: DbSession, principal: CanReadOwn) -> Response:
    body = json.dumps(repository.export(db, principal), ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/json; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="my-data.json"'},
    )


def _ask_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    *,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    errors = errors or {}
    about_items: list[dict[str, object]] = []
    if principal.user is not None:
        about_items.append(
            {
                "value": "everything",
                "text": gettext("Everything, and close my account"),
                "checked": values.get("about") == "everything",
            }
        )
    about_items += [
        {
            "value": item.reference,
            "text": item.body[:60] + ("…" if len(item.body) > 60 else ""),
            "hint": {"text": item.reference},
            "checked": values.get("about") == item.reference,
        }
        for item in items.own_items(db, principal)
        if item.erased_at is None
    ]
    what_items = [
        {"value": what.value, "text": gettext(label), "checked": values.get("what") == what.value}
        for what, label in WHAT_LABELS.items()
    ]
    return render(
        request,
        "privacy/ask.html",
        {
            "values": values,
            "errors": errors,
            "error_list": [{"text": m, "href": f"#{f}"} for f, m in errors.items()],
            "about_items": about_items,
            "what_items": what_items,
            "max_chars": MAX_NOTE_CHARS,
            "retention_years": get_settings().retention_years,
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/my/data/ask")
def ask_form(request: Request, db: DbSession, principal: CanReadOwn) -> Response:
    values = {"about": request.query_params.get("about", ""), "what": "", "note": ""}
    return _ask_page(request, db, principal, values=values)


@router.post("/my/data/ask")
def ask(request: Request, db: DbSession, principal: CanReadOwn, form: PostedForm) -> Response:
    ratelimit.limit_submissions(request, "privacy-ask", who=principal.session.raw_id)
    values = form_values(form)
    errors: dict[str, str] = {}
    data = AskForm.model_validate(values)
    if data.what not in {what.value for what in RequestWhat}:
        errors["what"] = gettext("Choose whether you want it deleted or changed.")
    if not data.about:
        errors["about"] = gettext("Choose the thing you want to ask about.")
    if not errors:
        try:
            service.ask(
                db,
                principal=principal,
                wanted=service.Ask(data.about, RequestWhat(data.what), data.note),
            )
        except service.PrivacyError as refused:
            errors[refused.field] = refused.message
    if errors:
        return _ask_page(request, db, principal, values=values, errors=errors, status_code=400)
    db.commit()
    return redirect(request, "/my/data?asked=1")


# Officers ----------------------------------------------------------------------------------


def _request_or_404(db: DbSession, request_id: int) -> PrivacyRequest:
    found = db.get(PrivacyRequest, request_id)
    if found is None:
        raise HTTPException(status_code=404)
    return found


@router.get("/staff/privacy")
def requests_list(request: Request, db: DbSession, principal: CanManage) -> Response:
    waiting = repository.waiting(db)
    handled = repository.recently_handled(db)
    ids = [r.item_id for r in (*waiting, *handled) if r.item_id]
    return render(
        request,
        "privacy/requests.html",
        {
            "waiting": waiting,
            "handled": handled,
            "references": repository.references(db, ids),
            "state_labels": STATE_LABELS,
            "what_labels": WHAT_LABELS,
        },
        principal=principal,
    )


def _request_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    asked: PrivacyRequest,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    errors = errors or {}
    author = db.get(User, asked.user_id) if asked.user_id else None
    return render(
        request,
        "privacy/request.html",
        {
            "asked": asked,
            "author": author,
            "reference": repository.references(db, [asked.item_id] if asked.item_id else []).get(
                asked.item_id or 0
            ),
            "values": values or {},
            "errors": errors,
            "error_list": [{"text": m, "href": f"#{f}"} for f, m in errors.items()],
            "state_labels": STATE_LABELS,
            "what_labels": WHAT_LABELS,
            "can_delete": asked.what is RequestWhat.DELETE
            and asked.state in (RequestState.OPEN, RequestState.HELD),
            "can_answer": asked.state in (RequestState.OPEN, RequestState.HELD),
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/staff/privacy/{request_id}")
def request_page(
    request: Request, db: DbSession, principal: CanManage, request_id: int
) -> Response:
    return _request_page(request, db, principal, _request_or_404(db, request_id))


@router.post("/staff/privacy/{request_id}/delete")
def delete_now(request: Request, db: DbSession, principal: CanManage, request_id: int) -> Response:
    asked = _request_or_404(db, request_id)
    assert principal.user is not None
    try:
        service.carry_out_deletion(db, request=asked, actor=principal.user)
    except service.PrivacyError as refused:
        db.rollback()
        return _request_page(
            request, db, principal, asked, errors={"form": refused.message}, status_code=400
        )
    db.commit()
    return redirect(request, f"/staff/privacy/{request_id}")


@router.post("/staff/privacy/{request_id}/answer")
def answer(
    request: Request, db: DbSession, principal: CanManage, request_id: int, form: PostedForm
) -> Response:
    asked = _request_or_404(db, request_id)
    values = form_values(form)
    assert principal.user is not None
    try:
        state = RequestState(values.get("state", ""))
    except ValueError:
        state = RequestState.OPEN  # refused below with a message
    try:
        service.answer(
            db, request=asked, state=state, reply=values.get("reply", ""), actor=principal.user
        )
    except service.PrivacyError as refused:
        db.rollback()
        return _request_page(
            request,
            db,
            principal,
            asked,
            values=values,
            errors={refused.field: refused.message},
            status_code=400,
        )
    db.commit()
    return redirect(request, f"/staff/privacy/{request_id}")
