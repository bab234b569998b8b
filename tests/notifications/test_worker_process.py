"""`python -m app.cli worker` as `make run` starts it: it runs with no set-up in development and
stops cleanly on SIGTERM (the signal scripts/run.sh sends when the web server stops)."""

import os
import signal
import subprocess
import sys
import threading
import time

from app.config import ROOT
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.service import enqueue_email
from app.notifications.worker import DEVELOPMENT_PROVIDER_ID


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
