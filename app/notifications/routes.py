"""The outbox for staff: how many messages wait, and the ones given up ("dead letters"), with
"Try again". Recipients are masked: staff never read a young person's email or number."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.notifications import repository, service
from app.notifications.addresses import mask
from app.web import redirect, render

router = APIRouter()

CanManage = Annotated[Principal, Depends(Require(Permission.OUTBOX_MANAGE))]


def _outbox_page(
    request: Request, db: DbSession, principal: Principal, *, problem: str | None = None
) -> Response:
    dead = repository.dead_letters(db)
    return render(
        request,
        "notifications/outbox.html",
        {
            "counts": repository.counts(db),
            "dead": dead,
            "masked": {message.id: mask(message.recipient) for message in dead},
            "shown_limit": repository.DEAD_LETTERS_SHOWN,
            "notice": request.query_params.get("notice", ""),
            "problem": problem,
        },
        status_code=409 if problem else 200,
        principal=principal,
    )


@router.get("/staff/outbox")
def outbox(request: Request, db: DbSession, principal: CanManage) -> Response:
    return _outbox_page(request, db, principal)


@router.post("/staff/outbox/{message_id}/try-again")
def try_again(request: Request, db: DbSession, principal: CanManage, message_id: int) -> Response:
    assert principal.user is not None
    try:
        service.try_again(db, message=repository.message(db, message_id), actor=principal.user)
    except service.NotDead as refused:
        return _outbox_page(request, db, principal, problem=refused.message)
    return redirect(request, "/staff/outbox?notice=queued")
