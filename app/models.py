"""Every table, imported in one place for Alembic and the drift test."""

from app.actions.models import (
    ActionReminder,
    ActionSummarySent,
    ActionTheme,
    ActionUpdate,
    AgendaItemAction,
    BoardAction,
    ItemActionLink,
)
from app.audit.models import AuditEvent
from app.councillors.models import CouncillorNote, DigestSent, DigestSetting, ItemRead, ThemeVisit
from app.events.models import Event, EventAttendance, EventChampion, EventTheme
from app.languages.models import ItemEnglishSummary, LanguageSetting
from app.meetings.models import (
    AgendaItem,
    AgendaRound,
    Ballot,
    Meeting,
    Proposal,
    RoundOption,
    RoundParticipant,
    VotingCode,
)
from app.moderation.models import (
    DecisionReason,
    ItemTheme,
    ModerationDecision,
    Redaction,
    SharedVersion,
)
from app.notifications.models import OutboxMessage
from app.people.models import StaffInvite, User, WebSession, YoungPersonInvite
from app.privacy.models import PrivacyRequest
from app.promises.models import Measure, MeasureReading, Promise, PromiseAction, PromiseTheme
from app.safeguarding.models import CaseAction, SafeguardingCase
from app.summaries.models import SummarySnapshot
from app.themes.models import ItemTopic, Theme, ThemeChampion, ThemePrinciple, Topic
from app.voice.models import Item, NewsContact, TimelineEvent

__all__ = [
    "ActionReminder",
    "ActionSummarySent",
    "ActionTheme",
    "ActionUpdate",
    "AgendaItem",
    "AgendaItemAction",
    "AgendaRound",
    "AuditEvent",
    "Ballot",
    "BoardAction",
    "CaseAction",
    "CouncillorNote",
    "DecisionReason",
    "DigestSent",
    "DigestSetting",
    "Event",
    "EventAttendance",
    "EventChampion",
    "EventTheme",
    "Item",
    "ItemActionLink",
    "ItemEnglishSummary",
    "ItemRead",
    "ItemTheme",
    "ItemTopic",
    "LanguageSetting",
    "Measure",
    "MeasureReading",
    "Meeting",
    "ModerationDecision",
    "NewsContact",
    "OutboxMessage",
    "PrivacyRequest",
    "Promise",
    "PromiseAction",
    "PromiseTheme",
    "Proposal",
    "Redaction",
    "RoundOption",
    "RoundParticipant",
    "SafeguardingCase",
    "SharedVersion",
    "StaffInvite",
    "SummarySnapshot",
    "Theme",
    "ThemeChampion",
    "ThemePrinciple",
    "ThemeVisit",
    "TimelineEvent",
    "Topic",
    "User",
    "VotingCode",
    "WebSession",
    "YoungPersonInvite",
]
