"""Promises: officers make and change them, add measures and readings; the board reads the
measures over time; everyone reads the public page."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.actions.models import BoardAction, OrganisationKind
from app.people.models import Role
from app.promises.models import (
    Measure,
    MeasureReading,
    Promise,
    PromiseAction,
    PromiseStatus,
    PromiseTheme,
)
from app.promises.service import chart
from tests.moderation.helpers import theme_id
from tests.promises.helpers import make_promise
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def officer(client: TestClient, db: Session) -> object:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, user)
    return user


def test_an_officer_adds_a_promise_with_themes_and_actions(client: TestClient, db: Session) -> None:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, user)
    action = BoardAction(
        title="Talk to the bus company",
        owner_id=user.id or 0,
        organisation_kind=OrganisationKind.COUNCIL,
        organisation_name="Transport",
        due_on=date.today(),
        created_by_id=user.id or 0,
    )
    db.add(action)
    db.commit()
    form = page(client.get("/staff/promises/new")).form("/staff/promises/new")
    form.update(you_said="Buses cost too much", we_will="Free bus passes for care leavers")
    form.update(how_we_will_know="We count the passes", status="on_track")
    data = {**form, "themes": [str(theme_id(db, "housing")), "99999"], "actions": [str(action.id)]}
    made = client.post("/staff/promises/new", data=data, follow_redirects=False)
    assert made.status_code == 303
    promise = db.exec(select(Promise)).one()
    assert made.headers["location"] == f"/staff/promises/{promise.id}"
    assert promise.status is PromiseStatus.ON_TRACK
    themes = db.exec(select(PromiseTheme.theme_id)).all()
    assert themes == [theme_id(db, "housing")]  # the forged theme id was dropped
    assert db.exec(select(PromiseAction.action_id)).all() == [action.id]
    board = page(client.get(f"/staff/promises/{promise.id}"))
    assert board.h1 == "Free bus passes for care leavers"
    assert "Talk to the bus company" in board.text


def test_a_promise_without_we_will_keeps_everything_typed(client: TestClient, db: Session) -> None:
    officer(client, db)
    form = page(client.get("/staff/promises/new")).form("/staff/promises/new")
    form.update(you_said="Buses cost too much", how_we_will_know="Count passes")
    data = {**form, "themes": [str(theme_id(db, "housing"))]}
    refused = page(client.post("/staff/promises/new", data=data), 400)
    assert refused.error_summary() == ["Enter what we will do."]
    kept = refused.form("/staff/promises/new")
    assert kept["you_said"] == "Buses cost too much" and kept["how_we_will_know"] == "Count passes"
    assert refused.soup.select_one(
        f"input[name=themes][value='{theme_id(db, 'housing')}']"
    ).has_attr("checked")  # type: ignore[union-attr]
    assert db.exec(select(Promise)).all() == []


def test_an_officer_changes_a_promise(client: TestClient, db: Session) -> None:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, user)
    promise, _ = make_promise(db, user)
    url = f"/staff/promises/{promise.id}/edit"
    form = page(client.get(url)).form(url)
    assert form["we_will"] == promise.we_will
    form.update(status="kept")
    client.post(url, data=form)
    db.refresh(promise)
    assert promise.status is PromiseStatus.KEPT


def test_measures_and_readings_with_friendly_errors(client: TestClient, db: Session) -> None:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, user)
    promise, measure = make_promise(db, user)
    board = f"/staff/promises/{promise.id}"
    bad_target = {"what": "Passes given", "unit": "", "baseline": "0", "target": "lots"}
    refused = page(
        client.post(
            f"{board}/measures",
            data={**page(client.get(board)).form(f"{board}/measures"), **bad_target},
        ),
        400,
    )
    assert refused.error_summary() == ["Enter the target as a number, like 80 or 12.5."]
    assert refused.form(f"{board}/measures")["what"] == "Passes given"
    good = {**bad_target, "target": "1,200"}
    client.post(f"{board}/measures", data={**refused.form(f"{board}/measures"), **good})
    added = db.exec(select(Measure).where(Measure.what == "Passes given")).one()
    assert added.target == 1200

    reading = {"measure": str(measure.id), "value": "forty", "taken_on": "", "note": "first count"}
    form = page(client.get(board)).form(f"{board}/readings")
    refused = page(client.post(f"{board}/readings", data={**form, **reading}), 400)
    assert refused.error_summary() == [
        "Enter the reading as a number, like 52 or 12.5.",
        "Enter the date of the reading.",
    ]
    assert refused.form(f"{board}/readings")["note"] == "first count"
    future = (date.today() + timedelta(days=3)).isoformat()
    refused = page(
        client.post(
            f"{board}/readings", data={**form, **reading, "value": "40", "taken_on": future}
        ),
        400,
    )
    assert refused.error_summary() == ["The date of a reading cannot be in the future."]
    _, other_measure = make_promise(db, user)
    wrong = {**reading, "measure": str(other_measure.id), "value": "40", "taken_on": "2026-01-05"}
    refused = page(client.post(f"{board}/readings", data={**form, **wrong}), 400)
    assert refused.error_summary() == ["Choose the measure."]
    assert db.exec(select(MeasureReading)).all() == []
    saved = client.post(
        f"{board}/readings",
        data={**form, **wrong, "measure": str(measure.id)},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert [r.value for r in db.exec(select(MeasureReading)).all()] == [40]


def test_the_board_sees_measures_over_time_as_a_chart_and_a_table(
    client: TestClient, db: Session
) -> None:
    officer_user = make_user(db, Role.PARTICIPATION_OFFICER)
    readings = ((date(2026, 1, 5), 30.0), (date(2026, 3, 5), 45.5), (date(2026, 6, 5), 62.0))
    promise, _ = make_promise(db, officer_user, readings=readings)
    sign_in(client, db, make_user(db, Role.BOARD_CHAIR))
    board = page(client.get(f"/staff/promises/{promise.id}"))
    svg = board.soup.select_one("svg.sd-chart")
    assert svg is not None and svg["role"] == "img"
    assert len(svg.select("circle")) == 3
    summary = board.soup.select_one(f"#{str(svg['aria-labelledby']).split()[1]}")
    assert summary is not None
    words = " ".join(summary.get_text(" ", strip=True).split())
    assert words == "Baseline 20%, target 90%. Latest 62% on 5 June 2026."
    rows = [row.get_text(" ", strip=True) for row in board.soup.select("tbody tr")]
    assert rows == ["5 January 2026 30%", "5 March 2026 45.5%", "5 June 2026 62%"]
    assert not board.soup.select("form[action$='/readings']")  # the chair reads, never edits
    assert client.get(f"/staff/promises/{promise.id}/edit").status_code == 403


def test_chart_points_run_left_to_right_and_up_with_the_value() -> None:
    measure = Measure(promise_id=1, what="x", baseline=0, target=100)
    readings = [
        MeasureReading(measure_id=1, value=v, taken_on=d, recorded_by_id=1)
        for d, v in ((date(2026, 1, 1), 10), (date(2026, 1, 11), 50), (date(2026, 1, 21), 100))
    ]
    drawn = chart(measure, readings)
    xs = [point.x for point in drawn.points]
    ys = [point.y for point in drawn.points]
    assert xs == sorted(xs) and xs[0] == 24 and xs[-1] == 320 - 24
    assert ys == sorted(ys, reverse=True)  # bigger values are higher up (smaller y)
    assert drawn.target_y == ys[-1] == 24
    one = chart(measure, readings[:1])
    assert one.points[0].x == 160  # a single reading sits in the middle


def test_the_public_page_is_plain_and_needs_no_sign_in(client: TestClient, db: Session) -> None:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    make_promise(db, user, readings=((date(2026, 2, 1), 35.0),))
    shown = page(client.get("/promises"))
    assert shown.h1 == "Our promises"
    text = shown.text
    assert "You said: Buses cost too much" in text
    assert "We will: Give every care leaver a free bus pass" in text
    assert "Going well" in text
    assert "Care leavers with a pass: now 35% (1 February 2026)." in " ".join(text.split())
    assert "We want to get to 90%. It was 20% at the start." in text
