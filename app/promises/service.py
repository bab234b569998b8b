"""Making and keeping promises: the rules, and the numbers the pages draw. Services flush; the
request commits."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from app.actions.models import BoardAction
from app.forms import Refused
from app.i18n import gettext as _
from app.people.models import User
from app.promises import repository
from app.promises.forms import MeasureForm, PromiseForm, ReadingForm, as_number
from app.promises.models import (
    Measure,
    MeasureReading,
    Promise,
    PromiseAction,
    PromiseStatus,
    PromiseTheme,
)
from app.themes.models import Theme
from app.timeutil import utcnow

# The chart's drawing area, in SVG user units; the template scales it to the screen width.
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 320, 160, 24


def _known(ids: Sequence[int], choices: Sequence[Theme] | Sequence[BoardAction]) -> list[int]:
    """Only ids that exist: a forged id is dropped, never stored."""
    real = {choice.id for choice in choices}
    return [number for number in ids if number in real]


def make_promise(
    db: Session,
    *,
    form: PromiseForm,
    theme_ids: Sequence[int],
    action_ids: Sequence[int],
    actor: User,
) -> Promise:
    promise = Promise(
        you_said=form.you_said,
        we_will=form.we_will,
        how_we_will_know=form.how_we_will_know,
        status=PromiseStatus(form.status),
        created_by_id=actor.id or 0,
    )
    db.add(promise)
    db.flush()
    _link(db, promise, theme_ids, action_ids)
    return promise


def change_promise(
    db: Session,
    *,
    promise: Promise,
    form: PromiseForm,
    theme_ids: Sequence[int],
    action_ids: Sequence[int],
) -> None:
    promise.you_said = form.you_said
    promise.we_will = form.we_will
    promise.how_we_will_know = form.how_we_will_know
    promise.status = PromiseStatus(form.status)
    promise.updated_at = utcnow()
    db.add(promise)
    for link in [
        *repository.theme_links(db, promise.id or 0),
        *repository.action_links(db, promise.id or 0),
    ]:
        db.delete(link)
    db.flush()
    _link(db, promise, theme_ids, action_ids)


def _link(
    db: Session, promise: Promise, theme_ids: Sequence[int], action_ids: Sequence[int]
) -> None:
    promise_id = promise.id or 0
    themes = _known(theme_ids, repository.all_themes(db))
    actions = _known(action_ids, repository.all_actions(db))
    db.add_all(PromiseTheme(promise_id=promise_id, theme_id=theme) for theme in themes)
    db.add_all(PromiseAction(promise_id=promise_id, action_id=action) for action in actions)
    db.flush()


def add_measure(db: Session, *, promise: Promise, form: MeasureForm) -> Measure:
    measure = Measure(
        promise_id=promise.id or 0,
        what=form.what,
        unit=form.unit,
        baseline=as_number(form.baseline),
        target=as_number(form.target),
    )
    db.add(measure)
    db.flush()
    return measure


def record_reading(
    db: Session, *, promise: Promise, form: ReadingForm, actor: User
) -> MeasureReading:
    """A dated value for one of this promise's measures."""
    measure = db.get(Measure, int(form.measure))
    if measure is None or measure.promise_id != promise.id:
        raise Refused(_("Choose the measure."), "measure")
    reading = MeasureReading(
        measure_id=measure.id or 0,
        value=as_number(form.value),
        taken_on=date.fromisoformat(form.taken_on),
        note=form.note,
        recorded_by_id=actor.id or 0,
    )
    db.add(reading)
    db.flush()
    return reading


# What the pages show ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    reading: MeasureReading


@dataclass(frozen=True)
class Chart:
    """A measure's readings over time, as SVG coordinates worked out here, not in the template."""

    points: list[Point]
    baseline_y: float
    target_y: float
    low: float
    high: float

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


@dataclass(frozen=True)
class MeasureView:
    measure: Measure
    readings: list[MeasureReading]
    chart: Chart

    @property
    def latest(self) -> MeasureReading | None:
        return self.readings[-1] if self.readings else None


@dataclass(frozen=True)
class PromiseView:
    promise: Promise
    themes: list[Theme]
    actions: list[BoardAction]
    measures: list[MeasureView]


def chart(measure: Measure, readings: Sequence[MeasureReading]) -> Chart:
    """Dates run left to right; values (with the baseline and target) bottom to top."""
    values = [measure.baseline, measure.target, *(reading.value for reading in readings)]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    inner_w, inner_h = CHART_WIDTH - 2 * CHART_PAD, CHART_HEIGHT - 2 * CHART_PAD

    def y_of(value: float) -> float:
        return CHART_PAD + inner_h * (1 - (value - low) / span)

    days = [reading.taken_on.toordinal() for reading in readings]
    first, last = (min(days), max(days)) if days else (0, 0)
    points = [
        Point(
            x=CHART_PAD
            + (inner_w * (day - first) / (last - first) if last > first else inner_w / 2),
            y=y_of(reading.value),
            reading=reading,
        )
        for day, reading in zip(days, readings, strict=True)
    ]
    return Chart(
        points=points,
        baseline_y=y_of(measure.baseline),
        target_y=y_of(measure.target),
        low=low,
        high=high,
    )


def promise_views(db: Session, chosen: Sequence[Promise]) -> list[PromiseView]:
    """Promises with their themes, actions and measures: five queries however many."""
    ids = [promise.id or 0 for promise in chosen]
    measures = repository.measures_of(db, ids)
    readings = repository.readings_of(db, [m.id or 0 for found in measures.values() for m in found])
    themes, actions = repository.themes_of(db, ids), repository.actions_of(db, ids)
    views = []
    for promise in chosen:
        key = promise.id or 0
        measure_views = [
            MeasureView(
                measure=measure,
                readings=readings.get(measure.id or 0, []),
                chart=chart(measure, readings.get(measure.id or 0, [])),
            )
            for measure in measures.get(key, [])
        ]
        views.append(
            PromiseView(
                promise=promise,
                themes=themes.get(key, []),
                actions=actions.get(key, []),
                measures=measure_views,
            )
        )
    return views
