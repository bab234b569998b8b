"""Translations through gettext (Babel). English is the source language and the only catalogue."""

from functools import lru_cache
from pathlib import Path

from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DEFAULT_LOCALE = "en"


@lru_cache
def translations(locale: str = DEFAULT_LOCALE) -> NullTranslations:
    return Translations.load(str(LOCALES_DIR), [locale], domain="messages")


def gettext(message: str) -> str:
    return translations().gettext(message)


def lazy_gettext(message: str) -> str:
    """Marks a module-level string for extraction; translated when rendered."""
    return message
