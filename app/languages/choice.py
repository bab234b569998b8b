"""Each visitor's language and easy-read choice, kept in their server-side session only.

`?lang=cy` on any page (or the header's form, POST /language) chooses a language for the rest of
the session; `?view=easy` and `?view=standard` do the same for easy read. No new cookie: the
session row already exists for anyone who has chosen something, and ends with the session.
A language that does not exist or is not switched on gives English and a short note, never an
error page.
"""

from typing import Any
from urllib.parse import parse_qs, urlencode

import anyio
from fastapi import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from app.auth.sessions import EASY_READ_KEY as EASY_KEY
from app.auth.sessions import LANGUAGE_KEY, SessionState
from app.i18n import ENGLISH as ENGLISH_ACTIVE
from app.i18n import Active, active, speaking
from app.languages import runtime
from app.languages.registry import ENGLISH, Language, by_code

NOTE_KEY = "language_note"  # a refused choice, shown once on the next page
_NOTE_SCOPE = "sd_language_note"
_STATES_SCOPE = "sd_language_states"


def choose(session: SessionState, code: str) -> None:
    """Remembers `code` for this session; English, and a note on the next page, when it
    cannot be offered."""
    language = by_code(code)
    session.data.pop(LANGUAGE_KEY, None)
    if language is None or not runtime.usable(language, runtime.states()):
        session.data[NOTE_KEY] = True
    elif language is not ENGLISH:
        session.data[LANGUAGE_KEY] = language.code


class LanguageMiddleware:
    """Sets the language every string of the request is translated into."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        session: SessionState | None = scope.get("sd_session")
        if scope["type"] != "http" or session is None:
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        view = query.get("view", [""])[0]
        if view in {"easy", "standard"}:
            if view == "easy":
                session.data[EASY_KEY] = True
            else:
                session.data.pop(EASY_KEY, None)
        asked = query.get("lang", [""])[0][:20]
        wanted = asked or session.data.get(LANGUAGE_KEY, "")
        language = ENGLISH_ACTIVE
        if session.data.pop(NOTE_KEY, False):
            scope[_NOTE_SCOPE] = True
        if wanted and wanted != ENGLISH.code:
            language = await self._resolve(scope, session, wanted, remember=bool(asked))
        elif asked:
            session.data.pop(LANGUAGE_KEY, None)
        with speaking(language):
            await self.app(scope, receive, send)

    async def _resolve(
        self, scope: Scope, session: SessionState, wanted: str, *, remember: bool
    ) -> Active:
        known = await _states(scope)
        language = by_code(wanted)
        if language is None or not runtime.usable(language, known):
            session.data.pop(LANGUAGE_KEY, None)
            scope[_NOTE_SCOPE] = True
            return ENGLISH_ACTIVE
        if remember:
            session.data[LANGUAGE_KEY] = language.code
        if runtime.ready(language, known):
            return runtime.activate(language, known)
        return await anyio.to_thread.run_sync(runtime.activate, language, known)


async def _states(scope: Scope) -> dict[str, runtime.State]:
    if _STATES_SCOPE not in scope:
        if runtime.needs_reading():
            scope[_STATES_SCOPE] = await anyio.to_thread.run_sync(runtime.states)
        else:
            scope[_STATES_SCOPE] = runtime.states()
    known: dict[str, runtime.State] = scope[_STATES_SCOPE]
    return known


def page_context(request: Request, *, young_page: bool) -> dict[str, Any]:
    """What base.html needs: the page's language and direction, the choices, the note."""
    if not young_page:
        return {"page_language": ENGLISH, "language_choices": [], "easy_read": False}
    scope = request.scope
    if _STATES_SCOPE not in scope:
        scope[_STATES_SCOPE] = runtime.states()
    session: SessionState | None = scope.get("sd_session")
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in {"lang", "view"}]
    return {
        "page_language": current_language(),
        "language_choices": runtime.offered(scope[_STATES_SCOPE]),
        "language_next": request.url.path + (f"?{urlencode(kept)}" if kept else ""),
        "language_note": bool(scope.get(_NOTE_SCOPE)),
        "easy_read": bool(session and session.data.get(EASY_KEY)),
    }


def current_language() -> Language:
    return by_code(active().code) or ENGLISH
