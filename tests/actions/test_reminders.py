"""Overdue actions remind their owner once a week, and the participation team gets a weekly
summary: through the outbox and the fake Notify server, links and counts only."""

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from app.actions import service
from app.actions.models import BoardAction
from app.cli import main, worker_tick
from app.config import Settings, get_settings
from app.db import new_session
from app.notifications.models import OutboxMessage, OutboxStatus
from app.notifications.notify import NotifyClient
from app.notifications.worker import run_once
from app.people.models import Role
from app.timeutil import utcnow
from tests.actions.helpers import linked_items, make_action, owner_with_email, update_form
from tests.support.factories import make_user
from tests.support.fake_notify import TEMPLATE_ID, FakeNotify

SENTINEL = "ZQVX-CHILD-WORDS"


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    current = get_settings()
    monkeypatch.setattr(current, "notify_template_action_overdue", TEMPLATE_ID)
    monkeypatch.setattr(current, "notify_template_actions_weekly", TEMPLATE_ID)
    monkeypatch.setattr(current, "participation_team_email", "participation@council.example")
    return current


@pytest.fixture
def fake() -> Iterator[FakeNotify]:
    with FakeNotify() as server:
        yield server


def _messages() -> list[OutboxMessage]:
    with new_session() as check:
        return list(check.exec(select(OutboxMessage).order_by(col(OutboxMessage.id))).all())


def test_overdue_owners_are_reminded_once_a_week_without_childrens_words(
    db: Session, settings: Settings, fake: FakeNotify
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    late = make_action(db, officer, owner, title=f"Late {SENTINEL}", due_in_days=-3)
    linked_items(db, late, officer, (SENTINEL,))
    make_action(db, officer, owner, title="Not due yet", due_in_days=5)
    finished = make_action(db, officer, owner, title="Late but done", due_in_days=-3)
    service.post_update(db, action=finished, actor=owner, form=update_form("done", SENTINEL))
    no_email = owner_with_email(db, None)
    make_action(db, officer, no_email, title="Nobody to tell", due_in_days=-3)
    db.commit()

    assert worker_tick() == 2  # one reminder, one weekly summary
    assert worker_tick() == 0  # however often the worker ticks
    reminder, summary = _messages()
    assert reminder.template == "action_overdue" and reminder.recipient == owner.email
    assert json.loads(reminder.personalisation) == {
        "action_link": f"http://testserver/staff/actions/{late.id}",
        "due_on": late.due_on.isoformat(),
        "days_overdue": "3",
    }
    assert summary.template == "actions_weekly"
    assert summary.recipient == "participation@council.example"
    fields = json.loads(summary.personalisation)
    assert (fields["open_count"], fields["overdue_count"]) == ("3", "2")
    assert fields["log_link"] == "http://testserver/staff/actions?overdue=1"

    with NotifyClient(fake.api_key, fake.base_url, timeout=2) as notify:
        assert run_once(client=notify) == 2
    posts = fake.posts()
    assert {post.body["email_address"] for post in posts if post.body} == {
        owner.email,
        "participation@council.example",
    }
    assert SENTINEL not in json.dumps([post.body for post in posts])
    assert all(message.status is OutboxStatus.SENT for message in _messages())


def test_next_week_reminds_again_and_no_team_address_means_no_summary(
    db: Session, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "participation_team_email", None)
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    make_action(db, officer, owner_with_email(db), due_in_days=-1)
    now = utcnow()
    with new_session(for_writing=True) as writing:
        assert service.remind_overdue(writing, now=now) == 1
        assert service.remind_overdue(writing, now=now) == 0
        assert service.remind_overdue(writing, now=now + timedelta(days=7)) == 1
        assert service.weekly_summary(writing, now=now) is False
        writing.commit()
    assert [m.template for m in _messages()] == ["action_overdue", "action_overdue"]


def test_the_cli_command_queues_them(
    db: Session, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    make_action(db, officer, owner_with_email(db), due_in_days=-10)
    assert main(["action-reminders"]) == 0
    assert "Queued 2 action reminders and summaries." in capsys.readouterr().out
    assert db.exec(select(BoardAction)).one().status.value == "not_started"
