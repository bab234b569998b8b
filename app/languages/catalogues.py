"""Catalogues: the young people's messages, the drafts we ship, checking an uploaded one, and
compiling any of them at run time (no build step, so a council's upload works at once).

"Young people's messages" are defined in one place: `babel-young.cfg` lists the templates and
modules of young people's pages, and `make i18n` extracts them into `app/locales/young.pot`.
A message whose source carries a `SAFETY:` comment is a safeguarding or privacy message: a
language can only be switched on when every one of those is translated. Only those comments are
extracted into young.pot (`-c SAFETY:`), so a message with a comment there is one of them.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from io import BytesIO

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from app.i18n import LOCALES_DIR
from app.languages.registry import Language

YOUNG_TEMPLATE = LOCALES_DIR / "young.pot"
DOMAIN = "messages"
MAX_CATALOGUE_BYTES = 1024 * 1024

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]|\{(\w+)\}")
_TAG = re.compile(r"<[^<>]*>")
_PROBLEMS_SHOWN = 3


class CatalogueRefused(Exception):
    """An uploaded catalogue that cannot be used; `message` says why, for the admin."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class YoungMessage:
    id: str | tuple[str, str]  # a tuple for messages with a plural
    safety: bool

    @property
    def key(self) -> str:
        return self.id if isinstance(self.id, str) else self.id[0]


@cache
def young_messages() -> tuple[YoungMessage, ...]:
    """Every message young people's pages can show, from `app/locales/young.pot`."""
    with YOUNG_TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    return tuple(
        YoungMessage(
            id=message.id if isinstance(message.id, str) else (message.id[0], message.id[1]),
            safety=bool(message.auto_comments),
        )
        for message in template
        if message.id
    )


def safety_keys() -> frozenset[str]:
    return frozenset(message.key for message in young_messages() if message.safety)


def shipped_path(language: Language) -> str:
    return str(LOCALES_DIR / language.locale / "LC_MESSAGES" / f"{DOMAIN}.po")


def shipped_text(language: Language) -> str:
    with open(shipped_path(language), encoding="utf-8") as handle:
        return handle.read()


def parse(text: str) -> Catalog:
    return read_po(BytesIO(text.encode("utf-8")), abort_invalid=True)


def translated_keys(catalog: Catalog) -> frozenset[str]:
    """Messages with every form translated (a half-translated plural does not count)."""
    return frozenset(
        message.id if isinstance(message.id, str) else message.id[0]
        for message in catalog
        if message.id and _is_translated(message)
    )


def forms_of(message: Message) -> tuple[str, ...]:
    """A translation's forms: one, or one per plural form of the language."""
    string = message.string
    return (string,) if isinstance(string, str) else tuple(string or ())


def _is_translated(message: Message) -> bool:
    forms = forms_of(message)
    return not message.fuzzy and bool(forms) and all(forms)


@dataclass(frozen=True)
class Coverage:
    """What a catalogue still lacks, safeguarding and privacy messages first."""

    missing_safety: tuple[str, ...]
    missing_other: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing_safety and not self.missing_other


def coverage(catalog: Catalog) -> Coverage:
    done = translated_keys(catalog)
    missing = [message for message in young_messages() if message.key not in done]
    return Coverage(
        missing_safety=tuple(message.key for message in missing if message.safety),
        missing_other=tuple(message.key for message in missing if not message.safety),
    )


def compile_catalog(catalog: Catalog) -> Translations:
    """A .po catalogue as gettext translations, in memory; untranslated messages stay English."""
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


# Checking an uploaded catalogue -------------------------------------------------------------


def check_upload(raw: bytes, language: Language) -> Catalog:
    """The catalogue in `raw` if it is safe to use for `language`; else CatalogueRefused."""
    if len(raw) > MAX_CATALOGUE_BYTES:
        raise CatalogueRefused("The file is too big for a catalogue (the limit is 1 MB).")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogueRefused(
            "The file is not UTF-8 text. Save it as UTF-8 (a .po file) and upload it again."
        ) from None
    try:
        catalog = parse(text)
    except (PoFileError, ValueError, IndexError) as error:
        raise CatalogueRefused(
            f"This is not a .po catalogue we can read ({error}). Upload the .po file itself."
        ) from None
    found = catalog.locale
    if found is None or str(found) != str(Locale.parse(language.locale)):
        named = found.english_name if found is not None else "no language we know"
        raise CatalogueRefused(
            f"This catalogue is for {named}, not {language.english_name}. "
            f"Check the “Language:” line at the top of the file says {language.locale}."
        )
    problems = list(message_problems(catalog))
    if problems:
        shown = " ".join(problems[:_PROBLEMS_SHOWN])
        more = len(problems) - _PROBLEMS_SHOWN
        raise CatalogueRefused(
            f"{shown} Nothing was changed."
            + (f" ({more} more problems like these.)" if more > 0 else "")
        )
    young = {message.key for message in young_messages()}
    if not translated_keys(catalog) & young:
        raise CatalogueRefused(
            "This catalogue translates none of the young people's messages. Nothing was changed."
        )
    return catalog


def message_problems(catalog: Catalog) -> Iterable[str]:
    """Translations that would break a page or put markup on it that the English has not."""
    for message in catalog:
        if not message.id or not _is_translated(message):
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        forms = forms_of(message)
        if not isinstance(message.id, str) and len(forms) != catalog.num_plurals:
            yield (
                f"Line {message.lineno}: “{ids[0]}” needs {catalog.num_plurals} plural forms, "
                f"not {len(forms)}."
            )
            continue
        wanted = set().union(*(_placeholders(text) for text in ids))
        for form in forms:
            if problem := _form_problem(ids, form, wanted, plural=len(ids) > 1):
                yield f"Line {message.lineno}: the translation of “{ids[0]}” {problem}."
                break


def _placeholders(text: str) -> set[str]:
    return {named or braced for named, braced in _PLACEHOLDER.findall(text)}


def _form_problem(ids: tuple[str, ...], form: str, wanted: set[str], *, plural: bool) -> str:
    have = _placeholders(form)
    if have - wanted:
        return "has placeholders the English does not: " + ", ".join(sorted(have - wanted))
    # A plural form may leave out the number ("one vote"); anything else must keep them all.
    if not plural and wanted - have:
        return "must keep these placeholders: " + ", ".join(sorted(wanted - have))
    if sorted(_TAG.findall(form)) != sorted(_TAG.findall(ids[0])) or "<" in _TAG.sub("", form):
        return "has HTML the English does not"
    values = dict.fromkeys(wanted, 1)
    if _formats(ids[0], values) and not _formats(form, values):
        return "has a stray % sign (write %% for a percent sign)"
    return ""


_UNNAMED = re.compile(r"%(?!\(\w+\)[sdifr])")


def _formats(text: str, values: dict[str, int]) -> bool:
    """Whether pages can fill `text` in: named placeholders and %% only (a lone "%s" would
    print the whole dictionary of values; a lone "%" fails)."""
    if _UNNAMED.search(text.replace("%%", "")):
        return False
    try:
        text % values
    except (ValueError, TypeError, KeyError):
        return False
    return True


# Pseudo-localisation ------------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_VOWELS = re.compile(r"([aeiouAEIOU])")
_KEPT = re.compile(r"(%\(\w+\)[sdifr]|\{\w+\}|<[^<>]*>|&\w+;|%%)")


def pseudo(text: str) -> str:
    """ "Send" → "[Šéééñð]": every letter accented and every vowel doubled (about 40% longer),
    placeholders and markup untouched, so clipped or untranslated text is easy to spot."""
    parts = _KEPT.split(text)
    for index in range(0, len(parts), 2):
        parts[index] = _VOWELS.sub(r"\1\1", parts[index]).translate(_ACCENTED)
    return "[" + "".join(parts) + "]"


@cache
def pseudo_catalog() -> Catalog:
    catalog = Catalog(locale="en", domain=DOMAIN)
    for message in young_messages():
        if isinstance(message.id, str):
            catalog.add(message.id, pseudo(message.id))
        else:
            catalog.add(message.id, (pseudo(message.id[0]), pseudo(message.id[1])))
    return catalog
