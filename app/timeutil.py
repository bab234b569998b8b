"""Time in one place: stored and compared as timezone-aware UTC (so tests can travel through
it), typed and shown on the council's clock (UK time, which moves with summer time)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time

from app.i18n import active

COUNCIL_TIME = ZoneInfo("Europe/London")
FORM_MOMENT = "%Y-%m-%dT%H:%M"  # an HTML datetime-local value


def utcnow() -> datetime:
    return datetime.now(UTC)


def on_council_clock(moment: datetime) -> str:
    """For pages: "Monday 1 March 2027, 17:30" as the council's clock shows it; in another
    language, as that language writes a full date and a time."""
    locale = active().locale
    if locale == "en":
        return str(
            format_datetime(moment, "EEEE d MMMM y, HH:mm", tzinfo=COUNCIL_TIME, locale="en")
        )
    local = moment.astimezone(COUNCIL_TIME)
    day = format_date(local.date(), "full", locale=locale)
    return f"{day} {format_time(local.time(), 'short', locale=locale)}"


def long_date(moment: date | datetime) -> str:
    """For pages: "1 March 2027" (a moment on the council's clock); in another language, as
    that language writes a date."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(COUNCIL_TIME).date() if moment.tzinfo else moment.date()
    locale = active().locale
    return str(format_date(moment, "d MMMM y" if locale == "en" else "long", locale=locale))


def council_datetime(day: str, at: str) -> datetime:
    """A date and a time typed on the council's clock, as an aware datetime."""
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(at), COUNCIL_TIME)


def from_form_moment(value: str) -> datetime | None:
    """A datetime-local value ("2026-11-23T16:00") typed on the council's clock, in UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=COUNCIL_TIME)
    return moment.astimezone(UTC)


def to_form_moment(moment: datetime) -> str:
    """The other way: what a datetime-local field shows for a stored moment."""
    return moment.astimezone(COUNCIL_TIME).strftime(FORM_MOMENT)


def quiet_hours_end(moment: datetime, start: time, end: time) -> datetime | None:
    """When `moment` is inside quiet hours (`start` to `end` on the council's clock, across
    midnight when `start` is later than `end`), the moment they end, in UTC; otherwise None.

    Read on the council's clock, so 21:00 to 08:00 stays 21:00 to 08:00 in summer time too.
    Equal times mean no quiet hours."""
    if start == end:
        return None
    local = moment.astimezone(COUNCIL_TIME)
    clock = local.time()
    if start < end:
        inside, ends_on = start <= clock < end, local.date()
    else:
        inside = clock >= start or clock < end
        ends_on = local.date() + timedelta(days=1) if clock >= start else local.date()
    if not inside:
        return None
    return datetime.combine(ends_on, end, COUNCIL_TIME).astimezone(UTC)


def clock_words(at: time) -> str:
    """A time of day as young people say it: "9pm", "8am", "7:30am" (in English; other
    languages as their own clocks write it)."""
    if active().locale != "en":
        return str(format_time(at, "short", locale=active().locale))
    hour = at.hour % 12 or 12
    minutes = f":{at.minute:02d}" if at.minute else ""
    return f"{hour}{minutes}{'am' if at.hour < 12 else 'pm'}"
