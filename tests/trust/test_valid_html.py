"""Every page parses as HTML with no errors (AX-02): html5lib in strict mode, the HTML standard's
own parsing algorithm, raises on the first parse error (stray end tags, bad nesting, duplicate
attributes, unclosed elements the standard does not allow to be implied)."""

import html5lib  # type: ignore[import-untyped]
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.authz import PUBLIC_ROUTES
from tests.support.route_objects import ANONYMOUS, seed_route_objects, sign_in_as
from tests.test_policy_matrix import ALLOWED

PAGES_BY_ROLE: dict[str, list[str]] = {}
for (method, path), roles in ALLOWED.items():
    if method == "GET":
        PAGES_BY_ROLE.setdefault(sorted(roles)[0], []).append(path)
PAGES_BY_ROLE.setdefault(ANONYMOUS, []).extend(
    path for method, path in PUBLIC_ROUTES if method == "GET" and "{" not in path
)


@pytest.mark.parametrize("role", sorted(PAGES_BY_ROLE))
def test_every_page_parses_without_errors(role: str, app: FastAPI, db: Session) -> None:
    objects = seed_route_objects(db)
    client = TestClient(app, base_url="http://testserver")
    sign_in_as(client, db, role, objects)
    invalid = []
    for path in PAGES_BY_ROLE[role]:
        response = client.get(objects.url(path))
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        try:
            html5lib.HTMLParser(strict=True).parse(response.text)
        except html5lib.html5parser.ParseError as error:
            invalid.append(f"{path}: {error}")
    assert invalid == []
