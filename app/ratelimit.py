"""Rate limits shared by every app process (Redis when REDIS_URL is set, memory otherwise)."""

import threading
from functools import lru_cache

from fastapi import Request
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from app.config import get_settings


class RateLimited(Exception):
    """Too many attempts; the page says to wait and shows back what was typed."""


_building = threading.Lock()


def _limiter() -> MovingWindowRateLimiter:
    # One thread builds it: `limits` imports redis lazily, and a second thread building it at
    # the same time sees a half-imported module and fails (a 500 on a fresh process's first
    # concurrent requests; found by bench.load).
    with _building:
        return _build_limiter()


@lru_cache
def _build_limiter() -> MovingWindowRateLimiter:
    settings = get_settings()
    storage = storage_from_string(settings.redis_url or "memory://")
    return MovingWindowRateLimiter(storage)


def allow(rule: str, *key: str) -> bool:
    """Counts one attempt against `rule` (e.g. "10/minute") for this key; False once over."""
    return bool(_limiter().hit(parse(rule), *key))


def reset() -> None:
    """Clears every counter (tests start from zero)."""
    _limiter().storage.reset()


def client_address(request: Request) -> str:
    """The peer address; behind a proxy, uvicorn's --forwarded-allow-ips makes this the client."""
    return request.client.host if request.client else "unknown"


def limit_attempts(
    request: Request, action: str, *, who: str, per_person: str, per_address: str
) -> None:
    """Counts one attempt by `who` (a session or a nickname) and one by its network address.

    The address limit is much higher: a care home's wifi or a whole event shares one address.
    """
    if not allow(per_person, action, who) or not allow(
        per_address, action + "-address", client_address(request)
    ):
        raise RateLimited


def limit_submissions(request: Request, action: str, *, who: str) -> None:
    """What young people send (views, votes, data requests), within the council's hourly limits."""
    settings = get_settings()
    limit_attempts(
        request,
        action,
        who=who,
        per_person=f"{settings.submissions_per_hour}/hour",
        per_address=f"{settings.submissions_per_hour_per_address}/hour",
    )
