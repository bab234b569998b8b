"""Shared by the account, sign-in and session tests: cookies, session rows and staff OIDC."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.auth.sessions import hash_session_id
from app.config import get_settings
from app.people import routes as people_routes
from app.people.models import Role, User, WebSession
from tests.support.factories import make_user
from tests.support.idp import LoopbackIdP
from tests.support.pages import Page, page

COOKIE = "sd_session"
STAFF_CALLBACK = "http://testserver/staff/sign-in/callback"

_VOLATILE = [
    (re.compile(r'(name="csrf_token" value=")[^"]*(")'), r"\1CSRF\2"),
    (re.compile(r'(name="csrf-token" content=")[^"]*(")'), r"\1CSRF\2"),
    (re.compile(r'(nonce=")[^"]*(")'), r"\1NONCE\2"),
]


def without_volatile(html: str) -> str:
    """The page with its CSRF token and CSP nonces blanked out: what is left must match."""
    for pattern, replacement in _VOLATILE:
        html = pattern.sub(replacement, html)
    return html


def session_cookie(client: TestClient, name: str = COOKIE) -> str | None:
    value: str | None = client.cookies.get(name)
    return value


def use_cookie(client: TestClient, raw_id: str, name: str = COOKIE) -> None:
    """Make the client present exactly this session cookie (an old one, say)."""
    client.cookies.clear()
    host = client.base_url.host
    # The domain httpx files the server's cookie under, so the server can replace this one.
    client.cookies.set(name, raw_id, domain=host if "." in host else f"{host}.local")


def session_row(db: Session, raw_id: str) -> WebSession | None:
    db.expire_all()
    return db.get(WebSession, hash_session_id(raw_id))


def signed_in_rows(db: Session) -> list[WebSession]:
    db.expire_all()
    return list(db.exec(select(WebSession).where(col(WebSession.user_id).is_not(None))).all())


def location(response: httpx.Response, status: int = 303) -> str:
    assert response.status_code == status, (response.status_code, response.text[:500])
    target: str = response.headers["location"]
    return target


def same_site_path(url: str) -> str:
    """The path a redirect lands on, after checking it cannot leave the site."""
    parts = urlsplit(url)
    assert not parts.scheme and not parts.netloc, url
    assert url.startswith("/") and not url.startswith(("//", "/\\")), url
    assert "\\" not in url, url
    return url


# -- staff sign-in through the loopback IdP ------------------------------------------------


@contextmanager
def oidc_settings(monkeypatch: pytest.MonkeyPatch, idp: LoopbackIdP) -> Iterator[None]:
    """The app configured for this IdP; settings and the cached client restored afterwards."""
    monkeypatch.setenv("OIDC_ISSUER", idp.issuer)
    monkeypatch.setenv("OIDC_CLIENT_ID", idp.client_id)
    monkeypatch.setenv("OIDC_CLIENT_SECRET", idp.client_secret)
    get_settings.cache_clear()
    people_routes._oidc_client.cache_clear()
    try:
        yield
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        people_routes._oidc_client.cache_clear()


def bound_staff(db: Session, idp: LoopbackIdP, sub: str, role: Role) -> User:
    """A staff account already bound to (this IdP, sub)."""
    user = make_user(db, role)
    user.oidc_issuer = idp.issuer
    user.oidc_subject = sub
    db.add(user)
    db.commit()
    return user


def start_staff_sign_in(client: TestClient, sign_in_page: str = "/staff/sign-in") -> str:
    """Open a staff sign-in page, press the button; return the IdP URL we are sent to."""
    form = page(client.get(sign_in_page)).form("/staff/sign-in")
    response = client.post("/staff/sign-in", data=form, follow_redirects=False)
    assert response.status_code in {302, 303, 307}, (response.status_code, response.text[:500])
    target: str = response.headers["location"]
    return target


def callback_path(callback_url: str) -> str:
    """The IdP's redirect back, as a path and query for the in-process test client."""
    parts = urlsplit(callback_url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == STAFF_CALLBACK, callback_url
    return f"{parts.path}?{parts.query}"


def staff_sign_in(
    client: TestClient, idp: LoopbackIdP, sub: str, sign_in_page: str = "/staff/sign-in"
) -> httpx.Response:
    """The whole staff sign-in: our page, the IdP, and our callback (not followed)."""
    authorisation_url = start_staff_sign_in(client, sign_in_page)
    callback = callback_path(idp.authorize(authorisation_url, sub))
    response: httpx.Response = client.get(callback, follow_redirects=False)
    return response


def is_signed_out(client: TestClient) -> bool:
    """A staff page sends this browser to sign in."""
    response: httpx.Response = client.get("/staff", follow_redirects=False)
    target: str = response.headers.get("location", "")
    return response.status_code == 303 and target.startswith("/staff/sign-in")


def has_sign_out_button(result: Page) -> bool:
    return bool(result.soup.select("form[action='/sign-out']"))
