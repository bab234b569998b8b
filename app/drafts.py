"""Words kept server-side across sign-in, timeouts and errors, keyed by the form's page."""

from typing import Any

from starlette.requests import Request

from app.auth.sessions import SessionState
from app.forms import SECRET_FIELDS

MAX_DRAFTS = 5


def typed_values(request: Request) -> dict[str, str]:
    """What the user sent with this request (read once by the CSRF check), secrets removed."""
    values: dict[str, str] = request.scope.get("sd_form_values", {})
    return {key: value for key, value in values.items() if key not in SECRET_FIELDS}


def keep_draft(session: SessionState, page: str, values: dict[str, str]) -> None:
    """Kept for whoever typed it: the signed-in person, or the one whose sign-in just ran out."""
    drafts: dict[str, Any] = session.data.setdefault("drafts", {})
    drafts[page] = {"owner": session.user_id or session.expired_user_id, "values": values}
    while len(drafts) > MAX_DRAFTS:
        drafts.pop(next(iter(drafts)))


def take_draft(session: SessionState, page: str) -> dict[str, str] | None:
    """The words typed on `page`, but only to the person who typed them."""
    drafts: dict[str, Any] = session.data.get("drafts", {})
    draft = drafts.pop(page, None)
    if not drafts:
        session.data.pop("drafts", None)
    if draft is None or draft.get("owner") != session.user_id:
        return None
    values: dict[str, str] = draft["values"]
    return values
