"""Translations through gettext (Babel), in the language of the page being made.

English is the source language. The language of a request is held in a context variable, set
by `app.languages.middleware` before the route runs, so both Python strings (`_()` in forms
and services) and templates (`{{ _() }}`) come out in the same language without passing it
around. Which languages exist, and their catalogues, are `app.languages`' business.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from babel.support import NullTranslations

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DEFAULT_LOCALE = "en"


@dataclass(frozen=True)
class Active:
    """The language a request is in: its tag (`<html lang>`), Babel locale and catalogue."""

    code: str
    locale: str
    translations: NullTranslations


ENGLISH = Active(code=DEFAULT_LOCALE, locale=DEFAULT_LOCALE, translations=NullTranslations())
_active: ContextVar[Active] = ContextVar("sd_language", default=ENGLISH)


def active() -> Active:
    return _active.get()


@contextmanager
def speaking(language: Active) -> Iterator[None]:
    """Everything translated inside the block is in `language`."""
    token = _active.set(language)
    try:
        yield
    finally:
        _active.reset(token)


def gettext(message: str) -> str:
    return _active.get().translations.gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    return _active.get().translations.ngettext(singular, plural, number)


def lazy_gettext(message: str) -> str:
    """Marks a module-level string for extraction; translated when rendered."""
    return message
