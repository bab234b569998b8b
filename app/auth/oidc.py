"""Staff sign-in with OpenID Connect: authorisation code flow with PKCE (S256).

Built on Authlib's Starlette client, which keeps state, nonce and the PKCE verifier
in ``request.session``, consumes the state before redeeming the code (so a replayed
callback fails) and verifies the ID token's JWKS signature, ``nonce``,
``exp``/``nbf``/``iat`` and ``azp``. Reading Authlib 1.9's ``parse_id_token`` shows
what it leaves out, which this module adds:

* it takes the allowed signing algorithms and the expected ``iss`` from the IdP's own
  discovery document (so ``none`` passes if the IdP lists it); we pin both: our own
  algorithm allow-list, and ``iss`` (token and discovery) equal to the configured issuer;
* by default it checks ``azp`` but not ``aud``; we require ``client_id`` in ``aud``;
* it ignores RFC 9207's ``iss`` authorisation-response parameter (mix-up defence);
* it never enforces the expiry it stores with the state;
* it skips ID token validation entirely when the token response has no ``id_token``.

Every failure surfaces as ``SignInFailed(reason)`` so the route can show one friendly
page and create no session. Reasons are short codes: never tokens or personal data.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from ipaddress import ip_address
from typing import Any
from urllib.parse import urlsplit

import httpx
from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
from authlib.integrations.starlette_client import OAuth
from joserfc.errors import (
    BadSignatureError,
    ClaimError,
    ExpiredTokenError,
    InvalidKeyIdError,
    JoseError,
    MissingAlgorithmError,
    MissingClaimError,
    UnsupportedAlgorithmError,
)
from joserfc.jws import extract_compact
from starlette.requests import Request
from starlette.responses import RedirectResponse

log = logging.getLogger(__name__)

#: Asymmetric algorithms only: never ``none``, never HS* (keyed with the client secret).
ALLOWED_ID_TOKEN_ALGS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}
)
#: Clock-skew allowance for exp/nbf/iat, in seconds.
LEEWAY_SECONDS = 60
#: How long a started sign-in stays redeemable (Authlib stores an expiry, never checks it).
STATE_MAX_AGE_SECONDS = 600
HTTP_TIMEOUT_SECONDS = 10.0

# Authlib logs the PKCE verifier at DEBUG level; keep that out of any log.
logging.getLogger("authlib.integrations.base_client.sync_app").setLevel(logging.INFO)

# Authlib picks httpx2 when it is installed (the lock file does so on Python >= 3.12),
# so catch the transport errors of whichever HTTP library it is really using.
_http_modules: list[Any] = [httpx]
with contextlib.suppress(ImportError):
    import httpx2  # type: ignore[import-not-found, unused-ignore]

    _http_modules.append(httpx2)
_TRANSPORT_ERRORS: tuple[type[Exception], ...] = tuple(m.TransportError for m in _http_modules)
_HTTP_ERRORS: tuple[type[Exception], ...] = tuple(m.HTTPError for m in _http_modules)

_CLAIM_REASONS = {
    "iss": "id_token_issuer",
    "aud": "id_token_audience",
    "azp": "id_token_azp",
    "nonce": "id_token_nonce",
    "exp": "id_token_expired",
    "nbf": "id_token_not_yet_valid",
    "iat": "id_token_not_yet_valid",
}


@dataclass(frozen=True)
class StaffIdentity:
    """Who signed in. Key staff records on (issuer, subject): emails get reused."""

    issuer: str
    subject: str
    email: str | None
    name: str | None
    amr: tuple[str, ...]  # authentication methods, if the IdP sent them


# RFC 8176 methods that are a second factor beside a password: something held or something you are.
SECOND_FACTOR_METHODS = frozenset(
    {"mfa", "mca", "otp", "hwk", "swk", "sms", "tel", "sc", "pop", "fpt", "face", "iris", "retina"}
)


def has_second_factor(identity: StaffIdentity) -> bool:
    return not SECOND_FACTOR_METHODS.isdisjoint(identity.amr)


class SignInFailed(Exception):
    """Any sign-in failure; ``reason`` is a short code safe to log, not to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return host is not None and ip_address(host).is_loopback
    except ValueError:
        return False


def _is_safe_url(url: object) -> bool:
    """HTTPS, or plain HTTP only to a loopback test IdP."""
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(parts.hostname))


class OidcClient:
    """One configured IdP. Keep one instance per process: it caches discovery and JWKS."""

    def __init__(
        self,
        *,
        issuer: str,
        client_id: str,
        client_secret: str,
        scope: str = "openid email profile",
    ) -> None:
        if not _is_safe_url(issuer):
            raise ValueError("OIDC issuer must be https (plain http only on loopback)")
        if "openid" not in scope.split():
            raise ValueError("scope must include 'openid'")
        self.issuer = issuer
        self.client_id = client_id
        # A private registry per client, so nothing is shared between instances.
        self._app: Any = OAuth().register(
            name="staff",
            client_id=client_id,
            client_secret=client_secret,
            server_metadata_url=issuer.rstrip("/") + "/.well-known/openid-configuration",
            client_kwargs={
                "scope": scope,
                "code_challenge_method": "S256",
                "timeout": HTTP_TIMEOUT_SECONDS,
            },
        )
        self._app.framework.expires_in = STATE_MAX_AGE_SECONDS

    async def begin(self, request: Request, redirect_uri: str) -> RedirectResponse:
        """Redirect to the IdP; state, nonce and PKCE verifier go into request.session."""
        try:
            await self._metadata()
            try:
                response: RedirectResponse = await self._app.authorize_redirect(
                    request, redirect_uri
                )
            except Exception as exc:
                raise _network_failure(exc) from None
        except SignInFailed as exc:
            log.warning("staff sign-in could not start: %s", exc.reason)
            raise
        return response

    async def complete(self, request: Request) -> StaffIdentity:
        """Validate the callback and ID token; the state is consumed whatever happens."""
        try:
            return await self._complete(request)
        except SignInFailed as exc:
            state = request.query_params.get("state")
            if state:
                await self._app.framework.clear_state_data(request.session, state)
            log.warning("staff sign-in failed: %s", exc.reason)
            raise

    async def _complete(self, request: Request) -> StaffIdentity:
        params = request.query_params
        metadata = await self._metadata()

        # RFC 9207 mix-up defence: the response must come from the IdP we asked.
        response_iss = params.get("iss")
        if response_iss is not None and response_iss != self.issuer:
            raise SignInFailed("response_issuer_mismatch")
        if response_iss is None and metadata.get("authorization_response_iss_parameter_supported"):
            raise SignInFailed("response_issuer_missing")

        error = params.get("error")
        if error:
            raise SignInFailed("cancelled" if error == "access_denied" else "idp_error")
        state = params.get("state")
        if not state:
            raise SignInFailed("state_missing")
        stored = request.session.get(f"_state_{self._app.name}_{state}")  # Authlib's key
        if isinstance(stored, dict) and stored.get("exp", 0) < time.time():
            raise SignInFailed("state_expired")
        if not params.get("code"):
            raise SignInFailed("code_missing")

        claims_options = {
            "iss": {"essential": True, "value": self.issuer},
            "aud": {"essential": True, "value": self.client_id},
            "sub": {"essential": True},
        }
        try:
            token = await self._app.authorize_access_token(
                request, claims_options=claims_options, leeway=LEEWAY_SECONDS
            )
        except MismatchingStateError:
            raise SignInFailed("state_mismatch") from None
        except OAuthError:  # error response from the token endpoint
            raise SignInFailed("token_endpoint_error") from None
        except JoseError as exc:
            raise SignInFailed(_id_token_reason(exc)) from None
        except Exception as exc:
            raise _network_failure(exc) from None

        claims = token.get("userinfo")
        id_token = token.get("id_token")
        if not isinstance(claims, dict) or not isinstance(id_token, str):
            raise SignInFailed("id_token_missing")
        return self._identity(id_token, claims)

    def _identity(self, id_token: str, claims: dict[str, Any]) -> StaffIdentity:
        """Re-check what matters most ourselves, independent of Authlib's options."""
        try:
            alg = extract_compact(id_token.encode()).headers().get("alg")
        except JoseError:
            raise SignInFailed("id_token_invalid") from None
        if alg not in ALLOWED_ID_TOKEN_ALGS:
            raise SignInFailed("id_token_alg")
        if claims.get("iss") != self.issuer:
            raise SignInFailed("id_token_issuer")
        aud = claims.get("aud")
        audiences = [aud] if isinstance(aud, str) else aud if isinstance(aud, list) else []
        if self.client_id not in audiences:
            raise SignInFailed("id_token_audience")
        if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != self.client_id:
            raise SignInFailed("id_token_azp")
        subject = claims.get("sub")
        if not isinstance(subject, str) or not subject:
            raise SignInFailed("id_token_missing_claim")

        email = claims.get("email")
        name = claims.get("name")
        amr = claims.get("amr")
        return StaffIdentity(
            issuer=self.issuer,
            subject=subject,
            email=email if isinstance(email, str) else None,
            name=name if isinstance(name, str) else None,
            amr=tuple(m for m in amr if isinstance(m, str)) if isinstance(amr, list) else (),
        )

    async def _metadata(self) -> dict[str, Any]:
        """Discovery document (Authlib caches it), checked and pinned to our policy."""
        try:
            metadata: dict[str, Any] = await self._app.load_server_metadata()
        except Exception as exc:
            raise _network_failure(exc) from None
        if metadata.get("issuer") != self.issuer:
            raise SignInFailed("metadata_issuer_mismatch")
        for field in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not _is_safe_url(metadata.get(field)):
                raise SignInFailed("metadata_insecure_endpoint")
        # Authlib verifies ID tokens with whatever algorithms the IdP advertises.
        advertised = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        allowed = [alg for alg in advertised if alg in ALLOWED_ID_TOKEN_ALGS]
        if not allowed:
            raise SignInFailed("metadata_no_allowed_alg")
        metadata["id_token_signing_alg_values_supported"] = allowed  # Authlib's own cached dict
        return metadata


def _id_token_reason(exc: JoseError) -> str:
    if isinstance(exc, ExpiredTokenError):
        return "id_token_expired"
    if isinstance(exc, ClaimError):
        if exc.claim in _CLAIM_REASONS:
            return _CLAIM_REASONS[exc.claim]
        return "id_token_missing_claim" if isinstance(exc, MissingClaimError) else "id_token_claims"
    if isinstance(exc, UnsupportedAlgorithmError | MissingAlgorithmError):
        return "id_token_alg"
    if isinstance(exc, BadSignatureError | InvalidKeyIdError):
        return "id_token_signature"
    return "id_token_invalid"


def _network_failure(exc: Exception) -> SignInFailed:
    """Map HTTP-level trouble to a reason; anything else is still a SignInFailed."""
    if isinstance(exc, _TRANSPORT_ERRORS):
        return SignInFailed("idp_unreachable")
    if isinstance(exc, (*_HTTP_ERRORS, ValueError, RuntimeError)):
        return SignInFailed("idp_bad_response")
    log.error("unexpected error during staff sign-in: %s", type(exc).__name__)
    return SignInFailed("unexpected_error")
