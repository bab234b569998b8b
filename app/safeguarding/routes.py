"""The designated safeguarding lead's dashboard and case pages, and flagging an item."""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.audit.service import record
from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.i18n import gettext, lazy_gettext
from app.people.models import User
from app.safeguarding import repository, service
from app.safeguarding.models import CaseActionKind, CaseState, CaseTrigger, SafeguardingCase
from app.voice.models import Item
from app.voice.routes import PostedForm
from app.voice.staff_routes import staff_item_or_404
from app.web import redirect, render

router = APIRouter(prefix="/staff")

CanView = Annotated[Principal, Depends(Require(Permission.SAFEGUARDING_CASE_VIEW))]
CanManage = Annotated[Principal, Depends(Require(Permission.SAFEGUARDING_CASE_MANAGE))]
CanFlag = Annotated[Principal, Depends(Require(Permission.SAFEGUARDING_ITEM_FLAG))]

ACTION_LABELS = {  # translated when rendered
    CaseActionKind.CONTACTED_SOCIAL_WORKER: lazy_gettext(
        "Contacted the young person's social worker"
    ),
    CaseActionKind.REFERRED_FRONT_DOOR: lazy_gettext("Referred to the front door / MASH"),
    CaseActionKind.CONTACTED_YOUNG_PERSON: lazy_gettext("Contacted the young person"),
    CaseActionKind.NO_FURTHER_ACTION: lazy_gettext("No further action"),
    CaseActionKind.NOTE: lazy_gettext("Note"),
}


TRIGGER_LABELS = {
    CaseTrigger.SELF_REPORTED: lazy_gettext("The young person (ticked the box)"),
    CaseTrigger.OFFICER_FLAG: lazy_gettext("An officer"),
    CaseTrigger.SCREEN: lazy_gettext("The disclosure screen"),
}
STATE_LABELS = {
    CaseState.OPEN: lazy_gettext("Not acknowledged"),
    CaseState.ACKNOWLEDGED: lazy_gettext("Acknowledged"),
    CaseState.CLOSED: lazy_gettext("Closed"),
}


def _action_items(chosen: str) -> list[dict[str, object]]:
    """Radio options for "what was done", translated."""
    return [
        {"value": kind.value, "text": gettext(label), "checked": kind.value == chosen}
        for kind, label in ACTION_LABELS.items()
    ]


def _case_or_404(db: DbSession, principal: Principal, case_id: int) -> SafeguardingCase:
    found = repository.case_for(db, principal, case_id)
    if found is None:
        raise HTTPException(status_code=404)  # the same answer whether it exists or not
    return found


def _case_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    case: SafeguardingCase,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    item = db.get(Item, case.item_id)
    people = {case.acknowledged_by_id, case.closed_by_id} - {None}
    names = {
        user.id: user.label for user in (db.get(User, uid) for uid in people) if user is not None
    }
    return render(
        request,
        "staff/case.html",
        {
            "case": case,
            "item": item,
            "actions": repository.actions(db, case.id or 0),
            "action_labels": ACTION_LABELS,
            "action_items": _action_items((values or {}).get("kind", "")),
            "trigger_labels": TRIGGER_LABELS,
            "state_labels": STATE_LABELS,
            "names": names,
            "errors": errors or {},
            "values": values or {},
            "error_list": [{"text": m, "href": f"#{k}"} for k, m in (errors or {}).items()],
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/cases")
def cases(request: Request, db: DbSession, principal: CanView) -> Response:
    return render(
        request,
        "staff/cases.html",
        {"cases": repository.cases_for(db, principal), "trigger_labels": TRIGGER_LABELS},
        principal=principal,
    )


@router.get("/cases/{case_id}")
def case_page(request: Request, db: DbSession, principal: CanView, case_id: int) -> Response:
    case = _case_or_404(db, principal, case_id)
    record(db, actor=principal.user, action="case.view", object_type="case", object_id=case_id)
    return _case_page(request, db, principal, case)


def _change_case(
    request: Request,
    db: DbSession,
    principal: Principal,
    case_id: int,
    *,
    audit_action: str,
    values: dict[str, str],
    change: Callable[[SafeguardingCase, User], object],
) -> Response:
    """Applies one change to a case; a refusal re-shows the page with what was typed."""
    case = _case_or_404(db, principal, case_id)
    assert principal.user is not None
    try:
        change(case, principal.user)
    except service.CaseError as error:
        db.rollback()
        errors = {error.field: str(error)}
        return _case_page(
            request, db, principal, case, errors=errors, values=values, status_code=400
        )
    record(db, actor=principal.user, action=audit_action, object_type="case", object_id=case_id)
    db.commit()
    return redirect(request, f"/staff/cases/{case_id}")


@router.post("/cases/{case_id}/acknowledge")
def acknowledge(request: Request, db: DbSession, principal: CanManage, case_id: int) -> Response:
    return _change_case(
        request,
        db,
        principal,
        case_id,
        audit_action="case.acknowledge",
        values={},
        change=lambda case, user: service.acknowledge(db, case=case, by=user),
    )


@router.post("/cases/{case_id}/actions")
def add_action(
    request: Request, db: DbSession, principal: CanManage, case_id: int, form: PostedForm
) -> Response:
    values = {"kind": str(form.get("kind", "")), "note": str(form.get("note", ""))}
    return _change_case(
        request,
        db,
        principal,
        case_id,
        audit_action="case.action",
        values=values,
        change=lambda case, user: service.record_action(
            db, case=case, kind=values["kind"], note=values["note"], by=user
        ),
    )


@router.post("/cases/{case_id}/close")
def close(
    request: Request, db: DbSession, principal: CanManage, case_id: int, form: PostedForm
) -> Response:
    values = {"outcome": str(form.get("outcome", ""))}
    return _change_case(
        request,
        db,
        principal,
        case_id,
        audit_action="case.close",
        values=values,
        change=lambda case, user: service.close_case(
            db, case=case, outcome=values["outcome"], by=user
        ),
    )


@router.post("/items/{reference}/flag")
def flag_item(request: Request, db: DbSession, principal: CanFlag, reference: str) -> Response:
    """An officer's worry is enough: the case opens and the lead is alerted at once."""
    item = staff_item_or_404(db, reference)
    assert principal.user is not None
    case = service.open_case(
        db, item=item, trigger=CaseTrigger.OFFICER_FLAG, raised_by=principal.user
    )
    record(db, actor=principal.user, action="case.open", object_type="case", object_id=case.id or 0)
    db.commit()
    if repository.case_for(db, principal, case.id or 0) is None:
        # A case was already open (raised by the screen or a colleague): the lead has it.
        return redirect(request, f"/staff/items/{item.reference}?case=open")
    return redirect(request, f"/staff/cases/{case.id}")
