"""The response-time clock: working days since a young person sent something.

Working days skip Saturdays, Sundays and the council's extra non-working dates. Days are
counted after the day it was sent, up to and including today: sent on Monday, it has waited
0 working days on Monday and 1 on Tuesday. With a promise of 5, it is due on the fifth working
day and overdue from the sixth. Dates are UTC dates.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

ONE_DAY = timedelta(days=1)


def is_working_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def _weekdays_before(day: date) -> int:
    """Monday-to-Friday days before `day`, counting from 1 January of year 1 (a Monday)."""
    weeks, rest = divmod(day.toordinal() - 1, 7)
    return weeks * 5 + min(rest, 5)


def working_days_between(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """Working days after `start`, up to and including `end`; 0 when `end` is not later."""
    if end <= start:
        return 0
    weekdays = _weekdays_before(end + ONE_DAY) - _weekdays_before(start + ONE_DAY)
    closed = sum(1 for day in holidays if start < day <= end and day.weekday() < 5)
    return weekdays - closed


def add_working_days(start: date, days: int, holidays: Collection[date] = ()) -> date:
    """The day `days` working days after `start`."""
    day = start
    remaining = days
    while remaining > 0:
        day += ONE_DAY
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def sent_before_for_wait(today: date, days: int, holidays: Collection[date] = ()) -> datetime:
    """The cut-off for "waiting more than `days` working days": items sent before it qualify.

    Waiting only grows as the sent date goes back, so step back from today to the latest day
    whose wait is over `days`; everything sent on that day or earlier qualifies.
    """
    day = today
    while working_days_between(day, today, holidays) <= days:
        day -= ONE_DAY
    return datetime.combine(day + ONE_DAY, time.min, tzinfo=UTC)


@dataclass(frozen=True)
class Clock:
    waited: int  # working days so far
    due: date
    promise: int

    @property
    def overdue(self) -> bool:
        return self.waited > self.promise

    @property
    def due_today(self) -> bool:
        return self.waited == self.promise

    @property
    def days_left(self) -> int:
        return max(0, self.promise - self.waited)


def clock_for(
    sent_at: datetime, now: datetime, *, promise: int, holidays: Collection[date] = ()
) -> Clock:
    sent = _utc_date(sent_at)
    return Clock(
        waited=working_days_between(sent, _utc_date(now), holidays),
        due=add_working_days(sent, promise, holidays),
        promise=promise,
    )


def _utc_date(moment: datetime) -> date:
    if moment.tzinfo is None:  # SQLite hands back naive datetimes; they are UTC
        return moment.date()
    return moment.astimezone(UTC).date()
