"""Officers make single-use invite codes (with QR codes) for young people."""

from datetime import timedelta

import pytest
import segno
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.people.models import Role, YoungPersonInvite
from app.people.service import digest, normalise_code
from app.timeutil import utcnow
from tests.people.helpers import location
from tests.support.factories import make_user, sign_in
from tests.support.pages import Page, page

MAY_INVITE = [Role.PARTICIPATION_OFFICER, Role.ADMIN]
MAY_NOT_INVITE = [role for role in Role if role not in MAY_INVITE]


def make_code(client: TestClient, *, cicc: bool = False) -> Page:
    form = page(client.get("/staff/invites")).form("/staff/invites")
    if cicc:
        form["cicc"] = "yes"
    response = client.post("/staff/invites", data=form, follow_redirects=False)
    assert location(response) == "/staff/invites"
    return page(client.get("/staff/invites"))


def shown_codes(result: Page) -> list[str]:
    return [tag.get_text(strip=True) for tag in result.soup.select(".sd-card .sd-receipt")]


@pytest.mark.parametrize("role", MAY_INVITE)
def test_officer_makes_a_single_use_code_with_a_qr_code(
    client: TestClient, db: Session, role: Role
) -> None:
    officer = make_user(db, role)
    sign_in(client, db, officer)
    before = utcnow()

    result = make_code(client)

    assert result.h1 == "Invite codes for young people"
    [shown] = shown_codes(result)
    code = normalise_code(shown)
    assert len(code) == 10
    invite = db.exec(select(YoungPersonInvite)).one()
    assert invite.code_hash == digest(code)  # only a hash is stored
    assert invite.created_by_id == officer.id
    assert invite.used_at is None and invite.is_cicc_member is False
    assert before + timedelta(days=14) <= invite.expires_at <= utcnow() + timedelta(days=14)
    # The QR code opens the join page with the code already filled in.
    image = result.soup.select_one(".sd-card img")
    assert image is not None
    expected = segno.make(f"http://testserver/join?code={code}", error="m")
    assert image["src"] == expected.svg_data_uri(scale=4, border=2)
    assert shown in str(image["alt"])


def test_each_press_makes_a_new_code_newest_first(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))

    first = shown_codes(make_code(client))
    both = shown_codes(make_code(client, cicc=True))

    assert len(both) == 2 and both[1] == first[0] and both[0] != first[0]
    invites = db.exec(select(YoungPersonInvite).order_by(col(YoungPersonInvite.id))).all()
    assert [invite.is_cicc_member for invite in invites] == [False, True]
    assert len({invite.code_hash for invite in invites}) == 2


def test_codes_are_not_shown_to_another_session_of_the_same_officer(
    app: object, client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, officer)
    assert shown_codes(make_code(client))

    with TestClient(app, base_url="http://testserver") as other:  # type: ignore[arg-type]
        sign_in(other, db, officer)
        assert shown_codes(page(other.get("/staff/invites"))) == []


@pytest.mark.parametrize("role", MAY_NOT_INVITE)
def test_other_roles_get_403(client: TestClient, db: Session, role: Role) -> None:
    sign_in(client, db, make_user(db, role))
    token = page(client.get("/help")).soup.find("meta", attrs={"name": "csrf-token"})
    assert token is not None

    refused = page(client.get("/staff/invites"), 403)
    assert refused.h1 == "You cannot see this page"
    posted = client.post("/staff/invites", data={"csrf_token": str(token["content"])})
    page(posted, 403)
    assert db.exec(select(YoungPersonInvite)).all() == []


def test_anonymous_is_sent_to_staff_sign_in(client: TestClient, db: Session) -> None:
    response = client.get("/staff/invites", follow_redirects=False)
    assert location(response) == "/staff/sign-in?next=%2Fstaff%2Finvites"

    token = page(client.get("/help")).soup.find("meta", attrs={"name": "csrf-token"})
    assert token is not None
    posted = client.post(
        "/staff/invites", data={"csrf_token": str(token["content"])}, follow_redirects=False
    )
    assert location(posted).startswith("/staff/sign-in?next=")
    assert db.exec(select(YoungPersonInvite)).all() == []
