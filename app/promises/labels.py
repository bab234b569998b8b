"""Status words: short and exact for staff, plain for young people (translated when rendered)."""

from app.i18n import lazy_gettext
from app.promises.models import PromiseStatus

STAFF_LABELS = {
    PromiseStatus.NOT_STARTED: lazy_gettext("Not started"),
    PromiseStatus.ON_TRACK: lazy_gettext("On track"),
    PromiseStatus.AT_RISK: lazy_gettext("At risk"),
    PromiseStatus.KEPT: lazy_gettext("Kept"),
    PromiseStatus.NOT_KEPT: lazy_gettext("Not kept"),
}

YOUNG_LABELS = {
    PromiseStatus.NOT_STARTED: lazy_gettext("We have not started yet"),
    PromiseStatus.ON_TRACK: lazy_gettext("Going well"),
    PromiseStatus.AT_RISK: lazy_gettext("It is not going well yet"),
    PromiseStatus.KEPT: lazy_gettext("We kept this promise"),
    PromiseStatus.NOT_KEPT: lazy_gettext("We did not keep this promise"),
}

TAG_CLASSES = {
    PromiseStatus.NOT_STARTED: "govuk-tag--grey",
    PromiseStatus.ON_TRACK: "govuk-tag--blue",
    PromiseStatus.AT_RISK: "govuk-tag--orange",
    PromiseStatus.KEPT: "govuk-tag--green",
    PromiseStatus.NOT_KEPT: "govuk-tag--red",
}
