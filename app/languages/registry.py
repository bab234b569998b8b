"""The languages Said & Done ships draft catalogues for, and how each is named and written."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47 tag: <html lang>, ?lang=, the session, Item.language ("fa-AF")
    locale: str  # Babel/CLDR locale id and the catalogue's folder ("fa_AF")
    english_name: str  # what staff read
    native_name: str  # what a young person looks for in the list
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


ENGLISH = Language("en", "en", "English", "English")
# Pseudo-localisation for tests and development only: accented, ~40% longer, so that untranslated
# or clipped text stands out. Never offered in production.
PSEUDO = Language("en-XA", "en_XA", "Pseudo-English (testing)", "Ƥšéûðö")

TRANSLATED: tuple[Language, ...] = (
    Language("cy", "cy", "Welsh", "Cymraeg"),
    Language("ar", "ar", "Arabic", "العربية", rtl=True),
    Language("ps", "ps", "Pashto", "پښتو", rtl=True),
    Language("fa-AF", "fa_AF", "Dari", "دری", rtl=True),
    Language("ckb", "ckb", "Kurdish (Sorani)", "کوردیی سۆرانی", rtl=True),
    Language("ti", "ti", "Tigrinya", "ትግርኛ"),
    Language("sq", "sq", "Albanian", "Shqip"),
    Language("vi", "vi", "Vietnamese", "Tiếng Việt"),
)

_BY_KEY = {
    key: language
    for language in (ENGLISH, PSEUDO, *TRANSLATED)
    for key in (language.code.lower(), language.locale.lower())
}


def by_code(code: str) -> Language | None:
    """ "fa-AF", "fa_af" and "FA-AF" are all Dari; anything unknown is None."""
    return _BY_KEY.get(code.strip().lower())


def translated(code: str) -> Language | None:
    """One of the shipped translations (not English, not the pseudo-locale)."""
    language = by_code(code)
    return language if language in TRANSLATED else None
