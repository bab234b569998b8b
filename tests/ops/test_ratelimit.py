"""The rate limiter is built once per process, however many requests arrive together."""

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from limits.storage import MemoryStorage

from app import ratelimit


@pytest.fixture
def fresh_limiter() -> Iterator[None]:
    ratelimit._build_limiter.cache_clear()
    yield
    ratelimit._build_limiter.cache_clear()


def test_concurrent_first_requests_build_one_limiter(
    fresh_limiter: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []

    def slow_storage(url: str) -> MemoryStorage:
        built.append(url)
        time.sleep(0.05)  # as long as a first `import redis` takes, and a half-import shows
        return MemoryStorage()

    monkeypatch.setattr(ratelimit, "storage_from_string", slow_storage)
    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(lambda n: ratelimit.allow("5/minute", "test", str(n)), range(8)))
    assert allowed == [True] * 8
    assert len(built) == 1
