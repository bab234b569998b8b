"""Reading the action forms: only known fields, cleaned, and everything typed kept."""

from datetime import date

from pydantic import field_validator

from app.actions.models import ActionStatus, LinkKind, OrganisationKind
from app.forms import StrictForm, required_text, text_within, whole_number
from app.i18n import gettext as _

MAX_TITLE = 200
MAX_DESCRIPTION = 2000
MAX_ORGANISATION = 120
MAX_STAFF_TEXT = 4000
MAX_EVIDENCE = 500
MAX_YOUNG_TEXT = 200
MAX_REASON = 300
UPDATE_STATUSES = (
    ActionStatus.NOT_STARTED,
    ActionStatus.ON_TRACK,
    ActionStatus.AT_RISK,
    ActionStatus.OFF_TRACK,
    ActionStatus.DONE,
)


class ActionForm(StrictForm):
    title: str = ""
    description: str = ""
    owner: str = ""
    organisation_kind: str = ""
    organisation_name: str = ""
    due_on: str = ""

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return required_text(value, _("Enter what will be done."), MAX_TITLE)

    @field_validator("description")
    @classmethod
    def _description(cls, value: str) -> str:
        return text_within(value, MAX_DESCRIPTION)

    @field_validator("owner")
    @classmethod
    def _owner(cls, value: str) -> str:
        if whole_number(value) is None:
            raise ValueError(_("Choose who owns this action."))
        return value

    @field_validator("organisation_kind")
    @classmethod
    def _organisation_kind(cls, value: str) -> str:
        if value not in {kind.value for kind in OrganisationKind}:
            raise ValueError(_("Choose the kind of organisation."))
        return value

    @field_validator("organisation_name")
    @classmethod
    def _organisation_name(cls, value: str) -> str:
        return required_text(value, _("Enter the organisation's name."), MAX_ORGANISATION)

    @field_validator("due_on")
    @classmethod
    def _due_on(cls, value: str) -> str:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(_("Enter a real date, for example 2027-03-14.")) from None
        return value

    @property
    def owner_id(self) -> int:
        return int(self.owner)

    @property
    def kind(self) -> OrganisationKind:
        return OrganisationKind(self.organisation_kind)

    @property
    def due(self) -> date:
        return date.fromisoformat(self.due_on)


class UpdateForm(StrictForm):
    status: str = ""
    staff_text: str = ""
    evidence: str = ""
    young_text: str = ""

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in {status.value for status in UPDATE_STATUSES}:
            raise ValueError(_("Choose how the action is going."))
        return value

    @field_validator("staff_text")
    @classmethod
    def _staff_text(cls, value: str) -> str:
        return required_text(
            value, _("Write what has happened since the last update."), MAX_STAFF_TEXT
        )

    @field_validator("evidence")
    @classmethod
    def _evidence(cls, value: str) -> str:
        return text_within(value, MAX_EVIDENCE)

    @field_validator("young_text")
    @classmethod
    def _young_text(cls, value: str) -> str:
        return required_text(
            value, _("Write one short line for young people about this update."), MAX_YOUNG_TEXT
        )

    @property
    def new_status(self) -> ActionStatus:
        return ActionStatus(self.status)


class DropForm(StrictForm):
    reason: str = ""

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str) -> str:
        return required_text(
            value, _("Write why the action is stopping. Young people will read it."), MAX_REASON
        )


class LinkForm(StrictForm):
    kind: str = ""

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in {kind.value for kind in LinkKind}:
            raise ValueError(_("Choose how the items and the action are linked."))
        return value

    @property
    def link_kind(self) -> LinkKind:
        return LinkKind(self.kind)
