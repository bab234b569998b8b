"""OidcClient against a real loopback OpenID provider, through a tiny Starlette app."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest
import time_machine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.auth.oidc import STATE_MAX_AGE_SECONDS, OidcClient, SignInFailed
from tests.support.idp import FAULTS, Fault, LoopbackIdP

CALLBACK = "http://testserver/callback"

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_app(oidc: OidcClient) -> Starlette:
    async def login(request: Request) -> Response:
        try:
            return await oidc.begin(request, CALLBACK)
        except SignInFailed as exc:
            return JSONResponse({"error": exc.reason}, status_code=400)

    async def callback(request: Request) -> Response:
        try:
            identity = await oidc.complete(request)
        except SignInFailed as exc:
            return JSONResponse({"error": exc.reason}, status_code=400)
        return JSONResponse(dataclasses.asdict(identity))

    return Starlette(
        routes=[Route("/login", login), Route("/callback", callback)],
        middleware=[Middleware(SessionMiddleware, secret_key="test-only-session-key")],
    )


@asynccontextmanager
async def browser_for(oidc: OidcClient) -> AsyncIterator[httpx.AsyncClient]:
    """A cookie-keeping client for the app: one browser, one session."""
    transport = httpx.ASGITransport(app=make_app(oidc))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture(scope="module")
def idp() -> Iterator[LoopbackIdP]:
    with LoopbackIdP(redirect_uris=[CALLBACK]) as provider:
        yield provider


@pytest.fixture(autouse=True)
def _clean_idp(idp: LoopbackIdP) -> Iterator[None]:
    idp.reset()
    yield
    idp.reset()


@pytest.fixture(scope="module")
def oidc(idp: LoopbackIdP) -> OidcClient:
    """Shared like the app's (discovery and JWKS cached); each test has its own browser."""
    return OidcClient(issuer=idp.issuer, client_id=idp.client_id, client_secret=idp.client_secret)


@pytest.fixture
async def browser(oidc: OidcClient) -> AsyncIterator[httpx.AsyncClient]:
    async with browser_for(oidc) as client:
        yield client


async def start(browser: httpx.AsyncClient) -> str:
    """GET /login and return the IdP authorisation URL it redirects to."""
    response = await browser.get("/login")
    assert response.status_code == 302, response.text
    location: str = response.headers["location"]
    return location


async def sign_in(browser: httpx.AsyncClient, idp: LoopbackIdP, sub: str) -> httpx.Response:
    return await browser.get(idp.authorize(await start(browser), sub))


def with_query(url: str, **changes: str | None) -> str:
    """Copy of ``url`` with query parameters replaced (None removes one)."""
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return urlunsplit(parts._replace(query=urlencode(query)))


def error_of(response: httpx.Response) -> str:
    assert response.status_code == 400, response.text
    reason: str = response.json()["error"]
    return reason


# -- the good path -------------------------------------------------------------------


async def test_sign_in_returns_issuer_subject_and_claims(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    idp.set_user("staff-001", email="sam@example.org", name="Sam Smith", amr=["pwd", "otp"])

    response = await sign_in(browser, idp, "staff-001")

    assert response.status_code == 200, response.text
    assert response.json() == {
        "issuer": idp.issuer,
        "subject": "staff-001",
        "email": "sam@example.org",
        "name": "Sam Smith",
        "amr": ["pwd", "otp"],
    }


async def test_authorisation_request_uses_pkce_s256_state_and_nonce(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    query = parse_qs(urlsplit(await start(browser)).query)

    assert query["response_type"] == ["code"]
    assert query["client_id"] == [idp.client_id]
    assert query["redirect_uri"] == [CALLBACK]
    assert "openid" in query["scope"][0].split()
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43  # base64url SHA-256, not the plain verifier
    assert len(query["state"][0]) >= 20
    assert len(query["nonce"][0]) >= 20


async def test_same_email_from_two_subjects_gives_two_identities(
    idp: LoopbackIdP, oidc: OidcClient
) -> None:
    idp.set_user("staff-a", email="shared@example.org")
    idp.set_user("staff-b", email="shared@example.org")

    async with browser_for(oidc) as first, browser_for(oidc) as second:
        a = (await sign_in(first, idp, "staff-a")).json()
        b = (await sign_in(second, idp, "staff-b")).json()

    assert a["email"] == b["email"] == "shared@example.org"
    assert (a["issuer"], a["subject"]) == (idp.issuer, "staff-a")
    assert (b["issuer"], b["subject"]) == (idp.issuer, "staff-b")


async def test_idp_without_rfc9207_is_accepted(idp: LoopbackIdP) -> None:
    idp.rfc9207 = False  # neither advertised nor sent; a fresh client re-reads discovery
    idp.set_user("staff-001", email="sam@example.org")
    oidc = OidcClient(issuer=idp.issuer, client_id=idp.client_id, client_secret=idp.client_secret)

    async with browser_for(oidc) as browser:
        callback = idp.authorize(await start(browser), "staff-001")
        assert "iss" not in parse_qs(urlsplit(callback).query)
        response = await browser.get(callback)

    assert response.status_code == 200, response.text
    assert response.json()["subject"] == "staff-001"


# -- bad ID tokens -------------------------------------------------------------------

EXPECTED_REASONS: dict[Fault, str] = {
    "wrong_nonce": "id_token_nonce",
    "wrong_audience": "id_token_audience",
    "extra_audience": "id_token_azp",
    "wrong_issuer": "id_token_issuer",
    "expired": "id_token_expired",
    "alg_none": "id_token_alg",
    "bad_signature": "id_token_signature",
}


def test_every_fault_has_its_own_reason() -> None:
    assert set(EXPECTED_REASONS) == set(FAULTS)
    assert len(set(EXPECTED_REASONS.values())) == len(FAULTS)


@pytest.mark.parametrize("fault", FAULTS)
async def test_bad_id_token_is_refused(
    idp: LoopbackIdP, browser: httpx.AsyncClient, fault: Fault
) -> None:
    idp.set_user("staff-001", email="sam@example.org")
    authorisation_url = await start(browser)
    callback = idp.authorize(authorisation_url, "staff-001")
    idp.fault = fault

    response = await browser.get(callback)

    assert idp.fault is None, "the IdP never issued the tampered token"
    assert error_of(response) == EXPECTED_REASONS[fault]


async def test_alg_none_is_refused_even_if_the_idp_advertises_it(idp: LoopbackIdP) -> None:
    idp.advertised_algs = ["none", "HS256", "RS256"]
    oidc = OidcClient(issuer=idp.issuer, client_id=idp.client_id, client_secret=idp.client_secret)
    async with browser_for(oidc) as browser:
        assert (await sign_in(browser, idp, "staff-001")).status_code == 200

        idp.fault = "alg_none"
        assert error_of(await sign_in(browser, idp, "staff-001")) == "id_token_alg"


async def test_idp_offering_no_allowed_alg_is_refused(idp: LoopbackIdP) -> None:
    idp.advertised_algs = ["none", "HS256"]
    oidc = OidcClient(issuer=idp.issuer, client_id=idp.client_id, client_secret=idp.client_secret)
    async with browser_for(oidc) as browser:
        assert error_of(await browser.get("/login")) == "metadata_no_allowed_alg"


async def test_fault_applies_to_one_token_only(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    idp.fault = "expired"
    assert error_of(await sign_in(browser, idp, "staff-001")) == "id_token_expired"

    assert (await sign_in(browser, idp, "staff-001")).status_code == 200


# -- bad callbacks -------------------------------------------------------------------


async def test_missing_state_is_refused(idp: LoopbackIdP, browser: httpx.AsyncClient) -> None:
    callback = idp.authorize(await start(browser), "staff-001")

    assert error_of(await browser.get(with_query(callback, state=None))) == "state_missing"


async def test_tampered_state_is_refused(idp: LoopbackIdP, browser: httpx.AsyncClient) -> None:
    callback = idp.authorize(await start(browser), "staff-001")
    state = parse_qs(urlsplit(callback).query)["state"][0]

    assert error_of(await browser.get(with_query(callback, state=state + "x"))) == "state_mismatch"


async def test_state_from_another_browser_is_refused(idp: LoopbackIdP, oidc: OidcClient) -> None:
    """Login CSRF: a callback started in the attacker's session fails in the victim's."""
    async with browser_for(oidc) as attacker, browser_for(oidc) as victim:
        await start(victim)  # the victim has a sign-in of their own under way
        callback = idp.authorize(await start(attacker), "attacker")

        assert error_of(await victim.get(callback)) == "state_mismatch"


async def test_stale_sign_in_is_refused(idp: LoopbackIdP, browser: httpx.AsyncClient) -> None:
    callback = idp.authorize(await start(browser), "staff-001")

    with time_machine.travel(time.time() + STATE_MAX_AGE_SECONDS + 5):
        assert error_of(await browser.get(callback)) == "state_expired"


async def test_replayed_callback_is_refused(idp: LoopbackIdP, browser: httpx.AsyncClient) -> None:
    callback = idp.authorize(await start(browser), "staff-001")
    assert (await browser.get(callback)).status_code == 200

    assert error_of(await browser.get(callback)) == "state_mismatch"


async def test_replayed_code_with_fresh_state_is_refused(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    used = idp.authorize(await start(browser), "staff-001")
    assert (await browser.get(used)).status_code == 200
    fresh = idp.authorize(await start(browser), "staff-001")
    old_code = parse_qs(urlsplit(used).query)["code"][0]

    assert error_of(await browser.get(with_query(fresh, code=old_code))) == "token_endpoint_error"


async def test_failed_callback_consumes_the_state(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    callback = idp.authorize(await start(browser), "staff-001")
    assert error_of(await browser.get(with_query(callback, iss="https://evil.example")))

    assert error_of(await browser.get(callback)) == "state_mismatch"


async def test_user_cancelling_at_the_idp_is_refused(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    callback = idp.deny(await start(browser))
    assert parse_qs(urlsplit(callback).query)["error"] == ["access_denied"]

    assert error_of(await browser.get(callback)) == "cancelled"


async def test_response_from_another_issuer_is_refused(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    callback = idp.authorize(await start(browser), "staff-001")

    mixed_up = with_query(callback, iss="https://other-idp.example")

    assert error_of(await browser.get(mixed_up)) == "response_issuer_mismatch"


async def test_missing_iss_is_refused_when_the_idp_advertises_it(
    idp: LoopbackIdP, browser: httpx.AsyncClient
) -> None:
    callback = idp.authorize(await start(browser), "staff-001")

    assert error_of(await browser.get(with_query(callback, iss=None))) == "response_issuer_missing"


async def test_wrong_client_secret_is_refused(idp: LoopbackIdP) -> None:
    oidc = OidcClient(issuer=idp.issuer, client_id=idp.client_id, client_secret="wrong")
    async with browser_for(oidc) as browser:
        callback = idp.authorize(await start(browser), "staff-001")

        assert error_of(await browser.get(callback)) == "token_endpoint_error"


# -- configuration and availability --------------------------------------------------


async def test_issuer_must_match_discovery_exactly(idp: LoopbackIdP) -> None:
    oidc = OidcClient(
        issuer=idp.issuer + "/", client_id=idp.client_id, client_secret=idp.client_secret
    )
    async with browser_for(oidc) as browser:
        assert error_of(await browser.get("/login")) == "metadata_issuer_mismatch"


@pytest.mark.parametrize("issuer", ["http://idp.example.org", "ftp://127.0.0.1"])
def test_plain_http_issuer_is_refused_unless_loopback(issuer: str) -> None:
    with pytest.raises(ValueError, match="https"):
        OidcClient(issuer=issuer, client_id="c", client_secret="s")


async def test_idp_down_before_sign_in_starts() -> None:
    with LoopbackIdP() as down:
        oidc = OidcClient(
            issuer=down.issuer, client_id=down.client_id, client_secret=down.client_secret
        )
    # the provider has stopped; nothing is cached yet

    async with browser_for(oidc) as browser:
        assert error_of(await browser.get("/login")) == "idp_unreachable"


async def test_idp_down_at_callback() -> None:
    idp = LoopbackIdP().start()
    oidc = OidcClient(issuer=idp.issuer, client_id=idp.client_id, client_secret=idp.client_secret)
    async with browser_for(oidc) as browser:
        callback = idp.authorize(await start(browser), "staff-001")
        idp.stop()

        assert error_of(await browser.get(callback)) == "idp_unreachable"
