"""The Notify client: JWT auth as Notify checks it, an allow-list of hosts, typed results."""

import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from app.config import AppEnv, ConfigurationError, Settings
from app.notifications.notify import (
    HostNotAllowed,
    NotifyClient,
    NotifyConfigError,
    Rejected,
    RetryLater,
    Sent,
    make_token,
    parse_api_key,
)
from tests.support.fake_notify import (
    SECRET,
    SERVICE_ID,
    TEMPLATE_ID,
    WRONG_SECRET,
    FakeNotify,
    accept,
    assert_no_personal_data,
    fail,
    rate_limited,
    timeout,
)

TO = "councillor.kim@council.example"
LINK = "https://said.example/staff/board/9c1d"


@pytest.fixture(autouse=True)
def _logs_hold_no_personal_data(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    assert_no_personal_data(caplog.records, [TO, LINK, SECRET])


def send(client: NotifyClient, reference: str = "outbox-1-0") -> Sent | RetryLater | Rejected:
    return client.send_email(
        email_address=TO,
        template_id=TEMPLATE_ID,
        personalisation={"board_link": LINK},
        reference=reference,
    )


def test_the_api_key_splits_into_service_id_and_secret() -> None:
    assert parse_api_key(f"my-key-name-{SERVICE_ID}-{SECRET}") == (SERVICE_ID, SECRET)
    assert parse_api_key(f"{SERVICE_ID}-{SECRET}") == (SERVICE_ID, SECRET)
    for bad in ("", "plain-secret", f"name-{SERVICE_ID}", f"name-{SECRET}x-{SERVICE_ID}"):
        with pytest.raises(NotifyConfigError) as refused:
            parse_api_key(bad)
        assert SECRET not in str(refused.value)


def test_the_token_has_notifys_header_and_claims() -> None:
    token = make_token(SERVICE_ID, SECRET)
    decoded = jwt.decode(token, OctKey.import_key(SECRET), algorithms=["HS256"])
    assert decoded.header == {"typ": "JWT", "alg": "HS256"}
    assert decoded.claims["iss"] == SERVICE_ID
    assert abs(decoded.claims["iat"] - time.time()) <= 2
    assert set(decoded.claims) == {"iss", "iat"}


def test_the_fake_accepts_our_token_and_refuses_a_wrong_secret_or_a_stale_one(
    fake: FakeNotify,
) -> None:
    assert fake.verify(f"Bearer {make_token(SERVICE_ID, SECRET)}")
    assert not fake.verify(f"Bearer {make_token(SERVICE_ID, WRONG_SECRET)}")
    assert not fake.verify(f"Bearer {make_token(SERVICE_ID, SECRET, issued_at=time.time() - 60)}")
    assert not fake.verify(f"Bearer {make_token(SECRET, SECRET)}")  # wrong iss
    assert not fake.verify(None)


def test_a_send_is_accepted_with_the_right_request(fake: FakeNotify, client: NotifyClient) -> None:
    outcome = send(client, "outbox-42-1795000000")
    assert isinstance(outcome, Sent)
    assert outcome.provider_id == fake.accepted[0]["id"]
    [post] = fake.posts()
    assert post.path == "/v2/notifications/email"
    assert post.authorised
    assert post.body == {
        "email_address": TO,
        "template_id": TEMPLATE_ID,
        "personalisation": {"board_link": LINK},
        "reference": "outbox-42-1795000000",
    }


def test_a_wrong_secret_is_refused_by_the_fake_and_retried_not_rejected(fake: FakeNotify) -> None:
    with NotifyClient(fake.api_key_with_secret(WRONG_SECRET), fake.base_url) as wrong:
        outcome = send(wrong)
    assert outcome == RetryLater(None, "http_403:AuthError")
    assert fake.auth_failures() == 1
    assert fake.accepted == []


def test_answers_map_to_typed_results(fake: FakeNotify, client: NotifyClient) -> None:
    fake.script(
        fail(500),
        rate_limited(17),
        timeout(1.0),
        fail(400),
        fail(404, "NotFoundError"),
        accept(),
    )
    assert send(client) == RetryLater(None, "http_500:Exception", maybe_accepted=True)
    assert send(client) == RetryLater(17.0, "http_429:RateLimitError")  # Retry-After honoured
    assert send(client) == RetryLater(None, "timeout", maybe_accepted=True)
    assert send(client) == Rejected("http_400:BadRequestError")
    assert send(client) == Rejected("http_404:NotFoundError")
    assert isinstance(send(client), Sent)


def test_retry_after_may_be_an_http_date(fake: FakeNotify, client: NotifyClient) -> None:
    fake.script(rate_limited(format_datetime(datetime.now(UTC) + timedelta(seconds=90), True)))
    outcome = send(client)
    assert isinstance(outcome, RetryLater)
    assert outcome.after_seconds is not None and 80 <= outcome.after_seconds <= 90


def test_a_server_that_is_not_there_is_retried() -> None:
    with FakeNotify() as gone:
        base_url = gone.base_url
    with NotifyClient(gone.api_key, base_url, timeout=0.5) as client:
        assert send(client) == RetryLater(None, "connect_error")


def test_lookup_by_reference_matches_reference_template_and_recipient(
    fake: FakeNotify, client: NotifyClient
) -> None:
    sent = send(client, "outbox-7-1795000000")
    assert isinstance(sent, Sent)

    def find(**changes: str) -> object:
        arguments = {
            "reference": "outbox-7-1795000000",
            "template_type": "email",
            "recipient": TO.upper(),
            "template_id": TEMPLATE_ID,
            **changes,
        }
        return client.find_by_reference(**arguments)

    assert find() == sent
    assert find(reference="outbox-8-1795000000") is None
    assert find(recipient="someone.else@council.example") is None
    assert find(template_id="0f0f0f0f-2a88-4f6e-b855-c550268ce08a") is None
    fake.lookups_see_accepted = False
    assert find() is None


def test_a_failed_lookup_says_retry_not_absent(fake: FakeNotify) -> None:
    with NotifyClient(fake.api_key_with_secret(WRONG_SECRET), fake.base_url) as wrong:
        outcome = wrong.find_by_reference(
            reference="r", template_type="email", recipient=TO, template_id=TEMPLATE_ID
        )
    assert outcome == RetryLater(None, "lookup_http_403:AuthError", maybe_accepted=True)


def test_only_the_allow_listed_host_is_contacted(fake: FakeNotify) -> None:
    notify_host = {"api.notifications.service.gov.uk"}
    with pytest.raises(HostNotAllowed):
        NotifyClient(fake.api_key, "https://evil.example", allowed_hosts=notify_host)
    with pytest.raises(HostNotAllowed):
        NotifyClient(fake.api_key, fake.base_url, allowed_hosts=notify_host)
    with pytest.raises(HostNotAllowed, match="https"):
        NotifyClient(fake.api_key, "http://api.notifications.service.gov.uk")
    with NotifyClient(fake.api_key, fake.base_url) as client:
        with pytest.raises(HostNotAllowed):
            client._http.get("https://evil.example/v2/notifications")
        with pytest.raises(HostNotAllowed):
            client._http.get("http://localhost:1/v2/notifications")
    assert fake.requests == []


def test_the_client_from_settings_allows_only_the_configured_host() -> None:
    key = f"live-{SERVICE_ID}-{SECRET}"
    settings = Settings(notify_api_key=key, _env_file=None)
    with NotifyClient.from_settings(settings) as client:
        assert client._allowed == {"api.notifications.service.gov.uk"}
        assert client._http.base_url.scheme == "https"
        with pytest.raises(HostNotAllowed):
            client._http.get("https://api.notifications.service.gov.uk.evil.example/")
    with pytest.raises(NotifyConfigError, match="not set"):
        NotifyClient.from_settings(Settings(_env_file=None))


def test_production_refuses_a_plain_http_notify_base_url() -> None:
    safe = {
        "app_env": AppEnv.PRODUCTION,
        "secret_key": "k" * 48,
        "base_url": "https://s.example",
        # Production's other required settings (ignored if a later change drops them).
        "safeguarding_lead_email": "lead@s.example",
        "out_of_hours_email": "ooh@s.example",
        "notify_api_key": "said_and_done-" + "1" * 36 + "-" + "2" * 36,
        "notify_template_safeguarding_alert": "3" * 36,
    }
    with pytest.raises(ConfigurationError, match="NOTIFY_BASE_URL"):
        Settings(**safe, notify_base_url="http://api.notifications.service.gov.uk")  # type: ignore[arg-type]
    assert Settings(**safe).notify_base_url.startswith("https://")  # type: ignore[arg-type]
