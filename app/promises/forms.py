"""Reading the promise forms: only known fields, cleaned, and everything typed kept."""

import math
from datetime import date

from pydantic import field_validator

from app.forms import StrictForm, text_within, whole_number
from app.i18n import gettext as _
from app.promises.models import PromiseStatus

MAX_PROMISE_TEXT = 1000
MAX_WHAT = 200
MAX_UNIT = 40
MAX_NOTE = 300


def _number(value: str, message: str) -> str:
    """Numbers as people type them ("1,200", "45.5"); the text is kept for the form."""
    try:
        parsed = float(value.replace(",", ""))
    except ValueError:
        raise ValueError(message) from None
    if not math.isfinite(parsed) or abs(parsed) >= 1e12:
        raise ValueError(message)
    return value


def as_number(value: str) -> float:
    return float(value.replace(",", ""))


class PromiseForm(StrictForm):
    you_said: str = ""
    we_will: str = ""
    how_we_will_know: str = ""
    status: str = PromiseStatus.NOT_STARTED.value

    @field_validator("you_said", "how_we_will_know")
    @classmethod
    def _optional_text(cls, value: str) -> str:
        return text_within(value, MAX_PROMISE_TEXT)

    @field_validator("we_will")
    @classmethod
    def _we_will(cls, value: str) -> str:
        if not value:
            raise ValueError(_("Enter what we will do."))
        return text_within(value, MAX_PROMISE_TEXT)

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in {status.value for status in PromiseStatus}:
            raise ValueError(_("Choose a status."))
        return value


class MeasureForm(StrictForm):
    what: str = ""
    unit: str = ""
    baseline: str = ""
    target: str = ""

    @field_validator("what")
    @classmethod
    def _what(cls, value: str) -> str:
        if not value:
            raise ValueError(_("Enter what is counted."))
        return text_within(value, MAX_WHAT)

    @field_validator("unit")
    @classmethod
    def _unit(cls, value: str) -> str:
        return text_within(value, MAX_UNIT)

    @field_validator("baseline")
    @classmethod
    def _baseline(cls, value: str) -> str:
        return _number(value, _("Enter the baseline as a number, like 45 or 12.5."))

    @field_validator("target")
    @classmethod
    def _target(cls, value: str) -> str:
        return _number(value, _("Enter the target as a number, like 80 or 12.5."))


class ReadingForm(StrictForm):
    measure: str = ""
    value: str = ""
    taken_on: str = ""
    note: str = ""

    @field_validator("measure")
    @classmethod
    def _measure(cls, value: str) -> str:
        if whole_number(value) is None:
            raise ValueError(_("Choose the measure."))
        return value

    @field_validator("value")
    @classmethod
    def _value(cls, value: str) -> str:
        return _number(value, _("Enter the reading as a number, like 52 or 12.5."))

    @field_validator("taken_on")
    @classmethod
    def _taken_on(cls, value: str) -> str:
        if not value:
            raise ValueError(_("Enter the date of the reading."))
        try:
            taken_on = date.fromisoformat(value)
        except ValueError:
            raise ValueError(_("Enter the date as a real date, like 2026-11-23.")) from None
        if taken_on > date.today():
            raise ValueError(_("The date of a reading cannot be in the future."))
        return value

    @field_validator("note")
    @classmethod
    def _note(cls, value: str) -> str:
        return text_within(value, MAX_NOTE)
