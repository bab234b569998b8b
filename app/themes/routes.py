"""Theme admin for officers and admins: names, principles, leads, link champions, retiring."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import Refused, form_values, ticked_numbers
from app.themes import repository, service
from app.themes.models import Theme
from app.themes.principles import PRINCIPLES
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter(prefix="/staff/themes")

CanManage = Annotated[Principal, Depends(Require(Permission.THEMES_MANAGE))]
PAGE = "/staff/themes"


def _changes(form: FormData) -> tuple[service.ThemeChanges, dict[str, object]]:
    values = form_values(form)
    changes = service.ThemeChanges(
        name=values.get("name", "").strip(),
        description=values.get("description", "").strip(),
        lead=values.get("lead", "").strip(),
        principles=ticked_numbers(form, "principles"),
        champion_ids=ticked_numbers(form, "champions"),
    )
    shown: dict[str, object] = {
        **values,
        "principles": [str(p) for p in changes.principles],
        "champions": [str(c) for c in changes.champion_ids],
    }
    return changes, shown


def _current(db: DbSession, theme: Theme) -> dict[str, object]:
    theme_id = theme.id or 0
    return {
        "name": theme.name,
        "description": theme.description,
        "lead": theme.lead,
        "principles": [str(p) for p in repository.principles_of(db, [theme_id]).get(theme_id, [])],
        "champions": [
            str(user.id) for user in repository.champions_of(db, [theme_id]).get(theme_id, [])
        ],
    }


def _form_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    theme: Theme | None,
    values: dict[str, object],
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> Response:
    errors = errors or {}
    return render(
        request,
        "themes/edit.html",
        {
            "theme": theme,
            "values": values,
            "errors": errors,
            "error_list": [{"text": text, "href": f"#{name}"} for name, text in errors.items()],
            "principles": PRINCIPLES,
            "councillors": repository.councillors(db),
            "uses": repository.references_to(db, theme.id or 0) if theme else 0,
        },
        status_code=status_code,
        principal=principal,
    )


def _theme_or_404(db: DbSession, theme_id: int) -> Theme:
    theme = repository.theme(db, theme_id)
    if theme is None:
        raise HTTPException(status_code=404)
    return theme


@router.get("")
def themes_page(request: Request, db: DbSession, principal: CanManage) -> Response:
    themes = repository.all_themes(db)
    ids = [theme.id or 0 for theme in themes]
    return render(
        request,
        "themes/list.html",
        {
            "themes": themes,
            "principles_of": repository.principles_of(db, ids),
            "champions_of": repository.champions_of(db, ids),
            "principles": PRINCIPLES,
            "notice": request.query_params.get("notice", ""),
        },
        principal=principal,
    )


@router.get("/new")
def new_theme(request: Request, db: DbSession, principal: CanManage) -> Response:
    return _form_page(request, db, principal, None, {})


@router.post("")
def create_theme(
    request: Request, db: DbSession, principal: CanManage, form: PostedForm
) -> Response:
    changes, shown = _changes(form)
    assert principal.user is not None
    try:
        service.save_theme(db, theme=None, changes=changes, actor=principal.user)
    except service.ThemeRefused as refused:
        db.rollback()
        return _form_page(request, db, principal, None, shown, refused.errors, status_code=400)
    db.commit()
    return redirect(request, f"{PAGE}?notice=added")


@router.get("/{theme_id}")
def edit_theme(request: Request, db: DbSession, principal: CanManage, theme_id: int) -> Response:
    theme = _theme_or_404(db, theme_id)
    return _form_page(request, db, principal, theme, _current(db, theme))


@router.post("/{theme_id}")
def change_theme(
    request: Request, db: DbSession, principal: CanManage, theme_id: int, form: PostedForm
) -> Response:
    """One form: "save" changes it, "retire" and "restore" switch it off and on, "delete" removes
    a theme nothing uses."""
    theme = _theme_or_404(db, theme_id)
    action = form_values(form).get("action", "save")
    assert principal.user is not None
    try:
        if action in {"retire", "restore"}:
            service.set_retired(db, theme=theme, retired=action == "retire", actor=principal.user)
        elif action == "delete":
            service.delete_theme(db, theme=theme, actor=principal.user)
        else:
            changes, shown = _changes(form)
            try:
                service.save_theme(db, theme=theme, changes=changes, actor=principal.user)
            except service.ThemeRefused as refused:
                db.rollback()
                db.refresh(theme)
                return _form_page(
                    request, db, principal, theme, shown, refused.errors, status_code=400
                )
    except Refused as refused:
        db.rollback()
        db.refresh(theme)
        return _form_page(
            request,
            db,
            principal,
            theme,
            _current(db, theme),
            {refused.field: refused.message},
            status_code=400,
        )
    db.commit()
    notice = {"retire": "retired", "restore": "restored", "delete": "deleted"}.get(action, "saved")
    return redirect(request, f"{PAGE}?notice={notice}")
