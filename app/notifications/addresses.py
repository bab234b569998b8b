"""Checking the email addresses and mobile numbers young people give us for news.

Well-kept libraries do the checking: `email-validator` for the address (its syntax only: the
server makes no DNS look-up, nothing leaves it) and `phonenumbers` for the number (a UK number
may be typed as 07..., any layout; it must be a mobile, and is kept in E.164, +447...).
The messages are for young people; `mask` is what staff may see instead of the real thing.
"""

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from app.i18n import gettext as _

DEFAULT_REGION = "GB"
MOBILE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)
MAX_EMAIL_CHARS = 254


def email_address(typed: str) -> str:
    """The address as email-validator normalises it; ValueError with a plain message if not."""
    text = typed.strip()
    if len(text) > MAX_EMAIL_CHARS:
        raise ValueError(_("That email address is too long. Check it and try again."))
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError(
            _("That email address does not look right. Check it. It looks like name@example.com")
        ) from None


def mobile_number(typed: str) -> str:
    """A mobile number in E.164 (+447911123456); ValueError with a plain message if not."""
    message = _("That is not a mobile number we can text. Check it. It looks like 07911 123456")
    if len(typed) > 40:
        raise ValueError(message)
    try:
        number = phonenumbers.parse(typed, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise ValueError(message) from None
    if not phonenumbers.is_valid_number(number) or (
        phonenumbers.number_type(number) not in MOBILE_TYPES
    ):
        raise ValueError(message)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_number(stored: str) -> str:
    """A stored number as its owner would type it: "07911 123456" (+33... for other countries)."""
    number = phonenumbers.parse(stored, DEFAULT_REGION)
    if number.country_code == phonenumbers.country_code_for_region(DEFAULT_REGION):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask(recipient: str) -> str:
    """Enough for staff to tell messages apart, not enough to contact anyone:
    "s•••@e•••.org", "+44•••••••456"."""
    if "@" in recipient:
        local, _at, domain = recipient.rpartition("@")
        name, dot, top = domain.rpartition(".")
        return f"{local[:1]}•••@{(name or top)[:1]}•••{dot}{top if name else ''}"
    return f"{recipient[:3]}•••••••{recipient[-3:]}"
