"""Putting notifications in the outbox, in the same transaction as the change they announce."""

import json
import re
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col

from app.audit.service import record
from app.config import Settings, get_settings
from app.forms import Refused
from app.i18n import gettext as _
from app.notifications.addresses import mobile_number
from app.notifications.models import UNCONFIRMED, Channel, OutboxMessage, OutboxStatus
from app.notifications.templates import is_known_template
from app.people.models import User
from app.timeutil import quiet_hours_end, utcnow

MAX_VALUE_LENGTH = 200
MAX_FIELDS = 20
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")


class NotificationRefused(ValueError):
    """The message breaks the outbox rules. The text names the rule, never the value."""


def enqueue_email(
    db: Session,
    *,
    to: str,
    template: str,
    personalisation: dict[str, str],
    for_young_person: bool = False,
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

    `for_young_person`: the message waits out the council's quiet hours (see `_enqueue`).
    """
    address = to.strip()
    if len(address) > 254 or not _EMAIL.match(address):
        raise NotificationRefused("the recipient is not an email address")
    return _enqueue(db, Channel.EMAIL, address, template, personalisation, for_young_person)


def enqueue_sms(
    db: Session,
    *,
    to: str,
    template: str,
    personalisation: dict[str, str],
    for_young_person: bool = False,
) -> OutboxMessage:
    """As `enqueue_email`, for a text message to a mobile number (kept in E.164): the same
    rules for templates and personalisation, and the same transaction."""
    try:
        number = mobile_number(to)
    except ValueError:
        raise NotificationRefused("the recipient is not a mobile number") from None
    return _enqueue(db, Channel.SMS, number, template, personalisation, for_young_person)


def _check_personalisation(personalisation: dict[str, str]) -> str:
    """The rules every message follows, whatever the channel; returns the stored JSON."""
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
    return json.dumps(personalisation, sort_keys=True)


def _enqueue(
    db: Session,
    channel: Channel,
    recipient: str,
    template: str,
    personalisation: dict[str, str],
    for_young_person: bool,
) -> OutboxMessage:
    """A message to a young person queued in quiet hours is due when they end."""
    if not is_known_template(template):
        raise NotificationRefused("unknown template key (see app/notifications/templates.py)")
    now = utcnow()
    message = OutboxMessage(
        channel=channel,
        recipient=recipient,
        template=template,
        personalisation=_check_personalisation(personalisation),
        for_young_person=for_young_person,
        next_attempt_at=after_quiet_hours(now, get_settings()) if for_young_person else now,
        created_at=now,
    )
    db.add(message)
    db.flush()  # assigns the id; still inside the caller's transaction
    return message


def after_quiet_hours(moment: datetime, settings: Settings) -> datetime:
    """`moment`, or the end of the council's quiet hours when it falls inside them."""
    end = quiet_hours_end(moment, settings.quiet_hours_start, settings.quiet_hours_end)
    return end or moment


def forget_young_recipients(db: Session, recipients: Iterable[str]) -> None:
    """Young people's messages to these addresses go from the outbox (waiting, sent or given
    up): they turned news off, or their words were deleted. One being sent at this moment
    finishes, and the retention job removes it later."""
    chosen = sorted(set(recipients))
    if not chosen:
        return
    db.execute(
        delete(OutboxMessage).where(
            col(OutboxMessage.for_young_person).is_(True),
            col(OutboxMessage.recipient).in_(chosen),
            col(OutboxMessage.status) != OutboxStatus.SENDING,
        )
    )


class NotDead(Refused):
    """Only a given-up message can be tried again (another officer may have done it first)."""


def try_again(db: Session, *, message: OutboxMessage | None, actor: User) -> None:
    """Staff send a given-up message again, from its first attempt, once they have fixed the
    cause (a template id, the API key). The worker looks it up at Notify before sending, in
    case its last attempt did arrive. Audited."""
    if message is None or message.status is not OutboxStatus.DEAD:
        raise NotDead(_("This message is not in the not-delivered list any more."))
    now = utcnow()
    message.status = OutboxStatus.PENDING
    message.attempts = 0
    message.claimed_at = None
    message.next_attempt_at = (
        after_quiet_hours(now, get_settings()) if message.for_young_person else now
    )
    message.last_error = f"{UNCONFIRMED}tried_again_by_staff"
    db.add(message)
    record(
        db,
        actor=actor,
        action="outbox.try_again",
        object_type="outbox_message",
        object_id=message.id or 0,
    )
    db.flush()
