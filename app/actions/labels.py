"""Staff words for action statuses, organisations and link kinds (translated when rendered)."""

from app.actions.models import ActionStatus, LinkKind, OrganisationKind
from app.i18n import lazy_gettext

STATUS_LABELS = {
    ActionStatus.NOT_STARTED: lazy_gettext("Not started"),
    ActionStatus.ON_TRACK: lazy_gettext("On track"),
    ActionStatus.AT_RISK: lazy_gettext("At risk"),
    ActionStatus.OFF_TRACK: lazy_gettext("Off track"),
    ActionStatus.DONE: lazy_gettext("Done"),
    ActionStatus.DROPPED: lazy_gettext("Dropped"),
}
STATUS_TAGS = {  # GOV.UK tag colours
    ActionStatus.NOT_STARTED: "govuk-tag--grey",
    ActionStatus.ON_TRACK: "govuk-tag--green",
    ActionStatus.AT_RISK: "govuk-tag--yellow",
    ActionStatus.OFF_TRACK: "govuk-tag--red",
    ActionStatus.DONE: "govuk-tag--blue",
    ActionStatus.DROPPED: "govuk-tag--grey",
}
ORGANISATION_LABELS = {
    OrganisationKind.COUNCIL: lazy_gettext("Council directorate"),
    OrganisationKind.HOUSING: lazy_gettext("Housing"),
    OrganisationKind.HEALTH: lazy_gettext("Health or integrated care board"),
    OrganisationKind.SCHOOLS: lazy_gettext("Schools"),
    OrganisationKind.POLICE: lazy_gettext("Police"),
    OrganisationKind.PROBATION: lazy_gettext("Probation"),
    OrganisationKind.VOLUNTARY: lazy_gettext("Voluntary sector"),
    OrganisationKind.OTHER: lazy_gettext("Other"),
}
LINK_LABELS = {
    LinkKind.PROMPTED_BY: lazy_gettext("Prompted by"),
    LinkKind.ANSWERS: lazy_gettext("Answers"),
}
YOUNG_STATUS_LABELS = {  # for young people: plain words
    ActionStatus.NOT_STARTED: lazy_gettext("Not started yet"),
    ActionStatus.ON_TRACK: lazy_gettext("Going well"),
    ActionStatus.AT_RISK: lazy_gettext("Might be late"),
    ActionStatus.OFF_TRACK: lazy_gettext("Running late"),
    ActionStatus.DONE: lazy_gettext("Done"),
    ActionStatus.DROPPED: lazy_gettext("Stopped"),
}
