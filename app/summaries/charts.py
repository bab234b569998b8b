"""Bar charts drawn on the server as SVG: the geometry is worked out here and the template only
draws it (as app/promises does for its line charts). No JavaScript, no chart library; every
chart has a text alternative and a table with the same numbers beside it.

A count hidden by the small-number rule has no bar at all: its length would tell the number.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.summaries.report import Row

WIDTH = 480
LABEL_HEIGHT = 18
BAR_HEIGHT = 14
GAP = 10
VALUE_SPACE = 96  # room after the longest bar for its value ("fewer than 5")


@dataclass(frozen=True)
class Bar:
    label: str
    label_y: float
    now_y: float
    now_width: float
    now_text: str
    before_y: float
    before_width: float
    before_text: str


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int


def bar_chart(rows: Sequence[Row], label: Callable[[str], str]) -> BarChart:
    """Two bars a row, this period above the one before, on one scale."""
    biggest = max((count.shown or 0 for row in rows for count in (row.now, row.before)), default=0)
    scale = (WIDTH - VALUE_SPACE) / biggest if biggest else 0.0
    step = LABEL_HEIGHT + 2 * BAR_HEIGHT + GAP
    bars = [
        Bar(
            label=label(row.key),
            label_y=index * step + LABEL_HEIGHT - 5,
            now_y=index * step + LABEL_HEIGHT,
            now_width=(row.now.shown or 0) * scale,
            now_text=row.now.text,
            before_y=index * step + LABEL_HEIGHT + BAR_HEIGHT,
            before_width=(row.before.shown or 0) * scale,
            before_text=row.before.text,
        )
        for index, row in enumerate(rows)
    ]
    return BarChart(bars=bars, width=WIDTH, height=max(step * len(rows), 1))
