"""Reading what to summarise from a query string (or the freeze form): a meeting, or a first
and last day; themes; chosen quotes. Bad input gets a message per field and is kept."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from sqlmodel import Session
from starlette.datastructures import ImmutableMultiDict

from app.forms import Refused, clean_text, whole_number
from app.i18n import gettext as _
from app.meetings.models import Meeting
from app.summaries import repository
from app.summaries.service import Scope, meeting_scope, range_scope

MAX_CHOICES = 100


@dataclass
class Pulled:
    values: dict[str, Any]  # what was asked, to put back in the form
    errors: dict[str, str] = field(default_factory=dict)
    scope: Scope | None = None

    def error_list(self) -> list[dict[str, str]]:
        return [{"text": message, "href": f"#{name}"} for name, message in self.errors.items()]


def _numbers(params: ImmutableMultiDict[str, Any], name: str) -> list[int]:
    found = (whole_number(clean_text(value)) for value in params.getlist(name)[:MAX_CHOICES])
    return list(dict.fromkeys(value for value in found if value is not None))


def _day(text: str, missing: str, wrong: str) -> date:
    if not text:
        raise ValueError(missing)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(wrong) from None


def read_scope(db: Session, params: ImmutableMultiDict[str, Any]) -> Pulled:
    """A meeting wins over dates; with no meeting, both days are needed."""
    text = {name: clean_text(params.get(name, "")).strip() for name in ("meeting", "start", "end")}
    known_themes = repository.theme_names(db)
    theme_ids = tuple(t for t in _numbers(params, "themes") if t in known_themes)
    quote_ids = tuple(_numbers(params, "quotes")) if "chosen" in params else None
    pulled = Pulled(values={**text, "themes": [str(t) for t in theme_ids]})
    if text["meeting"]:
        number = whole_number(text["meeting"])
        meeting = db.get(Meeting, number) if number is not None else None
        if meeting is None:
            pulled.errors["meeting"] = _("Choose a meeting from the list.")
            return pulled
        pulled.scope = meeting_scope(db, meeting=meeting, theme_ids=theme_ids, quote_ids=quote_ids)
        return pulled
    days: dict[str, date] = {}
    for name, missing, wrong in (
        (
            "start",
            _("Choose a meeting, or enter the first day."),
            _("Enter the first day as a date, like 2027-03-01."),
        ),
        (
            "end",
            _("Enter the last day."),
            _("Enter the last day as a date, like 2027-04-30."),
        ),
    ):
        try:
            days[name] = _day(text[name], missing, wrong)
        except ValueError as error:
            pulled.errors[name] = str(error)
    if pulled.errors:
        return pulled
    try:
        pulled.scope = range_scope(
            start=days["start"], end=days["end"], theme_ids=theme_ids, quote_ids=quote_ids
        )
    except Refused as refused:
        pulled.errors[refused.field] = refused.message
    return pulled


def query_of(scope: Scope, *, quotes: list[int] | None = None) -> str:
    """The query string that asks for this scope again (for the other version, PDFs, CSV)."""
    pairs: list[tuple[str, str]] = []
    if scope.meeting is not None:
        pairs.append(("meeting", str(scope.meeting.id)))
    else:
        pairs += [("start", scope.start.isoformat()), ("end", scope.end.isoformat())]
    pairs += [("themes", str(theme_id)) for theme_id in scope.theme_ids]
    if quotes is not None:
        pairs.append(("chosen", "1"))
        pairs += [("quotes", str(item_id)) for item_id in quotes]
    return urlencode(pairs)
