"""The weekly digest: opt-in, once per week, counts and a link only, through the outbox and
the fake Notify server."""

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings, get_settings
from app.councillors.digest import DIGEST_TEMPLATE, digest_now, send_weekly_digests
from app.councillors.models import DigestSetting
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.notify import NotifyClient
from app.notifications.worker import run_once
from app.people.models import Role
from tests.councillors.helpers import champion_of, shared
from tests.moderation.helpers import theme_id
from tests.support.factories import make_user, sign_in
from tests.support.fake_notify import TEMPLATE_ID, FakeNotify
from tests.support.pages import page

SENTINEL = "ZQVX-CHILD-WORDS"


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    current = get_settings()
    monkeypatch.setattr(current, "notify_template_councillor_digest", TEMPLATE_ID)
    return current


@pytest.fixture
def fake() -> Iterator[FakeNotify]:
    with FakeNotify() as server:
        yield server


def test_opting_in_on_the_page_then_one_digest_a_week_without_childrens_words(
    client: TestClient, db: Session, settings: Settings, fake: FakeNotify
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    housing = theme_id(db, "housing")
    for number in range(6):
        shared(db, officer, housing, f"{SENTINEL} {number}")
    councillor = champion_of(db, housing)
    councillor.email = "cllr.champion@council.example"
    db.add(councillor)
    db.commit()
    assert digest_now() == 0  # off by default

    sign_in(client, db, councillor)
    home = page(client.get("/councillor"))
    assert home.form("/councillor/digest")["weekly"] == "no"
    values = {**home.form("/councillor/digest"), "weekly": "yes"}
    saved = page(client.post("/councillor/digest", data=values))
    assert "You will get a weekly email" in saved.text
    assert db.get(DigestSetting, councillor.id) is not None

    assert digest_now() == 1
    assert digest_now() == 0  # once per week, however often the worker ticks
    with new_session() as check:
        message = check.exec(select(OutboxMessage)).one()
    assert message.template == DIGEST_TEMPLATE
    assert SENTINEL not in message.personalisation
    fields = json.loads(message.personalisation)
    assert fields["theme_counts"] == "Housing: 6"
    assert fields["councillor_link"] == "http://testserver/councillor"

    with NotifyClient(fake.api_key, fake.base_url, timeout=2) as notify:
        assert run_once(client=notify) == 1
    [post] = fake.posts()
    assert post.body is not None
    assert post.body["email_address"] == "cllr.champion@council.example"
    assert post.body["template_id"] == TEMPLATE_ID
    assert SENTINEL not in json.dumps(post.body)
    with new_session() as check:
        assert check.exec(select(OutboxMessage)).one().status is OutboxStatus.SENT


def test_small_counts_are_suppressed_and_no_email_means_no_digest(db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    housing = theme_id(db, "housing")
    shared(db, officer, housing, SENTINEL)
    with_email = champion_of(db, housing)
    with_email.email = "a@council.example"
    without = champion_of(db, housing)
    db.add(with_email)
    db.add_all(DigestSetting(user_id=u.id or 0, weekly=True) for u in (with_email, without))
    db.commit()
    with new_session(for_writing=True) as writing:
        assert send_weekly_digests(writing) == 1
        writing.commit()
    message = db.exec(select(OutboxMessage)).one()
    assert json.loads(message.personalisation)["theme_counts"] == "Housing: fewer than 5"
