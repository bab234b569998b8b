"""One typed place for configuration, read from the environment (and `.env` in development)."""

from datetime import date, time
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent

# Secrets that appear in docs, examples or tests; production refuses every one of them.
KNOWN_DEFAULT_SECRETS = frozenset(
    {
        "change-me",
        "changeme",
        "secret",
        "development-secret-key-not-for-production-use",
        "test-secret-key-that-is-long-enough-for-tests",
    }
)


class AppEnv(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class StaffMfa(StrEnum):
    """How the app knows staff who read young people's words used a second factor (AU-03)."""

    AMR = "amr"  # the ID token's amr claim must show one
    ATTESTED = "attested"  # the council attests its identity provider always asks for one


class ConfigurationError(RuntimeError):
    """Raised at start-up when settings would make the service unsafe."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    app_env: AppEnv = AppEnv.DEVELOPMENT
    # Development default only; production refuses it (see _refuse_unsafe_production).
    secret_key: str = "development-secret-key-not-for-production-use"  # noqa: S105
    database_url: str = f"sqlite:///{ROOT / 'var' / 'said-and-done.db'}"
    redis_url: str | None = None
    base_url: str = "http://127.0.0.1:8000"

    council_name: str = "Anytown Council"
    service_name: str = "Said & Done"
    brand_colour: str = Field(default="#00594f", pattern=r"^#[0-9a-fA-F]{6}$")
    brand_text_colour: str = Field(default="#ffffff", pattern=r"^#[0-9a-fA-F]{6}$")

    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None

    # Safeguarding: who is alerted when a case opens, and how long before it escalates.
    safeguarding_lead_email: str | None = None
    safeguarding_deputy_email: str | None = None
    out_of_hours_email: str | None = None
    safeguarding_ack_minutes: int = Field(default=30, ge=1)
    exit_page_url: str = "https://www.bbc.co.uk/weather"

    demo_sign_in: bool = False
    staff_mfa: StaffMfa = StaffMfa.AMR

    # Languages (app/languages): how long each app process trusts what it last read about which
    # languages are on and which catalogue each uses. The process that changes it knows at once.
    language_refresh_seconds: int = Field(default=30, ge=0)

    staff_idle_minutes: int = 15
    staff_absolute_hours: int = 12
    young_person_idle_minutes: int = 120
    young_person_absolute_hours: int = 24 * 7

    invite_valid_days: int = 14
    retention_years: int = Field(default=2, ge=1)  # young people's words and handled requests
    retention_outbox_days: int = Field(default=30, ge=1)  # sent or given-up notifications
    sign_in_attempts_per_minute: int = 10
    sign_in_attempts_per_minute_per_address: int = 100
    submissions_per_hour: int = 30
    submissions_per_hour_per_address: int = 1500

    # GOV.UK Notify (app/notifications). Without a key nothing is sent: see notifications/worker.
    notify_api_key: str | None = None
    notify_base_url: str = "https://api.notifications.service.gov.uk"
    notify_max_attempts: int = Field(default=8, ge=1)
    notify_template_safeguarding_alert: str | None = None
    notify_template_councillor_digest: str | None = None  # the weekly digest for councillors
    notify_template_action_overdue: str | None = None  # reminds an action's owner, weekly
    notify_template_actions_weekly: str | None = None  # the participation team's weekly summary
    notify_template_item_news_email: str | None = None  # "there is news", a link; young people
    notify_template_item_news_sms: str | None = None  # the same by text message
    # Where the weekly board-actions summary goes (counts and a link); unset: no summary.
    participation_team_email: str | None = None
    # No messages to young people between these times on the council's clock (they wait until
    # the end); staff and safeguarding alerts are never held. Equal times: no quiet hours.
    quiet_hours_start: time = time(21, 0)
    quiet_hours_end: time = time(8, 0)

    # Moderation: the council's promise to act on what a young person sent, in working days
    # (Saturdays, Sundays and the dates below do not count).
    response_promise_working_days: int = Field(default=5, ge=1, le=60)
    # Bank holidays and closure days: ISO dates separated by commas, e.g. 2026-12-25,2026-12-28
    non_working_dates: Annotated[frozenset[date], NoDecode] = frozenset()

    @field_validator("non_working_dates", mode="before")
    @classmethod
    def _split_dates(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(
                date.fromisoformat(part.strip()) for part in value.split(",") if part.strip()
            )
        return value

    @property
    def sign_in_limits(self) -> dict[str, str]:
        return {
            "per_person": f"{self.sign_in_attempts_per_minute}/minute",
            "per_address": f"{self.sign_in_attempts_per_minute_per_address}/minute",
        }

    @property
    def is_production(self) -> bool:
        return self.app_env is AppEnv.PRODUCTION

    @property
    def secure_cookies(self) -> bool:
        """Plain-http local development is the only place cookies may lack `Secure`."""
        return self.base_url.startswith("https://")

    @property
    def demo_enabled(self) -> bool:
        """Demo accounts exist only on a developer's machine."""
        return self.demo_sign_in and self.app_env is AppEnv.DEVELOPMENT

    @property
    def oidc_configured(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id and self.oidc_client_secret)

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> "Settings":
        if self.app_env is not AppEnv.PRODUCTION:
            return self
        problems = []
        if len(self.secret_key.encode()) < 32:
            problems.append("SECRET_KEY must be at least 32 bytes")
        if self.secret_key in KNOWN_DEFAULT_SECRETS:
            problems.append("SECRET_KEY is a published default")
        if self.demo_sign_in:
            problems.append("DEMO_SIGN_IN must be off in production")
        if not (self.safeguarding_lead_email and self.out_of_hours_email):
            problems.append("SAFEGUARDING_LEAD_EMAIL and OUT_OF_HOURS_EMAIL are required")
        if not (self.notify_api_key and self.notify_template_safeguarding_alert):
            # Without them a safeguarding alert would wait in the outbox, unsent.
            problems.append("NOTIFY_API_KEY and NOTIFY_TEMPLATE_SAFEGUARDING_ALERT are required")
        if not self.base_url.startswith("https://"):
            problems.append("BASE_URL must be https in production")
        if not self.notify_base_url.startswith("https://"):
            problems.append("NOTIFY_BASE_URL must be https in production")
        if problems:
            raise ConfigurationError("; ".join(problems))
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
