"""`python -m app.cli worker` as `make run` starts it: it runs with no set-up in development and
stops cleanly on SIGTERM (the signal scripts/run.sh sends when the web server stops); and,
killed with SIGKILL in the middle of a send and started again, it sends nothing twice."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import time as dt_time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.config import ROOT, get_settings
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.service import enqueue_email, enqueue_sms
from app.notifications.worker import DEVELOPMENT_PROVIDER_ID, LEASE
from tests.support.fake_notify import TEMPLATE_ID, Answer, FakeNotify, accept


def start_worker(app_env: str) -> subprocess.Popen[str]:
    env = {**os.environ, "APP_ENV": app_env, "PYTHONUNBUFFERED": "1"}
    env.pop("NOTIFY_API_KEY", None)
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "worker", "--poll-seconds", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(process: subprocess.Popen[str], text: str, seconds: float = 30) -> list[str]:
    killer = threading.Timer(seconds, process.kill)
    killer.start()
    lines: list[str] = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if text in line:
                return lines
    finally:
        killer.cancel()
    raise AssertionError(f"never logged {text!r}: {''.join(lines)}")


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=20)
    return err


def test_in_development_the_worker_marks_messages_and_stops_on_sigterm() -> None:
    with new_session(for_writing=True) as db:
        message = enqueue_email(
            db, to="dsl.sam@council.example", template="safeguarding_alert", personalisation={}
        )
        db.commit()
    process = start_worker("development")
    try:
        wait_for_line(process, "nothing is sent")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with new_session() as db:
                stored = db.get(OutboxMessage, message.id)
            assert stored is not None
            if stored.status is OutboxStatus.SENT:
                break
            time.sleep(0.1)
        assert stored is not None and stored.status is OutboxStatus.SENT
        assert stored.provider_id == DEVELOPMENT_PROVIDER_ID
    finally:
        err = stop(process)
    assert process.returncode == 0
    assert "SIGTERM received" in err and "worker stopped" in err
    assert "dsl.sam" not in err


def test_without_a_key_outside_development_it_idles_and_stops_on_sigint() -> None:
    process = start_worker("test")
    try:
        wait_for_line(process, "sending is off")
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=20)
    assert process.returncode == 0
    assert "SIGINT received" in err


# Killed mid-send: a real worker process, SIGKILLed while the fake Notify holds its request.


def start_sending_worker(fake: FakeNotify, log: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "APP_ENV": "test",
        "PYTHONUNBUFFERED": "1",
        "NOTIFY_API_KEY": fake.api_key,
        "NOTIFY_BASE_URL": fake.base_url,
        "NOTIFY_TEMPLATE_SAFEGUARDING_ALERT": TEMPLATE_ID,
        "NOTIFY_TEMPLATE_ITEM_NEWS_SMS": TEMPLATE_ID,
        "QUIET_HOURS_START": "00:00",  # the test may run at night; quiet hours have their own
        "QUIET_HOURS_END": "00:00",
    }
    with log.open("a") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker", "--poll-seconds", "0.1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=output,
            text=True,
        )


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting until {what}")


def statuses(ids: list[int]) -> list[OutboxStatus]:
    with new_session(each_statement=True) as db:
        return [db.get(OutboxMessage, i).status for i in ids]  # type: ignore[union-attr]


def queue_three() -> list[int]:
    """A safeguarding alert and two texts to young people, one after the other."""
    with new_session(for_writing=True) as db:
        messages = [
            enqueue_email(
                db,
                to="dsl.sam@council.example",
                template="safeguarding_alert",
                personalisation={"case_link": "https://said.example/staff/cases/1"},
            ),
            *(
                enqueue_sms(
                    db,
                    to=number,
                    template="item_news_sms",
                    personalisation={"link": "https://said.example/my"},
                    for_young_person=True,
                )
                for number in ("07911 123456", "07400 123456")
            ),
        ]
        db.commit()
    return [message.id or 0 for message in messages]


def lease_runs_out() -> None:
    """Stands in for five minutes passing: the dead worker's claims are older than the lease."""
    with new_session(for_writing=True) as db:
        for row in db.exec(
            select(OutboxMessage).where(OutboxMessage.status == OutboxStatus.SENDING)
        ).all():
            assert row.claimed_at is not None
            row.claimed_at -= LEASE + timedelta(seconds=1)
            db.add(row)
        db.commit()


@pytest.mark.parametrize(
    "held",
    [
        Answer(201, sleep=60, accept=True),  # Notify took it, but the answer never came back
        Answer(504, sleep=60),  # Notify was still thinking, and took nothing
    ],
    ids=["accepted-before-the-kill", "not-accepted"],
)
def test_a_worker_killed_mid_send_and_restarted_sends_nothing_twice(
    fake: FakeNotify, held: Answer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = get_settings()
    monkeypatch.setattr(settings, "quiet_hours_start", dt_time(0))
    monkeypatch.setattr(settings, "quiet_hours_end", dt_time(0))
    ids = queue_three()
    fake.script(accept(), held)
    log = tmp_path / "worker.log"
    first = start_sending_worker(fake, log)
    try:
        wait_until(lambda: len(fake.posts()) == 2, "the second message is in Notify's hands")
        first.kill()  # SIGKILL: no clean-up, no chance to record anything
        assert first.wait(timeout=10) == -signal.SIGKILL
    finally:
        if first.poll() is None:
            first.kill()
    # The first was recorded; the one in flight and the one behind it are still claimed.
    assert statuses(ids) == [OutboxStatus.SENT, OutboxStatus.SENDING, OutboxStatus.SENDING]
    lease_runs_out()

    second = start_sending_worker(fake, log)
    try:
        wait_until(lambda: statuses(ids) == [OutboxStatus.SENT] * 3, "everything is sent")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=20)
    references = [notification["reference"] for notification in fake.accepted]
    assert len(references) == 3 == len(set(references)), "each message reached Notify once"
    posted = [p.body["reference"] for p in fake.posts() if p.body]
    if held.accept:
        assert len(posted) == 3  # the lookup found the accepted one: it was not posted again
    else:
        assert len(posted) == 4  # the one Notify never took was posted once more
    assert len(fake.lookups()) == 2  # both reclaimed rows were looked up before anything else
    with new_session() as db:
        for message_id, notification in zip(ids, sorted(fake.accepted, key=_row_id), strict=True):
            stored = db.get(OutboxMessage, message_id)
            assert stored is not None and stored.provider_id == notification["id"]
    output = log.read_text()
    assert "7911" not in output and "7400" not in output and "dsl.sam" not in output


def _row_id(notification: dict[str, Any]) -> int:
    return int(str(notification["reference"]).split("-")[1])
