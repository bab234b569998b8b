"""Promises: the public page, the board view with measures over time, and officers' editing."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.authz import CurrentPrincipal, Permission, Principal, Require
from app.db import DbSession
from app.forms import FormResult, Refused, parse_form, ticked_numbers
from app.promises import repository, service
from app.promises.forms import MeasureForm, PromiseForm, ReadingForm
from app.promises.labels import STAFF_LABELS, TAG_CLASSES, YOUNG_LABELS
from app.promises.models import Promise, PromiseStatus
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter()

CanRead = Annotated[Principal, Depends(Require(Permission.PROMISES_READ))]
CanManage = Annotated[Principal, Depends(Require(Permission.PROMISES_MANAGE))]
LABELS = {"staff_labels": STAFF_LABELS, "young_labels": YOUNG_LABELS, "tags": TAG_CLASSES}


def _promise_or_404(db: DbSession, promise_id: int) -> Promise:
    promise = db.get(Promise, promise_id)
    if promise is None:
        raise HTTPException(status_code=404)
    return promise


@router.get("/promises")
def public_promises(request: Request, db: DbSession, principal: CurrentPrincipal) -> Response:
    views = service.promise_views(db, repository.promises(db))
    return render(request, "promises/public.html", {"views": views, **LABELS}, principal=principal)


@router.get("/staff/promises")
def promise_list(request: Request, db: DbSession, principal: CanRead) -> Response:
    views = service.promise_views(db, repository.promises(db))
    return render(request, "promises/list.html", {"views": views, **LABELS}, principal=principal)


def _form_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    values: dict[str, Any],
    *,
    promise: Promise | None = None,
    result: FormResult[PromiseForm] | None = None,
) -> Response:
    return render(
        request,
        "promises/form.html",
        {
            "promise": promise,
            "values": values,
            "errors": result.errors if result else {},
            "error_list": result.error_list() if result else [],
            "themes": repository.all_themes(db),
            "actions": repository.all_actions(db),
            "statuses": list(PromiseStatus),
            **LABELS,
        },
        status_code=400 if result and result.errors else 200,
        principal=principal,
    )


def _promise_values(db: DbSession, promise: Promise) -> dict[str, Any]:
    return {
        "you_said": promise.you_said,
        "we_will": promise.we_will,
        "how_we_will_know": promise.how_we_will_know,
        "status": promise.status.value,
        "themes": [str(link.theme_id) for link in repository.theme_links(db, promise.id or 0)],
        "actions": [str(link.action_id) for link in repository.action_links(db, promise.id or 0)],
    }


@router.get("/staff/promises/new")
def new_promise(request: Request, db: DbSession, principal: CanManage) -> Response:
    return _form_page(request, db, principal, {"themes": [], "actions": []})


@router.post("/staff/promises/new")
def make_promise(
    request: Request, db: DbSession, principal: CanManage, form: PostedForm
) -> Response:
    result = parse_form(PromiseForm, form)
    theme_ids, action_ids = ticked_numbers(form, "themes"), ticked_numbers(form, "actions")
    values: dict[str, Any] = {
        **result.values,
        "themes": [str(t) for t in theme_ids],
        "actions": [str(a) for a in action_ids],
    }
    if not result.ok or result.data is None:
        return _form_page(request, db, principal, values, result=result)
    assert principal.user is not None
    promise = service.make_promise(
        db, form=result.data, theme_ids=theme_ids, action_ids=action_ids, actor=principal.user
    )
    db.commit()
    return redirect(request, f"/staff/promises/{promise.id}")


@router.get("/staff/promises/{promise_id}/edit")
def edit_promise(
    request: Request, db: DbSession, principal: CanManage, promise_id: int
) -> Response:
    promise = _promise_or_404(db, promise_id)
    return _form_page(request, db, principal, _promise_values(db, promise), promise=promise)


@router.post("/staff/promises/{promise_id}/edit")
def change_promise(
    request: Request, db: DbSession, principal: CanManage, promise_id: int, form: PostedForm
) -> Response:
    promise = _promise_or_404(db, promise_id)
    result = parse_form(PromiseForm, form)
    theme_ids, action_ids = ticked_numbers(form, "themes"), ticked_numbers(form, "actions")
    values: dict[str, Any] = {
        **result.values,
        "themes": [str(t) for t in theme_ids],
        "actions": [str(a) for a in action_ids],
    }
    if not result.ok or result.data is None:
        return _form_page(request, db, principal, values, promise=promise, result=result)
    service.change_promise(
        db, promise=promise, form=result.data, theme_ids=theme_ids, action_ids=action_ids
    )
    db.commit()
    return redirect(request, f"/staff/promises/{promise.id}")


def _board_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    promise: Promise,
    *,
    measure_result: FormResult[MeasureForm] | None = None,
    reading_result: FormResult[ReadingForm] | None = None,
) -> Response:
    results = [r for r in (measure_result, reading_result) if r is not None]
    return render(
        request,
        "promises/promise.html",
        {
            "view": service.promise_views(db, [promise])[0],
            "measure_values": measure_result.values if measure_result else {},
            "measure_errors": measure_result.errors if measure_result else {},
            "reading_values": reading_result.values if reading_result else {},
            "reading_errors": reading_result.errors if reading_result else {},
            "error_list": [error for r in results for error in r.error_list()],
            "chart_size": (service.CHART_WIDTH, service.CHART_HEIGHT),
            **LABELS,
        },
        status_code=400 if any(r.errors for r in results) else 200,
        principal=principal,
    )


@router.get("/staff/promises/{promise_id}")
def board_view(request: Request, db: DbSession, principal: CanRead, promise_id: int) -> Response:
    return _board_page(request, db, principal, _promise_or_404(db, promise_id))


@router.post("/staff/promises/{promise_id}/measures")
def add_measure(
    request: Request, db: DbSession, principal: CanManage, promise_id: int, form: PostedForm
) -> Response:
    promise = _promise_or_404(db, promise_id)
    result = parse_form(MeasureForm, form)
    if not result.ok or result.data is None:
        return _board_page(request, db, principal, promise, measure_result=result)
    service.add_measure(db, promise=promise, form=result.data)
    db.commit()
    return redirect(request, f"/staff/promises/{promise.id}#measures")


@router.post("/staff/promises/{promise_id}/readings")
def record_reading(
    request: Request, db: DbSession, principal: CanManage, promise_id: int, form: PostedForm
) -> Response:
    promise = _promise_or_404(db, promise_id)
    result = parse_form(ReadingForm, form)
    if result.ok and result.data is not None:
        assert principal.user is not None
        try:
            service.record_reading(db, promise=promise, form=result.data, actor=principal.user)
        except Refused as refused:
            result.errors[refused.field] = refused.message
        else:
            db.commit()
            return redirect(request, f"/staff/promises/{promise.id}#measures")
    return _board_page(request, db, principal, promise, reading_result=result)
