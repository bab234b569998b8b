"""Rate limits hold across several app processes (OP-07): two uvicorn processes share one
counter through Redis, so switching process does not buy more attempts, and a forged
X-Forwarded-For from a peer that is not a trusted proxy changes nothing."""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from app.config import get_settings
from bench.servers import Server, redis_answers

REDIS_URL = "redis://127.0.0.1:6379/14"  # a database of its own, emptied before and after
PER_ADDRESS = 20  # the servers' address limit here, so the test stays quick
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def two_processes(
    migrated_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[Server]]:
    # The servers inherit the environment: a lower address limit, and a trusted proxy that is
    # not this test (uvicorn trusts 127.0.0.1 by default), so our X-Forwarded-For is forged.
    monkeypatch.setenv("SIGN_IN_ATTEMPTS_PER_MINUTE_PER_ADDRESS", str(PER_ADDRESS))
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "192.0.2.1")
    if not redis_answers(REDIS_URL):
        pytest.fail("Redis is not answering on 127.0.0.1:6379 (scripts/test.sh starts it)")
    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    servers = [
        Server(
            factory="app.main:create_app",
            database_url=migrated_database,
            processes=1,
            log=tmp_path / f"app-{number}.log",
            secret_key=os.environ["SECRET_KEY"],
            redis_url=REDIS_URL,
            raised_limits=False,
        )
        for number in (1, 2)
    ]
    for server in servers:
        server.start()
    try:
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()
        store.flushdb()


def _sign_in_attempt(server: Server, nickname: str, forwarded_for: str | None = None) -> int:
    """A whole wrong sign-in from a new browser: the form, then the post."""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=10) as browser:
        form = browser.get("/sign-in")
        token = TOKEN.search(form.text)
        assert token is not None
        answer = browser.post(
            "/sign-in",
            data={"csrf_token": token[1], "nickname": nickname, "passphrase": "wrong guess"},
            headers={"Origin": server.base_url},
        )
        return answer.status_code


def test_two_processes_share_one_sign_in_counter(two_processes: list[Server]) -> None:
    limit = get_settings().sign_in_attempts_per_minute
    answers = [
        _sign_in_attempt(two_processes[attempt % 2], "shared-nickname")
        for attempt in range(limit + 1)
    ]
    assert answers[:limit] == [400] * limit
    assert answers[limit] == 429, "the other process must know about the first one's attempts"


def test_a_forged_forwarded_address_does_not_reset_the_address_limit(
    two_processes: list[Server],
) -> None:
    limit = PER_ADDRESS
    answers = [
        _sign_in_attempt(two_processes[n % 2], f"someone-{n}", forwarded_for=f"203.0.113.{n % 250}")
        for n in range(limit + 1)
    ]
    assert 429 not in answers[:limit]
    assert answers[limit] == 429, answers
