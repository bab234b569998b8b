"""One action's page: its updates, its linked items (shared text only) and the forms to post
an update, link items and drop it; and linking a shared item from its moderation page."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.actions import repository, service
from app.actions.forms import UPDATE_STATUSES, DropForm, LinkForm, UpdateForm
from app.actions.labels import LINK_LABELS, ORGANISATION_LABELS, STATUS_LABELS, STATUS_TAGS
from app.actions.models import BoardAction
from app.authz import Permission, Principal, Require, allows
from app.db import DbSession
from app.forms import Refused, form_values, parse_form, ticked_numbers, whole_number
from app.i18n import gettext as _
from app.people.models import User
from app.themes import repository as themes_repository
from app.timeutil import utcnow
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter()

# Reading one action: any staff member may ask; `readable_by` answers (officers and chairs:
# every action; owners: their own; anyone else: not found).
CanAsk = Annotated[Principal, Depends(Require(Permission.STAFF_HOME_VIEW))]
CanManage = Annotated[Principal, Depends(Require(Permission.ACTIONS_MANAGE))]
CanUpdateOwn = Annotated[Principal, Depends(Require(Permission.ACTIONS_UPDATE_OWN))]


def _readable_or_404(db: DbSession, principal: Principal, action_id: int) -> BoardAction:
    action = repository.readable_action(db, principal, action_id)
    if action is None:
        raise HTTPException(status_code=404)
    return action


def _errors_list(errors: dict[str, str]) -> list[dict[str, str]]:
    return [{"text": text, "href": f"#{name}"} for name, text in errors.items()]


def action_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    action: BoardAction,
    *,
    sent: dict[str, str] | None = None,
    ticked: list[str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    """The page, with what was just typed (`sent`) kept in its form beside any errors."""
    errors = errors or {}
    action_id = action.id or 0
    theme = themes_repository.theme_by_slug(db, request.query_params.get("theme", "")[:60])
    manage = allows(principal, Permission.ACTIONS_MANAGE)
    owner = db.get(User, action.owner_id)
    return render(
        request,
        "actions/action.html",
        {
            "action": action,
            "owner": owner,
            "themes": repository.themes_of(db, [action_id]).get(action_id, []),
            "all_themes": themes_repository.all_themes(db),
            "chosen_theme": theme.slug if theme else "",
            "overdue": service.is_overdue(action, utcnow().date()),
            "updates": repository.updates(db, action_id),
            "linked": repository.linked_items(db, action_id),
            "linkable": repository.linkable_items(
                db, action_id, theme_id=theme.id if theme else None
            )
            if manage and not action.status.is_closed
            else [],
            "may_update": repository.updatable_action(db, principal, action_id) is not None,
            "may_manage": manage,
            "officer_links": allows(principal, Permission.MODERATION_DECIDE),
            "values": sent or {},
            "ticked": ticked or [],
            "errors": errors,
            "error_list": _errors_list(errors),
            "update_statuses": UPDATE_STATUSES,
            "status_labels": STATUS_LABELS,
            "status_tags": STATUS_TAGS,
            "organisation_labels": ORGANISATION_LABELS,
            "link_labels": LINK_LABELS,
            "notice": request.query_params.get("notice", "")[:20],
            "created": request.query_params.get("created") == "1",
        },
        status_code=400 if errors else 200,
        principal=principal,
    )


@router.get("/staff/actions/{action_id}")
def show_action(request: Request, db: DbSession, principal: CanAsk, action_id: int) -> Response:
    return action_page(request, db, principal, _readable_or_404(db, principal, action_id))


@router.post("/staff/actions/{action_id}/updates")
def post_update(
    request: Request, db: DbSession, principal: CanUpdateOwn, action_id: int, form: PostedForm
) -> Response:
    action = repository.updatable_action(db, principal, action_id)
    if action is None:
        raise HTTPException(status_code=404)
    result = parse_form(UpdateForm, form)
    if not result.ok or result.data is None:
        return action_page(request, db, principal, action, sent=result.values, errors=result.errors)
    assert principal.user is not None
    try:
        service.post_update(db, action=action, actor=principal.user, form=result.data)
    except Refused as refused:
        db.rollback()
        db.refresh(action)
        field = "staff_text" if refused.field == "form" else refused.field
        return action_page(
            request, db, principal, action, sent=result.values, errors={field: refused.message}
        )
    db.commit()
    return redirect(request, f"/staff/actions/{action_id}?notice=updated")


@router.post("/staff/actions/{action_id}/drop")
def drop_action(
    request: Request, db: DbSession, principal: CanManage, action_id: int, form: PostedForm
) -> Response:
    action = _readable_or_404(db, principal, action_id)
    result = parse_form(DropForm, form)
    if not result.ok or result.data is None:
        return action_page(request, db, principal, action, sent=result.values, errors=result.errors)
    assert principal.user is not None
    try:
        service.drop_action(db, action=action, actor=principal.user, reason=result.data.reason)
    except Refused as refused:
        db.rollback()
        db.refresh(action)
        return action_page(
            request, db, principal, action, sent=result.values, errors={"reason": refused.message}
        )
    db.commit()
    return redirect(request, f"/staff/actions/{action_id}?notice=dropped")


@router.post("/staff/actions/{action_id}/links")
def link_items(
    request: Request,
    db: DbSession,
    principal: CanManage,
    action_id: int,
    form: PostedForm,
    theme: Annotated[str, Query(max_length=60)] = "",
) -> Response:
    action = _readable_or_404(db, principal, action_id)
    result = parse_form(LinkForm, form)
    item_ids = ticked_numbers(form, "items")
    ticked = [str(item_id) for item_id in item_ids]
    errors = dict(result.errors)
    if not item_ids:
        errors["items"] = _("Choose at least one item to link.")
    if errors or result.data is None:
        return action_page(
            request, db, principal, action, sent=result.values, ticked=ticked, errors=errors
        )
    assert principal.user is not None
    try:
        service.link_items(
            db, action=action, actor=principal.user, item_ids=item_ids, kind=result.data.link_kind
        )
    except Refused as refused:
        db.rollback()
        db.refresh(action)
        return action_page(
            request,
            db,
            principal,
            action,
            sent=result.values,
            ticked=ticked,
            errors={refused.field: refused.message},
        )
    db.commit()
    return redirect(request, f"/staff/actions/{action_id}?notice=linked#linked")


@router.post("/staff/actions/{action_id}/links/remove")
def unlink_item(
    request: Request, db: DbSession, principal: CanManage, action_id: int, form: PostedForm
) -> Response:
    action = _readable_or_404(db, principal, action_id)
    item = form_values(form).get("item", "")
    assert principal.user is not None
    if (item_id := whole_number(item)) is not None:
        service.unlink_item(db, action=action, actor=principal.user, item_id=item_id)
        db.commit()
    return redirect(request, f"/staff/actions/{action_id}?notice=unlinked#linked")


@router.post("/staff/items/{reference}/actions")
def link_from_item(
    request: Request, db: DbSession, principal: CanManage, reference: str, form: PostedForm
) -> Response:
    """The moderation page's small form: link this shared item to one action."""
    item = repository.linkable_item_by_reference(db, reference[:16])
    values = form_values(form)
    chosen = whole_number(values.get("action", ""))
    action = repository.readable_action(db, principal, chosen) if chosen is not None else None
    result = parse_form(LinkForm, form)
    back = f"/staff/moderation/items/{reference[:16]}"
    if item is None:
        return redirect(request, f"{back}?action_link=refused#actions")
    if action is None or result.data is None:
        return redirect(request, f"{back}?action_link=missing#actions")
    assert principal.user is not None
    try:
        service.link_items(
            db,
            action=action,
            actor=principal.user,
            item_ids=[item.id or 0],
            kind=result.data.link_kind,
        )
    except Refused:
        db.rollback()
        return redirect(request, f"{back}?action_link=refused#actions")
    db.commit()
    return redirect(request, f"{back}?action_link=done#actions")
