"""Councillors, board chairs and action owners never see what a young person wrote unless an
officer approved a redacted version: every page they can open is checked for sentinels."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.actions.models import BoardAction, LinkKind
from app.actions.service import link_items
from app.people.models import Role
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from app.voice.news import choose_news
from tests.actions.helpers import give_actions_to
from tests.actions.helpers import policy_matrix_ids as action_ids
from tests.councillors.helpers import make_champion, route_ids, shared
from tests.moderation.helpers import theme_id
from tests.summaries.helpers import policy_matrix_ids as summary_ids
from tests.support.factories import make_item, make_user, sign_in
from tests.test_meta import route_inventory

SENTINELS = ("Zqvx Sentinel", "ZQVX-PRIVATE-WORDS", "zqvx.sentinel@example.org")


@pytest.mark.parametrize("role", [Role.COUNCILLOR, Role.BOARD_CHAIR, Role.ACTION_OWNER])
def test_no_page_shows_unapproved_words(app: FastAPI, db: Session, role: Role) -> None:
    author = make_user(db, nickname="Zqvx Sentinel")
    pending = make_item(db, author=author, body="ZQVX-PRIVATE-WORDS zqvx.sentinel@example.org")
    held = make_item(db, body="ZQVX-PRIVATE-WORDS held for safety")
    case = open_case(db, item=held, trigger=CaseTrigger.SCREEN)
    pending.theme_id = theme_id(db, "housing")
    db.add(pending)
    db.commit()
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    # A shared item whose original words hold the sentinels: only its redacted text may show.
    approved = shared(db, officer, theme_id(db, "housing"), "[name removed] wants a bus pass")
    approved.body = "ZQVX-PRIVATE-WORDS Zqvx Sentinel wants a bus pass"
    db.add(approved)
    db.commit()
    ids = route_ids(db, officer.id or 0)
    # An action linked to the shared item (and given to the action owner being crawled).
    ids.update(action_ids(db, officer.id or 0))
    ids.update(summary_ids(db, officer.id or 0))  # a frozen summary of a board meeting
    action = db.exec(select(BoardAction)).one()
    # Its young person gets news by email: the address is in the outbox, and must not show.
    choose_news(db, item=approved, email="zqvx.sentinel@example.org", phone=None)
    link_items(db, action=action, actor=officer, item_ids=[approved.id or 0], kind=LinkKind.ANSWERS)
    db.commit()
    client = TestClient(app, base_url="http://testserver")
    reader = make_user(db, role)
    sign_in(client, db, reader)
    if role is Role.COUNCILLOR:
        make_champion(db, reader)
    if role is Role.ACTION_OWNER:
        give_actions_to(db, reader)
    visited = 0
    for method, path, _ in route_inventory(app):
        if method != "GET" or path == "/staff/sign-in/callback":  # 503 without an IdP
            continue
        url = (
            path.replace("{reference}", pending.reference)
            .replace("{case_id}", str(case.id))
            .replace("{token}", "x")
        )
        for placeholder, value in ids.items():
            url = url.replace(placeholder, value)
        response = client.get(url, follow_redirects=False)
        assert response.status_code < 500, url
        for sentinel in SENTINELS:
            assert sentinel not in response.text, (url, sentinel)
        visited += 1
        if url == "/councillor/themes/housing" and role is Role.COUNCILLOR:
            assert "[name removed] wants a bus pass" in response.text  # the crawl reached it
        if url == f"/staff/actions/{action.id}" and role is not Role.COUNCILLOR:
            assert "[name removed] wants a bus pass" in response.text  # the crawl reached it
    assert visited > 15


def test_public_pages_show_only_shared_words(app: FastAPI, db: Session) -> None:
    """The most public place there is: anonymous visitors see shared versions and answers, never
    a pending or private item, one whose young person did not agree, or the original words."""
    from app.authz import PUBLIC_ROUTES
    from tests.yswd.helpers import seed_sentinels

    seeded = seed_sentinels(db, make_user(db, Role.PARTICIPATION_OFFICER))
    client = TestClient(app, base_url="http://testserver")
    pages = [path for method, path in PUBLIC_ROUTES if method == "GET" and "{" not in path]
    crawled = [path for path in pages if path != "/staff/sign-in/callback"]
    for path in [*crawled, "/you-said-we-did?theme=housing"]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code < 500, path
        assert "zqvx" not in response.text.casefold(), path
    shown = client.get("/you-said-we-did").text
    assert seeded.shared_text in shown and seeded.answer in shown  # the crawl reached them
