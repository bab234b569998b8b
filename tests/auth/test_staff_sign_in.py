"""Staff sign-in through the real app and a real (loopback) OpenID provider."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.audit.models import AuditEvent
from app.auth.oidc import StaffIdentity
from app.config import get_settings
from app.main import create_app
from app.people import routes as people_routes
from app.people import service as people_service
from app.people.models import Role, StaffInvite, User
from app.people.service import create_staff_invite
from tests.people.helpers import (
    STAFF_CALLBACK,
    bound_staff,
    callback_path,
    is_signed_out,
    location,
    oidc_settings,
    same_site_path,
    session_cookie,
    signed_in_rows,
    staff_sign_in,
    start_staff_sign_in,
)
from tests.support.factories import make_user, sign_in
from tests.support.idp import Fault, LoopbackIdP
from tests.support.pages import page


@pytest.fixture(scope="module")
def idp() -> Iterator[LoopbackIdP]:
    with LoopbackIdP(redirect_uris=[STAFF_CALLBACK]) as provider:
        yield provider


@pytest.fixture
def app(idp: LoopbackIdP, monkeypatch: pytest.MonkeyPatch) -> Iterator[FastAPI]:
    """The app configured (through the environment, as in production) for the loopback IdP."""
    idp.reset()
    with oidc_settings(monkeypatch, idp):
        yield create_app()
    idp.reset()


def user_count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(User)).one()


def invite_link(db: Session, role: Role, name: str = "Priya Shah") -> tuple[StaffInvite, str]:
    admin = make_user(db, Role.ADMIN)
    invite, token = create_staff_invite(
        db, created_by=admin, role=role, display_name=name, valid_days=14
    )
    db.commit()
    return invite, f"/staff/join/{token}"


# -- the good path ---------------------------------------------------------------------------


def test_sign_in_page_renders_with_the_button(client: TestClient) -> None:
    result = page(client.get("/staff/sign-in"))
    assert result.h1 == "Staff sign in"
    form = result.form("/staff/sign-in")
    assert form["next"] == "/staff" and form["csrf_token"]
    assert "invite" not in form


def test_sign_in_page_without_oidc_says_so() -> None:
    """Outside the fixture (whose settings are used by the cached client): no OIDC at all."""
    get_settings.cache_clear()
    people_routes._oidc_client.cache_clear()
    with TestClient(create_app(), base_url="http://testserver") as plain:
        result = page(plain.get("/staff/sign-in"))
    assert "not set up on this site" in result.text
    assert result.soup.find("form", attrs={"action": "/staff/sign-in"}) is None


def test_known_staff_member_signs_in(client: TestClient, db: Session, idp: LoopbackIdP) -> None:
    officer = bound_staff(db, idp, "officer-1", Role.PARTICIPATION_OFFICER)
    idp.set_user("officer-1", email="sam@council.example", name="Sam")
    page(client.get("/staff/sign-in"))
    before = session_cookie(client)

    authorisation_url = start_staff_sign_in(client)
    query = parse_qs(urlsplit(authorisation_url).query)
    assert authorisation_url.startswith(idp.issuer + "/")
    assert query["redirect_uri"] == [STAFF_CALLBACK]
    assert query["code_challenge_method"] == ["S256"]
    response = client.get(
        callback_path(idp.authorize(authorisation_url, "officer-1")), follow_redirects=False
    )

    assert location(response) == "/staff"
    after = session_cookie(client)
    assert after not in {None, before}  # a new session id on sign-in
    home = page(client.get("/staff"))
    assert home.h1 == f"Hello, {officer.display_name}"
    assert [row.user_id for row in signed_in_rows(db)] == [officer.id]
    db.refresh(officer)
    assert officer.email == "sam@council.example" and officer.last_signed_in_at is not None


def test_next_is_followed_when_it_is_on_this_site(
    client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    bound_staff(db, idp, "officer-1", Role.PARTICIPATION_OFFICER)
    response = staff_sign_in(client, idp, "officer-1", "/staff/sign-in?next=/staff/inbox")
    assert location(response) == "/staff/inbox"


@pytest.mark.parametrize(
    "target",
    ["//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example", "\\\\evil"],
)
def test_next_can_never_leave_the_site(
    client: TestClient, db: Session, idp: LoopbackIdP, target: str
) -> None:
    bound_staff(db, idp, "officer-1", Role.PARTICIPATION_OFFICER)
    assert page(client.get("/staff/sign-in", params={"next": target})).form("/staff/sign-in")[
        "next"
    ] == ("/staff")

    # Even a hand-made form post cannot smuggle it through.
    form = page(client.get("/staff/sign-in")).form("/staff/sign-in")
    form["next"] = target
    authorisation_url = location(
        client.post("/staff/sign-in", data=form, follow_redirects=False), 302
    )
    response = client.get(
        callback_path(idp.authorize(authorisation_url, "officer-1")), follow_redirects=False
    )

    assert same_site_path(location(response)) == "/staff"


# -- who may get in ----------------------------------------------------------------------------


def test_unknown_identity_is_asked_to_get_access(
    client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    make_user(db, Role.ADMIN)
    idp.set_user("stranger", email="stranger@council.example")
    before = user_count(db)

    refused = page(staff_sign_in(client, idp, "stranger"), 403)

    assert refused.h1 == "Ask your administrator for access"
    assert user_count(db) == before
    assert db.exec(select(User).where(User.oidc_subject == "stranger")).first() is None
    assert signed_in_rows(db) == []
    assert is_signed_out(client)


def test_invite_link_binds_the_identity_once(
    app: FastAPI, client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    invite, link = invite_link(db, Role.SAFEGUARDING_LEAD)
    idp.set_user("new-lead", email="priya@council.example")
    form = page(client.get(link)).form("/staff/sign-in")
    assert form["invite"] == link.rsplit("/", 1)[1]

    response = staff_sign_in(client, idp, "new-lead", link)

    assert location(response) == "/staff"
    user = db.exec(select(User).where(User.oidc_subject == "new-lead")).one()
    assert (user.oidc_issuer, user.role, user.display_name) == (
        idp.issuer,
        Role.SAFEGUARDING_LEAD,
        "Priya Shah",
    )
    assert user.email == "priya@council.example"
    db.refresh(invite)
    assert invite.used_at is not None and invite.used_by_id == user.id
    assert page(client.get("/staff")).h1 == "Hello, Priya Shah"

    # Someone else who gets hold of the link cannot use it again.
    count = user_count(db)
    with TestClient(app, base_url="http://testserver") as other:
        refused = page(staff_sign_in(other, idp, "link-thief", link), 403)
        assert refused.h1 == "Ask your administrator for access"
        assert is_signed_out(other)
    assert user_count(db) == count
    # The invited person signing in again from the link is just a sign-in.
    with TestClient(app, base_url="http://testserver") as again:
        assert location(staff_sign_in(again, idp, "new-lead", link)) == "/staff"
    assert user_count(db) == count


def test_admin_made_invite_through_the_pages(
    app: FastAPI, client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    sign_in(client, db, make_user(db, Role.ADMIN))
    form = page(client.get("/admin/staff")).form("/admin/staff")
    form.update(display_name="Oli Officer", role="participation_officer")
    client.post("/admin/staff", data=form)
    card = page(client.get("/admin/staff")).soup.select_one(".sd-card .sd-said")
    assert card is not None
    link = urlsplit(card.get_text(strip=True)).path

    with TestClient(app, base_url="http://testserver") as invitee:
        assert location(staff_sign_in(invitee, idp, "oli", link)) == "/staff"
        assert page(invitee.get("/staff/invites")).h1 == "Invite codes for young people"
    user = db.exec(select(User).where(User.oidc_subject == "oli")).one()
    assert user.role is Role.PARTICIPATION_OFFICER


def test_expired_invite_does_not_bind(client: TestClient, db: Session, idp: LoopbackIdP) -> None:
    admin = make_user(db, Role.ADMIN)
    _invite, token = create_staff_invite(
        db, created_by=admin, role=Role.ADMIN, display_name="Late", valid_days=0
    )
    db.commit()
    before = user_count(db)

    page(staff_sign_in(client, idp, "late", f"/staff/join/{token}"), 403)

    assert user_count(db) == before


def test_same_email_from_another_subject_is_not_the_same_person(
    app: FastAPI, client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    first = bound_staff(db, idp, "staff-a", Role.ADMIN)
    first.email = "shared@council.example"
    db.add(first)
    db.commit()
    idp.set_user("staff-a", email="shared@council.example")
    idp.set_user("staff-b", email="shared@council.example")

    refused = page(staff_sign_in(client, idp, "staff-b"), 403)

    assert refused.h1 == "Ask your administrator for access"
    assert signed_in_rows(db) == []
    assert is_signed_out(client)
    with TestClient(app, base_url="http://testserver") as real:
        assert location(staff_sign_in(real, idp, "staff-a")) == "/staff"
    assert [row.user_id for row in signed_in_rows(db)] == [first.id]


def test_same_subject_from_another_issuer_is_not_the_same_person(
    client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    elsewhere = make_user(db, Role.ADMIN)
    elsewhere.oidc_subject = "staff-a"  # bound at https://idp.test, not at this IdP
    db.add(elsewhere)
    db.commit()

    page(staff_sign_in(client, idp, "staff-a"), 403)

    assert signed_in_rows(db) == []


def test_deactivated_staff_cannot_sign_in(
    client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    user = bound_staff(db, idp, "gone", Role.ADMIN)
    user.is_active = False
    db.add(user)
    db.commit()

    page(staff_sign_in(client, idp, "gone"), 403)

    assert signed_in_rows(db) == []


# -- bad answers from the IdP ---------------------------------------------------------------


@pytest.mark.parametrize("fault", ["wrong_nonce", "wrong_audience", "expired", "alg_none"])
def test_bad_id_token_gives_the_friendly_page_and_no_session(
    client: TestClient, db: Session, idp: LoopbackIdP, fault: Fault
) -> None:
    bound_staff(db, idp, "officer-1", Role.PARTICIPATION_OFFICER)
    page(client.get("/staff/sign-in"))
    before = session_cookie(client)
    callback = idp.authorize(start_staff_sign_in(client), "officer-1")
    idp.fault = fault

    failed = page(client.get(callback_path(callback), follow_redirects=False), 400)

    assert idp.fault is None, "the IdP never issued the tampered token"
    assert failed.h1 == "Sign-in did not work"
    assert session_cookie(client) == before  # no new, signed-in session id
    assert signed_in_rows(db) == []
    assert is_signed_out(client)
    # A second go with a good token works.
    assert location(staff_sign_in(client, idp, "officer-1")) == "/staff"


def test_replayed_callback_does_not_sign_in_again(
    app: FastAPI, client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    bound_staff(db, idp, "officer-1", Role.PARTICIPATION_OFFICER)
    callback = callback_path(idp.authorize(start_staff_sign_in(client), "officer-1"))
    assert location(client.get(callback, follow_redirects=False)) == "/staff"

    with TestClient(app, base_url="http://testserver") as attacker:
        page(attacker.get(callback, follow_redirects=False), 400)
        assert is_signed_out(attacker)


def test_cancelling_at_the_idp_gives_the_friendly_page(
    client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    callback = idp.deny(start_staff_sign_in(client))
    failed = page(client.get(callback_path(callback)), 400)
    assert failed.h1 == "Sign-in did not work"
    assert signed_in_rows(db) == []


def test_sign_in_start_needs_the_csrf_token(client: TestClient) -> None:
    form = page(client.get("/staff/sign-in")).form("/staff/sign-in")
    response = client.post(
        "/staff/sign-in", data={**form, "csrf_token": "forged"}, follow_redirects=False
    )
    assert response.status_code == 403


def test_concurrent_sign_ins_through_one_invite_bind_one_identity(
    app: FastAPI, db: Session, idp: LoopbackIdP
) -> None:
    invite, link = invite_link(db, Role.ADMIN)
    before = user_count(db)
    with ExitStack() as closing:
        browsers = [
            closing.enter_context(
                TestClient(app, base_url="http://testserver", client=(f"192.0.2.{n}", 5000))
            )
            for n in range(6)
        ]
        callbacks = [
            callback_path(idp.authorize(start_staff_sign_in(browser, link), f"racer-{n}"))
            for n, browser in enumerate(browsers)
        ]

        def finish(n: int) -> int:
            status: int = browsers[n].get(callbacks[n], follow_redirects=False).status_code
            return status

        with ThreadPoolExecutor(max_workers=len(browsers)) as pool:
            statuses = sorted(pool.map(finish, range(len(browsers))))

    assert statuses == [303] + [403] * (len(browsers) - 1)
    assert user_count(db) == before + 1
    db.refresh(invite)
    bound = db.get(User, invite.used_by_id)
    assert bound is not None and bound.role is Role.ADMIN
    assert [row.user_id for row in signed_in_rows(db)] == [bound.id]


def test_losing_the_race_for_an_invite_leaves_no_account(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between reading the invite and spending it, another sign-in spent it: the half-made
    account is rolled back, and only the refusal is recorded."""
    _invite, link = invite_link(db, Role.ADMIN)
    token = link.rsplit("/", 1)[1]
    monkeypatch.setattr(people_service, "_spend", lambda *_args: False)
    identity = StaffIdentity("https://idp.test", "late-racer", None, None, ())

    assert people_routes._bind_staff(identity, token) is None
    db.expire_all()
    assert db.exec(select(User).where(User.oidc_subject == "late-racer")).all() == []
    assert db.exec(select(AuditEvent.action)).all() == ["staff.sign_in_refused"]
