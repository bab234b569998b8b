"""Browser-facing protections applied to every response: headers, body size and CSRF."""

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings, get_settings

MAX_BODY_BYTES = 64 * 1024  # the longest form (2,000 characters of emoji) fits many times over
# Admins upload whole translation catalogues (app/languages): up to 1 MB, plus the form around it.
UPLOAD_PATH_PREFIX = "/admin/languages/"
MAX_UPLOAD_BYTES = 1024 * 1024 + 16 * 1024
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SecurityHeadersMiddleware:
    """Strict CSP with a per-response nonce, no caching of personal pages, and friends."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.hsts = settings.secure_cookies
        # The staff sign-in form redirects to the IdP, and form-action covers that redirect.
        self.form_action = "'self'"
        if settings.oidc_issuer:
            issuer = urlsplit(settings.oidc_issuer)
            self.form_action += f" {issuer.scheme}://{issuer.netloc}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        is_static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["content-security-policy"] = (
                    f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; "
                    f"style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; "
                    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                    f"form-action {self.form_action}"
                )
                headers["x-content-type-options"] = "nosniff"
                headers["referrer-policy"] = "no-referrer"
                headers["x-frame-options"] = "DENY"
                headers["cross-origin-opener-policy"] = "same-origin"
                headers["permissions-policy"] = (
                    "geolocation=(), camera=(), microphone=(), payment=(), usb=(), "
                    "interest-cohort=()"
                )
                if self.hsts:
                    headers["strict-transport-security"] = "max-age=31536000; includeSubDomains"
                if is_static:
                    headers.setdefault("cache-control", "public, max-age=3600")
                else:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimitMiddleware:
    """Refuses oversized bodies before they are read into memory."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        if scope["path"].startswith(UPLOAD_PATH_PREFIX):
            limit = max(limit, MAX_UPLOAD_BYTES)
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _plain_response(send, 413, b"That was too much to send in one go.")
                return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
            return message

        await self.app(scope, counting_receive, send)


class BodyTooLarge(Exception):
    pass


async def _plain_response(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def csrf_token_for(session_id: str, settings: Settings | None = None) -> str:
    """A per-session token: an HMAC of the session id, so it needs no storage."""
    key = (settings or get_settings()).secret_key.encode()
    return hmac.new(key, b"csrf:" + session_id.encode(), hashlib.sha256).hexdigest()[:40]


class CsrfFailed(Exception):
    """A state change without a valid token, or from another site."""

    def __init__(self, *, cross_site: bool) -> None:
        super().__init__("csrf")
        self.cross_site = cross_site


async def verify_csrf(request: Request) -> None:
    """Checked on every unsafe request (an app-wide dependency): origin first, then the token."""
    if request.method not in UNSAFE_METHODS:
        return
    settings = get_settings()
    if _is_cross_site(request, settings):
        raise CsrfFailed(cross_site=True)
    form = await request.form()
    # Kept for error pages (sign-in needed, expired form, rate limit) so no typed word is lost.
    request.scope["sd_form_values"] = {
        key: value for key, value in form.items() if isinstance(value, str)
    }
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    expected = csrf_token_for(request.scope["sd_session"].raw_id, settings)
    if not sent or not hmac.compare_digest(sent, expected):
        raise CsrfFailed(cross_site=False)


def _is_cross_site(request: Request, settings: Settings) -> bool:
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in {"same-origin", "none"}:
        return True
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        # Browsers send "null" under Referrer-Policy: no-referrer; the token still decides.
        return False
    allowed = {_origin(settings.base_url), _origin(str(request.base_url))}
    return _origin(origin) not in allowed


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
