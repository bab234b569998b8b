"""Every table, imported in one place for Alembic and the drift test."""

from app.notifications.models import OutboxMessage
from app.people.models import StaffInvite, User, WebSession, YoungPersonInvite
from app.themes.models import Theme
from app.voice.models import Item, TimelineEvent

__all__ = [
    "Item",
    "StaffInvite",
    "Theme",
    "TimelineEvent",
    "User",
    "WebSession",
    "YoungPersonInvite",
]
