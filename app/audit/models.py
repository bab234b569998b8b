"""An append-only record of who looked at or changed sensitive things (ids only, never text)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.timeutil import utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    action: str = Field(max_length=60)  # e.g. "item.view_original", "case.view", "case.close"
    object_type: str = Field(max_length=30)
    object_id: int
    at: datetime = Field(default_factory=utcnow, index=True)
