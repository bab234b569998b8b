"""The outbox worker: claims due messages, sends them through GOV.UK Notify, records what happened.

Run it with `uv run python -m app.cli worker` (`scripts/run.sh` starts one beside the web server).

Claiming
    One short write transaction: on PostgreSQL
    ``SELECT ... WHERE (status='pending' AND next_attempt_at <= now)
    OR (status='sending' AND claimed_at <= now - lease)
    ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED``;
    on SQLite the same statement inside BEGIN IMMEDIATE (writers are serialised, so SKIP LOCKED is
    not needed and SQLAlchemy leaves it out). Claimed rows become `sending` with `claimed_at = now`
    and `attempts + 1`, and the transaction commits BEFORE anything is sent, so no lock is held
    while waiting on the network and any number of workers can run side by side.

Sending and recording
    Each claimed row is sent outside any transaction, then its outcome is written in a new short
    transaction that only applies while the row is still ours (`status='sending' AND attempts =`
    the attempt number we claimed: the attempt counter is the fencing token). `sent` is written
    the moment Notify answers 201.

Quiet hours
    Messages to young people (`for_young_person`) are never claimed inside the council's quiet
    hours (QUIET_HOURS_START to QUIET_HOURS_END, council time), whatever their next_attempt_at
    says, and a retry that would fall inside them is moved to their end. Staff and safeguarding
    alerts are never held.

Back-off
    Exponential with full jitter: a random delay in [0, min(1 h, 30 s * 2^(attempt-1))]; a 429's
    Retry-After is a floor. After NOTIFY_MAX_ATTEMPTS attempts, or at once when Notify refuses the
    message itself (a 4xx other than 401/403/429), the row becomes `dead` and an ERROR line with
    the row id and a reason code is logged: that line is the alert. Logs never hold a recipient
    or personalisation: ids and reason codes only.

Crashes and the at-least-once window
    Notify does not deduplicate by `reference`, so a resend after a lost answer would be a second
    email. Two things keep that from happening:

    1. A row that stays `sending` longer than the lease (5 minutes: the worker died or hung) is
       claimed again by any worker.
    2. Before sending a row whose previous attempt may have reached Notify (it was reclaimed after
       the lease, or the last attempt ended in a read timeout, a dropped connection, a 5xx or an
       unreadable 2xx: `last_error` starts with "unconfirmed:"), the worker asks Notify for
       notifications with this row's reference (`GET /v2/notifications?reference=`), and takes a
       match on reference, template and recipient as proof it was sent: the row is marked `sent`
       with that notification's id and nothing is sent again. If the lookup itself fails, nothing
       is sent: the row waits for its next attempt. Such retries also wait at least 2 minutes, so a
       request Notify was still working on when we gave up has finished before we look.

    So a worker killed after claiming but before sending: the row is sent once, after the lease.
    A worker killed after Notify accepted but before recording `sent`: the lookup finds the
    message and it is not sent again. A duplicate remains possible only when the lookup cannot
    see an accepted message: Notify took longer than the 2-minute wait to finish a request we had
    given up on, the message is past Notify's retention (7 days) or was sent with a different kind
    of API key (keys were swapped in between). Even then it is at most one duplicate per lost
    answer, because every answer that does arrive is recorded before anything else is sent.
    A message can also be delivered zero times only if it goes `dead`, which raises the alert.

Without an API key
    In development the worker marks messages `sent` with provider id "not-sent-development"
    and logs the row id and template key, so `make run` works with no set-up. Anywhere else it
    logs a warning and leaves messages `pending` (they are sent once a key is configured).
"""

from __future__ import annotations

import json
import logging
import random
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import col, select

from app.config import AppEnv, Settings, get_settings
from app.db import new_session
from app.notifications.models import UNCONFIRMED, Channel, OutboxMessage, OutboxStatus
from app.notifications.notify import NotifyClient, Rejected, RetryLater, Sent
from app.notifications.service import after_quiet_hours
from app.notifications.templates import template_id
from app.timeutil import utcnow

log = logging.getLogger("said_and_done.notifications")

LEASE = timedelta(minutes=5)
BATCH_SIZE = 10  # BATCH_SIZE * (send + lookup timeouts) stays well inside the lease
BACKOFF_BASE_SECONDS = 30.0
BACKOFF_CAP_SECONDS = 3600.0
RETRY_AFTER_LIMIT_SECONDS = 24 * 3600.0
UNCONFIRMED_WAIT_SECONDS = 120.0
DEVELOPMENT_PROVIDER_ID = "not-sent-development"

Outcome = Sent | RetryLater | Rejected
_rng = random.SystemRandom()  # jitter only; not security-relevant, but no shared seeded state


class DevelopmentSender:
    """Used in development when NOTIFY_API_KEY is unset: nothing leaves the machine."""


Sender = NotifyClient | DevelopmentSender


@dataclass(frozen=True)
class Claim:
    id: int
    attempts: int  # the attempt number this claim made: the fencing token
    channel: Channel
    recipient: str
    template: str
    personalisation: dict[str, str]
    created_at: datetime
    unconfirmed: bool  # a previous attempt may have reached Notify: look before sending


def reference_for(message_id: int, created_at: datetime) -> str:
    """The Notify `reference`: the outbox id, plus the creation second so that another database's
    row with the same id (a staging copy sharing the Notify service) never looks like ours."""
    return f"outbox-{message_id}-{int(created_at.timestamp())}"


def backoff_seconds(attempts: int, rng: random.Random | None = None) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2^(attempts-1))]."""
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1))
    return (rng or _rng).uniform(0, ceiling)


def _due(now: datetime) -> ColumnElement[bool]:
    due = or_(
        and_(
            col(OutboxMessage.status) == OutboxStatus.PENDING,
            col(OutboxMessage.next_attempt_at) <= now,
        ),
        and_(
            col(OutboxMessage.status) == OutboxStatus.SENDING,
            col(OutboxMessage.claimed_at) <= now - LEASE,
        ),
    )
    if after_quiet_hours(now, get_settings()) != now:
        # Quiet hours: young people's messages wait, whatever their next_attempt_at says.
        return and_(due, col(OutboxMessage.for_young_person).is_(False))
    return due


def _anything_due(now: datetime) -> bool:
    """A lock-free look first, so an idle worker never takes SQLite's write lock."""
    with new_session() as db:
        return db.exec(select(OutboxMessage.id).where(_due(now)).limit(1)).first() is not None


def claim_due(now: datetime, *, limit: int = BATCH_SIZE) -> list[Claim]:
    """Marks up to `limit` due rows `sending` (ours) and commits before anything is sent."""
    if not _anything_due(now):
        return []
    claims = []
    with new_session(for_writing=True) as db:
        rows = db.exec(
            select(OutboxMessage)
            .where(_due(now))
            .order_by(col(OutboxMessage.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        for row in rows:
            assert row.id is not None
            reclaimed = row.status is OutboxStatus.SENDING
            if reclaimed:
                log.warning("outbox %s: lease expired mid-send; reclaiming", row.id)
            row.status = OutboxStatus.SENDING
            row.claimed_at = now
            row.attempts += 1
            claims.append(
                Claim(
                    id=row.id,
                    attempts=row.attempts,
                    channel=row.channel,
                    recipient=row.recipient,
                    template=row.template,
                    personalisation=json.loads(row.personalisation),
                    created_at=row.created_at,
                    unconfirmed=reclaimed or (row.last_error or "").startswith(UNCONFIRMED),
                )
            )
        db.commit()
    return claims


def attempt(claim: Claim, sender: Sender, settings: Settings) -> Outcome:
    """One delivery attempt, outside any transaction. Never raises for provider trouble."""
    if isinstance(sender, DevelopmentSender):
        log.info("outbox %s (%s): development, not sent", claim.id, claim.template)
        return Sent(DEVELOPMENT_PROVIDER_ID)
    notify_template = template_id(claim.template, settings)
    if notify_template is None:
        return Rejected("template_not_configured")
    reference = reference_for(claim.id, claim.created_at)
    if claim.unconfirmed:
        found = sender.find_by_reference(
            reference=reference,
            template_type=claim.channel.value,
            recipient=claim.recipient,
            template_id=notify_template,
        )
        if found is not None:
            if isinstance(found, Sent):
                log.info("outbox %s: already accepted by Notify; not sending again", claim.id)
            return found
    if claim.attempts > settings.notify_max_attempts:  # only a reclaimed row gets here
        return RetryLater(None, "lease_expired")
    if claim.channel is Channel.EMAIL:
        return sender.send_email(
            email_address=claim.recipient,
            template_id=notify_template,
            personalisation=claim.personalisation,
            reference=reference,
        )
    return sender.send_sms(
        phone_number=claim.recipient,
        template_id=notify_template,
        personalisation=claim.personalisation,
        reference=reference,
    )


def record(
    claim: Claim,
    outcome: Outcome,
    now: datetime,
    settings: Settings,
    rng: random.Random | None = None,
) -> None:
    """Writes the outcome in its own short transaction, only if the row is still ours."""
    with new_session(for_writing=True) as db:
        row = db.exec(
            select(OutboxMessage)
            .where(
                OutboxMessage.id == claim.id,
                OutboxMessage.status == OutboxStatus.SENDING,
                OutboxMessage.attempts == claim.attempts,
            )
            .with_for_update()
        ).first()
        if row is None:
            # Our lease ran out and another worker took the row; it will look Notify up first.
            log.warning("outbox %s: claim lost before recording; left to the new claim", claim.id)
            return
        row.claimed_at = None
        if isinstance(outcome, Sent):
            row.status = OutboxStatus.SENT
            row.provider_id = outcome.provider_id[:64]
            row.sent_at = now
            row.last_error = None
            log.info("outbox %s sent (attempt %s)", claim.id, claim.attempts)
        elif isinstance(outcome, Rejected) or claim.attempts >= settings.notify_max_attempts:
            row.status = OutboxStatus.DEAD
            row.last_error = outcome.reason[:200]
            log.error(
                "outbox %s is dead after %s attempt(s): %s",
                claim.id,
                claim.attempts,
                outcome.reason,
            )
        else:
            delay = backoff_seconds(claim.attempts, rng)
            if outcome.after_seconds is not None:
                delay = max(delay, min(outcome.after_seconds, RETRY_AFTER_LIMIT_SECONDS))
            if outcome.maybe_accepted:
                delay = max(delay, UNCONFIRMED_WAIT_SECONDS)
            row.status = OutboxStatus.PENDING
            row.next_attempt_at = now + timedelta(seconds=delay)
            if row.for_young_person:
                row.next_attempt_at = after_quiet_hours(row.next_attempt_at, settings)
            prefix = UNCONFIRMED if outcome.maybe_accepted else ""
            row.last_error = (prefix + outcome.reason)[:200]
            log.info(
                "outbox %s: attempt %s failed (%s); next in %.0f s",
                claim.id,
                claim.attempts,
                outcome.reason,
                delay,
            )
        db.commit()


def release(claims: list[Claim]) -> None:
    """Gives back claimed rows that were never attempted (the worker is stopping)."""
    if not claims:
        return
    with new_session(for_writing=True) as db:
        for claim in claims:
            row = db.exec(
                select(OutboxMessage)
                .where(
                    OutboxMessage.id == claim.id,
                    OutboxMessage.status == OutboxStatus.SENDING,
                    OutboxMessage.attempts == claim.attempts,
                )
                .with_for_update()
            ).first()
            if row is not None:
                row.status = OutboxStatus.PENDING
                row.claimed_at = None
                row.attempts -= 1
        db.commit()


def _sender_for(settings: Settings) -> Sender | None:
    """A Notify client when a key is set; the development stand-in; or None (sending is off)."""
    if settings.notify_api_key:
        return NotifyClient.from_settings(settings)
    if settings.app_env is AppEnv.DEVELOPMENT:
        return DevelopmentSender()
    return None


def run_once(
    now: datetime | None = None,
    *,
    client: Sender | None = None,
    stop: threading.Event | None = None,
    batch_size: int = BATCH_SIZE,
    rng: random.Random | None = None,
) -> int:
    """Claims due rows, sends them, records each outcome; returns how many rows it claimed.

    `now` fixes the clock for claiming and scheduling (tests travel in time with it)."""
    settings = get_settings()
    sender = client if client is not None else _sender_for(settings)
    if sender is None or (stop is not None and stop.is_set()):
        return 0
    try:
        claims = claim_due(now or utcnow(), limit=batch_size)
        for index, claim in enumerate(claims):
            if stop is not None and stop.is_set():
                release(claims[index:])
                break
            try:
                outcome = attempt(claim, sender, settings)
            except Exception as error:  # a bug must not stop the other rows; never log values
                log.error("outbox %s: unexpected %s", claim.id, type(error).__name__)
                outcome = RetryLater(None, "internal_error", maybe_accepted=True)
            record(claim, outcome, now or utcnow(), settings, rng)
        return len(claims)
    finally:
        if client is None and isinstance(sender, NotifyClient):
            sender.close()


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _handle(signum: int, _frame: FrameType | None) -> None:
        log.info("notifications worker: %s received, stopping", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, _handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_forever(
    poll_seconds: float = 5.0,
    *,
    stop: threading.Event | None = None,
    tick: Callable[[], object] | None = None,
) -> None:
    """Sends until SIGTERM or SIGINT (or `stop` is set); the row in hand is finished first.

    `tick` runs before each poll (safeguarding escalation), so its messages go out at once.
    """
    stop = stop or threading.Event()
    with _stop_on_signals(stop):
        settings = get_settings()
        sender = _sender_for(settings)  # a malformed key raises NotifyConfigError here, at start
        if sender is None:
            # In production this is an alert: safeguarding emails would wait, unsent.
            log.log(
                logging.ERROR if settings.is_production else logging.WARNING,
                "NOTIFY_API_KEY is unset: sending is off; messages stay pending",
            )
        elif isinstance(sender, DevelopmentSender):
            log.info(
                "NOTIFY_API_KEY is unset (development): messages are marked sent with provider "
                "id %r and nothing is sent",
                DEVELOPMENT_PROVIDER_ID,
            )
        else:
            log.info("notifications worker started")
        try:
            while not stop.is_set():
                handled = 0
                if tick is not None:
                    try:
                        tick()
                    except Exception as error:  # the database may be restarting: next poll
                        log.error("worker tick: %s; retrying", type(error).__name__)
                if sender is not None:
                    try:
                        handled = run_once(client=sender, stop=stop)
                    except Exception as error:  # the database may be restarting: wait and retry
                        log.error("notifications worker: %s; retrying", type(error).__name__)
                if handled < BATCH_SIZE:
                    stop.wait(poll_seconds)
        finally:
            if isinstance(sender, NotifyClient):
                sender.close()
    log.info("notifications worker stopped")
