"""Server-side sessions: the cookie holds only a random id; everything else stays on the server.

Signing in rotates the id (no fixation); signing out deletes the row, so an old cookie is useless.
Anonymous visitors get a cookie (it anchors the CSRF token) but no row until something is stored.
"""

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import anyio
from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from starlette.datastructures import MutableHeaders
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.db import new_session
from app.people.models import Role, User, WebSession
from app.timeutil import utcnow

TOUCH_EVERY = timedelta(minutes=1)
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{20,100}")  # what secrets.token_urlsafe makes
#: Why a staff session ended ("idle" or "absolute"), kept until the sign-in page has said so.
TIMED_OUT_KEY = "timed_out"
#: How the visitor likes their pages (app/languages): kept when they sign in or out, since
#: they say nothing about what anyone wrote.
LANGUAGE_KEY = "lang"
EASY_READ_KEY = "easy_read"
PREFERENCE_KEYS = (LANGUAGE_KEY, EASY_READ_KEY)


def hash_session_id(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class SessionState:
    """The visitor's session for one request, saved when the response starts."""

    raw_id: str
    data: dict[str, Any] = field(default_factory=dict)
    user_id: int | None = None
    authenticated_at: datetime | None = None
    last_seen_at: datetime | None = None
    is_new: bool = True
    expired: bool = False
    expired_user_id: int | None = None  # who was signed in until this request noticed a timeout
    _stored_data: str = "{}"
    _stored_user_id: int | None = None
    _previous_ids: list[str] = field(default_factory=list)
    _touched: bool = False

    def sign_in(self, user_id: int) -> None:
        """New id on sign-in. Only this person's own kept drafts come along: on a shared
        phone, nothing of the last visitor's (items, codes, words) reaches the next one."""
        drafts = {
            page: draft
            for page, draft in self.data.get("drafts", {}).items()
            if draft.get("owner") == user_id
        }
        kept = self._preferences()
        self._previous_ids.append(self.raw_id)
        self.raw_id = secrets.token_urlsafe(32)
        self.is_new = True
        self.user_id = user_id
        self.authenticated_at = self.last_seen_at = utcnow()
        self.expired = False
        self.data.clear()
        self.data.update(kept)
        if drafts:
            self.data["drafts"] = drafts

    def sign_out(self) -> None:
        kept = self._preferences()
        self._previous_ids.append(self.raw_id)
        self.raw_id = secrets.token_urlsafe(32)
        self.is_new = True
        self.user_id = None
        self.authenticated_at = None
        self.data.clear()
        self.data.update(kept)

    def _preferences(self) -> dict[str, Any]:
        return {key: self.data[key] for key in PREFERENCE_KEYS if key in self.data}

    @property
    def needs_saving(self) -> bool:
        changed = json.dumps(self.data, sort_keys=True) != self._stored_data
        return (
            changed
            or self.user_id != self._stored_user_id
            or self._touched
            or bool(self._previous_ids)
        )


class SessionStore:
    """Reads and writes `web_session` rows, in short transactions of their own."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def load(self, raw_id: str) -> SessionState:
        with new_session() as db:
            row = db.get(WebSession, hash_session_id(raw_id))
            if row is None:
                # Nothing stored yet: keep the id, it anchors this visitor's CSRF token.
                return SessionState(raw_id=raw_id, is_new=False)
            account = db.exec(
                select(User.role, User.is_active).where(User.id == row.user_id)
            ).first()
        state = SessionState(
            raw_id=raw_id,
            data=json.loads(row.data),
            user_id=row.user_id,
            authenticated_at=row.authenticated_at,
            last_seen_at=row.last_seen_at,
            is_new=False,
            _stored_data=json.dumps(json.loads(row.data), sort_keys=True),
            _stored_user_id=row.user_id,
        )
        role, active = (Role(account[0]), account[1]) if account else (None, False)
        self._apply_timeouts(state, role, active)
        return state

    def _apply_timeouts(self, state: SessionState, role: Role | None, active: bool) -> None:
        now = utcnow()
        staff = role is not None and role.is_staff
        settings = self.settings
        idle = timedelta(
            minutes=settings.staff_idle_minutes if staff else settings.young_person_idle_minutes
        )
        absolute = timedelta(
            hours=settings.staff_absolute_hours if staff else settings.young_person_absolute_hours
        )
        last_seen = state.last_seen_at or now
        idle_over = now - last_seen > idle
        absolute_over = now - (state.authenticated_at or now) > absolute
        if state.user_id is None:
            if idle_over:
                state.data.clear()
        elif not active or idle_over or absolute_over:
            # Signed out, but the same anonymous session goes on, so typed words survive.
            state.expired_user_id = state.user_id
            state.user_id = None
            state.authenticated_at = None
            state.expired = True
            if active and staff:
                # The request that notices is redirected; the sign-in page after it says why.
                state.data[TIMED_OUT_KEY] = "absolute" if absolute_over else "idle"
        if now - last_seen > TOUCH_EVERY:
            state.last_seen_at = now
            state._touched = True

    def save(self, state: SessionState) -> None:
        try:
            self._save(state)
        except IntegrityError:
            # Two requests of one browser (a double click) both created this new row, and
            # PostgreSQL let them race: save again, now as an update of the other's row.
            self._save(state)

    def _save(self, state: SessionState) -> None:
        with new_session(for_writing=True) as db:
            for old in state._previous_ids:
                stale = db.get(WebSession, hash_session_id(old))
                if stale is not None:
                    db.delete(stale)
            row = db.get(WebSession, hash_session_id(state.raw_id))
            if state.user_id is not None or state.data:
                row = row or WebSession(id=hash_session_id(state.raw_id))
                row.user_id = state.user_id
                row.data = json.dumps(state.data, sort_keys=True)
                row.authenticated_at = state.authenticated_at
                row.last_seen_at = state.last_seen_at or utcnow()
                db.add(row)
            elif row is not None:
                db.delete(row)
            db.commit()


class ServerSessionMiddleware:
    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.store = SessionStore(settings)
        prefix = "__Host-" if settings.secure_cookies else ""
        self.cookie_name = f"{prefix}sd_session"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        raw_id = self._cookie_value(scope)
        if raw_id:
            state = await anyio.to_thread.run_sync(self.store.load, raw_id)
        else:
            state = SessionState(raw_id=secrets.token_urlsafe(32))
        scope["session"] = state.data
        scope["sd_session"] = state

        async def send_with_session(message: Message) -> None:
            if message["type"] == "http.response.start":
                if state.needs_saving:
                    await anyio.to_thread.run_sync(self.store.save, state)
                if state.is_new:
                    headers = MutableHeaders(scope=message)
                    headers.append("set-cookie", self._cookie(state.raw_id))
            await send(message)

        await self.app(scope, receive, send_with_session)

    def _cookie_value(self, scope: Scope) -> str | None:
        # Starlette's lenient parser: SimpleCookie drops every cookie in the header when any
        # other one (a JSON consent cookie from the council's parent domain, say) is malformed.
        for name, value in scope["headers"]:
            if name == b"cookie":
                raw = cookie_parser(value.decode("latin-1")).get(self.cookie_name)
                if raw and _SESSION_ID.fullmatch(raw):
                    return raw
        return None

    def _cookie(self, raw_id: str) -> str:
        parts = [f"{self.cookie_name}={raw_id}", "Path=/", "HttpOnly", "SameSite=Lax"]
        if self.settings.secure_cookies:
            parts.append("Secure")
        return "; ".join(parts)
