"""Friendly error pages. Each keeps what the user typed; none shows a traceback."""

import logging
import secrets
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.authz import Forbidden, SecondFactorNeeded, SignInRequired
from app.drafts import keep_draft, typed_values
from app.ratelimit import RateLimited
from app.security import BodyTooLarge, CsrfFailed
from app.web import redirect, render

log = logging.getLogger("said_and_done.errors")


def _sign_in_required(request: Request, error: Exception) -> Response:
    assert isinstance(error, SignInRequired)
    page = request.url.path
    if request.method == "POST":
        values = typed_values(request)
        if values:
            keep_draft(request.scope["sd_session"], page, values)
    elif request.url.query:
        page = f"{page}?{request.url.query}"
    sign_in = "/staff/sign-in" if error.staff else "/sign-in"
    return redirect(request, f"{sign_in}?{urlencode({'next': page})}")


def _forbidden(request: Request, error: Exception) -> Response:
    second_factor = isinstance(error, SecondFactorNeeded)
    return render(request, "errors/403.html", {"second_factor": second_factor}, status_code=403)


def _csrf_failed(request: Request, error: Exception) -> Response:
    assert isinstance(error, CsrfFailed)
    if error.cross_site:
        return render(request, "errors/403.html", status_code=403)
    return render(
        request,
        "errors/resend.html",
        {"values": typed_values(request), "action": request.url.path},
        status_code=403,
    )


def _rate_limited(request: Request, _error: Exception) -> Response:
    return render(request, "errors/429.html", {"values": typed_values(request)}, status_code=429)


def _too_large(request: Request, _error: Exception) -> Response:
    return render(request, "errors/413.html", status_code=413)


def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code == 404:
        return render(request, "errors/404.html", status_code=404)
    if error.status_code == 405:
        return render(request, "errors/405.html", status_code=405)
    return render(
        request, "errors/500.html", {"values": typed_values(request)}, status_code=error.status_code
    )


def _invalid_request(request: Request, _error: Exception) -> Response:
    """Malformed paths or parameters (e.g. page=abc): a 400, never a 500."""
    return render(request, "errors/400.html", {"values": typed_values(request)}, status_code=400)


class LastResortMiddleware:
    """Logs an unexpected error and shows the friendly 500 page (inside the header middleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as error:
            reference = secrets.token_hex(4)
            log.error(
                "unhandled %s (ref %s) on %s %s",
                type(error).__name__,
                reference,
                scope["method"],
                scope["path"],
                exc_info=error,
            )
            if started:
                raise
            request = Request(scope)
            response = render(
                request,
                "errors/500.html",
                {"values": typed_values(request), "reference": reference},
                status_code=500,
            )
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(SignInRequired, _sign_in_required)
    app.add_exception_handler(Forbidden, _forbidden)
    app.add_exception_handler(CsrfFailed, _csrf_failed)
    app.add_exception_handler(RateLimited, _rate_limited)
    app.add_exception_handler(BodyTooLarge, _too_large)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
