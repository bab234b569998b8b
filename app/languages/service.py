"""The council's rules for languages, and English summaries of young people's words.

A language is offered to young people only after someone at the council has marked its
catalogue reviewed, and only while every young people's message (the safeguarding and privacy
ones above all) is translated in it. Every change is audited.
"""

from dataclasses import dataclass

from pydantic import field_validator
from sqlmodel import Session

from app.audit.service import record
from app.forms import Refused, StrictForm, required_text
from app.i18n import gettext as _
from app.languages import catalogues, repository
from app.languages.models import (
    MAX_SUMMARY_CHARS,
    ItemEnglishSummary,
    LanguageSetting,
    LanguageStatus,
)
from app.languages.registry import Language
from app.people.models import User
from app.timeutil import utcnow
from app.voice.models import Item

_LISTED = 5  # missing messages named in a refusal; the language's page lists them all


@dataclass(frozen=True)
class LanguageView:
    """One language as the admin page shows it."""

    language: Language
    setting: LanguageSetting | None
    coverage: catalogues.Coverage

    @property
    def status(self) -> LanguageStatus:
        return self.setting.status if self.setting else LanguageStatus.DRAFT

    @property
    def uploaded(self) -> bool:
        return bool(self.setting and self.setting.catalogue)


def catalogue_text(language: Language, setting: LanguageSetting | None) -> str:
    """The catalogue in use: the council's upload, else the draft shipped with the app."""
    if setting is not None and setting.catalogue:
        return setting.catalogue
    return catalogues.shipped_text(language)


def view_of(language: Language, setting: LanguageSetting | None) -> LanguageView:
    catalog = catalogues.parse(catalogue_text(language, setting))
    return LanguageView(language, setting, catalogues.coverage(catalog))


def _setting_for(db: Session, language: Language) -> LanguageSetting:
    setting = repository.setting(db, language.code)
    if setting is None:
        setting = LanguageSetting(code=language.code)
        db.add(setting)
        db.flush()
    return setting


def _changed(db: Session, setting: LanguageSetting, *, actor: User, action: str) -> None:
    setting.revision += 1
    setting.updated_at = utcnow()
    db.add(setting)
    db.flush()
    record(db, actor=actor, action=action, object_type="language", object_id=setting.id or 0)


def mark_reviewed(db: Session, *, actor: User, language: Language) -> None:
    """Someone at the council has checked the translation (who and when are kept)."""
    setting = _setting_for(db, language)
    if setting.status is LanguageStatus.DRAFT:
        setting.status = LanguageStatus.REVIEWED
    setting.reviewed_by_id, setting.reviewed_at = actor.id, utcnow()
    _changed(db, setting, actor=actor, action="language.reviewed")


def switch_on(db: Session, *, actor: User, language: Language) -> None:
    setting = _setting_for(db, language)
    if setting.status is LanguageStatus.DRAFT:
        raise Refused(
            _("Mark %(language)s as reviewed before you switch it on.")
            % {"language": language.english_name}
        )
    refuse_unless_complete(view_of(language, setting).coverage, language)
    setting.status = LanguageStatus.ON
    setting.switched_on_by_id, setting.switched_on_at = actor.id, utcnow()
    _changed(db, setting, actor=actor, action="language.switched_on")


def switch_off(db: Session, *, actor: User, language: Language) -> None:
    setting = _setting_for(db, language)
    if setting.status is LanguageStatus.ON:
        setting.status = LanguageStatus.REVIEWED
    _changed(db, setting, actor=actor, action="language.switched_off")


def refuse_unless_complete(coverage: catalogues.Coverage, language: Language) -> None:
    """Safety first: a young person must never miss what happens if they say they are not safe."""
    if coverage.missing_safety:
        raise Refused(
            _(
                "%(language)s cannot be switched on: %(count)s safeguarding or privacy "
                "messages are not translated, for example “%(example)s”."
            )
            % {
                "language": language.english_name,
                "count": len(coverage.missing_safety),
                "example": coverage.missing_safety[0],
            }
        )
    if coverage.missing_other:
        raise Refused(
            _(
                "%(language)s cannot be switched on: %(count)s messages are not translated, "
                "for example “%(example)s”."
            )
            % {
                "language": language.english_name,
                "count": len(coverage.missing_other),
                "example": "”, “".join(coverage.missing_other[:_LISTED]),
            }
        )


def upload_catalogue(db: Session, *, actor: User, language: Language, raw: bytes) -> int:
    """Replaces the catalogue in use; returns how many young people's messages it translates.

    A file that cannot be used is refused whole and the previous catalogue stays. While the
    language is on, the new file must be complete too, so switching files never leaves a young
    person without a message.
    """
    try:
        catalog = catalogues.check_upload(raw, language)
    except catalogues.CatalogueRefused as refusal:
        raise Refused(refusal.message, field="catalogue") from None
    setting = _setting_for(db, language)
    coverage = catalogues.coverage(catalog)
    if setting.status is LanguageStatus.ON:
        try:
            refuse_unless_complete(coverage, language)
        except Refused as refusal:
            raise Refused(
                refusal.message + " " + _("Switch it off first, or upload a complete file."),
                field="catalogue",
            ) from None
    setting.catalogue = raw.decode("utf-8")
    setting.uploaded_by_id, setting.uploaded_at = actor.id, utcnow()
    _changed(db, setting, actor=actor, action="language.catalogue_uploaded")
    return len(catalogues.young_messages()) - len(coverage.missing_safety + coverage.missing_other)


# English summaries --------------------------------------------------------------------------


class SummaryForm(StrictForm):
    summary: str = ""

    @field_validator("summary")
    @classmethod
    def _summary(cls, value: str) -> str:
        return required_text(
            value, _("Write the summary in English before you save it."), MAX_SUMMARY_CHARS
        )


def record_english_summary(db: Session, *, actor: User, item: Item, text: str) -> None:
    """Staff's English summary beside the original; the young person's words are not touched."""
    if item.erased_at is not None:
        raise Refused(_("The words were deleted, so there is nothing to summarise."), "summary")
    summary = repository.english_summary(db, item.id or 0) or ItemEnglishSummary(
        item_id=item.id or 0, text=text
    )
    summary.text, summary.written_by_id, summary.written_at = text, actor.id, utcnow()
    db.add(summary)
    record(
        db, actor=actor, action="item.english_summary", object_type="item", object_id=item.id or 0
    )
