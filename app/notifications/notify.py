"""A small GOV.UK Notify REST client (httpx), with typed results instead of exceptions.

* Auth: every request carries a fresh JWT (HS256, header ``{"typ": "JWT", "alg": "HS256"}``,
  claims ``{"iss": service_id, "iat": now}``) signed with the key's secret. An API key is
  ``{key_name}-{service_id}-{secret}``: the service id and the secret are the two 36-character
  UUIDs at its end (the name may contain hyphens). Notify refuses tokens whose ``iat`` is more
  than 30 seconds from its clock, so tokens are never reused.
* Safety: TLS verification is always on; requests may go only to the allow-listed hosts (the host
  of ``NOTIFY_BASE_URL``) over https (plain http only to a loopback test server); redirects are
  never followed; every request has a timeout.
* Results: ``Sent(provider_id)``; ``RetryLater(after_seconds, reason)`` for 429, 5xx, 401/403,
  timeouts and connection errors; ``Rejected(reason)`` for any other 4xx (the message itself is
  wrong: bad template id, bad address, missing personalisation). 401/403 are retried rather than
  rejected because a revoked key or a skewed clock is not the message's fault; the worker's attempt
  limit still turns them into an alert.
* Reasons are short codes (``http_400:BadRequestError``, ``timeout``): Notify's free-text error
  messages are never kept, so no address or personalisation can leak into logs or the database.
"""

from __future__ import annotations

import ipaddress
import re
import time
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Self
from urllib.parse import urlsplit

import httpx
from joserfc import jwt
from joserfc.jwk import OctKey

from app.config import Settings

DEFAULT_TIMEOUT_SECONDS = 10.0
USER_AGENT = "said-and-done-notify/1"


@dataclass(frozen=True)
class Sent:
    provider_id: str


@dataclass(frozen=True)
class RetryLater:
    after_seconds: float | None
    reason: str
    # True when Notify may have accepted the request although we saw no answer (a read timeout,
    # a dropped connection, a 5xx): the next attempt looks the message up before sending again.
    maybe_accepted: bool = False


@dataclass(frozen=True)
class Rejected:
    reason: str


SendResult = Sent | RetryLater | Rejected


class NotifyConfigError(ValueError):
    """The API key or base URL is unusable; raised before anything is sent."""


class HostNotAllowed(NotifyConfigError):
    """A request would have gone to a host that is not on the allow-list."""


_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_API_KEY = re.compile(rf"^(?:(?P<name>.+)-)?(?P<service>{_UUID})-(?P<secret>{_UUID})$")
_ERROR_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")


def parse_api_key(api_key: str) -> tuple[str, str]:
    """Returns (service_id, secret). The message never repeats the key."""
    match = _API_KEY.match(api_key.strip())
    if match is None:
        raise NotifyConfigError(
            "NOTIFY_API_KEY must look like {key_name}-{service_id}-{secret} (two UUIDs at the end)"
        )
    return match["service"], match["secret"]


def make_token(service_id: str, secret: str, *, issued_at: float | None = None) -> str:
    claims = {"iss": service_id, "iat": int(time.time() if issued_at is None else issued_at)}
    header = {"typ": "JWT", "alg": "HS256"}
    return jwt.encode(header, claims, OctKey.import_key(secret))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_of(url: str) -> str:
    host = urlsplit(url).hostname
    if not host:
        raise NotifyConfigError("NOTIFY_BASE_URL has no host")
    return host.lower()


def _check_url(scheme: str, host: str, allowed_hosts: Collection[str]) -> None:
    if host.lower() not in allowed_hosts:
        raise HostNotAllowed(f"refusing to contact {host!r}: not the configured Notify host")
    if scheme != "https" and not (scheme == "http" and _is_loopback(host)):
        raise HostNotAllowed("Notify must be reached over https (plain http only on loopback)")


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _error_name(response: httpx.Response) -> str | None:
    """Notify's error class name (e.g. BadRequestError), never its message."""
    try:
        body = response.json()
        name = body["errors"][0]["error"]
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return name if isinstance(name, str) and _ERROR_NAME.match(name) else None


def _reason(response: httpx.Response) -> str:
    name = _error_name(response)
    return f"http_{response.status_code}" + (f":{name}" if name else "")


def _transport_failure(error: httpx.HTTPError, prefix: str = "") -> RetryLater:
    if isinstance(error, httpx.ConnectTimeout):
        return RetryLater(None, f"{prefix}connect_timeout")
    if isinstance(error, httpx.ConnectError):
        return RetryLater(None, f"{prefix}connect_error")
    if isinstance(error, httpx.TimeoutException):
        return RetryLater(None, f"{prefix}timeout", maybe_accepted=True)
    if isinstance(error, httpx.TransportError):
        return RetryLater(None, f"{prefix}connection_lost", maybe_accepted=True)
    return RetryLater(None, f"{prefix}http_error", maybe_accepted=True)


class NotifyClient:
    """One client per worker; close() it (or use `with`) when done."""

    def __init__(
        self,
        api_key: str,
        base_url: str,
        *,
        allowed_hosts: Collection[str] | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self._service_id, self._secret = parse_api_key(api_key)
        base_host = host_of(base_url)
        self._allowed = frozenset(h.lower() for h in (allowed_hosts or {base_host}))
        _check_url(urlsplit(base_url).scheme, base_host, self._allowed)
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout),
            verify=True,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            event_hooks={"request": [self._refuse_other_hosts]},
        )

    @classmethod
    def from_settings(cls, settings: Settings, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Self:
        if not settings.notify_api_key:
            raise NotifyConfigError("NOTIFY_API_KEY is not set")
        return cls(
            settings.notify_api_key,
            settings.notify_base_url,
            allowed_hosts={host_of(settings.notify_base_url)},
            timeout=timeout,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def _refuse_other_hosts(self, request: httpx.Request) -> None:
        _check_url(request.url.scheme, request.url.host, self._allowed)

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {make_token(self._service_id, self._secret)}"}

    def send_email(
        self,
        *,
        email_address: str,
        template_id: str,
        personalisation: Mapping[str, str],
        reference: str,
    ) -> SendResult:
        return self._send(
            "/v2/notifications/email",
            {
                "email_address": email_address,
                "template_id": template_id,
                "personalisation": dict(personalisation),
                "reference": reference,
            },
        )

    def send_sms(
        self,
        *,
        phone_number: str,
        template_id: str,
        personalisation: Mapping[str, str],
        reference: str,
    ) -> SendResult:
        return self._send(
            "/v2/notifications/sms",
            {
                "phone_number": phone_number,
                "template_id": template_id,
                "personalisation": dict(personalisation),
                "reference": reference,
            },
        )

    def _send(self, path: str, body: dict[str, Any]) -> SendResult:
        try:
            response = self._http.post(path, json=body, headers=self._auth())
        except httpx.HTTPError as error:
            return _transport_failure(error)
        status = response.status_code
        if status in (200, 201):
            provider_id = _notification_id(response)
            if provider_id is None:  # accepted, but we cannot tell which it is: look it up later
                return RetryLater(None, "unreadable_answer", maybe_accepted=True)
            return Sent(provider_id)
        if status == 429:
            after = _retry_after_seconds(response.headers.get("Retry-After"))
            return RetryLater(after, _reason(response))
        if status in (401, 403):
            return RetryLater(None, _reason(response))
        if 400 <= status < 500:
            return Rejected(_reason(response))
        return RetryLater(None, _reason(response), maybe_accepted=True)

    def find_by_reference(
        self, *, reference: str, template_type: str, recipient: str, template_id: str
    ) -> Sent | RetryLater | None:
        """Did Notify already accept this message? Matches reference, template and recipient, so
        another environment's message with the same reference is never taken for ours.

        Returns Sent(provider_id) if found, None if Notify has no such message, RetryLater when
        the answer is unknown (then nothing must be sent yet)."""
        try:
            response = self._http.get(
                "/v2/notifications",
                params={"reference": reference, "template_type": template_type},
                headers=self._auth(),
            )
        except httpx.HTTPError as error:
            failure = _transport_failure(error, "lookup_")
            return RetryLater(failure.after_seconds, failure.reason, maybe_accepted=True)
        if response.status_code != 200:
            after = (
                _retry_after_seconds(response.headers.get("Retry-After"))
                if response.status_code == 429
                else None
            )
            return RetryLater(after, f"lookup_{_reason(response)}", maybe_accepted=True)
        try:
            notifications = response.json()["notifications"]
            for item in notifications:
                if (
                    item.get("reference") == reference
                    and str(item.get("template", {}).get("id", "")).lower() == template_id.lower()
                    and _same_recipient(item, template_type, recipient)
                    and isinstance(item.get("id"), str)
                ):
                    return Sent(item["id"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return RetryLater(None, "lookup_unreadable_answer", maybe_accepted=True)
        return None


def _notification_id(response: httpx.Response) -> str | None:
    try:
        value = response.json()["id"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(value, str):
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return value[:64] if value else None


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _same_recipient(item: Mapping[str, Any], template_type: str, recipient: str) -> bool:
    if template_type == "email":
        found = item.get("email_address")
        return isinstance(found, str) and found.strip().lower() == recipient.strip().lower()
    found = item.get("phone_number")
    # Notify normalises numbers (+447700900123 vs 07700900123): compare the national part.
    return isinstance(found, str) and _digits(found)[-10:] == _digits(recipient)[-10:]
