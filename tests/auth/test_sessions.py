"""Server-side sessions: the cookie, idle and absolute timeouts, deactivation, kept drafts."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from urllib.parse import quote

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings, get_settings
from app.main import create_app
from app.people.models import Role, User, WebSession
from app.timeutil import utcnow
from app.voice.models import TimelineEvent
from tests.people.helpers import (
    STAFF_CALLBACK,
    bound_staff,
    callback_path,
    has_sign_out_button,
    is_signed_out,
    location,
    oidc_settings,
    session_cookie,
    session_row,
    signed_in_rows,
    start_staff_sign_in,
    use_cookie,
)
from tests.support.factories import PASSPHRASE, make_item, make_user, sign_in
from tests.support.idp import LoopbackIdP
from tests.support.pages import page


def set_cookie_header(client: TestClient, path: str = "/help") -> str:
    client.cookies.clear()
    response = client.get(path)
    header: str = response.headers["set-cookie"]
    return header


def cookie_attributes(header: str) -> tuple[str, set[str]]:
    name_value, *attributes = [part.strip() for part in header.split(";")]
    return name_value.split("=", 1)[0], {attribute.lower() for attribute in attributes}


def young_person_signed_in(client: TestClient) -> bool:
    return has_sign_out_button(page(client.get("/my")))


@pytest.fixture
def start() -> datetime:
    return utcnow()


# -- the cookie ------------------------------------------------------------------------------


def test_cookie_is_httponly_lax_and_host_wide_without_secure_on_http(client: TestClient) -> None:
    name, attributes = cookie_attributes(set_cookie_header(client))
    assert name == "sd_session"
    assert attributes == {"path=/", "httponly", "samesite=lax"}  # no Secure, Domain or Expires


def test_cookie_holds_only_a_random_id(client: TestClient, db: Session) -> None:
    user = make_user(db, nickname="kai")
    form = page(client.get("/sign-in")).form("/sign-in")
    client.post("/sign-in", data={**form, "nickname": "kai", "passphrase": PASSPHRASE})
    raw = session_cookie(client)
    assert raw is not None and len(raw) >= 40
    row = session_row(db, raw)
    assert row is not None and row.user_id == user.id
    assert row.id != raw  # the database holds a hash, not the cookie value
    assert db.get(WebSession, raw) is None


def test_https_site_uses_a_host_prefixed_secure_cookie(db: Session) -> None:
    settings = Settings(base_url="https://x.test")
    assert settings.secure_cookies
    user = make_user(db, nickname="kai")
    with TestClient(create_app(settings), base_url="https://x.test") as browser:
        response = browser.get("/help")
        name, attributes = cookie_attributes(response.headers["set-cookie"])
        assert name == "__Host-sd_session"
        assert attributes == {"path=/", "httponly", "samesite=lax", "secure"}
        assert "strict-transport-security" in response.headers

        form = page(browser.get("/sign-in")).form("/sign-in")
        response = browser.post(
            "/sign-in",
            data={**form, "nickname": "kai", "passphrase": PASSPHRASE},
            follow_redirects=False,
        )
        assert location(response) == "/"
        assert young_person_signed_in(browser)

        # A cookie without the prefix (which a subdomain or plain http could plant) is ignored.
        with TestClient(create_app(settings), base_url="https://x.test") as plain:
            sign_in(plain, db, user)
            assert not young_person_signed_in(plain)


def test_a_planted_session_id_is_not_signed_in_by_the_victim(
    client: TestClient, db: Session
) -> None:
    make_user(db, nickname="kai")
    planted = "attacker-knows-this-session-id-0123456789"
    use_cookie(client, planted)
    form = page(client.get("/sign-in")).form("/sign-in")
    client.post("/sign-in", data={**form, "nickname": "kai", "passphrase": PASSPHRASE})
    assert young_person_signed_in(client)
    assert session_cookie(client) != planted

    use_cookie(client, planted)
    assert not young_person_signed_in(client)


@pytest.mark.parametrize(
    "others",
    [
        'cookies_policy={"essential":true,"usage":false}',  # GOV.UK-style consent cookie
        "theme=dark mode",  # an unquoted space
        "ga=GA1.2.3; weird=a,b",
    ],
)
def test_other_cookies_on_the_site_do_not_sign_people_out(
    client: TestClient, db: Session, others: str
) -> None:
    """A council's parent-domain cookies reach this site too; a strict parser drops ours."""
    make_user(db, nickname="kai")
    form = page(client.get("/sign-in")).form("/sign-in")
    client.post("/sign-in", data={**form, "nickname": "kai", "passphrase": PASSPHRASE})
    raw = session_cookie(client)
    client.cookies.clear()

    for header in (f"{others}; sd_session={raw}", f"sd_session={raw}; {others}"):
        response = client.get("/my", headers={"cookie": header})
        assert has_sign_out_button(page(response)), header
        assert "set-cookie" not in response.headers  # the same session, not a new one


@pytest.mark.parametrize(
    "value", ["short", "x" * 101, "a b c d e f g h i j k l m n o p", "<script>" + "q" * 30]
)
def test_odd_session_cookies_are_replaced_not_errors(client: TestClient, value: str) -> None:
    client.cookies.clear()
    response = client.get("/my", headers={"cookie": f"sd_session={value}"})
    assert page(response).h1 == "My things"
    fresh = response.cookies.get("sd_session")
    assert fresh is not None and fresh != value


# -- timeouts ------------------------------------------------------------------------------


def test_staff_are_signed_out_after_15_idle_minutes(
    client: TestClient, db: Session, start: datetime
) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert page(client.get("/staff/inbox")).h1
    with time_machine.travel(start + timedelta(minutes=28), tick=False):
        assert page(client.get("/staff/inbox")).h1  # 14 idle minutes since the last request
    with time_machine.travel(start + timedelta(minutes=44), tick=False):
        response = client.get("/staff/inbox", follow_redirects=False)
        assert location(response) == "/staff/sign-in?next=%2Fstaff%2Finbox"
        warned = page(client.get(location(response)))
        assert "You were signed out after 15 minutes without activity" in warned.text
        assert "signed out" not in page(client.get("/staff/sign-in")).text  # said once
        assert is_signed_out(client)
    assert signed_in_rows(db) == []


def test_staff_sessions_end_after_12_hours_even_when_busy(
    client: TestClient, db: Session, start: datetime
) -> None:
    sign_in(client, db, make_user(db, Role.SAFEGUARDING_LEAD))
    minutes = 0
    while minutes + 14 < 12 * 60:
        minutes += 14
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert client.get("/staff", follow_redirects=False).status_code == 200, minutes
    with time_machine.travel(start + timedelta(hours=12, minutes=1), tick=False):
        assert is_signed_out(client)
        warned = page(client.get("/staff/sign-in"))
        assert "because you had been signed in for 12 hours" in warned.text
        assert "minutes without activity" not in warned.text


def test_young_people_have_120_idle_minutes(
    client: TestClient, db: Session, start: datetime
) -> None:
    assert get_settings().young_person_idle_minutes == 120
    sign_in(client, db, make_user(db, nickname="kai"))
    with time_machine.travel(start + timedelta(minutes=119), tick=False):
        assert young_person_signed_in(client)
    with time_machine.travel(start + timedelta(minutes=119 + 118), tick=False):
        assert young_person_signed_in(client)
    with time_machine.travel(start + timedelta(minutes=119 + 118 + 121), tick=False):
        assert not young_person_signed_in(client)
    assert signed_in_rows(db) == []


def test_idle_time_comes_from_the_settings(db: Session, start: datetime) -> None:
    app = create_app(Settings(young_person_idle_minutes=5, staff_idle_minutes=2))
    with (
        TestClient(app, base_url="http://testserver") as young,
        TestClient(app, base_url="http://testserver") as staff,
    ):
        sign_in(young, db, make_user(db, nickname="kai"))
        sign_in(staff, db, make_user(db, Role.ADMIN))
        with time_machine.travel(start + timedelta(minutes=4), tick=False):
            assert young_person_signed_in(young)
            assert is_signed_out(staff)
        with time_machine.travel(start + timedelta(minutes=10), tick=False):
            assert not young_person_signed_in(young)


# -- deactivation ------------------------------------------------------------------------------


def deactivate(db: Session, user: User) -> None:
    user.is_active = False
    db.add(user)
    db.commit()


def test_deactivating_a_young_person_ends_their_sessions(client: TestClient, db: Session) -> None:
    user = make_user(db, nickname="kai")
    sign_in(client, db, user)
    assert young_person_signed_in(client)

    deactivate(db, user)

    assert not young_person_signed_in(client)
    assert signed_in_rows(db) == []
    # Switching the account back on does not bring the old session back to life.
    user.is_active = True
    db.add(user)
    db.commit()
    assert not young_person_signed_in(client)


def test_deactivating_staff_ends_their_sessions_in_every_browser(
    app: FastAPI, client: TestClient, db: Session
) -> None:
    user = make_user(db, Role.ADMIN)
    sign_in(client, db, user)
    with TestClient(app, base_url="http://testserver") as laptop:
        sign_in(laptop, db, user)
        assert not is_signed_out(laptop)

        deactivate(db, user)

        assert is_signed_out(laptop)
        sign_in_page = page(client.get("/admin/staff", follow_redirects=True))
        assert sign_in_page.h1 == "Staff sign in"
        assert "You were signed out" not in sign_in_page.text  # not a timeout


# -- words survive a timeout ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def idp() -> Iterator[LoopbackIdP]:
    with LoopbackIdP(redirect_uris=[STAFF_CALLBACK]) as provider:
        yield provider


def test_staff_response_typed_after_a_timeout_is_there_after_signing_in_again(
    idp: LoopbackIdP, monkeypatch: pytest.MonkeyPatch, db: Session, start: datetime
) -> None:
    officer = bound_staff(db, idp, "officer-1", Role.PARTICIPATION_OFFICER)
    item = make_item(db)
    respond = f"/staff/items/{item.reference}/respond"
    words = "We fixed the wifi on 3 May. Tell us if it is still slow."
    with (
        oidc_settings(monkeypatch, idp),
        TestClient(create_app(), base_url="http://testserver") as client,
    ):
        callback = idp.authorize(start_staff_sign_in(client), "officer-1")
        assert location(client.get(callback_path(callback), follow_redirects=False)) == "/staff"
        form = page(client.get(respond)).form(respond)

        with time_machine.travel(start + timedelta(minutes=16), tick=True):
            form["response"] = words
            sent = client.post(respond, data=form, follow_redirects=False)
            sign_in_page = location(sent)
            assert sign_in_page == f"/staff/sign-in?next={quote(respond, safe='')}"
            assert page(client.get(sign_in_page)).form("/staff/sign-in")["next"] == respond
            timed_out_cookie = session_cookie(client)

            callback = idp.authorize(start_staff_sign_in(client, sign_in_page), "officer-1")
            back = client.get(callback_path(callback), follow_redirects=False)

            assert location(back) == respond
            assert session_cookie(client) != timed_out_cookie
            again = page(client.get(respond))
            assert again.form(respond)["response"] == words
            assert [row.user_id for row in signed_in_rows(db)] == [officer.id]
            # The draft is handed back once, not kept for ever.
            assert page(client.get(respond)).form(respond)["response"] == ""
    events = db.exec(select(TimelineEvent).where(TimelineEvent.item_id == item.id)).all()
    assert [event.kind for event in events] == ["sent"]  # nothing was published unseen


def test_timed_out_words_are_not_written_in_the_sign_in_url(
    client: TestClient, db: Session, start: datetime
) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    item = make_item(db)
    respond = f"/staff/items/{item.reference}/respond"
    form = page(client.get(respond)).form(respond)
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        sent = client.post(
            respond, data={**form, "response": "secret words"}, follow_redirects=False
        )
    target = location(sent)
    assert target.startswith("/staff/sign-in?next=")
    assert "secret" not in target


def test_a_double_click_that_starts_a_session_twice_is_not_an_error(
    idp: LoopbackIdP, monkeypatch: pytest.MonkeyPatch, db: Session
) -> None:
    """Both requests create the same new session row; on PostgreSQL one used to get a 500."""
    with (
        oidc_settings(monkeypatch, idp),
        TestClient(create_app(), base_url="http://testserver") as client,
    ):
        form = page(client.get("/staff/sign-in")).form("/staff/sign-in")
        raw = session_cookie(client)
        assert raw is not None and session_row(db, raw) is None  # nothing stored yet

        def press(_: int) -> int:
            status: int = client.post(
                "/staff/sign-in", data=form, follow_redirects=False
            ).status_code
            return status

        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(pool.map(press, range(6)))

        assert statuses == [302] * 6
        row = session_row(db, raw)
        assert row is not None and row.user_id is None


# -- a young person's words across a timeout --------------------------------------------------


def sign_in_through_the_form(client: TestClient, nickname: str) -> None:
    form = page(client.get("/sign-in")).form("/sign-in")
    form.update(nickname=nickname, passphrase=PASSPHRASE)
    assert client.post("/sign-in", data=form, follow_redirects=False).status_code == 303


def send_after_a_timeout(client: TestClient, start: datetime, words: str) -> None:
    form = page(client.get("/say")).form("/say")
    assert form["as_account"] == "1"
    form["body"] = words
    with time_machine.travel(start + timedelta(minutes=121), tick=False):
        held = page(client.post("/say", data=form), 401)
    assert held.form("/say")["body"] == words
    assert "You were signed out" in held.text
    assert "as_account" not in held.form("/say")  # pressing Send now sends it without an account


def test_young_persons_words_come_back_after_signing_in_again(
    client: TestClient, db: Session, start: datetime
) -> None:
    make_user(db, nickname="kai")
    sign_in_through_the_form(client, "kai")
    send_after_a_timeout(client, start, "my words typed slowly on the bus")
    with time_machine.travel(start + timedelta(minutes=122), tick=False):
        sign_in_through_the_form(client, "kai")
        assert page(client.get("/say")).form("/say")["body"] == "my words typed slowly on the bus"


def test_words_kept_at_a_timeout_are_never_shown_to_the_next_person(
    client: TestClient, db: Session, start: datetime
) -> None:
    make_user(db, nickname="kai")
    make_user(db, nickname="sam")
    sign_in_through_the_form(client, "kai")
    send_after_a_timeout(client, start, "Zqvx private words")
    with time_machine.travel(start + timedelta(minutes=122), tick=False):
        sign_in_through_the_form(client, "sam")
        said = page(client.get("/say"))
    assert said.form("/say")["body"] == ""
    assert "Zqvx" not in said.response.text
