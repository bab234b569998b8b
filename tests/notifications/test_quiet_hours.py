"""Quiet hours: no message to a young person at night (council time, summer and winter), even
on a retry; staff and safeguarding alerts always go. The worker runs against a fake Notify on
loopback, on the real database; `now` fixes its clock."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine

from app.config import Settings, get_settings
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.notify import NotifyClient
from app.notifications.service import enqueue_email, enqueue_sms
from app.notifications.worker import run_once
from app.timeutil import COUNCIL_TIME, clock_words, quiet_hours_end
from tests.support.fake_notify import TEMPLATE_ID, FakeNotify, fail

MOBILE = "+447911123456"
NIGHT, MORNING, DAY = time(21), time(8), time(12)


@pytest.fixture(autouse=True)
def settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    current = get_settings()
    for key in ("safeguarding_alert", "item_news_sms", "item_news_email"):
        monkeypatch.setattr(current, f"notify_template_{key}", TEMPLATE_ID)
    return current


def council(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=COUNCIL_TIME).astimezone(UTC)


def queue_by_day(day: datetime) -> tuple[int, int]:
    """A text to a young person and a safeguarding alert, both queued in the afternoon."""
    with time_machine.travel(day, tick=False), new_session(for_writing=True) as db:
        young = enqueue_sms(
            db, to=MOBILE, template="item_news_sms", personalisation={}, for_young_person=True
        )
        alert = enqueue_email(
            db, to="dsl@council.example", template="safeguarding_alert", personalisation={}
        )
        db.commit()
    assert young.id is not None and alert.id is not None
    return young.id, alert.id


def load(message_id: int) -> OutboxMessage:
    with new_session() as db:
        message = db.get(OutboxMessage, message_id)
        assert message is not None
        return message


@pytest.mark.parametrize(
    ("afternoon", "night", "morning"),
    [
        # Summer time (BST, UTC+1): 22:00 council time is 21:00 UTC.
        (council(2026, 7, 1, 15), council(2026, 7, 1, 22), council(2026, 7, 2, 8)),
        # Winter (GMT): 07:59 is still quiet.
        (council(2026, 12, 1, 15), council(2026, 12, 2, 7, 59), council(2026, 12, 2, 8)),
        # The night the clocks go back: quiet hours last an hour longer by the clock on the wall.
        (council(2026, 10, 24, 15), council(2026, 10, 25, 1, 30), council(2026, 10, 25, 8)),
    ],
)
def test_the_worker_never_texts_a_young_person_at_night(
    fake: FakeNotify,
    client: NotifyClient,
    afternoon: datetime,
    night: datetime,
    morning: datetime,
) -> None:
    young, alert = queue_by_day(afternoon)
    # The worker was down all afternoon; at night only the safeguarding alert goes.
    assert run_once(night, client=client) == 1
    assert load(alert).status is OutboxStatus.SENT
    assert load(young).status is OutboxStatus.PENDING
    assert run_once(morning - timedelta(seconds=1), client=client) == 0
    assert run_once(morning, client=client) == 1
    assert load(young).status is OutboxStatus.SENT
    assert [r["phone_number"] for r in fake.accepted if r["phone_number"]] == [MOBILE]


def test_a_retry_that_would_fall_at_night_waits_for_the_morning(
    fake: FakeNotify, client: NotifyClient
) -> None:
    young, alert = queue_by_day(council(2026, 11, 3, 15))
    fake.script(fail(500), fail(500))  # both fail at 20:59; both retries wait 2 minutes or more
    evening = council(2026, 11, 3, 20, 59)
    assert run_once(evening, client=client) == 2
    assert load(young).next_attempt_at == council(2026, 11, 4, 8)  # to the end of quiet hours
    assert load(alert).next_attempt_at < council(2026, 11, 3, 22)  # staff: back-off only
    assert run_once(council(2026, 11, 4, 7, 59), client=client) == 1  # the alert only
    assert load(young).status is OutboxStatus.PENDING
    assert run_once(council(2026, 11, 4, 8), client=client) == 1
    assert load(young).status is OutboxStatus.SENT


def test_quiet_hours_can_be_switched_off(
    client: NotifyClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "quiet_hours_start", time(0))
    monkeypatch.setattr(settings, "quiet_hours_end", time(0))
    young, _alert = queue_by_day(council(2026, 7, 1, 23))
    assert load(young).next_attempt_at == council(2026, 7, 1, 23)
    assert run_once(council(2026, 7, 1, 23, 5), client=client) == 2


@pytest.mark.parametrize(
    ("at", "ends"),
    [
        (council(2026, 7, 1, 21), council(2026, 7, 2, 8)),  # the start is inside
        (council(2026, 7, 1, 20, 59), None),
        (council(2026, 7, 2, 8), None),  # the end is outside
        (council(2026, 7, 2, 3), council(2026, 7, 2, 8)),
        (council(2026, 1, 10, 23, 59), council(2026, 1, 11, 8)),
    ],
)
def test_quiet_hours_across_midnight(at: datetime, ends: datetime | None) -> None:
    assert quiet_hours_end(at, NIGHT, MORNING) == ends


def test_quiet_hours_within_one_day_and_switched_off() -> None:
    lunch = (time(12), time(14))
    assert quiet_hours_end(council(2026, 7, 1, 13), *lunch) == council(2026, 7, 1, 14)
    assert quiet_hours_end(council(2026, 7, 1, 15), *lunch) is None
    assert quiet_hours_end(council(2026, 7, 1, 11), *lunch) is None
    assert quiet_hours_end(council(2026, 7, 1, 23), DAY, DAY) is None


def test_times_are_said_the_way_young_people_say_them() -> None:
    assert [clock_words(t) for t in (NIGHT, MORNING, time(0), time(12), time(7, 30))] == [
        "9pm",
        "8am",
        "12am",
        "12pm",
        "7:30am",
    ]
