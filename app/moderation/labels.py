"""Staff words for moderation states and decisions (translated when rendered)."""

from app.i18n import lazy_gettext
from app.moderation.models import RedactionKind, Sharing

DECISION_LABELS = {
    Sharing.SHARED: lazy_gettext("Share a redacted version"),
    Sharing.PRIVATE: lazy_gettext("Keep private to staff"),
    Sharing.FOLLOW_UP: lazy_gettext("Follow up with the young person"),
    Sharing.NOT_SHARED: lazy_gettext("Do not share"),
    Sharing.SAFEGUARDING: lazy_gettext("Safeguarding: raise a case"),
}
SHARING_LABELS = {
    Sharing.PENDING: lazy_gettext("Waiting for a decision"),
    Sharing.SHARED: lazy_gettext("Shared"),
    Sharing.PRIVATE: lazy_gettext("Private to staff"),
    Sharing.FOLLOW_UP: lazy_gettext("Following up"),
    Sharing.NOT_SHARED: lazy_gettext("Not shared"),
    Sharing.SAFEGUARDING: lazy_gettext("Held for safeguarding"),
}
REDACTION_LABELS = {
    RedactionKind.NAME: lazy_gettext("Name"),
    RedactionKind.PHONE: lazy_gettext("Phone number"),
    RedactionKind.EMAIL: lazy_gettext("Email address"),
    RedactionKind.POSTCODE: lazy_gettext("Postcode"),
    RedactionKind.ADDRESS: lazy_gettext("Address"),
    RedactionKind.SCHOOL: lazy_gettext("School or college"),
    RedactionKind.DATE_OF_BIRTH: lazy_gettext("Date of birth"),
    RedactionKind.HANDLE: lazy_gettext("Social media name"),
    RedactionKind.OTHER: lazy_gettext("Something else"),
}
