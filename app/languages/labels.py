"""Staff words for a language's status (translated when rendered)."""

from app.i18n import lazy_gettext
from app.languages.models import LanguageStatus

STATUS_LABELS = {
    LanguageStatus.DRAFT: lazy_gettext("Draft: not checked by the council"),
    LanguageStatus.REVIEWED: lazy_gettext("Reviewed, not on"),
    LanguageStatus.ON: lazy_gettext("On: young people can choose it"),
}
STATUS_TAGS = {
    LanguageStatus.DRAFT: "govuk-tag--yellow",
    LanguageStatus.REVIEWED: "govuk-tag--blue",
    LanguageStatus.ON: "govuk-tag--green",
}
