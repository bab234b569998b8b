"""Every state-changing route refuses a request without the session's CSRF token, or from
another site, before it changes anything (built from the route inventory, so new routes are
covered without a line here)."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, func, select

from app.main import create_app
from app.people.models import Role
from tests.support.factories import make_item, make_user, sign_in
from tests.test_meta import route_inventory

UNSAFE = [
    (method, path)
    for method, path, _route in route_inventory(create_app())
    if method in {"POST", "PUT", "PATCH", "DELETE"}
]


def filled(path: str) -> str:
    """A concrete path: numbers for ids, a word for slugs, tokens and references."""
    return re.sub(r"\{[^}]*id\}", "1", re.sub(r"\{(?![^}]*id\})[^}]*\}", "x", path))


def row_counts(db: Session) -> dict[str, int]:
    return {
        table.name: db.exec(select(func.count()).select_from(table)).one()
        for table in SQLModel.metadata.sorted_tables
    }


@pytest.mark.parametrize(("method", "path"), UNSAFE, ids=[f"{m} {p}" for m, p in UNSAFE])
def test_no_token_no_change(client: TestClient, db: Session, method: str, path: str) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    make_item(db)
    before = row_counts(db)
    refused = client.request(method, filled(path), data={"body": "words", "reply": "x"})
    assert refused.status_code == 403, (path, refused.status_code)
    cross_site = client.request(
        method, filled(path), data={"body": "words"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert cross_site.status_code == 403
    after = row_counts(db)
    after.pop("web_session", None), before.pop("web_session", None)  # the visit itself
    assert after == before
