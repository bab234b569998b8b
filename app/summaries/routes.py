"""Voice summaries: pull one (board or child-friendly version), choose its quotes, download it
as a PDF, export the shared items as CSV, and freeze it onto a meeting.

Exports are answered only to a signed-in user whose role allows them (the same `Require` as
every page), with `Cache-Control: no-store` and as attachments; there are no shareable links.
"""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse
from starlette.exceptions import HTTPException

from app.audit.service import record
from app.authz import Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession
from app.forms import Refused, whole_number
from app.i18n import gettext as _
from app.meetings import repository as meetings_repository
from app.people.models import User
from app.summaries import exports, labels, repository, service
from app.summaries.charts import bar_chart
from app.summaries.forms import Pulled, query_of, read_scope
from app.summaries.models import SummarySnapshot
from app.summaries.report import Summary
from app.summaries.service import Scope
from app.timeutil import utcnow
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter(prefix="/staff/summaries")

CanRead = Annotated[Principal, Depends(Require(Permission.SUMMARIES_READ))]
CanPull = Annotated[Principal, Depends(Require(Permission.SUMMARIES_PULL))]
CanFreeze = Annotated[Principal, Depends(Require(Permission.SUMMARIES_FREEZE))]
CanExport = Annotated[Principal, Depends(Require(Permission.SUMMARIES_EXPORT))]
BOARD, YOUNG = "summaries/board.html", "summaries/young.html"
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


def _home(
    request: Request, db: DbSession, principal: Principal, pulled: Pulled, status: int = 200
) -> Response:
    return render(
        request,
        "summaries/home.html",
        {
            "meetings": meetings_repository.meetings(db),
            "themes": repository.theme_names(db),
            "values": pulled.values,
            "errors": pulled.errors,
            "error_list": pulled.error_list(),
            "frozen": repository.snapshots(db),
        },
        status_code=status,
        principal=principal,
    )


@router.get("")
def summaries_home(request: Request, db: DbSession, principal: CanRead) -> Response:
    return _home(request, db, principal, Pulled(values={"themes": []}))


def _context(summary: Summary, **extra: Any) -> dict[str, Any]:
    """What both versions' templates need to draw a summary (live or frozen)."""
    return {
        "summary": summary,
        "young": service.young_view(summary),
        "charts": {
            "channels": bar_chart(summary.channels, labels.channel_label),
            "age_bands": bar_chart(summary.age_bands, labels.age_label),
            "by_theme": bar_chart(summary.by_theme, labels.same),
            "at_events": bar_chart(summary.at_events, labels.age_label),
        },
        "labels": labels,
        **extra,
    }


def _pulled_or_form(request: Request, db: DbSession, principal: Principal) -> Scope | Response:
    pulled = read_scope(db, request.query_params)
    if pulled.scope is None:
        return _home(request, db, principal, pulled, status=400)
    return pulled.scope


def _live(
    request: Request,
    db: DbSession,
    principal: Principal,
    template: str,
    scope: Scope,
    error_list: list[dict[str, str]] | None = None,
) -> Response:
    summary = service.build_summary(db, scope=scope, now=utcnow(), settings=get_settings())
    quotes = [quote.item_id for quote in summary.quotes]
    meeting_id = scope.meeting.id if scope.meeting else None
    return render(
        request,
        template,
        _context(
            summary,
            query=query_of(scope, quotes=quotes if scope.quote_ids is not None else None),
            scope=scope,
            quotes=quotes,
            versions=repository.latest_version(db, meeting_id) if meeting_id else 0,
            frozen=None,
            error_list=error_list or [],
        ),
        status_code=409 if error_list else 200,
        principal=principal,
    )


def _live_page(request: Request, db: DbSession, principal: Principal, template: str) -> Response:
    scope = _pulled_or_form(request, db, principal)
    if isinstance(scope, Response):
        return scope
    return _live(request, db, principal, template, scope)


@router.get("/board")
def board_summary(request: Request, db: DbSession, principal: CanPull) -> Response:
    return _live_page(request, db, principal, BOARD)


@router.get("/young")
def young_summary(request: Request, db: DbSession, principal: CanPull) -> Response:
    return _live_page(request, db, principal, YOUNG)


@router.get("/quotes")
def choose_quotes(request: Request, db: DbSession, principal: CanPull) -> Response:
    """The officer ticks the quotes; the proposal (or their last choice) starts ticked."""
    scope = _pulled_or_form(request, db, principal)
    if isinstance(scope, Response):
        return scope
    candidates = service.quote_candidates(db, service.window_of(scope))
    ticked = scope.quote_ids if scope.quote_ids is not None else service.propose_quotes(candidates)
    return render(
        request,
        "summaries/quotes.html",
        {
            "scope": scope,
            "query": query_of(scope),
            "candidates": candidates,
            "ticked": set(ticked),
            "themes": repository.theme_names(db),
        },
        principal=principal,
    )


def _pdf(request: Request, page: Response, name: str) -> Response:
    pdf = exports.pdf_of(bytes(page.body).decode("utf-8"))
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{name}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


def _file_name(scope: Scope, version: str) -> str:
    return f"voice-summary-{version}-{scope.start.isoformat()}-to-{scope.end.isoformat()}"


def _audit_export(db: DbSession, principal: Principal, scope: Scope, what: str) -> None:
    object_type, object_id = ("meeting", scope.meeting.id or 0) if scope.meeting else ("period", 0)
    record(
        db,
        actor=principal.user,
        action=f"summary.export_{what}",
        object_type=object_type,
        object_id=object_id,
    )


def _live_pdf(
    request: Request, db: DbSession, principal: Principal, template: str, version: str
) -> Response:
    scope = _pulled_or_form(request, db, principal)
    if isinstance(scope, Response):
        return scope
    _audit_export(db, principal, scope, "pdf")
    page = _live(request, db, principal, template, scope)
    return _pdf(request, page, _file_name(scope, version))


@router.get("/board.pdf")
def board_pdf(request: Request, db: DbSession, principal: CanPull) -> Response:
    return _live_pdf(request, db, principal, BOARD, "board")


@router.get("/young.pdf")
def young_pdf(request: Request, db: DbSession, principal: CanPull) -> Response:
    return _live_pdf(request, db, principal, YOUNG, "young-people")


@router.get("/items.csv")
def items_csv(request: Request, db: DbSession, principal: CanExport) -> Response:
    """Streamed: the rows are read and written a batch at a time, however many there are."""
    scope = _pulled_or_form(request, db, principal)
    if isinstance(scope, Response):
        return scope
    _audit_export(db, principal, scope, "csv")
    db.commit()  # the audit row is kept before the first byte goes
    headers = {
        **NO_STORE,
        "Content-Disposition": f'attachment; filename="{_file_name(scope, "shared-items")}.csv"',
    }
    return StreamingResponse(
        exports.csv_lines(service.window_of(scope)),
        media_type="text/csv; charset=utf-8",
        headers=headers,
    )


@router.post("/freeze")
def freeze(request: Request, db: DbSession, principal: CanFreeze, form: PostedForm) -> Response:
    pulled = read_scope(db, form)
    scope = pulled.scope
    if scope is not None and scope.meeting is None:
        pulled.errors["meeting"] = _("Only a meeting's summary can be frozen. Choose a meeting.")
    if scope is None or scope.meeting is None:
        return _home(request, db, principal, pulled, status=400)
    assert principal.user is not None
    summary = service.build_summary(db, scope=scope, now=utcnow(), settings=get_settings())
    after = whole_number(str(form.get("after_version", ""))) or 0
    try:
        snapshot = service.freeze_summary(
            db, summary=summary, meeting=scope.meeting, after_version=after, actor=principal.user
        )
    except Refused as refused:
        return _live(
            request, db, principal, BOARD, scope, [{"text": refused.message, "href": "#freeze"}]
        )
    db.commit()
    return redirect(request, f"/staff/summaries/frozen/{snapshot.id}")


# Frozen summaries ------------------------------------------------------------------------------


def _snapshot_or_404(db: DbSession, snapshot_id: int) -> SummarySnapshot:
    snapshot = repository.snapshot(db, snapshot_id)
    if snapshot is None:
        raise HTTPException(status_code=404)
    return snapshot


def _frozen(
    request: Request, db: DbSession, principal: Principal, template: str, snapshot_id: int
) -> Response:
    snapshot = _snapshot_or_404(db, snapshot_id)
    frozen_by = db.get(User, snapshot.frozen_by_id)
    return render(
        request,
        template,
        _context(
            service.frozen_summary(snapshot),
            frozen=snapshot,
            frozen_by=frozen_by.label if frozen_by else "",
            error_list=[],
        ),
        principal=principal,
    )


@router.get("/frozen/{snapshot_id}")
def frozen_board(request: Request, db: DbSession, principal: CanRead, snapshot_id: int) -> Response:
    return _frozen(request, db, principal, BOARD, snapshot_id)


@router.get("/frozen/{snapshot_id}/young")
def frozen_young(request: Request, db: DbSession, principal: CanRead, snapshot_id: int) -> Response:
    return _frozen(request, db, principal, YOUNG, snapshot_id)


def _frozen_pdf(
    request: Request, db: DbSession, principal: Principal, template: str, snapshot_id: int
) -> Response:
    page = _frozen(request, db, principal, template, snapshot_id)
    snapshot = _snapshot_or_404(db, snapshot_id)
    record(
        db,
        actor=principal.user,
        action="summary.export_pdf",
        object_type="summary_snapshot",
        object_id=snapshot_id,
    )
    version = "board" if template == BOARD else "young-people"
    day: date = service.frozen_summary(snapshot).end
    return _pdf(request, page, f"voice-summary-{version}-v{snapshot.version}-{day.isoformat()}")


@router.get("/frozen/{snapshot_id}/board.pdf")
def frozen_board_pdf(
    request: Request, db: DbSession, principal: CanRead, snapshot_id: int
) -> Response:
    return _frozen_pdf(request, db, principal, BOARD, snapshot_id)


@router.get("/frozen/{snapshot_id}/young.pdf")
def frozen_young_pdf(
    request: Request, db: DbSession, principal: CanRead, snapshot_id: int
) -> Response:
    return _frozen_pdf(request, db, principal, YOUNG, snapshot_id)
