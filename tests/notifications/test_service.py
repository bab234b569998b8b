"""The outbox is written in the caller's transaction, and refuses what must never be emailed."""

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Protocol

import pytest
import time_machine
from sqlmodel import Session, func, select

from app.db import new_session
from app.notifications.models import Channel, OutboxMessage, OutboxStatus
from app.notifications.service import (
    NotificationRefused,
    enqueue_email,
    enqueue_sms,
    forget_young_recipients,
)
from app.timeutil import COUNCIL_TIME
from tests.support.fake_notify import assert_no_personal_data

TO = "dsl.sam@council.example"
LINK = "https://said.example/staff/cases/7f3a"
MOBILE = "+447911123456"


class Enqueue(Protocol):
    def __call__(
        self,
        db: Session,
        *,
        to: str,
        template: str,
        personalisation: dict[str, str],
        for_young_person: bool = False,
    ) -> OutboxMessage: ...


@pytest.fixture(autouse=True)
def _logs_hold_no_personal_data(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    assert_no_personal_data(caplog.records, [TO, LINK, "4821", MOBILE, "7911"])


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


SHARED_RULES = [
    ({"template": "no_such_template"}, "unknown template"),
    ({"personalisation": {"words": "y" * 201}}, "over 200 characters"),
    ({"personalisation": {"count": 3}}, "must be text"),
    ({"personalisation": {"Bad Name": "x"}}, "lower_snake_case"),
    ({"personalisation": {f"f{i}": "x" for i in range(21)}}, "at most 20"),
]
EMAIL_RULES = [
    ({"to": "not an address"}, "not an email address"),
    ({"to": "x" * 250 + "@c.example"}, "not an email address"),
]
SMS_RULES = [
    ({"to": "020 7946 0000"}, "not a mobile number"),  # a landline
    ({"to": "dsl.sam@council.example"}, "not a mobile number"),
]


@pytest.mark.parametrize(
    ("enqueue", "to", "changes", "rule"),
    [(enqueue_email, TO, *case) for case in [*SHARED_RULES, *EMAIL_RULES]]
    + [(enqueue_sms, MOBILE, *case) for case in [*SHARED_RULES, *SMS_RULES]],
)
def test_refused_messages_name_the_rule_not_the_value(
    db: Session, enqueue: Enqueue, to: str, changes: dict[str, object], rule: str
) -> None:
    arguments: dict[str, object] = {
        "to": to,
        "template": "safeguarding_alert",
        "personalisation": {"case_link": LINK},
        **changes,
    }
    with new_session(for_writing=True) as session:
        with pytest.raises(NotificationRefused, match=rule) as refused:
            enqueue(session, **arguments)  # type: ignore[arg-type]
        session.rollback()
    assert "yyyy" not in str(refused.value)
    assert TO not in str(refused.value) and "7946" not in str(refused.value)
    assert count(db) == 0


def test_a_text_message_is_kept_in_e164_in_the_callers_transaction(db: Session) -> None:
    with new_session(for_writing=True) as session:
        message = enqueue_sms(
            session, to="07911 123456", template="item_news_sms", personalisation={"link": LINK}
        )
        assert count(db) == 0
        session.commit()
    stored = db.get(OutboxMessage, message.id)
    assert stored is not None
    assert (stored.channel, stored.recipient, stored.for_young_person) == (
        Channel.SMS,
        "+447911123456",
        False,
    )


# Quiet hours (council time, 21:00 to 08:00 by default), across summer time and winter time.
SUMMER_NIGHT = datetime(2026, 7, 1, 21, 30, tzinfo=COUNCIL_TIME)  # BST: 20:30 UTC
WINTER_NIGHT = datetime(2026, 12, 1, 23, 0, tzinfo=COUNCIL_TIME)  # GMT: 23:00 UTC
CHANGE_NIGHT = datetime(2026, 10, 24, 22, 0, tzinfo=COUNCIL_TIME)  # clocks go back at 02:00


@pytest.mark.parametrize(
    ("queued", "due"),
    [
        (SUMMER_NIGHT, datetime(2026, 7, 2, 8, 0, tzinfo=COUNCIL_TIME)),
        (WINTER_NIGHT, datetime(2026, 12, 2, 8, 0, tzinfo=COUNCIL_TIME)),
        (CHANGE_NIGHT, datetime(2026, 10, 25, 8, 0, tzinfo=COUNCIL_TIME)),  # 08:00 GMT
        (
            datetime(2026, 3, 29, 0, 30, tzinfo=COUNCIL_TIME),
            datetime(2026, 3, 29, 8, 0, tzinfo=COUNCIL_TIME),
        ),
    ],
)
@pytest.mark.parametrize("enqueue", [enqueue_email, enqueue_sms])
def test_a_young_persons_message_queued_at_night_is_due_when_quiet_hours_end(
    db: Session, enqueue: Enqueue, queued: datetime, due: datetime
) -> None:
    to = TO if enqueue is enqueue_email else MOBILE
    with time_machine.travel(queued, tick=False), new_session(for_writing=True) as session:
        young = enqueue(
            session, to=to, template="item_news_email", personalisation={}, for_young_person=True
        )
        staff = enqueue(session, to=to, template="safeguarding_alert", personalisation={})
        session.commit()
    assert young.next_attempt_at == due.astimezone(UTC)
    assert due.astimezone(COUNCIL_TIME).hour == 8
    assert staff.next_attempt_at == queued.astimezone(UTC)  # staff alerts are never held


def test_in_the_day_a_young_persons_message_is_due_at_once(db: Session) -> None:
    noon = datetime(2026, 7, 1, 12, 0, tzinfo=COUNCIL_TIME)
    with time_machine.travel(noon, tick=False), new_session(for_writing=True) as session:
        message = enqueue_sms(
            session, to=MOBILE, template="item_news_sms", personalisation={}, for_young_person=True
        )
        session.commit()
    assert message.next_attempt_at == noon.astimezone(UTC)


def test_forgetting_an_address_removes_young_peoples_messages_but_not_one_being_sent(
    db: Session,
) -> None:
    with new_session(for_writing=True) as session:
        made = [
            enqueue_sms(
                session,
                to=MOBILE,
                template="item_news_sms",
                personalisation={},
                for_young_person=True,
            )
            for _ in range(3)
        ]
        staff = enqueue_sms(session, to=MOBILE, template="safeguarding_alert", personalisation={})
        made[1].status = OutboxStatus.SENDING
        made[2].status = OutboxStatus.SENT
        session.add_all(made)
        session.commit()
        forget_young_recipients(session, ["+447911123456"])
        session.commit()
    left = {message.id for message in db.exec(select(OutboxMessage)).all()}
    assert left == {made[1].id, staff.id}


def test_a_value_of_exactly_200_characters_is_allowed() -> None:
    with new_session(for_writing=True) as session:
        message = enqueue_email(
            session, to=TO, template="safeguarding_alert", personalisation={"case_link": "l" * 200}
        )
        session.rollback()
    assert message.template == "safeguarding_alert"
