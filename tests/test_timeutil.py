"""Times are typed and shown on the council's clock (UK time, with summer time) and kept in UTC."""

from datetime import UTC, datetime

from app.timeutil import from_form_moment, on_council_clock, to_form_moment


def test_a_summer_time_typed_in_the_uk_is_an_hour_earlier_in_utc() -> None:
    stored = from_form_moment("2027-07-01T09:00")
    assert stored == datetime(2027, 7, 1, 8, 0, tzinfo=UTC)
    assert stored is not None and to_form_moment(stored) == "2027-07-01T09:00"
    assert on_council_clock(stored) == "Thursday 1 July 2027, 09:00"


def test_in_winter_uk_time_is_utc() -> None:
    assert from_form_moment("2027-01-11T09:00") == datetime(2027, 1, 11, 9, 0, tzinfo=UTC)


def test_what_is_not_a_moment_is_none() -> None:
    assert from_form_moment("next tuesday") is None
