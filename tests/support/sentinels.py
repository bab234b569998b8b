"""Sentinel strings: tests put "zqvx" in names, words, emails and tokens they make up, and the
whole suite checks that no log line or server output ever carries one (TRUST OP-02)."""

import logging

MARK = "zqvx"


def carries_sentinel(text: str) -> bool:
    return MARK in text.casefold()


class SentinelCatcher(logging.Handler):
    """Keeps every log record, from any logger, whose text carries a sentinel."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.caught: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text += f" {record.exc_info[1]!r}"
        if carries_sentinel(text):
            self.caught.append(f"{record.name}: {text[:200]}")
