"""The outbox worker against a fake Notify on loopback, on the real database (SQLite and
PostgreSQL): retries with back-off, permanent failures, the attempt limit, concurrent workers,
and crashes at the two dangerous moments. Time travels by passing `now`; nothing really waits
except the scripted timeouts (half a second each)."""

import logging
import random
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from app.config import AppEnv, Settings, get_settings
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.notify import NotifyClient, SendResult, Sent
from app.notifications.service import enqueue_email
from app.notifications.worker import (
    BACKOFF_CAP_SECONDS,
    DEVELOPMENT_PROVIDER_ID,
    LEASE,
    UNCONFIRMED_WAIT_SECONDS,
    backoff_seconds,
    claim_due,
    record,
    reference_for,
    run_forever,
    run_once,
)
from app.timeutil import utcnow
from tests.support.fake_notify import (
    TEMPLATE_ID,
    Answer,
    FakeNotify,
    accept,
    assert_no_personal_data,
    fail,
    rate_limited,
    timeout,
    timeout_after_accept,
)

TO = "dsl.sam@council.example"
LINK = "https://said.example/staff/cases/7f3a"
COUNT = "4821"
LOG = "said_and_done.notifications"


class Crash(BaseException):
    """The worker process dies here (not an Exception: nothing in the worker catches it)."""


class CrashBeforeSending(NotifyClient):
    def send_email(self, **_kwargs: Any) -> SendResult:
        raise Crash


class CrashAfterNotifyAccepts(NotifyClient):
    def send_email(self, **kwargs: Any) -> SendResult:
        super().send_email(**kwargs)
        raise Crash


@pytest.fixture(autouse=True)
def _logs_hold_no_personal_data(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    assert_no_personal_data(caplog.records, [TO, LINK, COUNT])


@pytest.fixture(autouse=True)
def settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    current = get_settings()
    monkeypatch.setattr(current, "notify_template_safeguarding_alert", TEMPLATE_ID)
    return current


def queue(count: int = 1) -> list[int]:
    ids = []
    with new_session(for_writing=True) as db:
        for _ in range(count):
            message = enqueue_email(
                db,
                to=TO,
                template="safeguarding_alert",
                personalisation={"case_link": LINK, "new_items": COUNT},
            )
            assert message.id is not None
            ids.append(message.id)
        db.commit()
    return ids


def load(message_id: int) -> OutboxMessage:
    with new_session() as db:
        message = db.get(OutboxMessage, message_id)
        assert message is not None
        return message


def dead_alerts(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOG and r.levelno == logging.ERROR]


def test_500_then_429_then_timeout_then_201_delivers_once(
    fake: FakeNotify, client: NotifyClient
) -> None:
    [message_id] = queue()
    fake.script(fail(500), rate_limited(600), timeout(1.0), accept())
    now = utcnow()

    assert run_once(now, client=client) == 1
    first = load(message_id)
    assert (first.status, first.attempts) == (OutboxStatus.PENDING, 1)
    assert first.last_error == "unconfirmed:http_500:Exception"  # a 5xx may have been accepted
    assert first.next_attempt_at >= now + timedelta(seconds=UNCONFIRMED_WAIT_SECONDS)
    assert run_once(now, client=client) == 0  # not due yet

    now += timedelta(hours=2)
    assert run_once(now, client=client) == 1
    second = load(message_id)
    assert (second.status, second.attempts, second.last_error) == (
        OutboxStatus.PENDING,
        2,
        "http_429:RateLimitError",
    )
    assert second.next_attempt_at >= now + timedelta(seconds=600)  # Retry-After honoured
    assert run_once(now + timedelta(seconds=599), client=client) == 0

    now += timedelta(hours=2)
    assert run_once(now, client=client) == 1
    third = load(message_id)
    assert (third.status, third.attempts, third.last_error) == (
        OutboxStatus.PENDING,
        3,
        "unconfirmed:timeout",
    )

    now += timedelta(hours=2)
    assert run_once(now, client=client) == 1
    sent = load(message_id)
    assert (sent.status, sent.attempts, sent.last_error) == (OutboxStatus.SENT, 4, None)
    assert sent.sent_at == now and sent.claimed_at is None
    assert len(fake.accepted) == 1
    assert sent.provider_id == fake.accepted[0]["id"]
    reference = reference_for(message_id, sent.created_at)
    assert [p.body["reference"] for p in fake.posts() if p.body] == [reference] * 4
    # Before each send that followed an answer we never saw, Notify was asked first.
    assert [g.query["reference"] for g in fake.lookups()] == [reference] * 2
    assert run_once(now + timedelta(days=1), client=client) == 0


def test_an_answer_lost_after_notify_accepted_is_looked_up_not_resent(
    fake: FakeNotify, client: NotifyClient
) -> None:
    [message_id] = queue()
    fake.script(timeout_after_accept(1.0))
    now = utcnow()
    run_once(now, client=client)
    assert load(message_id).last_error == "unconfirmed:timeout"
    run_once(now + timedelta(hours=1), client=client)
    message = load(message_id)
    assert message.status is OutboxStatus.SENT
    assert message.provider_id == fake.accepted[0]["id"]
    assert len(fake.posts()) == 1


def test_a_400_is_permanent_and_dead_at_once(
    fake: FakeNotify, client: NotifyClient, caplog: pytest.LogCaptureFixture
) -> None:
    [message_id] = queue()
    fake.script(fail(400))
    assert run_once(client=client) == 1
    message = load(message_id)
    assert (message.status, message.attempts) == (OutboxStatus.DEAD, 1)
    assert message.last_error == "http_400:BadRequestError"
    assert dead_alerts(caplog) == [
        f"outbox {message_id} is dead after 1 attempt(s): http_400:BadRequestError"
    ]
    assert run_once(utcnow() + timedelta(days=1), client=client) == 0
    assert len(fake.posts()) == 1


def test_after_the_attempt_limit_the_row_is_dead_with_one_error_line(
    fake: FakeNotify,
    client: NotifyClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(settings, "notify_max_attempts", 3)
    [message_id] = queue()
    fake.script(rate_limited(1), rate_limited(1), rate_limited(1), accept())
    now = utcnow()
    for _ in range(3):
        assert run_once(now, client=client) == 1
        now += timedelta(hours=2)
    message = load(message_id)
    assert (message.status, message.attempts) == (OutboxStatus.DEAD, 3)
    assert message.last_error == "http_429:RateLimitError"
    alerts = dead_alerts(caplog)
    assert alerts == [f"outbox {message_id} is dead after 3 attempt(s): http_429:RateLimitError"]
    [alert] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert alert.args == (message_id, 3, "http_429:RateLimitError")  # ids and codes only
    assert run_once(now + timedelta(days=2), client=client) == 0
    assert fake.accepted == []


def test_an_unconfigured_template_is_dead_without_calling_notify(
    fake: FakeNotify,
    client: NotifyClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(settings, "notify_template_safeguarding_alert", None)
    [message_id] = queue()
    run_once(client=client)
    assert load(message_id).last_error == "template_not_configured"
    assert load(message_id).status is OutboxStatus.DEAD
    assert fake.requests == []
    assert len(dead_alerts(caplog)) == 1


def test_back_off_is_exponential_with_full_jitter() -> None:
    rng = random.Random(7)
    for attempts in range(1, 12):
        ceiling = min(BACKOFF_CAP_SECONDS, 30 * 2 ** (attempts - 1))
        delays = [backoff_seconds(attempts, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # spread over the whole range, not bunched
    assert min(BACKOFF_CAP_SECONDS, 30 * 2**10) == 3600


def test_two_workers_at_once_never_send_the_same_row_twice(fake: FakeNotify) -> None:
    ids = queue(24)
    fake.script(*[Answer(201, sleep=0.02, accept=True) for _ in ids])
    start = threading.Barrier(2)
    claimed: dict[str, int] = {}
    failures: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            with NotifyClient(fake.api_key, fake.base_url, timeout=5) as own:
                start.wait()
                total = 0
                while handled := run_once(client=own, batch_size=4):
                    total += handled
                claimed[name] = total
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert sum(claimed.values()) == 24 and all(claimed.values())  # both did some of the work
    references = [p.body["reference"] for p in fake.posts() if p.body]
    assert len(references) == 24 == len(set(references))
    for message_id in ids:
        message = load(message_id)
        assert (message.status, message.attempts) == (OutboxStatus.SENT, 1)


def test_killed_after_claiming_before_sending_sends_once_after_the_lease(
    fake: FakeNotify, client: NotifyClient
) -> None:
    [message_id] = queue()
    now = utcnow()
    with (
        CrashBeforeSending(fake.api_key, fake.base_url) as dying,
        pytest.raises(Crash),
    ):
        run_once(now, client=dying)
    stuck = load(message_id)
    assert (stuck.status, stuck.attempts, stuck.claimed_at) == (OutboxStatus.SENDING, 1, now)

    assert run_once(now + LEASE - timedelta(seconds=1), client=client) == 0  # still leased
    assert run_once(now + LEASE, client=client) == 1
    message = load(message_id)
    assert (message.status, message.attempts) == (OutboxStatus.SENT, 2)
    assert len(fake.lookups()) == 1  # asked Notify first: nothing there
    assert len(fake.posts()) == 1 == len(fake.accepted)
    assert run_once(now + timedelta(days=1), client=client) == 0


def test_killed_after_notify_accepted_before_recording_is_not_sent_again(
    fake: FakeNotify, client: NotifyClient
) -> None:
    [message_id] = queue()
    now = utcnow()
    with (
        CrashAfterNotifyAccepts(fake.api_key, fake.base_url) as dying,
        pytest.raises(Crash),
    ):
        run_once(now, client=dying)
    assert load(message_id).status is OutboxStatus.SENDING
    assert len(fake.accepted) == 1

    assert run_once(now + LEASE + timedelta(seconds=1), client=client) == 1
    message = load(message_id)
    assert message.status is OutboxStatus.SENT
    assert message.provider_id == fake.accepted[0]["id"]
    assert len(fake.posts()) == 1  # the lookup found it: no duplicate


def test_when_the_lookup_cannot_see_it_there_is_at_most_one_duplicate(
    fake: FakeNotify, client: NotifyClient
) -> None:
    """The remaining window: Notify accepted, we died before recording, and the lookup cannot
    see the message (e.g. the key was swapped for one of another type). One duplicate, then
    the row is `sent` and never sent again."""
    [message_id] = queue()
    fake.lookups_see_accepted = False
    now = utcnow()
    with (
        CrashAfterNotifyAccepts(fake.api_key, fake.base_url) as dying,
        pytest.raises(Crash),
    ):
        run_once(now, client=dying)
    for hours in (1, 2, 24, 48):
        run_once(now + timedelta(hours=hours), client=client)
    assert load(message_id).status is OutboxStatus.SENT
    assert len(fake.accepted) == 2


def test_a_reclaimed_row_past_the_limit_is_looked_up_then_dead_not_sent(
    fake: FakeNotify,
    client: NotifyClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "notify_max_attempts", 1)
    [message_id] = queue()
    now = utcnow()
    claim_due(now)  # the worker dies holding its only attempt
    run_once(now + LEASE, client=client)
    message = load(message_id)
    assert (message.status, message.last_error) == (OutboxStatus.DEAD, "lease_expired")
    assert len(fake.lookups()) == 1 and fake.posts() == []


def test_a_failed_lookup_sends_nothing(fake: FakeNotify, client: NotifyClient) -> None:
    [message_id] = queue()
    now = utcnow()
    claim_due(now)
    with NotifyClient(
        fake.api_key_with_secret("00000000-0000-0000-0000-000000000000"), fake.base_url
    ) as bad:
        run_once(now + LEASE, client=bad)
    message = load(message_id)
    assert (message.status, message.last_error) == (
        OutboxStatus.PENDING,
        "unconfirmed:lookup_http_403:AuthError",
    )
    assert fake.posts() == []
    run_once(now + timedelta(hours=2), client=client)  # still unconfirmed: looks again first
    assert load(message_id).status is OutboxStatus.SENT
    assert len(fake.lookups()) == 2 and len(fake.posts()) == 1


def test_an_outcome_recorded_after_the_row_was_reclaimed_is_ignored(
    fake: FakeNotify, client: NotifyClient, settings: Settings
) -> None:
    [message_id] = queue()
    now = utcnow()
    [slow] = claim_due(now)
    [fresh] = claim_due(now + LEASE)
    assert (slow.attempts, fresh.attempts, fresh.unconfirmed) == (1, 2, True)
    record(slow, Sent("late-answer"), now + LEASE, settings)
    message = load(message_id)
    assert (message.status, message.attempts, message.provider_id) == (
        OutboxStatus.SENDING,
        2,
        None,
    )
    record(fresh, Sent("from-lookup"), now + LEASE, settings)
    assert load(message_id).provider_id == "from-lookup"


def test_stopping_mid_batch_gives_back_the_rows_not_yet_tried(fake: FakeNotify) -> None:
    ids = queue(3)
    stop = threading.Event()

    class StopsAfterOne(NotifyClient):
        def send_email(self, **kwargs: Any) -> SendResult:
            stop.set()  # SIGTERM arrives while the first message is being sent
            return super().send_email(**kwargs)

    with StopsAfterOne(fake.api_key, fake.base_url) as stopping:
        assert run_once(client=stopping, stop=stop) == 3
        assert run_once(client=stopping, stop=stop) == 0
    states = [(load(i).status, load(i).attempts, load(i).claimed_at) for i in ids]
    assert states == [
        (OutboxStatus.SENT, 1, None),
        (OutboxStatus.PENDING, 0, None),
        (OutboxStatus.PENDING, 0, None),
    ]


def test_development_without_a_key_marks_rows_sent_without_sending(
    fake: FakeNotify, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "app_env", AppEnv.DEVELOPMENT)
    monkeypatch.setattr(settings, "notify_api_key", None)
    [message_id] = queue()
    assert run_once() == 1
    message = load(message_id)
    assert (message.status, message.provider_id) == (OutboxStatus.SENT, DEVELOPMENT_PROVIDER_ID)
    assert fake.requests == []


def test_elsewhere_without_a_key_rows_stay_pending(settings: Settings) -> None:
    assert settings.app_env is AppEnv.TEST and not settings.notify_api_key
    [message_id] = queue()
    assert run_once() == 0
    assert load(message_id).status is OutboxStatus.PENDING


def test_with_a_key_run_once_uses_the_configured_notify(
    fake: FakeNotify, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "notify_api_key", fake.api_key)
    monkeypatch.setattr(settings, "notify_base_url", fake.base_url)
    [message_id] = queue()
    assert run_once() == 1
    assert load(message_id).status is OutboxStatus.SENT
    assert len(fake.accepted) == 1


def test_run_forever_sends_and_stops_when_asked(
    fake: FakeNotify, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "notify_api_key", fake.api_key)
    monkeypatch.setattr(settings, "notify_base_url", fake.base_url)
    ids = queue(2)
    stop = threading.Event()
    thread = threading.Thread(target=run_forever, args=(0.05,), kwargs={"stop": stop})
    thread.start()
    deadline = datetime.now().timestamp() + 10
    while datetime.now().timestamp() < deadline and len(fake.accepted) < 2:
        stop.wait(0.05)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert [load(i).status for i in ids] == [OutboxStatus.SENT, OutboxStatus.SENT]


def test_claims_come_in_id_order_and_respect_the_batch_size() -> None:
    ids = queue(5)
    claims = claim_due(utcnow(), limit=3)
    assert [c.id for c in claims] == ids[:3]
    with new_session() as db:
        sending = db.exec(
            select(OutboxMessage.id).where(OutboxMessage.status == OutboxStatus.SENDING)
        ).all()
    assert sorted(i for i in sending if i is not None) == ids[:3]


def test_on_postgresql_a_claim_skips_rows_another_worker_has_locked() -> None:
    """SKIP LOCKED: a second worker neither waits for nor takes rows being claimed."""
    if not get_settings().database_url.startswith("postgresql"):
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): there is nothing to skip")
    ids = queue(3)
    with new_session(for_writing=True) as other:
        locked = other.exec(
            select(OutboxMessage).where(OutboxMessage.id == ids[0]).with_for_update()
        ).one()
        assert locked.status is OutboxStatus.PENDING
        claims = claim_due(utcnow())  # would wait for the lock (and time out) without SKIP LOCKED
        other.rollback()
    assert [c.id for c in claims] == ids[1:]
