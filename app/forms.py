"""Form handling with Pydantic: validate, and on failure keep every value the user typed."""

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.datastructures import FormData

from app.i18n import gettext as _
from app.security import CSRF_FIELD

FormModel = TypeVar("FormModel", bound=BaseModel)


class StrictForm(BaseModel):
    """Base for every form: unknown fields are ignored, never assigned (no mass assignment)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, validate_default=True)


KEPT_CONTROLS = frozenset("\n\t")


def clean_text(value: Any) -> str:
    """Unicode NFC once, newlines folded, invisible control characters (NUL...) dropped.

    Otherwise the text is kept exactly as typed; PostgreSQL cannot store NUL at all.
    """
    text = value if isinstance(value, str) else ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        ch for ch in text if ch in KEPT_CONTROLS or unicodedata.category(ch) not in {"Cc", "Cs"}
    )
    return unicodedata.normalize("NFC", text)


def whole_number(value: str, *, digits: int = 9) -> int | None:
    """A whole number typed in ASCII digits (at most `digits` of them), else None.

    `str.isdigit()` alone accepts "²" and other digits that `int()` refuses, and a very long
    number is refused by `int()` too: both would otherwise be a server error.
    """
    if value.isascii() and value.isdigit() and len(value) <= digits:
        return int(value)
    return None


def ticked_numbers(form: FormData, name: str, *, limit: int = 500) -> list[int]:
    """Ticked checkboxes holding ids; anything that is not a small whole number is ignored."""
    chosen = (whole_number(clean_text(value)) for value in form.getlist(name)[:limit])
    return sorted({value for value in chosen if value is not None})


class Refused(ValueError):
    """An expected, friendly refusal from a service; `field` is the form field it belongs to,
    so the page can show the message beside what was typed."""

    def __init__(self, message: str, field: str = "form") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class FormResult(Generic[FormModel]):
    values: dict[str, str]
    data: FormModel | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.errors

    def error_list(self) -> list[dict[str, str]]:
        """For the GOV.UK error summary: each message links to its field."""
        return [{"text": message, "href": f"#{name}"} for name, message in self.errors.items()]


SECRET_FIELDS = frozenset({CSRF_FIELD, "passphrase"})


def form_values(form: FormData) -> dict[str, str]:
    """Everything typed, ready to put back in the form (secrets excluded)."""
    return {
        key: clean_text(value)
        for key, value in form.items()
        if isinstance(value, str) and key not in SECRET_FIELDS
    }


def parse_form(model: type[FormModel], form: FormData) -> FormResult[FormModel]:
    raw = {key: clean_text(value) for key, value in form.items() if isinstance(value, str)}
    result: FormResult[FormModel] = FormResult(values=form_values(form))
    try:
        result.data = model.model_validate(raw)
    except ValidationError as error:
        for problem in error.errors():
            name = str(problem["loc"][0]) if problem["loc"] else "form"
            message = str(problem.get("ctx", {}).get("error", "")) or problem["msg"]
            result.errors.setdefault(name, message.removeprefix("Value error, "))
    return result


def text_within(value: str, limit: int) -> str:
    """A pydantic field check: text no longer than `limit` characters, with a friendly message."""
    if len(value) > limit:
        raise ValueError(_("Keep it to %(limit)s characters or fewer.") % {"limit": limit})
    return value


def required_text(value: str, message: str, limit: int) -> str:
    """As `text_within`, and not empty (`message` says what to write)."""
    if not value:
        raise ValueError(message)
    return text_within(value, limit)
