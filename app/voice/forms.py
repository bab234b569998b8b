"""The young person's choice to hear about news on an item: email, text message, both or neither."""

from typing import Literal

from pydantic import ValidationInfo, field_validator

from app.forms import StrictForm
from app.i18n import gettext as _
from app.notifications.addresses import email_address, mobile_number, national_number
from app.voice.models import NewsContact


class NewsForm(StrictForm):
    """Both boxes start unticked. An address typed without its box ticked is not kept."""

    by_email: Literal["yes", ""] = ""
    email: str = ""
    by_text: Literal["yes", ""] = ""
    phone: str = ""

    @field_validator("email")
    @classmethod
    def _email(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("by_email") != "yes":
            return ""
        if not value:
            raise ValueError(_("Write your email address, or untick Email."))
        return email_address(value)

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("by_text") != "yes":
            return ""
        if not value:
            raise ValueError(_("Write your mobile number, or untick Text message."))
        return mobile_number(value)


def saved_values(contact: NewsContact | None) -> dict[str, str]:
    """The form as the young person last saved it (everything off when they never chose)."""
    if contact is None:
        return {}
    return {
        "by_email": "yes" if contact.email else "",
        "email": contact.email or "",
        "by_text": "yes" if contact.phone else "",
        "phone": national_number(contact.phone) if contact.phone else "",
    }
