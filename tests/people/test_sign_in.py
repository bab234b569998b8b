"""Young people's sign-in with a nickname and passphrase, the rate limit, and signing out."""

import time

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import get_settings
from app.people.models import Role, User
from tests.people.helpers import (
    has_sign_out_button,
    is_signed_out,
    location,
    session_cookie,
    session_row,
    signed_in_rows,
    use_cookie,
    without_volatile,
)
from tests.support.factories import PASSPHRASE, make_user, sign_in
from tests.support.pages import Page, page


def sign_in_form(client: TestClient, path: str = "/sign-in") -> dict[str, str]:
    result = page(client.get(path))
    assert result.h1 == "Sign in"
    return result.form("/sign-in")


def try_sign_in(client: TestClient, nickname: str, passphrase: str, **extra: str) -> Page | str:
    """A refusal page, or where a successful sign-in redirects to."""
    form = sign_in_form(client)
    form.update(nickname=nickname, passphrase=passphrase, **extra)
    response = client.post("/sign-in", data=form, follow_redirects=False)
    if response.status_code == 303:
        return location(response)
    return page(response, response.status_code)


def test_right_nickname_and_passphrase_sign_in_with_a_new_session_id(
    client: TestClient, db: Session
) -> None:
    user = make_user(db, nickname="Skater")
    sign_in_form(client)
    before = session_cookie(client)
    assert before is not None

    assert try_sign_in(client, "skater", PASSPHRASE) == "/"  # nicknames ignore case

    after = session_cookie(client)
    assert after is not None and after != before
    assert session_row(db, before) is None
    row = session_row(db, after)
    assert row is not None and row.user_id == user.id
    home = page(client.get("/my"))
    assert has_sign_out_button(home)
    db.refresh(user)
    assert user.last_signed_in_at is not None


def test_sign_in_goes_back_to_a_same_site_next(client: TestClient, db: Session) -> None:
    make_user(db, nickname="kai")
    form = sign_in_form(client, "/sign-in?next=/my")
    assert form["next"] == "/my"
    form.update(nickname="kai", passphrase=PASSPHRASE)
    assert location(client.post("/sign-in", data=form, follow_redirects=False)) == "/my"


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "/\\evil.example"])
def test_sign_in_never_leaves_the_site(client: TestClient, db: Session, target: str) -> None:
    make_user(db, nickname="kai")
    assert sign_in_form(client, f"/sign-in?next={target}")["next"] == "/"
    # Even when the hidden field is tampered with.
    assert try_sign_in(client, "kai", PASSPHRASE, next=target) == "/"


def test_wrong_passphrase_and_unknown_nickname_look_the_same(
    client: TestClient, db: Session
) -> None:
    unknown = try_sign_in(client, "sam", PASSPHRASE)
    make_user(db, nickname="sam")
    wrong = try_sign_in(client, "sam", "not the passphrase")

    assert isinstance(unknown, Page) and isinstance(wrong, Page)
    assert unknown.status == wrong.status == 400
    assert without_volatile(unknown.response.text) == without_volatile(wrong.response.text)
    assert wrong.error_summary() == [
        "That nickname and passphrase do not match. Check them and try again."
    ]
    kept = wrong.form("/sign-in")
    assert kept["nickname"] == "sam" and kept["passphrase"] == ""
    assert "not the passphrase" not in wrong.response.text
    assert signed_in_rows(db) == []


@pytest.mark.parametrize("who", ["inactive", "staff"])
def test_accounts_that_cannot_sign_in_here_look_unknown(
    client: TestClient, db: Session, who: str
) -> None:
    if who == "inactive":
        make_user(db, nickname="gone", is_active=False)
    else:
        staff = make_user(db, Role.ADMIN)
        staff.nickname_key = "gone"  # even if a staff row somehow had a nickname
        db.add(staff)
        db.commit()

    refused = try_sign_in(client, "gone", PASSPHRASE)

    assert isinstance(refused, Page) and refused.status == 400
    assert refused.error_summary()[0].startswith("That nickname and passphrase do not match")
    assert signed_in_rows(db) == []


def test_too_many_attempts_on_one_nickname_get_a_friendly_429(
    client: TestClient, db: Session
) -> None:
    make_user(db, nickname="kai")
    allowed = get_settings().sign_in_attempts_per_minute
    assert allowed == 10
    start = time.time()
    with time_machine.travel(start, tick=False):
        for _ in range(allowed):
            refused = try_sign_in(client, "kai", "wrong passphrase")
            assert isinstance(refused, Page) and refused.status == 400

        limited = try_sign_in(client, "KAI", PASSPHRASE)  # right, but one too many

        assert isinstance(limited, Page) and limited.status == 429
        assert limited.h1 == "Please wait a moment"
        assert signed_in_rows(db) == []

    with time_machine.travel(start + 61, tick=False):
        assert try_sign_in(client, "kai", PASSPHRASE) == "/"


def test_an_address_may_try_many_nicknames_but_not_endlessly(
    app: FastAPI, client: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A care home shares one address, so its limit is higher than one person's."""
    make_user(db, nickname="kai")
    monkeypatch.setenv("SIGN_IN_ATTEMPTS_PER_MINUTE_PER_ADDRESS", "15")
    get_settings.cache_clear()
    try:
        for attempt in range(15):
            refused = try_sign_in(client, f"guess{attempt}", "wrong passphrase")
            assert isinstance(refused, Page) and refused.status == 400
        limited = try_sign_in(client, "kai", PASSPHRASE)
        assert isinstance(limited, Page) and limited.status == 429

        with TestClient(app, base_url="http://testserver", client=("198.51.100.7", 5000)) as other:
            assert try_sign_in(other, "kai", PASSPHRASE) == "/"
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


# -- signing out ---------------------------------------------------------------------------


def sign_out(client: TestClient, from_page: str) -> str:
    form = page(client.get(from_page)).form("/sign-out")
    response = client.post("/sign-out", data=form, follow_redirects=False)
    assert location(response) == "/signed-out"
    assert response.headers["clear-site-data"] == '"cache", "storage"'
    done = page(client.get("/signed-out"))
    assert done.h1 == "You have signed out"
    assert not has_sign_out_button(done)
    return str(response.headers.get("set-cookie", ""))


def test_young_person_signs_out_and_the_old_cookie_is_dead(client: TestClient, db: Session) -> None:
    user = make_user(db, nickname="kai")
    assert try_sign_in(client, "kai", PASSPHRASE) == "/"
    old = session_cookie(client)
    assert old is not None and session_row(db, old) is not None
    assert has_sign_out_button(page(client.get("/my")))

    sign_out(client, "/my")

    assert session_row(db, old) is None
    assert session_cookie(client) != old
    assert not has_sign_out_button(page(client.get("/my")))
    use_cookie(client, old)  # someone replays the cookie from before
    replayed = page(client.get("/my"))
    assert not has_sign_out_button(replayed)
    assert "Find something with a reference" in replayed.text
    assert [row for row in signed_in_rows(db) if row.user_id == user.id] == []


def test_staff_sign_out_ends_the_session(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    old = session_cookie(client)
    assert old is not None and not is_signed_out(client)

    sign_out(client, "/staff")

    assert is_signed_out(client)
    use_cookie(client, old)
    assert is_signed_out(client)
    assert location(client.get("/staff/inbox", follow_redirects=False)).startswith(
        "/staff/sign-in?next="
    )
    assert signed_in_rows(db) == []


def test_sign_out_needs_the_csrf_token(client: TestClient, db: Session) -> None:
    user: User = make_user(db, nickname="kai")
    sign_in(client, db, user)
    form = page(client.get("/my")).form("/sign-out")

    forged = client.post("/sign-out", data={**form, "csrf_token": "forged"})
    assert forged.status_code == 403
    cross_site = client.post("/sign-out", data=form, headers={"Origin": "https://evil.example"})
    assert cross_site.status_code == 403

    assert [row.user_id for row in signed_in_rows(db)] == [user.id]
    assert has_sign_out_button(page(client.get("/my")))


def test_signing_out_only_ends_this_browsers_session(
    app: FastAPI, client: TestClient, db: Session
) -> None:
    user = make_user(db, nickname="kai")
    sign_in(client, db, user)
    with TestClient(app, base_url="http://testserver") as phone:
        sign_in(phone, db, user)
        sign_out(phone, "/my")
        assert not has_sign_out_button(page(phone.get("/my")))
    assert has_sign_out_button(page(client.get("/my")))
