from datetime import date

import pytest

from app.councillors.halfterm import half_term_of
from app.smallnumbers import count_text


@pytest.mark.parametrize(
    ("day", "name", "start", "end"),
    [
        (date(2026, 9, 1), "Autumn 1", date(2026, 9, 1), date(2026, 10, 31)),
        (date(2026, 12, 31), "Autumn 2", date(2026, 11, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), "Spring 1", date(2027, 1, 1), date(2027, 2, 14)),
        (date(2027, 2, 15), "Spring 2", date(2027, 2, 15), date(2027, 4, 14)),
        (date(2027, 5, 31), "Summer 1", date(2027, 4, 15), date(2027, 5, 31)),
        (date(2027, 8, 31), "Summer 2", date(2027, 6, 1), date(2027, 8, 31)),
    ],
)
def test_every_day_falls_in_one_half_term(day: date, name: str, start: date, end: date) -> None:
    term = half_term_of(day)
    assert (term.name, term.start, term.end) == (name, start, end)
    assert day in term


def test_the_previous_half_term_crosses_the_new_year() -> None:
    assert half_term_of(date(2027, 1, 10)).previous.name == "Autumn 2"
    assert half_term_of(date(2026, 9, 10)).previous.start == date(2026, 6, 1)


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "none"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5")]
)
def test_small_numbers_are_never_shown(count: int, shown: str) -> None:
    assert count_text(count) == shown
