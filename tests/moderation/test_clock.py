"""The response-time clock counts working days: no Saturdays, Sundays or closure days."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.config import Settings
from app.moderation.clock import (
    add_working_days,
    clock_for,
    is_working_day,
    sent_before_for_wait,
    working_days_between,
)

MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, 23) + timedelta(days=n) for n in range(7))
NEXT_MON = date(2026, 11, 30)
CHRISTMAS, BOXING_DAY_OBSERVED = date(2026, 12, 25), date(2026, 12, 28)


def naive_count(start: date, end: date, holidays: frozenset[date]) -> int:
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        days += is_working_day(day, holidays)
    return days


def test_weekends_do_not_count() -> None:
    assert working_days_between(MON, MON) == 0
    assert working_days_between(MON, TUE) == 1
    assert working_days_between(FRI, SAT) == 0
    assert working_days_between(FRI, SUN) == 0
    assert working_days_between(FRI, NEXT_MON) == 1
    assert working_days_between(SAT, NEXT_MON) == 1
    assert working_days_between(MON, NEXT_MON) == 5
    assert working_days_between(TUE, MON) == 0  # never negative


def test_closure_days_do_not_count_and_weekend_ones_change_nothing() -> None:
    holidays = frozenset({CHRISTMAS, BOXING_DAY_OBSERVED, date(2026, 12, 26)})  # 26th: a Saturday
    assert working_days_between(date(2026, 12, 24), date(2026, 12, 29), holidays) == 1
    assert add_working_days(date(2026, 12, 24), 1, holidays) == date(2026, 12, 29)


def test_adding_working_days() -> None:
    assert add_working_days(MON, 5) == NEXT_MON
    assert add_working_days(FRI, 1) == NEXT_MON
    assert add_working_days(SAT, 1) == NEXT_MON
    assert add_working_days(WED, 0) == WED


DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31))
HOLIDAYS = st.frozensets(DAYS, max_size=6)


@given(start=DAYS, end=DAYS, holidays=HOLIDAYS)
def test_the_fast_count_matches_counting_one_day_at_a_time(
    start: date, end: date, holidays: frozenset[date]
) -> None:
    assert working_days_between(start, end, holidays) == naive_count(start, end, holidays)


@given(sent=DAYS, today=DAYS, days=st.integers(0, 12), holidays=HOLIDAYS)
def test_the_waiting_filter_cut_off_agrees_with_the_count(
    sent: date, today: date, days: int, holidays: frozenset[date]
) -> None:
    cut_off = sent_before_for_wait(today, days, holidays)
    sent_at = datetime(sent.year, sent.month, sent.day, 23, 59, tzinfo=UTC)
    assert (sent_at < cut_off) == (working_days_between(sent, today, holidays) > days)


def test_the_clock_against_a_promise_of_five_working_days() -> None:
    sent = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday
    on_time = clock_for(sent, datetime(2026, 11, 27, 17, 0, tzinfo=UTC), promise=5)
    assert (on_time.waited, on_time.overdue, on_time.due_today) == (4, False, False)
    assert on_time.due == NEXT_MON and on_time.days_left == 1
    due = clock_for(sent, datetime(2026, 11, 30, 8, 0, tzinfo=UTC), promise=5)
    assert (due.waited, due.overdue, due.due_today) == (5, False, True)
    late = clock_for(sent, datetime(2026, 12, 1, 8, 0, tzinfo=UTC), promise=5)
    assert (late.waited, late.overdue) == (6, True)
    weekend = clock_for(sent, datetime(2026, 11, 29, 8, 0, tzinfo=UTC), promise=5)
    assert weekend.waited == 4


def test_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NON_WORKING_DATES", "2026-12-25, 2026-12-28,")
    monkeypatch.setenv("RESPONSE_PROMISE_WORKING_DAYS", "3")
    settings = Settings()
    assert settings.non_working_dates == frozenset({CHRISTMAS, BOXING_DAY_OBSERVED})
    assert settings.response_promise_working_days == 3
    monkeypatch.delenv("NON_WORKING_DATES")
    monkeypatch.delenv("RESPONSE_PROMISE_WORKING_DAYS")
    assert Settings().non_working_dates == frozenset()
    assert Settings().response_promise_working_days == 5
    monkeypatch.setenv("NON_WORKING_DATES", "25/12/2026")
    with pytest.raises(ValueError, match="non_working_dates"):
        Settings()
