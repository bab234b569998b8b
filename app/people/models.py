"""Accounts: young people (nickname + passphrase) and staff (OIDC issuer + subject)."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import enum_type
from app.timeutil import utcnow


class Role(StrEnum):
    YOUNG_PERSON = "young_person"
    PARTICIPATION_OFFICER = "participation_officer"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    COUNCILLOR = "councillor"
    BOARD_CHAIR = "board_chair"
    ACTION_OWNER = "action_owner"
    ADMIN = "admin"

    @property
    def is_staff(self) -> bool:
        return self is not Role.YOUNG_PERSON


class User(SQLModel, table=True):
    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("oidc_issuer", "oidc_subject"),)

    id: int | None = Field(default=None, primary_key=True)
    role: Role = Field(sa_type=enum_type(Role))
    is_active: bool = True
    # Young people: a chosen nickname, never a real name.
    nickname: str | None = Field(default=None, max_length=40)
    nickname_key: str | None = Field(default=None, max_length=40, unique=True)
    passphrase_hash: str | None = Field(default=None, max_length=255)
    is_cicc_member: bool = False
    # Staff: identity is (issuer, subject); name and email only label the account.
    display_name: str | None = Field(default=None, max_length=120)
    email: str | None = Field(default=None, max_length=254)
    oidc_issuer: str | None = Field(default=None, max_length=255)
    oidc_subject: str | None = Field(default=None, max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    last_signed_in_at: datetime | None = None

    @property
    def label(self) -> str:
        return self.nickname or self.display_name or f"User {self.id}"


class YoungPersonInvite(SQLModel, table=True):
    """A single-use code an officer hands to a young person to create an account."""

    __tablename__ = "young_person_invite"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    is_cicc_member: bool = False
    created_by_id: int = Field(foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    used_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class StaffInvite(SQLModel, table=True):
    """An admin's invitation; the first OIDC sign-in through its link binds the identity."""

    __tablename__ = "staff_invite"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    role: Role = Field(sa_type=enum_type(Role))
    display_name: str = Field(max_length=120)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")  # None: CLI
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    used_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class WebSession(SQLModel, table=True):
    """Server-side session, so signing out or disabling a user ends it at once."""

    __tablename__ = "web_session"

    id: str = Field(primary_key=True, max_length=64)  # SHA-256 of the cookie value
    user_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    data: str = "{}"
    created_at: datetime = Field(default_factory=utcnow)
    authenticated_at: datetime | None = None
    last_seen_at: datetime = Field(default_factory=utcnow, index=True)
