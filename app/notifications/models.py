"""The notifications outbox: written in the same transaction as the change it announces.

A worker sends each row (GOV.UK Notify) with retries; the web request never calls the provider.
Rows never hold children's words or care details: only who to tell and a link.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow

# A last_error prefix: the previous attempt may have reached Notify, so the worker looks the
# message up by its reference before sending it again.
UNCONFIRMED = "unconfirmed:"


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class OutboxStatus(StrEnum):
    PENDING = "pending"  # waiting for its next attempt
    SENDING = "sending"  # claimed by a worker
    SENT = "sent"
    DEAD = "dead"  # gave up after repeated failures; staff can see it


class OutboxMessage(SQLModel, table=True):
    __tablename__ = "outbox_message"

    id: int | None = Field(default=None, primary_key=True)
    channel: Channel = Field(sa_type=enum_type(Channel))
    recipient: str = Field(max_length=254)
    template: str = Field(max_length=60)
    personalisation: str = Field(default="{}", sa_type=Text)  # JSON; links and counts only
    status: OutboxStatus = Field(
        default=OutboxStatus.PENDING, sa_type=enum_type(OutboxStatus), index=True
    )
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    claimed_at: datetime | None = None
    last_error: str | None = Field(default=None, max_length=200)
    provider_id: str | None = Field(default=None, max_length=64)
    # To a young person: never sent in the council's quiet hours (staff alerts always go).
    for_young_person: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
