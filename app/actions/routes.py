"""The action log (officers and the chair), adding an action, and "my actions" for owners."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from app.actions import repository, service
from app.actions.forms import ActionForm
from app.actions.labels import ORGANISATION_LABELS, STATUS_LABELS, STATUS_TAGS
from app.actions.models import ActionStatus, OrganisationKind
from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import FormResult, Refused, parse_form, ticked_numbers
from app.i18n import gettext as _
from app.themes import repository as themes_repository
from app.timeutil import utcnow
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter()

CanRead = Annotated[Principal, Depends(Require(Permission.ACTIONS_READ))]
CanManage = Annotated[Principal, Depends(Require(Permission.ACTIONS_MANAGE))]
CanUpdateOwn = Annotated[Principal, Depends(Require(Permission.ACTIONS_UPDATE_OWN))]
LOG = "/staff/actions"


def table_context() -> dict[str, object]:
    """What any list of actions needs to show due dates, overdue markers and statuses."""
    return {
        "today": utcnow().date(),
        "is_overdue": service.is_overdue,
        "status_labels": STATUS_LABELS,
        "status_tags": STATUS_TAGS,
        "organisation_labels": ORGANISATION_LABELS,
    }


@router.get(LOG)
def action_log(
    request: Request,
    db: DbSession,
    principal: CanRead,
    theme: Annotated[str, Query(max_length=60)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
    organisation: Annotated[str, Query(max_length=20)] = "",
    overdue: Annotated[str, Query(max_length=1)] = "",
) -> Response:
    """The whole log, filtered; unknown filter values are ignored."""
    today = utcnow().date()
    chosen_theme = themes_repository.theme_by_slug(db, theme)
    chosen_status = next((s for s in ActionStatus if s.value == status), None)
    chosen_org = next((o for o in OrganisationKind if o.value == organisation), None)
    filters = repository.LogFilters(
        theme_id=chosen_theme.id if chosen_theme else None,
        status=chosen_status,
        organisation=chosen_org,
        overdue_on=today if overdue == "1" else None,
    )
    rows = repository.action_log(db, principal, filters)
    return render(
        request,
        "actions/log.html",
        {
            **table_context(),
            "rows": rows,
            "overdue_total": repository.overdue_counts(db, today)[1],
            "themes": themes_repository.all_themes(db),
            "chosen": {
                "theme": chosen_theme.slug if chosen_theme else "",
                "status": chosen_status.value if chosen_status else "",
                "organisation": chosen_org.value if chosen_org else "",
                "overdue": overdue == "1",
            },
        },
        block="results",
        principal=principal,
    )


@router.get("/my-actions")
def my_actions(request: Request, db: DbSession, principal: CanUpdateOwn) -> Response:
    rows = repository.action_log(
        db, principal, repository.LogFilters(owner_id=principal.user_id or 0)
    )
    return render(
        request,
        "actions/my_actions.html",
        {**table_context(), "rows": rows},
        principal=principal,
    )


def _new_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    values: dict[str, object],
    errors: dict[str, str] | None = None,
) -> Response:
    errors = errors or {}
    return render(
        request,
        "actions/new.html",
        {
            "values": values,
            "errors": errors,
            "error_list": [{"text": text, "href": f"#{name}"} for name, text in errors.items()],
            "owners": repository.possible_owners(db),
            "themes": [t for t in themes_repository.all_themes(db) if t.is_active],
            "organisation_labels": ORGANISATION_LABELS,
        },
        status_code=400 if errors else 200,
        principal=principal,
    )


@router.get(f"{LOG}/new")
def new_action_form(request: Request, db: DbSession, principal: CanManage) -> Response:
    return _new_page(request, db, principal, {"themes": []})


@router.post(f"{LOG}/new")
def new_action(request: Request, db: DbSession, principal: CanManage, form: PostedForm) -> Response:
    result: FormResult[ActionForm] = parse_form(ActionForm, form)
    theme_ids = ticked_numbers(form, "themes")
    values: dict[str, object] = {**result.values, "themes": [str(t) for t in theme_ids]}
    if not theme_ids:  # shown with any other problem at once; the service checks it too
        result.errors["themes"] = _("Choose at least one theme.")
    if not result.ok or result.data is None:
        return _new_page(request, db, principal, values, result.errors)
    assert principal.user is not None
    try:
        action = service.create_action(
            db, form=result.data, theme_ids=theme_ids, actor=principal.user
        )
    except Refused as refused:
        db.rollback()
        return _new_page(request, db, principal, values, {refused.field: refused.message})
    db.commit()
    return redirect(request, f"{LOG}/{action.id}?created=1")
