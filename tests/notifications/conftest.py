"""A fake GOV.UK Notify on loopback for every notifications test, and a client for it."""

from collections.abc import Iterator

import pytest

from app.notifications.notify import NotifyClient
from tests.support.fake_notify import FakeNotify


@pytest.fixture
def fake() -> Iterator[FakeNotify]:
    with FakeNotify() as server:
        yield server


@pytest.fixture
def client(fake: FakeNotify) -> Iterator[NotifyClient]:
    with NotifyClient(fake.api_key, fake.base_url, timeout=0.5) as notify:
        yield notify
