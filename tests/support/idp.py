"""A loopback OpenID provider for tests, built on oidc-provider-mock 0.3.4.

The mock is a Flask app using Authlib's authorisation server. It signs ID tokens with
its own RSA key (RS256, served at /jwks), puts a user's stored claims (PUT
/users/<sub>) into the ID token, and signs in whoever is typed into its authorisation
form. It does not verify PKCE, does not send RFC 9207's ``iss`` parameter and has no
switches for bad tokens, so this wrapper adds, with Flask request hooks:

* PKCE S256 enforcement (a missing or wrong ``code_verifier`` gets ``invalid_grant``);
* RFC 9207: ``iss`` on every authorisation redirect, advertised in discovery
  (turn off with ``idp.rfc9207 = False``);
* ``idp.advertised_algs``: lie about the ID token algorithms in discovery;
* ``idp.fault``: tamper with the NEXT ID token only, re-signed with the provider's
  own key so that only the intended check can catch it.

Usage::

    with LoopbackIdP(redirect_uris=["http://testserver/callback"]) as idp:
        idp.set_user("staff-1", email="sam@example.org", amr=["pwd", "otp"])
        callback_url = idp.authorize(app_redirect_location, sub="staff-1")
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Literal, Self, get_args
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import flask
import httpx
import oidc_provider_mock
import werkzeug.serving
from flask.typing import ResponseReturnValue
from joserfc import jwk, jws, jwt

Fault = Literal[
    "wrong_nonce",  # nonce differs from the one the client sent
    "wrong_audience",  # aud is another client
    "extra_audience",  # aud = [client, other] and no azp
    "wrong_issuer",  # iss is the issuer plus a trailing slash: close, but not exact
    "expired",  # exp an hour ago
    "alg_none",  # unsigned, header alg "none"
    "bad_signature",  # signed by a key that is not in the JWKS
]
FAULTS: tuple[Fault, ...] = get_args(Fault)

_MOCK = "oidc-provider-mock"  # the mock's Flask blueprint name


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _s256(verifier: str) -> str:
    return _b64(hashlib.sha256(verifier.encode()).digest())


class LoopbackIdP:
    """Runs the provider on 127.0.0.1 (free port) in a background thread.

    With ``redirect_uris`` a confidential client is registered and the provider
    requires it (secret and redirect URI are checked). Without, the mock accepts
    ANY client id and secret; ``client_id``/``client_secret`` are then placeholders.
    """

    def __init__(self, *, redirect_uris: Sequence[str] = ()) -> None:
        self._redirect_uris = list(redirect_uris)
        self._lock = threading.Lock()
        self._fault: Fault | None = None
        self._challenges: dict[str, str] = {}  # authorisation code -> code_challenge
        self.rfc9207 = True
        self.advertised_algs: list[str] | None = None  # override discovery's alg list
        # Like a council IdP that always asks for a second step; None sends no amr at all.
        self.default_amr: tuple[str, ...] | None = ("pwd", "mfa")
        self.client_id = "said-and-done-tests"
        self.client_secret = "any-secret-is-accepted"
        self._server: werkzeug.serving.BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        # One client for all calls: making an httpx client costs ~50 ms (CA bundle).
        self._http = httpx.Client(follow_redirects=False, timeout=5)

    # -- lifecycle -----------------------------------------------------------------

    @property
    def issuer(self) -> str:
        if self._server is None:
            raise RuntimeError("LoopbackIdP is not running")
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> Self:
        """Start serving; an instance runs once (make a new one to run again)."""
        app = oidc_provider_mock.app(
            require_client_registration=bool(self._redirect_uris),
            require_nonce=True,
            issue_refresh_token=False,
        )
        app.before_request(self._before_request)
        app.after_request(self._after_request)
        self._server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        if self._redirect_uris:
            reply = self._http.post(
                f"{self.issuer}/oauth2/clients",
                json={
                    "redirect_uris": self._redirect_uris,
                    "token_endpoint_auth_method": "client_secret_basic",
                },
            )
            reply.raise_for_status()
            self.client_id = reply.json()["client_id"]
            self.client_secret = reply.json()["client_secret"]
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._server.server_close()
        self._server = None
        self._thread = None
        self._http.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- test controls -------------------------------------------------------------

    @property
    def fault(self) -> Fault | None:
        """The tampering the NEXT ID token gets; cleared once applied."""
        with self._lock:
            return self._fault

    @fault.setter
    def fault(self, value: Fault | None) -> None:
        if value is not None and value not in FAULTS:
            raise ValueError(f"unknown fault {value!r}")
        with self._lock:
            self._fault = value

    def reset(self) -> None:
        """Back to a well-behaved provider (for use between tests)."""
        self.fault = None
        self.rfc9207 = True
        self.advertised_algs = None
        self.default_amr = ("pwd", "mfa")

    def set_user(
        self,
        sub: str,
        *,
        email: str | None = None,
        name: str | None = None,
        amr: Sequence[str] | None = None,
        **extra_claims: object,
    ) -> None:
        """Store the claims the IdP releases for ``sub`` (replacing earlier ones).

        The mock copies these into the ID token as they are, so ``amr`` (or any
        extra claim) reaches the client; beware that an extra claim named like a
        registered one (iss, aud, nonce, exp...) overrides it in every token for this
        sub. A sub never set signs in with the claims {"email": sub}.
        """
        claims: dict[str, object] = dict(extra_claims)
        if email is not None:
            claims["email"] = email
        if name is not None:
            claims["name"] = name
        if amr is not None:
            claims["amr"] = list(amr)
        self._http.put(f"{self.issuer}/users/{quote(sub, safe='')}", json=claims).raise_for_status()

    def authorize(self, url: str, sub: str) -> str:
        """Play the user at the IdP: open ``url``, sign in as ``sub``; return the callback URL."""
        return self._submit(url, {"sub": sub})

    def deny(self, url: str) -> str:
        """Play the user pressing "Deny"; return the callback URL (error=access_denied)."""
        return self._submit(url, {"action": "deny"})

    def _submit(self, url: str, form: dict[str, str]) -> str:
        if not url.startswith(self.issuer + "/"):
            raise AssertionError(f"not an authorisation URL of this IdP: {url}")
        page = self._http.get(url)
        if page.status_code != 200:
            raise AssertionError(f"IdP refused the request ({page.status_code}): {page.text}")
        answer = self._http.post(url, data=form)  # the form posts back to the same URL
        if answer.status_code != 302:
            raise AssertionError(f"IdP did not redirect ({answer.status_code}): {answer.text}")
        location: str = answer.headers["location"]
        return location

    # -- Flask hooks (run in the server thread) -------------------------------------

    def _before_request(self) -> ResponseReturnValue | None:
        request = flask.request
        pkce_ok = request.args.get("code_challenge_method") == "S256" and bool(
            request.args.get("code_challenge")
        )
        if request.endpoint == f"{_MOCK}.authorize" and not pkce_ok:
            return "PKCE with S256 is required", 400
        if (
            request.endpoint == f"{_MOCK}.issue_token"
            and request.form.get("grant_type") == "authorization_code"
        ):
            with self._lock:
                challenge = self._challenges.pop(request.form.get("code", ""), None)
            verifier = request.form.get("code_verifier", "")
            if challenge is None or not verifier or _s256(verifier) != challenge:
                return {"error": "invalid_grant", "error_description": "PKCE check failed"}, 400
        return None

    def _after_request(self, response: flask.Response) -> flask.Response:
        request = flask.request
        issuer = request.host_url.rstrip("/")  # how the mock itself names its issuer
        if request.endpoint == f"{_MOCK}.openid_config":
            document = response.get_json()
            document["code_challenge_methods_supported"] = ["S256"]
            if self.rfc9207:
                document["authorization_response_iss_parameter_supported"] = True
            if self.advertised_algs is not None:
                document["id_token_signing_alg_values_supported"] = self.advertised_algs
            response.set_data(json.dumps(document))
        elif request.endpoint == f"{_MOCK}.authorize" and response.status_code == 302:
            location = response.headers["Location"]
            code = parse_qs(urlsplit(location).query).get("code")
            if code:
                with self._lock:
                    self._challenges[code[0]] = request.args["code_challenge"]
            if self.rfc9207:
                separator = "&" if "?" in location else "?"
                response.headers["Location"] = f"{location}{separator}{urlencode({'iss': issuer})}"
        elif request.endpoint == f"{_MOCK}.issue_token" and response.status_code == 200:
            with self._lock:
                fault, self._fault = self._fault, None
            body = response.get_json()
            if fault is not None and "id_token" in body:
                body["id_token"] = _tamper(body["id_token"], fault, _provider_key())
                response.set_data(json.dumps(body))
            elif self.default_amr is not None and "id_token" in body:
                body["id_token"] = _with_amr(body["id_token"], self.default_amr, _provider_key())
                response.set_data(json.dumps(body))
        return response


def _provider_key() -> jwk.RSAKey:
    """The mock's signing key. It lives in flask.g (oidc-provider-mock 0.3.4 internals)."""
    storage: Any = flask.g.oidc_provider_mock_storage
    return jwk.RSAKey.import_key(storage.jwk.as_dict(is_private=True))


def _with_amr(id_token: str, amr: Sequence[str], key: jwk.RSAKey) -> str:
    """Adds `amr` unless the user's stored claims already set one."""
    compact = jws.extract_compact(id_token.encode())
    claims: dict[str, Any] = json.loads(compact.payload)
    if "amr" in claims:
        return id_token
    return jwt.encode(dict(compact.headers()), {**claims, "amr": list(amr)}, key)


def _tamper(id_token: str, fault: Fault, key: jwk.RSAKey) -> str:
    compact = jws.extract_compact(id_token.encode())
    header: dict[str, Any] = dict(compact.headers())
    claims: dict[str, Any] = json.loads(compact.payload)
    now = int(time.time())
    match fault:
        case "wrong_nonce":
            claims["nonce"] = "not-the-nonce-you-sent"
        case "wrong_audience":
            claims["aud"] = "some-other-client"
        case "extra_audience":
            audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
            claims["aud"] = [*audiences, "some-other-client"]
            claims.pop("azp", None)
        case "wrong_issuer":
            claims["iss"] = claims["iss"] + "/"
        case "expired":
            claims["iat"], claims["exp"] = now - 7200, now - 3600
        case "alg_none":
            unsigned = {"alg": "none", "typ": "JWT"}
            return f"{_b64(json.dumps(unsigned).encode())}.{_b64(json.dumps(claims).encode())}."
        case "bad_signature":
            key = jwk.RSAKey.generate_key(2048)  # same header (and kid, if any), wrong key
    return jwt.encode(header, claims, key)
