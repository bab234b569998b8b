"""Editing the reasons young people read: add, reword, retire and bring back."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import form_values
from app.moderation import reasons, repository
from app.moderation.forms import DECISIONS
from app.moderation.labels import DECISION_LABELS
from app.moderation.models import DecisionReason, Sharing
from app.moderation.service import ModerationError
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter(prefix="/staff/moderation/reasons")

CanManage = Annotated[Principal, Depends(Require(Permission.MODERATION_REASONS_MANAGE))]
PAGE = "/staff/moderation/reasons"


def _reasons_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    failed_id: int | None = None,
    status_code: int = 200,
) -> Response:
    errors = errors or {}
    anchor = f"reason-{failed_id}" if failed_id else None
    return render(
        request,
        "moderation/reasons.html",
        {
            "grouped": _grouped(repository.all_reasons(db)),
            "decision_labels": DECISION_LABELS,
            "decision_choices": DECISIONS,
            "values": values or {},
            "errors": errors,
            "failed_id": failed_id,
            "error_list": [
                {"text": message, "href": f"#{anchor or name}"} for name, message in errors.items()
            ],
            "notice": request.query_params.get("notice", ""),
        },
        status_code=status_code,
        principal=principal,
    )


def _grouped(found: Sequence[DecisionReason]) -> dict[Sharing, list[DecisionReason]]:
    """Every decision in the form's order, current reasons first, retired ones after."""
    grouped: dict[Sharing, list[DecisionReason]] = {choice: [] for choice in DECISIONS}
    for reason in found:
        grouped.setdefault(reason.decision, []).append(reason)
    return grouped


@router.get("")
def reasons_page(request: Request, db: DbSession, principal: CanManage) -> Response:
    return _reasons_page(request, db, principal)


@router.post("")
def add(request: Request, db: DbSession, principal: CanManage, form: PostedForm) -> Response:
    values = form_values(form)
    assert principal.user is not None
    try:
        reasons.add_reason(
            db,
            decision=values.get("decision", ""),
            text=values.get("text", ""),
            actor=principal.user,
        )
    except ModerationError as error:
        db.rollback()
        return _reasons_page(
            request, db, principal, values=values, errors={error.field: str(error)}, status_code=400
        )
    db.commit()
    return redirect(request, f"{PAGE}?notice=added")


@router.post("/{reason_id}")
def change(
    request: Request, db: DbSession, principal: CanManage, reason_id: int, form: PostedForm
) -> Response:
    """One form per reason: "save" rewords it, "retire" and "restore" switch it off and on."""
    reason = repository.reason(db, reason_id)
    if reason is None:
        raise HTTPException(status_code=404)
    values = form_values(form)
    action = values.get("action", "save")
    assert principal.user is not None
    try:
        if action == "retire":
            reasons.retire_reason(db, reason=reason, actor=principal.user)
        elif action == "restore":
            reasons.restore_reason(db, reason=reason, actor=principal.user)
        else:
            reasons.reword_reason(
                db, reason=reason, text=values.get("text", ""), actor=principal.user
            )
    except ModerationError as error:
        db.rollback()
        return _reasons_page(
            request,
            db,
            principal,
            values={f"text-{reason_id}": values.get("text", "")},  # what they typed, kept
            errors={"text": str(error)},
            failed_id=reason_id,
            status_code=400,
        )
    db.commit()
    return redirect(request, f"{PAGE}?notice={_notice(action)}")


def _notice(action: str) -> str:
    return {"retire": "retired", "restore": "restored"}.get(action, "saved")
