"""Time in one place, always timezone-aware UTC, so tests can travel through it."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
