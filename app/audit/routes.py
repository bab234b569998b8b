"""The audit log page: who looked at or changed sensitive things, for admins."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.audit import repository
from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import whole_number
from app.web import render

router = APIRouter()

CanRead = Annotated[Principal, Depends(Require(Permission.AUDIT_READ))]


@router.get("/admin/audit")
def audit_log(request: Request, db: DbSession, principal: CanRead) -> Response:
    query = request.query_params
    action = query.get("action", "")[:60]
    actor = query.get("actor", "")
    page = whole_number(query.get("page", ""), digits=6) or 1
    filters = repository.AuditFilters(action=action, actor_id=whole_number(actor))
    rows, total = repository.page_of_events(db, filters, page=max(page, 1))
    return render(
        request,
        "audit/log.html",
        {
            "rows": rows,
            "total": total,
            "page": max(page, 1),
            "pages": max((total + repository.PAGE_SIZE - 1) // repository.PAGE_SIZE, 1),
            "filters": filters,
            "actions": repository.actions(db),
            "staff": repository.staff(db),
        },
        principal=principal,
    )
