"""Rate limits shared by every app process (Redis when REDIS_URL is set, memory otherwise)."""

from functools import lru_cache

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from app.config import get_settings


@lru_cache
def _limiter() -> MovingWindowRateLimiter:
    settings = get_settings()
    storage = storage_from_string(settings.redis_url or "memory://")
    return MovingWindowRateLimiter(storage)


def allow(rule: str, *key: str) -> bool:
    """Counts one attempt against `rule` (e.g. "10/minute") for this key; False once over."""
    return bool(_limiter().hit(parse(rule), *key))


def reset() -> None:
    """Clears every counter (tests start from zero)."""
    _limiter().storage.reset()
