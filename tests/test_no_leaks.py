"""Councillors, board chairs and action owners never see what a young person wrote unless an
officer approved a redacted version: every page they can open is checked for sentinels."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.people.models import Role
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from tests.support.factories import make_item, make_user, sign_in
from tests.test_meta import route_inventory

SENTINELS = ("Zqvx Sentinel", "ZQVX-PRIVATE-WORDS", "zqvx.sentinel@example.org")


@pytest.mark.parametrize("role", [Role.COUNCILLOR, Role.BOARD_CHAIR, Role.ACTION_OWNER])
def test_no_page_shows_unapproved_words(app: FastAPI, db: Session, role: Role) -> None:
    author = make_user(db, nickname="Zqvx Sentinel")
    pending = make_item(db, author=author, body="ZQVX-PRIVATE-WORDS zqvx.sentinel@example.org")
    held = make_item(db, body="ZQVX-PRIVATE-WORDS held for safety")
    case = open_case(db, item=held, trigger=CaseTrigger.SCREEN)
    db.commit()
    client = TestClient(app, base_url="http://testserver")
    sign_in(client, db, make_user(db, role))
    visited = 0
    for method, path, _ in route_inventory(app):
        if method != "GET" or path == "/staff/sign-in/callback":  # 503 without an IdP
            continue
        url = (
            path.replace("{reference}", pending.reference)
            .replace("{case_id}", str(case.id))
            .replace("{token}", "x")
        )
        response = client.get(url, follow_redirects=False)
        assert response.status_code < 500, url
        for sentinel in SENTINELS:
            assert sentinel not in response.text, (url, sentinel)
        visited += 1
    assert visited > 15
