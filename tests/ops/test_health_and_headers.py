"""Probes, error pages and the security headers every response carries."""

import logging

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app.ops import routes as ops_routes
from tests.support.headers import security_header_problems
from tests.support.pages import page


def test_health_probes(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}


def test_readyz_says_503_when_the_database_is_away(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_session() -> object:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(ops_routes, "new_session", broken_session)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("path", ["/", "/say", "/nope", "/static/robots.txt", "/staff/inbox"])
def test_security_headers_on_every_kind_of_response(client: TestClient, path: str) -> None:
    """The policy matrix checks every route for every role; these are the other kinds."""
    assert security_header_problems(client.get(path, follow_redirects=False)) == []


def test_the_header_check_notices_a_bare_response() -> None:
    bare = httpx.Response(
        200,
        headers={"content-type": "text/html", "set-cookie": "sid=1"},
        request=httpx.Request("GET", "https://example.test/page"),
    )
    problems = security_header_problems(bare)
    assert "CSP lacks frame-ancestors 'none'" in problems
    assert "no nosniff" in problems and "cache-control is not no-store" in problems
    assert "text without a charset" in problems
    assert "cookie over https without __Host- and Secure" in problems


def test_pages_say_their_charset(client: TestClient) -> None:
    assert client.get("/").headers["content-type"] == "text/html; charset=utf-8"


def test_unexpected_errors_get_a_friendly_page_without_details(
    app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /work/main/app")

    client = TestClient(app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR):
        response = client.get("/boom")
    result = page(response, 500)
    assert result.h1 == "Sorry, something went wrong"
    assert "Traceback" not in response.text and "secret internals" not in response.text
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert any("RuntimeError" in record.getMessage() for record in caplog.records)


def test_oversized_bodies_are_refused(client: TestClient) -> None:
    response = client.post("/say", content=b"x" * 70_000, headers={"content-type": "text/plain"})
    assert response.status_code == 413


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "/\\evil.example"])
def test_sign_in_never_redirects_off_site(client: TestClient, target: str) -> None:
    form = page(client.get(f"/sign-in?next={target}")).form("/sign-in")
    assert form["next"] == "/"
