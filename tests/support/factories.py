"""Makes rows for tests, and signs a test client in without going through a sign-in page."""

import secrets
from itertools import count

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.auth.sessions import hash_session_id
from app.people.models import Role, User, WebSession
from app.people.service import hash_passphrase, nickname_key
from app.timeutil import utcnow
from app.voice.models import EventKind, Item, ItemStatus, TimelineEvent
from app.voice.service import new_reference

_numbers = count(1)
PASSPHRASE = "correct horse battery"


def make_user(
    db: Session,
    role: Role = Role.YOUNG_PERSON,
    *,
    nickname: str | None = None,
    is_cicc_member: bool = False,
    is_active: bool = True,
) -> User:
    number = next(_numbers)
    if role is Role.YOUNG_PERSON:
        name = nickname or f"young{number}"
        user = User(
            role=role,
            nickname=name,
            nickname_key=nickname_key(name),
            passphrase_hash=hash_passphrase(PASSPHRASE),
            is_cicc_member=is_cicc_member,
            is_active=is_active,
        )
    else:
        user = User(
            role=role,
            display_name=f"{role.value} {number}",
            oidc_issuer="https://idp.test",
            oidc_subject=f"subject-{number}",
            is_active=is_active,
        )
    db.add(user)
    db.commit()
    return user


def make_item(
    db: Session,
    *,
    body: str = "the wifi in my placement is rubbish",
    author: User | None = None,
    status: ItemStatus = ItemStatus.NEW,
    theme_id: int | None = None,
) -> Item:
    item = Item(
        reference=new_reference(),
        author_id=author.id if author else None,
        body=body,
        status=status,
        theme_id=theme_id,
        idempotency_key=secrets.token_urlsafe(24),
        content_fingerprint="test",
    )
    db.add(item)
    db.flush()
    db.add(TimelineEvent(item_id=item.id or 0, kind=EventKind.SENT))
    db.commit()
    return item


def sign_in(client: TestClient, db: Session, user: User) -> None:
    """Gives the client a real server-side session for `user`, as a sign-in would."""
    raw_id = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(
        WebSession(
            id=hash_session_id(raw_id),
            user_id=user.id,
            authenticated_at=now,
            last_seen_at=now,
            data='{"second_factor": true}',  # as a council sign-in with two steps
        )
    )
    db.commit()
    client.cookies.set("sd_session", raw_id)
