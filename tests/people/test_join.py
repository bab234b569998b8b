"""Young people join with an invite code, a nickname and a passphrase: nothing else."""

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import timedelta

import pytest
import time_machine
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from app.people.models import Role, User, YoungPersonInvite
from app.people.service import create_young_person_invite, format_code
from app.timeutil import utcnow
from tests.people.helpers import has_sign_out_button, session_cookie
from tests.support.factories import make_user
from tests.support.pages import Page, page

PASSPHRASE = "purple tiger toast"


def new_invite(db: Session, *, cicc: bool = False) -> tuple[YoungPersonInvite, str]:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    invite, code = create_young_person_invite(
        db, created_by=officer, is_cicc_member=cicc, valid_days=14
    )
    db.commit()
    return invite, code


def open_join(client: TestClient, code: str = "") -> Page:
    result = page(client.get(f"/join?code={code}" if code else "/join"))
    assert result.h1 == "Make your account"
    return result


def join(client: TestClient, **typed: str) -> tuple[Page | None, str]:
    """Fill in and send the join form; a page when it was refused, else the redirect."""
    form = open_join(client).form("/join")
    form.update(typed)
    response = client.post("/join", data=form, follow_redirects=False)
    if response.status_code == 303:
        return None, response.headers["location"]
    return page(response, 400), ""


def young_people(db: Session) -> list[User]:
    db.expire_all()
    return list(db.exec(select(User).where(User.role == Role.YOUNG_PERSON)).all())


@pytest.fixture
def closing() -> Iterator[ExitStack]:
    with ExitStack() as stack:
        yield stack


def unused_invites(db: Session) -> int:
    query = select(func.count()).select_from(YoungPersonInvite)
    return db.exec(query.where(col(YoungPersonInvite.used_at).is_(None))).one()


def test_the_qr_link_fills_in_the_code(client: TestClient, db: Session) -> None:
    _invite, code = new_invite(db)
    assert open_join(client, code).form("/join")["code"] == code


def test_the_form_asks_for_nothing_that_identifies_anyone(client: TestClient) -> None:
    form = open_join(client).form("/join")
    assert set(form) == {"csrf_token", "code", "nickname", "passphrase"}


def test_joining_makes_an_account_spends_the_code_and_signs_in(
    client: TestClient, db: Session
) -> None:
    invite, code = new_invite(db, cicc=True)
    open_join(client)
    anonymous_cookie = session_cookie(client)

    refused, target = join(client, code=code, nickname="Skater Girl", passphrase=PASSPHRASE)

    assert refused is None and target == "/?welcome=1"
    [user] = young_people(db)
    assert user.nickname == "Skater Girl" and user.nickname_key == "skater girl"
    assert user.is_cicc_member is True  # from the invite
    assert user.passphrase_hash is not None and user.passphrase_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(user.passphrase_hash, PASSPHRASE)
    assert PASSPHRASE not in user.passphrase_hash
    assert (user.display_name, user.email, user.oidc_subject) == (None, None, None)
    db.refresh(invite)
    assert invite.used_at is not None and invite.used_by_id == user.id
    # Signed in, with a new session id.
    assert session_cookie(client) not in {None, anonymous_cookie}
    assert has_sign_out_button(page(client.get("/my")))


def test_code_can_be_typed_loosely(client: TestClient, db: Session) -> None:
    _invite, code = new_invite(db)
    typed = f"  {format_code(code).lower()} "
    refused, target = join(client, code=typed, nickname="kai", passphrase=PASSPHRASE)
    assert refused is None and target == "/?welcome=1"
    assert [user.nickname for user in young_people(db)] == ["kai"]


def _reused(client: TestClient, db: Session) -> str:
    _invite, code = new_invite(db)
    with TestClient(client.app, base_url="http://testserver") as someone_else:
        assert join(someone_else, code=code, nickname="first", passphrase=PASSPHRASE)[0] is None
    return code


def _unknown(client: TestClient, db: Session) -> str:
    new_invite(db)
    return "ABCD-EFGH-JK"


def _taken(client: TestClient, db: Session) -> str:
    make_user(db, nickname="Sam")
    return new_invite(db)[1]


def _valid(client: TestClient, db: Session) -> str:
    return new_invite(db)[1]


# (how to get a code, what the person types, the field in error, the message's start)
BAD_INPUT: dict[str, tuple[Callable[[TestClient, Session], str], dict[str, str], str, str]] = {
    "reused code": (_reused, {"nickname": "second"}, "code", "That code does not work"),
    "unknown code": (_unknown, {"nickname": "second"}, "code", "That code does not work"),
    "nickname taken, other case": (
        _taken,
        {"nickname": "sAM"},
        "nickname",
        "Someone already has that nickname",
    ),
    "short passphrase": (
        _valid,
        {"nickname": "second", "passphrase": "too short"},
        "passphrase",
        "Make your passphrase at least 10 characters",
    ),
    "nickname too short": (_valid, {"nickname": "x"}, "nickname", "Pick a nickname"),
    "no code": (lambda _c, _d: "", {"nickname": "second"}, "code", "Type the code"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_is_refused_kindly_and_keeps_what_was_typed(
    client: TestClient, db: Session, case: str
) -> None:
    get_code, typed, field, message = BAD_INPUT[case]
    code = get_code(client, db)
    users_before = {user.id for user in young_people(db)}
    unused_before = unused_invites(db)
    typed = {"code": code, "passphrase": PASSPHRASE, **typed}

    refused, _target = join(client, **typed)

    assert refused is not None
    assert refused.response.headers["content-type"].startswith("text/html")
    summary = refused.error_summary()
    assert len(summary) == 1 and summary[0].startswith(message), summary
    link = refused.soup.select_one(".govuk-error-summary__list a")
    assert link is not None and link["href"] == f"#{field}"
    assert refused.soup.select_one(f"#{field}-error") is not None
    kept = refused.form("/join")
    assert kept["code"] == code and kept["nickname"] == typed["nickname"]
    assert kept["passphrase"] == ""  # never sent back
    assert typed["passphrase"] not in refused.response.text
    assert {user.id for user in young_people(db)} == users_before
    assert unused_invites(db) == unused_before  # a refusal never spends an invite
    assert not has_sign_out_button(refused)


def test_expired_code_is_refused_and_stays_unspent(client: TestClient, db: Session) -> None:
    invite, code = new_invite(db)

    with time_machine.travel(utcnow() + timedelta(days=15)):
        refused, _target = join(client, code=code, nickname="late", passphrase=PASSPHRASE)

    assert refused is not None
    assert refused.error_summary()[0].startswith("That code does not work")
    assert refused.form("/join")["nickname"] == "late"
    assert young_people(db) == []
    db.refresh(invite)
    assert invite.used_at is None


def test_code_still_works_on_day_13(client: TestClient, db: Session) -> None:
    _invite, code = new_invite(db)
    with time_machine.travel(utcnow() + timedelta(days=13)):
        refused, _target = join(client, code=code, nickname="nearly", passphrase=PASSPHRASE)
    assert refused is None


def test_a_refused_code_can_still_be_used_afterwards(client: TestClient, db: Session) -> None:
    invite, code = new_invite(db)
    make_user(db, nickname="taken")
    assert join(client, code=code, nickname="TAKEN", passphrase=PASSPHRASE)[0] is not None

    refused, _target = join(client, code=code, nickname="free", passphrase=PASSPHRASE)

    assert refused is None
    db.refresh(invite)
    assert invite.used_at is not None


def test_concurrent_joins_with_one_code_make_one_account(
    client: TestClient, db: Session, closing: ExitStack
) -> None:
    invite, code = new_invite(db)
    browsers = [
        closing.enter_context(
            TestClient(client.app, base_url="http://testserver", client=(f"192.0.2.{n}", 5000))
        )
        for n in range(8)
    ]
    forms = []
    for n, browser in enumerate(browsers):
        form = open_join(browser).form("/join")
        forms.append({**form, "code": code, "nickname": f"racer{n}", "passphrase": PASSPHRASE})

    def send(n: int) -> int:
        status: int = browsers[n].post("/join", data=forms[n], follow_redirects=False).status_code
        return status

    with ThreadPoolExecutor(max_workers=len(browsers)) as pool:
        statuses = sorted(pool.map(send, range(len(browsers))))

    assert statuses == [303] + [400] * (len(browsers) - 1)
    [user] = young_people(db)
    db.refresh(invite)
    assert invite.used_by_id == user.id
