"""One of everything a route path can name, so tests generated from the route inventory can
visit every route: `{reference}` becomes a real item's reference, `{case_id}` a real case."""

from dataclasses import dataclass

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.moderation.models import DecisionReason, Sharing
from app.notifications.models import OutboxStatus
from app.notifications.service import enqueue_email
from app.people.models import Role, User
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from app.voice.models import Item
from tests.actions.helpers import give_actions_to
from tests.actions.helpers import policy_matrix_ids as action_ids
from tests.councillors.helpers import make_champion, route_ids
from tests.meetings.helpers import policy_matrix_ids as meeting_ids
from tests.promises.helpers import policy_matrix_ids as promise_ids
from tests.summaries.helpers import policy_matrix_ids as summary_ids
from tests.support.factories import make_item, make_user, sign_in

ANONYMOUS = "anonymous"
OTHER_YOUNG_PERSON = "other_young_person"


@dataclass
class RouteObjects:
    author: User  # the young person who wrote `item`
    item: Item
    placeholders: dict[str, str]

    def url(self, path: str) -> str:
        for placeholder, value in self.placeholders.items():
            path = path.replace(placeholder, value)
        return path


def seed_route_objects(db: Session) -> RouteObjects:
    author = make_user(db, nickname="author")
    item = make_item(db, author=author, body="Zqvx sentinel words")
    case = open_case(db, item=item, trigger=CaseTrigger.SCREEN)
    reason = DecisionReason(decision=Sharing.PRIVATE, text="Kept between you and us.")
    db.add(reason)
    db.commit()
    placeholders = {
        "{reference}": item.reference,
        "{case_id}": str(case.id),
        "{reason_id}": str(reason.id),
        "{message_id}": str(dead_message(db)),
        "{code}": "cy",  # a language (app/languages)
    }
    placeholders |= meeting_ids(db, author.id or 0)
    placeholders |= route_ids(db, make_user(db, Role.PARTICIPATION_OFFICER).id or 0)
    placeholders |= action_ids(db, make_user(db, Role.PARTICIPATION_OFFICER).id or 0)
    placeholders |= promise_ids(db, make_user(db, Role.PARTICIPATION_OFFICER).id or 0)
    placeholders |= summary_ids(db, make_user(db, Role.PARTICIPATION_OFFICER).id or 0)
    return RouteObjects(author=author, item=item, placeholders=placeholders)


def dead_message(db: Session) -> int:
    """An outbox message the worker gave up on, for "Try again"."""
    message = enqueue_email(
        db, to="dsl@council.example", template="safeguarding_alert", personalisation={}
    )
    message.status = OutboxStatus.DEAD
    db.add(message)
    db.commit()
    return message.id or 0


def sign_in_as(client: TestClient, db: Session, role: str, objects: RouteObjects) -> None:
    """`role` is a Role value, ANONYMOUS, or OTHER_YOUNG_PERSON (not the item's author)."""
    if role == Role.YOUNG_PERSON:
        sign_in(client, db, objects.author)
    elif role == OTHER_YOUNG_PERSON:
        sign_in(client, db, make_user(db, nickname="someone-else"))
    elif role != ANONYMOUS:
        user = make_user(db, Role(role))
        sign_in(client, db, user)
        if role == Role.COUNCILLOR:
            make_champion(db, user)
        if role == Role.ACTION_OWNER:
            give_actions_to(db, user)
