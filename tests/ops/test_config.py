"""Production refuses unsafe settings; development stays zero set-up."""

import pytest
from fastapi.testclient import TestClient

from app.config import AppEnv, ConfigurationError, Settings
from app.main import create_app

STRONG = "k" * 48
SAFE_PRODUCTION: dict[str, object] = {
    "app_env": AppEnv.PRODUCTION,
    "secret_key": STRONG,
    "base_url": "https://said.example",
    "safeguarding_lead_email": "dsl@council.example",
    "out_of_hours_email": "emergency-duty@council.example",
    "notify_api_key": "said_and_done-" + "1" * 36 + "-" + "2" * 36,
    "notify_template_safeguarding_alert": "3" * 36,
}


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"secret_key": "short"}, "at least 32 bytes"),
        ({"secret_key": "development-secret-key-not-for-production-use"}, "published default"),
        ({"demo_sign_in": True}, "DEMO_SIGN_IN"),
        ({"base_url": "http://plain.example"}, "https"),
        ({"safeguarding_lead_email": None}, "SAFEGUARDING_LEAD_EMAIL"),
        ({"out_of_hours_email": None}, "OUT_OF_HOURS_EMAIL"),
        ({"notify_api_key": None}, "NOTIFY_API_KEY"),
        ({"notify_template_safeguarding_alert": None}, "NOTIFY_TEMPLATE_SAFEGUARDING_ALERT"),
    ],
)
def test_production_refuses_to_start_unsafely(changes: dict[str, object], problem: str) -> None:
    settings: dict[str, object] = {**SAFE_PRODUCTION, **changes}
    with pytest.raises(ConfigurationError, match=problem):
        Settings(**settings)  # type: ignore[arg-type]


def test_production_starts_with_safe_settings() -> None:
    settings = Settings(**SAFE_PRODUCTION)  # type: ignore[arg-type]
    assert settings.is_production and settings.secure_cookies


def test_development_defaults_to_sqlite_under_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL")
    settings = Settings(_env_file=None)
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("var/said-and-done.db")


def test_production_hides_the_api_docs() -> None:
    app = create_app(
        Settings(**SAFE_PRODUCTION)  # type: ignore[arg-type]
    )
    client = TestClient(app, base_url="https://said.example")
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 404
