"""Every route declares who may use it: a new route without a requirement fails here."""

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.authz import PUBLIC_ROUTES
from app.config import AppEnv, Settings
from app.main import create_app
from app.ops.inventory import declared_requirement, route_inventory

__all__ = ["everything_app", "route_inventory"]


def everything_app() -> FastAPI:
    """The app with every optional route switched on (demo sign-in too)."""
    return create_app(Settings(demo_sign_in=True, app_env=AppEnv.DEVELOPMENT))


def test_every_route_declares_a_requirement_or_is_reviewed_public() -> None:
    unguarded = [
        (method, path)
        for method, path, route in route_inventory(everything_app())
        if declared_requirement(route) is None and (method, path) not in PUBLIC_ROUTES
    ]
    assert unguarded == []


def test_the_inventory_sees_every_route() -> None:
    assert len(route_inventory(everything_app())) > 100


def test_public_list_has_no_stale_entries() -> None:
    known = {(method, path) for method, path, _ in route_inventory(everything_app())}
    assert set(PUBLIC_ROUTES) - known == set()


def test_post_only_routes_refuse_get() -> None:
    """State changes happen only by POST; a GET to a POST-only path is a 405 page."""
    app = everything_app()
    inventory = route_inventory(app)
    gets = {path for method, path, _ in inventory if method == "GET"}
    post_only = {path for method, path, _ in inventory if method == "POST"} - gets
    assert post_only, "expected some POST-only routes"
    client = TestClient(app)
    for path in post_only:
        response = client.get(path.replace("{reference}", "SD-AAAA-AAAA"))
        assert response.status_code == 405, path


def test_demo_sign_in_is_absent_unless_switched_on_in_development() -> None:
    for settings in (Settings(), Settings(demo_sign_in=True, app_env=AppEnv.TEST)):
        paths = {path for _, path, _ in route_inventory(create_app(settings))}
        assert "/demo/sign-in" not in paths
