"""Half-terms, approximated as six fixed windows per academic year (the README says so).

English schools set their own dates; councillors need "this half-term against the last", not
the exact calendar, so every date falls in exactly one of these windows:

    Autumn 1: 1 Sep to 31 Oct     Autumn 2: 1 Nov to 31 Dec
    Spring 1: 1 Jan to 14 Feb     Spring 2: 15 Feb to 14 Apr
    Summer 1: 15 Apr to 31 May    Summer 2: 1 Jun to 31 Aug (the summer holiday included)
"""

from dataclasses import dataclass
from datetime import date, timedelta

from app.i18n import lazy_gettext

# (first month, first day, name) in calendar order; each window ends the day before the next.
_STARTS = (
    (1, 1, lazy_gettext("Spring 1")),
    (2, 15, lazy_gettext("Spring 2")),
    (4, 15, lazy_gettext("Summer 1")),
    (6, 1, lazy_gettext("Summer 2")),
    (9, 1, lazy_gettext("Autumn 1")),
    (11, 1, lazy_gettext("Autumn 2")),
)


@dataclass(frozen=True)
class HalfTerm:
    name: str  # translated when rendered
    start: date
    end: date  # the last day, inclusive

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def previous(self) -> "HalfTerm":
        return half_term_of(self.start - timedelta(days=1))


def half_term_of(day: date) -> HalfTerm:
    starts = [date(day.year, month, first) for month, first, _name in _STARTS]
    index = max(i for i, start in enumerate(starts) if start <= day)
    end = (
        starts[index + 1] - timedelta(days=1) if index + 1 < len(starts) else date(day.year, 12, 31)
    )
    return HalfTerm(name=_STARTS[index][2], start=starts[index], end=end)
