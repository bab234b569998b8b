"""Putting notifications in the outbox, in the same transaction as the change they announce."""

import json
import re

from sqlmodel import Session

from app.notifications.models import Channel, OutboxMessage
from app.notifications.templates import is_known_template

MAX_VALUE_LENGTH = 200
MAX_FIELDS = 20
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")


class NotificationRefused(ValueError):
    """The message breaks the outbox rules. The text names the rule, never the value."""


def enqueue_email(
    db: Session, *, to: str, template: str, personalisation: dict[str, str]
) -> OutboxMessage:
    """Adds an email to the outbox in the caller's transaction; the caller commits (or not).

    Nothing is sent here: the worker (`app.notifications.worker`) sends committed rows, so a
    transaction that rolls back leaves no message behind, and a slow provider never slows a page.

    `template` is a stable key from `app.notifications.templates` (e.g. "safeguarding_alert"),
    not a Notify template id.

    `personalisation` holds LINKS AND COUNTS ONLY: a URL to sign in and look, a number of new
    items, a reference. Never a child's words, names, care details, or anything about what
    was said: email leaves our control, sits in inboxes and on phones, and is forwarded. The
    reader follows the link and signs in to see the detail. This cannot be enforced fully; values
    longer than 200 characters, non-text values and odd field names are refused to make the
    mistake hard to make.
    """
    if not is_known_template(template):
        raise NotificationRefused("unknown template key (see app/notifications/templates.py)")
    address = to.strip()
    if len(address) > 254 or not _EMAIL.match(address):
        raise NotificationRefused("the recipient is not an email address")
    if len(personalisation) > MAX_FIELDS:
        raise NotificationRefused(f"at most {MAX_FIELDS} personalisation fields")
    for name, value in personalisation.items():
        if not isinstance(name, str) or not _FIELD_NAME.match(name):
            raise NotificationRefused("personalisation field names are lower_snake_case")
        if not isinstance(value, str):
            raise NotificationRefused(f"personalisation field {name!r} must be text")
        if len(value) > MAX_VALUE_LENGTH:
            raise NotificationRefused(
                f"personalisation field {name!r} is over {MAX_VALUE_LENGTH} characters: "
                "send links and counts only, never what a young person said"
            )
    message = OutboxMessage(
        channel=Channel.EMAIL,
        recipient=address,
        template=template,
        personalisation=json.dumps(personalisation, sort_keys=True),
    )
    db.add(message)
    db.flush()  # assigns the id; still inside the caller's transaction
    return message
