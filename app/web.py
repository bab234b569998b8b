"""Rendering: one Jinja environment with GOV.UK Frontend macros, full pages or HTMX blocks."""

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import segno
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from jinja2_fragments import render_block

from app import i18n
from app.authz import Principal, can
from app.config import get_settings
from app.languages.choice import page_context as language_context
from app.security import CSRF_FIELD, csrf_token_for
from app.timeutil import long_date, on_council_clock

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def _build_environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(TEMPLATES_DIR),
                PrefixLoader(
                    {"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}
                ),
            ]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Translated in the request's language (app.i18n); no catalogue is fixed here.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
    )
    env.globals["long_date"] = long_date
    env.globals["can"] = can
    env.globals["csrf_field_name"] = CSRF_FIELD
    env.globals["on_council_clock"] = on_council_clock
    return env


environment = _build_environment()


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    block: str | None = None,
    principal: Principal | None = None,
) -> HTMLResponse:
    """Full page normally; just `block` when HTMX asked for it."""
    settings = get_settings()
    session = request.scope.get("sd_session")
    young_page = not (principal and principal.is_staff) and not request.url.path.startswith(
        ("/staff", "/admin")
    )
    page_context = {
        "request": request,
        "settings": settings,
        "principal": principal,
        "csrf_token": csrf_token_for(session.raw_id) if session else "",
        "csp_nonce": request.scope.get("state", {}).get("csp_nonce", ""),
        "current_path": request.url.path,
        "htmx": is_htmx(request),
        "young_page": young_page,
        **language_context(request, young_page=young_page),
        **(context or {}),
    }
    # Young people's pages speak the visitor's language; staff pages are in English.
    with i18n.speaking(i18n.active() if young_page else i18n.ENGLISH):
        if block is not None and is_htmx(request):
            html = render_block(environment, template, block, page_context)
        else:
            html = environment.get_template(template).render(page_context)
    return HTMLResponse(html, status_code=status_code)


def redirect(request: Request, url: str) -> Response:
    """After a POST: 303 for plain forms, HX-Redirect for HTMX."""
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def safe_next(target: str | None, default: str = "/") -> str:
    """Only same-site relative paths; anything else (//evil, https://evil, /\\evil) goes home."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target or any(ord(c) < 32 for c in target):
        return default
    return target


def qr_data_uri(url: str) -> str:
    """A QR code for printed sheets, inline (a data URI) so the page makes no other request."""
    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=2))
