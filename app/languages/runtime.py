"""Which languages are on, and each one's compiled catalogue, as this app process knows them.

Several processes serve the same council, so the truth is in the database. Each process keeps
what it last read for `LANGUAGE_REFRESH_SECONDS` (and forgets it at once when it made the
change itself); catalogues are compiled once per revision.
"""

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache

from babel.messages.pofile import PoFileError
from babel.support import NullTranslations

from app.config import get_settings
from app.db import new_session
from app.i18n import ENGLISH as ENGLISH_ACTIVE
from app.i18n import Active
from app.languages import catalogues, repository
from app.languages.models import LanguageStatus
from app.languages.registry import ENGLISH, PSEUDO, TRANSLATED, Language

_KEEP_COMPILED = 16
log = logging.getLogger("said_and_done.languages")


@dataclass(frozen=True)
class State:
    status: LanguageStatus
    revision: int


class _Cache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._states: dict[str, State] = {}
        self._read_at: float | None = None
        self._compiled: OrderedDict[tuple[str, int], NullTranslations] = OrderedDict()

    def states(self) -> dict[str, State]:
        """Every language's status and revision; a query only when the cache is stale."""
        with self._lock:
            fresh_for = get_settings().language_refresh_seconds
            if self._read_at is not None and time.monotonic() - self._read_at < fresh_for:
                return self._states
        with new_session() as db:
            rows = repository.states(db)
        states = {code: State(status, revision) for code, status, revision in rows}
        with self._lock:
            self._states, self._read_at = states, time.monotonic()
        return states

    def is_stale(self) -> bool:
        fresh_for = get_settings().language_refresh_seconds
        return self._read_at is None or time.monotonic() - self._read_at >= fresh_for

    def forget(self) -> None:
        with self._lock:
            self._read_at = None

    def compiled(self, language: Language, revision: int) -> NullTranslations | None:
        with self._lock:
            found = self._compiled.get((language.code, revision))
            if found is not None:
                self._compiled.move_to_end((language.code, revision))
            return found

    def translations(self, language: Language, revision: int) -> NullTranslations:
        key = (language.code, revision)
        if (found := self.compiled(language, revision)) is not None:
            return found
        with new_session() as db:
            uploaded = repository.uploaded_catalogue(db, language.code)
        try:
            compiled: NullTranslations = catalogues.compile_catalog(
                catalogues.parse(uploaded or catalogues.shipped_text(language))
            )
        except (OSError, ValueError, PoFileError):
            # Uploads are checked before they are stored, so this is a damaged file or row:
            # young people get English rather than an error page, and the logs say why.
            log.exception("the %s catalogue could not be read; showing English", language.code)
            compiled = NullTranslations()
        with self._lock:
            self._compiled[key] = compiled
            while len(self._compiled) > _KEEP_COMPILED:
                self._compiled.popitem(last=False)
        return compiled


_cache = _Cache()
_DRAFT = State(LanguageStatus.DRAFT, 0)  # a language nobody at the council has touched yet


def states() -> dict[str, State]:
    return _cache.states()


def needs_reading() -> bool:
    """Whether `states()` would query the database (async callers move it off the loop)."""
    return _cache.is_stale()


def forget() -> None:
    """After committing a change: this process reads the database again next time."""
    _cache.forget()


def offered(known: dict[str, State]) -> list[Language]:
    """What a young person can pick: English and every language the council switched on."""
    on = [lang for lang in TRANSLATED if known.get(lang.code, _DRAFT).status is LanguageStatus.ON]
    return [ENGLISH, *on]


def usable(language: Language, known: dict[str, State]) -> bool:
    if language is ENGLISH:
        return True
    if language is PSEUDO:
        return not get_settings().is_production
    return language in offered(known)


def ready(language: Language, known: dict[str, State]) -> bool:
    """Whether `activate` can answer without reading or compiling anything."""
    if language in (ENGLISH, PSEUDO):
        return True
    return _cache.compiled(language, known.get(language.code, _DRAFT).revision) is not None


def activate(language: Language, known: dict[str, State]) -> Active:
    """The language a request will speak (may read and compile its catalogue)."""
    if language is ENGLISH:
        return ENGLISH_ACTIVE
    if language is PSEUDO:
        return Active(code=PSEUDO.code, locale="en", translations=_pseudo_translations())
    state = known.get(language.code, _DRAFT)
    return Active(
        code=language.code,
        locale=language.locale,
        translations=_cache.translations(language, state.revision),
    )


@cache
def _pseudo_translations() -> NullTranslations:
    return catalogues.compile_catalog(catalogues.pseudo_catalog())
