"""Reading the event forms: only known fields, cleaned, and everything typed kept."""

from dataclasses import dataclass, field
from datetime import date, datetime

from starlette.datastructures import FormData

from app.events.models import UNKNOWN_AGE, EventType
from app.forms import clean_text, form_values, ticked_numbers, whole_number
from app.i18n import gettext as _
from app.i18n import lazy_gettext
from app.timeutil import from_form_moment
from app.voice.models import MAX_BODY_CHARS, AgeBand

MAX_NAME = 120
MAX_PLACE = 200
MAX_ATTENDANCE = 10_000
ROWS_STEP = 10  # rows shown at first, and added by "add 10 more rows"
MAX_ROWS = 100

KIND_LABELS = {  # translated when rendered
    EventType.HALF_TERMLY: lazy_gettext("Half-termly themed event"),
    EventType.CICC_MEETING: lazy_gettext("Children in Care Council meeting"),
    EventType.MAKE_A_NOISE: lazy_gettext("Make a Noise day"),
    EventType.TAKEOVER: lazy_gettext("Takeover day"),
    EventType.PAPER_SURVEY: lazy_gettext("Survey on paper"),
}
BANDS = [*(band.value for band in AgeBand), UNKNOWN_AGE]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class EventRequest:
    values: dict[str, str]
    theme_ids: list[int]
    champion_ids: list[int]
    errors: dict[str, str] = field(default_factory=dict)
    kind: EventType | None = None
    held_on: date | None = None
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    @property
    def name(self) -> str:
        return self.values.get("name", "").strip()

    @property
    def place(self) -> str:
        return self.values.get("place", "").strip()

    def shown(self) -> dict[str, object]:
        return {
            **self.values,
            "themes": [str(t) for t in self.theme_ids],
            "champions": [str(c) for c in self.champion_ids],
        }


def read_event(form: FormData) -> EventRequest:
    values = form_values(form)
    request = EventRequest(
        values=values,
        theme_ids=ticked_numbers(form, "themes"),
        champion_ids=ticked_numbers(form, "champions"),
    )
    errors = request.errors
    if not request.name:
        errors["name"] = _("Enter the event's name.")
    elif len(request.name) > MAX_NAME:
        errors["name"] = _("Keep the name to %(limit)s characters or fewer.") % {"limit": MAX_NAME}
    request.kind = next((k for k in EventType if k.value == values.get("kind")), None)
    if request.kind is None:
        errors["kind"] = _("Choose what kind of event it is.")
    request.held_on = _date(values.get("held_on", ""))
    if request.held_on is None:
        errors["held_on"] = _("Enter the date of the event, like 2026-11-23.")
    if len(request.place) > MAX_PLACE:
        errors["place"] = _("Keep the place to %(limit)s characters or fewer.") % {
            "limit": MAX_PLACE
        }
    request.opens_at = from_form_moment(values.get("opens_at", ""))
    request.closes_at = from_form_moment(values.get("closes_at", ""))
    if request.opens_at is None:
        errors["opens_at"] = _("Enter when the QR form opens, like 2026-11-23T09:00.")
    if request.closes_at is None:
        errors["closes_at"] = _("Enter when the QR form closes, like 2026-11-23T17:00.")
    elif request.opens_at is not None and request.closes_at <= request.opens_at:
        errors["closes_at"] = _("The QR form must close after it opens.")
    return request


def read_attendance(form: FormData) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """Counts per age band (blank means 0); returns counts, what was typed, and errors."""
    counts: dict[str, int] = {}
    typed: dict[str, str] = {}
    errors: dict[str, str] = {}
    for band in BANDS:
        name = f"count_{band}"
        value = clean_text(form.get(name, "")).strip()
        typed[name] = value
        count = whole_number(value)
        if not value:
            counts[band] = 0
        elif count is not None and count <= MAX_ATTENDANCE:
            counts[band] = count
        else:
            errors[name] = _("Enter a whole number, like 12, or leave it blank.")
    return counts, typed, errors


@dataclass
class CaptureRow:
    """One card or post-it typed in by an officer."""

    number: int  # 1, 2, 3... as shown on the form
    key: str
    text: str = ""
    age: str = ""
    share: bool = False
    error: str = ""

    @property
    def blank(self) -> bool:
        return not self.text.strip() and not self.age and not self.share

    @property
    def age_band(self) -> AgeBand | None:
        return next((band for band in AgeBand if band.value == self.age), None)


def read_capture(form: FormData) -> tuple[list[CaptureRow], str]:
    """Every row the officer filled in, checked; the action is "save" or "more"."""
    count = clean_text(form.get("rows", "")).strip()
    rows_asked = whole_number(count, digits=3)
    total = min(rows_asked, MAX_ROWS) if rows_asked is not None else ROWS_STEP
    rows = []
    for number in range(1, total + 1):
        row = CaptureRow(
            number=number,
            key=clean_text(form.get(f"key_{number}", "")).strip()[:64],
            text=clean_text(form.get(f"text_{number}", "")),
            age=clean_text(form.get(f"age_{number}", "")).strip()[:8],
            share=form.get(f"share_{number}") == "yes",
        )
        if row.age and row.age_band is None:
            row.age = ""
        if row.blank:
            row.text = ""
        elif not row.text.strip():
            row.error = _("There are no words. Type what they said, or clear the row.")
        elif len(row.text) > MAX_BODY_CHARS:
            row.error = _(
                "It is %(count)s characters. Shorten it to %(limit)s, or split it into two cards."
            ) % {"count": f"{len(row.text):,}", "limit": f"{MAX_BODY_CHARS:,}"}
        elif not 16 <= len(row.key) <= 64:
            row.error = _("It could not be read. Press Save again.")
        rows.append(row)
    action = "more" if form.get("action") == "more" else "save"
    return rows, action
