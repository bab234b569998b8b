"""Time in one place: stored and compared as timezone-aware UTC (so tests can travel through
it), typed and shown on the council's clock (UK time, which moves with summer time)."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

COUNCIL_TIME = ZoneInfo("Europe/London")
FORM_MOMENT = "%Y-%m-%dT%H:%M"  # an HTML datetime-local value


def utcnow() -> datetime:
    return datetime.now(UTC)


def on_council_clock(moment: datetime) -> str:
    """For pages: "Monday 1 March 2027, 17:30" as the council's clock shows it."""
    return moment.astimezone(COUNCIL_TIME).strftime("%A %-d %B %Y, %H:%M")


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
