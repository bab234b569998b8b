"""Choosing a language; the admins' languages pages; staff's English summary of an item."""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException

from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import Refused, parse_form
from app.i18n import gettext as _
from app.languages import repository, runtime, service
from app.languages.catalogues import MAX_CATALOGUE_BYTES
from app.languages.choice import choose
from app.languages.labels import STATUS_LABELS, STATUS_TAGS
from app.languages.models import MAX_SUMMARY_CHARS
from app.languages.registry import TRANSLATED, Language, translated
from app.people.models import User
from app.voice.staff_routes import open_original, staff_item_or_404
from app.web import redirect, render, safe_next

router = APIRouter()

_LABELS = {"status_labels": STATUS_LABELS, "status_tags": STATUS_TAGS}
CanManage = Annotated[Principal, Depends(Require(Permission.LANGUAGES_MANAGE))]
CanRespond = Annotated[Principal, Depends(Require(Permission.STAFF_ITEM_RESPOND))]


async def posted_form(request: Request) -> FormData:
    return await request.form()


PostedForm = Annotated[FormData, Depends(posted_form)]


@router.post("/language")
def choose_language(request: Request, form: PostedForm) -> Response:
    """The header's language form (works without JavaScript); back to the same page."""
    choose(request.scope["sd_session"], str(form.get("lang", ""))[:20])
    return redirect(request, safe_next(str(form.get("next", "")), "/"))


# The council's languages ---------------------------------------------------------------------


def _language_or_404(code: str) -> Language:
    language = translated(code)
    if language is None:
        raise HTTPException(status_code=404)
    return language


@router.get("/admin/languages")
def languages_page(request: Request, db: DbSession, principal: CanManage) -> Response:
    settings = repository.settings_by_code(db)
    views = [service.view_of(language, settings.get(language.code)) for language in TRANSLATED]
    return render(
        request,
        "languages/list.html",
        {"views": views, "names": _names(db, views), **_LABELS},
        principal=principal,
    )


def _names(db: DbSession, views: list[service.LanguageView]) -> dict[int, str]:
    ids = {
        person
        for view in views
        if view.setting
        for person in (
            view.setting.reviewed_by_id,
            view.setting.switched_on_by_id,
            view.setting.uploaded_by_id,
        )
        if person
    }
    return repository.staff_names(db, ids)


def _language_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    language: Language,
    *,
    problem: Refused | None = None,
) -> Response:
    view = service.view_of(language, repository.setting(db, language.code))
    error_list = [{"text": problem.message, "href": f"#{problem.field}"}] if problem else []
    return render(
        request,
        "languages/language.html",
        {
            "view": view,
            "names": _names(db, [view]),
            "error_list": error_list,
            "errors": {problem.field: problem.message} if problem else {},
            "saved": request.query_params.get("saved"),
            **_LABELS,
        },
        status_code=400 if problem else 200,
        principal=principal,
    )


@router.get("/admin/languages/{code}")
def language_page(request: Request, db: DbSession, principal: CanManage, code: str) -> Response:
    return _language_page(request, db, principal, _language_or_404(code))


@router.get("/admin/languages/{code}/catalogue.po")
def download_catalogue(db: DbSession, principal: CanManage, code: str) -> Response:
    """The catalogue in use, for a translator to correct and upload again."""
    language = _language_or_404(code)
    text = service.catalogue_text(language, repository.setting(db, language.code))
    return Response(
        text,
        media_type="text/x-gettext-translation; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{language.locale}.po"'},
    )


Change = Callable[[User, Language], None]


def _change(
    request: Request, db: DbSession, principal: Principal, code: str, change: Change, saved: str
) -> Response:
    """Applies an admin's change; a refusal shows the language's page with why, unchanged."""
    language = _language_or_404(code)
    assert principal.user is not None
    try:
        change(principal.user, language)
    except Refused as refusal:
        db.rollback()
        return _language_page(request, db, principal, language, problem=refusal)
    db.commit()
    runtime.forget()
    return redirect(request, f"/admin/languages/{language.code}?saved={saved}")


@router.post("/admin/languages/{code}/review")
def review(request: Request, db: DbSession, principal: CanManage, code: str) -> Response:
    def change(actor: User, language: Language) -> None:
        service.mark_reviewed(db, actor=actor, language=language)

    return _change(request, db, principal, code, change, "reviewed")


@router.post("/admin/languages/{code}/on")
def switch_on(request: Request, db: DbSession, principal: CanManage, code: str) -> Response:
    def change(actor: User, language: Language) -> None:
        service.switch_on(db, actor=actor, language=language)

    return _change(request, db, principal, code, change, "on")


@router.post("/admin/languages/{code}/off")
def switch_off(request: Request, db: DbSession, principal: CanManage, code: str) -> Response:
    def change(actor: User, language: Language) -> None:
        service.switch_off(db, actor=actor, language=language)

    return _change(request, db, principal, code, change, "off")


@router.post("/admin/languages/{code}/catalogue")
def upload(
    request: Request, db: DbSession, principal: CanManage, code: str, form: PostedForm
) -> Response:
    sent = form.get("catalogue")
    raw = sent.file.read(MAX_CATALOGUE_BYTES + 1) if isinstance(sent, UploadFile) else b""

    def change(actor: User, language: Language) -> None:
        if not raw:
            raise Refused(_("Choose the .po file to upload."), field="catalogue")
        service.upload_catalogue(db, actor=actor, language=language, raw=raw)

    return _change(request, db, principal, code, change, "uploaded")


# English summaries ---------------------------------------------------------------------------


def _summary_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    reference: str,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    item = open_original(db, principal, reference)
    summary = repository.english_summary(db, item.id or 0)
    if values is None:
        values = {"summary": summary.text if summary else ""}
    return render(
        request,
        "languages/summary.html",
        {
            "item": item,
            "language": translated(item.language or ""),
            "values": values,
            "errors": errors or {},
            "error_list": [
                {"text": text, "href": f"#{name}"} for name, text in (errors or {}).items()
            ],
            "max_chars": MAX_SUMMARY_CHARS,
        },
        status_code=400 if errors else 200,
        principal=principal,
    )


@router.get("/staff/items/{reference}/english-summary")
def summary_form(
    request: Request, db: DbSession, principal: CanRespond, reference: str
) -> Response:
    return _summary_page(request, db, principal, reference)


@router.post("/staff/items/{reference}/english-summary")
def summary_submit(
    request: Request, db: DbSession, principal: CanRespond, reference: str, form: PostedForm
) -> Response:
    result = parse_form(service.SummaryForm, form)
    if not result.ok or result.data is None:
        return _summary_page(request, db, principal, reference, result.values, result.errors)
    item = staff_item_or_404(db, reference)
    assert principal.user is not None
    try:
        service.record_english_summary(
            db, actor=principal.user, item=item, text=result.data.summary
        )
    except Refused as refusal:
        db.rollback()
        return _summary_page(
            request, db, principal, reference, result.values, {refusal.field: refusal.message}
        )
    db.commit()
    return redirect(request, f"/staff/items/{item.reference}#english-summary")
