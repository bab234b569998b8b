"""Health checks and the public information pages (help, privacy, accessibility)."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.authz import CurrentPrincipal
from app.db import new_session
from app.safeguarding.repository import health
from app.timeutil import utcnow
from app.web import render

router = APIRouter()


@router.get("/healthz")
def healthz() -> Response:
    """The process is up; says nothing about the database (for liveness probes)."""
    return JSONResponse({"status": "ok"})


@router.get("/readyz")
def readyz() -> Response:
    """Ready for traffic only when the database answers (for load balancers)."""
    try:
        with new_session() as db:
            db.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "database unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


@router.get("/health/safeguarding")
def safeguarding_health() -> Response:
    """503 "degraded" when a case waits past its acknowledgement time or an alert is undelivered.

    For the council's monitoring, which should page someone: the phone tree in the README is
    the fallback when email fails. Counts only.
    """
    try:
        with new_session() as db:
            found = health(db, now=utcnow())
    except SQLAlchemyError:
        return JSONResponse({"status": "database unavailable"}, status_code=503)
    return JSONResponse(
        {
            "status": "degraded" if found.degraded else "ok",
            "cases_past_due": found.cases_past_due,
            "alerts_undelivered": found.alerts_undelivered,
        },
        status_code=503 if found.degraded else 200,
    )


@router.get("/help")
def help_page(request: Request, principal: CurrentPrincipal) -> Response:
    return render(request, "ops/help.html", principal=principal)


@router.get("/privacy")
def privacy_page(request: Request, principal: CurrentPrincipal) -> Response:
    return render(request, "ops/privacy.html", principal=principal)


@router.get("/accessibility")
def accessibility_page(request: Request, principal: CurrentPrincipal) -> Response:
    return render(request, "ops/accessibility.html", principal=principal)
