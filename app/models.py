"""Every table, imported in one place for Alembic and the drift test."""

from app.audit.models import AuditEvent
from app.moderation.models import (
    DecisionReason,
    ItemTheme,
    ModerationDecision,
    Redaction,
    SharedVersion,
)
from app.notifications.models import OutboxMessage
from app.people.models import StaffInvite, User, WebSession, YoungPersonInvite
from app.safeguarding.models import CaseAction, SafeguardingCase
from app.themes.models import Theme
from app.voice.models import Item, TimelineEvent

__all__ = [
    "AuditEvent",
    "CaseAction",
    "DecisionReason",
    "Item",
    "ItemTheme",
    "ModerationDecision",
    "OutboxMessage",
    "Redaction",
    "SafeguardingCase",
    "SharedVersion",
    "StaffInvite",
    "Theme",
    "TimelineEvent",
    "User",
    "WebSession",
    "YoungPersonInvite",
]
