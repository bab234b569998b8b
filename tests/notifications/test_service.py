"""The outbox is written in the caller's transaction, and refuses what must never be emailed."""

import json
import logging
from collections.abc import Iterator

import pytest
from sqlmodel import Session, func, select

from app.db import new_session
from app.notifications.models import Channel, OutboxMessage, OutboxStatus
from app.notifications.service import NotificationRefused, enqueue_email
from tests.support.fake_notify import assert_no_personal_data

TO = "dsl.sam@council.example"
LINK = "https://said.example/staff/cases/7f3a"


@pytest.fixture(autouse=True)
def _logs_hold_no_personal_data(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    assert_no_personal_data(caplog.records, [TO, LINK, "4821"])


def count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(OutboxMessage)).one()


def test_a_message_is_added_in_the_callers_transaction(db: Session) -> None:
    with new_session(for_writing=True) as session:
        message = enqueue_email(
            session,
            to=TO,
            template="safeguarding_alert",
            personalisation={"case_link": LINK, "new_items": "4821"},
        )
        assert message.id is not None  # flushed, not committed
        assert count(db) == 0  # nobody else sees it before the caller commits
        session.commit()
    assert count(db) == 1
    stored = db.exec(select(OutboxMessage)).one()
    assert stored.channel is Channel.EMAIL
    assert stored.status is OutboxStatus.PENDING
    assert stored.attempts == 0
    assert stored.recipient == TO
    assert json.loads(stored.personalisation) == {"case_link": LINK, "new_items": "4821"}


def test_a_rolled_back_transaction_leaves_no_message(db: Session) -> None:
    with new_session(for_writing=True) as session:
        enqueue_email(session, to=TO, template="safeguarding_alert", personalisation={})
        session.rollback()
    with new_session(for_writing=True) as session:
        try:
            enqueue_email(session, to=TO, template="safeguarding_alert", personalisation={})
            raise RuntimeError("the change it announced failed")
        except RuntimeError:
            session.rollback()
    assert count(db) == 0


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"template": "no_such_template"}, "unknown template"),
        ({"to": "not an address"}, "not an email address"),
        ({"to": "x" * 250 + "@c.example"}, "not an email address"),
        ({"personalisation": {"words": "y" * 201}}, "over 200 characters"),
        ({"personalisation": {"count": 3}}, "must be text"),
        ({"personalisation": {"Bad Name": "x"}}, "lower_snake_case"),
        ({"personalisation": {f"f{i}": "x" for i in range(21)}}, "at most 20"),
    ],
)
def test_refused_messages_name_the_rule_not_the_value(
    db: Session, changes: dict[str, object], rule: str
) -> None:
    arguments: dict[str, object] = {
        "to": TO,
        "template": "safeguarding_alert",
        "personalisation": {"case_link": LINK},
        **changes,
    }
    with new_session(for_writing=True) as session:
        with pytest.raises(NotificationRefused, match=rule) as refused:
            enqueue_email(session, **arguments)  # type: ignore[arg-type]
        session.rollback()
    assert "yyyy" not in str(refused.value)
    assert TO not in str(refused.value)
    assert count(db) == 0


def test_a_value_of_exactly_200_characters_is_allowed() -> None:
    with new_session(for_writing=True) as session:
        message = enqueue_email(
            session, to=TO, template="safeguarding_alert", personalisation={"case_link": "l" * 200}
        )
        session.rollback()
    assert message.template == "safeguarding_alert"
