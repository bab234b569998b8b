"""Promises for tests: made straight in the database, with measures and readings."""

from datetime import date

from sqlmodel import Session

from app.people.models import Role, User
from app.promises.models import Measure, MeasureReading, Promise, PromiseStatus
from tests.support.factories import make_user


def make_promise(
    db: Session,
    officer: User,
    *,
    we_will: str = "Give every care leaver a free bus pass",
    readings: tuple[tuple[date, float], ...] = (),
) -> tuple[Promise, Measure]:
    promise = Promise(
        you_said="Buses cost too much",
        we_will=we_will,
        how_we_will_know="We count care leavers with a pass",
        status=PromiseStatus.ON_TRACK,
        created_by_id=officer.id or 0,
    )
    db.add(promise)
    db.flush()
    measure = Measure(
        promise_id=promise.id or 0,
        what="Care leavers with a pass",
        unit="%",
        baseline=20,
        target=90,
    )
    db.add(measure)
    db.flush()
    db.add_all(
        MeasureReading(
            measure_id=measure.id or 0, value=value, taken_on=on, recorded_by_id=officer.id or 0
        )
        for on, value in readings
    )
    db.commit()
    return promise, measure


def policy_matrix_ids(db: Session, officer_id: int) -> dict[str, str]:
    officer = db.get(User, officer_id) or make_user(db, Role.PARTICIPATION_OFFICER)
    promise, _ = make_promise(db, officer)
    return {"{promise_id}": str(promise.id)}
