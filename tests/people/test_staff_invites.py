"""Admins invite staff by name and role; the link they get is bound at first sign-in."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.people.models import Role, StaffInvite
from app.people.service import digest
from tests.people.helpers import location
from tests.support.factories import make_user, sign_in
from tests.support.pages import Page, page

JOIN_PREFIX = "http://testserver/staff/join/"


def open_staff(client: TestClient) -> Page:
    result = page(client.get("/admin/staff"))
    assert result.h1 == "Staff"
    return result


def links(result: Page) -> list[str]:
    found = [tag.get_text(strip=True) for tag in result.soup.select(".sd-card .sd-said")]
    assert all(link.startswith(JOIN_PREFIX) for link in found), found
    return found


def test_admin_invites_someone_and_gets_a_single_link(client: TestClient, db: Session) -> None:
    admin = make_user(db, Role.ADMIN)
    sign_in(client, db, admin)
    form = open_staff(client).form("/admin/staff")
    assert form["role"] == ""  # nobody gets a role by accident
    form.update(display_name="Priya Shah", role="safeguarding_lead")

    assert location(client.post("/admin/staff", data=form, follow_redirects=False)) == (
        "/admin/staff"
    )

    [link] = links(open_staff(client))
    token = link.removeprefix(JOIN_PREFIX)
    invite = db.exec(select(StaffInvite)).one()
    assert invite.token_hash == digest(token)  # the link itself is never stored
    assert (invite.display_name, invite.role) == ("Priya Shah", Role.SAFEGUARDING_LEAD)
    assert invite.created_by_id == admin.id and invite.used_at is None
    join_page = page(client.get(f"/staff/join/{token}"))
    assert join_page.h1 == "Staff sign in"
    assert "You have been invited" in join_page.text


def test_every_staff_role_can_be_offered_but_not_young_person(
    client: TestClient, db: Session
) -> None:
    sign_in(client, db, make_user(db, Role.ADMIN))
    result = open_staff(client)
    select_tag = result.soup.find("select", attrs={"name": "role"})
    assert select_tag is not None
    offered = {str(option["value"]) for option in select_tag.find_all("option")} - {""}
    assert offered == {role.value for role in Role if role.is_staff}

    form = result.form("/admin/staff")
    form.update(display_name="Sneaky", role="young_person")
    refused = page(client.post("/admin/staff", data=form), 400)
    assert refused.error_summary() == ["Choose a role."]
    assert db.exec(select(StaffInvite)).all() == []


@pytest.mark.parametrize(
    ("typed", "errors"),
    [
        ({"display_name": "", "role": ""}, ["Enter the person's name.", "Choose a role."]),
        ({"display_name": "Jo Bloggs", "role": ""}, ["Choose a role."]),
        ({"display_name": "   ", "role": "councillor"}, ["Enter the person's name."]),
        ({"display_name": "Jo Bloggs", "role": "emperor"}, ["Choose a role."]),
    ],
)
def test_missing_name_or_role_is_a_400_that_keeps_what_was_typed(
    client: TestClient, db: Session, typed: dict[str, str], errors: list[str]
) -> None:
    sign_in(client, db, make_user(db, Role.ADMIN))
    form = open_staff(client).form("/admin/staff")
    form.update(typed)

    refused = page(client.post("/admin/staff", data=form), 400)

    assert refused.error_summary() == errors
    assert refused.soup.title is not None and refused.soup.title.get_text().startswith("Error:")
    kept = refused.form("/admin/staff")
    assert kept["display_name"] == typed["display_name"]  # as typed
    if typed["role"] == "councillor":
        assert kept["role"] == "councillor"
    assert db.exec(select(StaffInvite)).all() == []


def test_officer_gets_403(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    refused = page(client.get("/admin/staff"), 403)
    token = refused.soup.find("meta", attrs={"name": "csrf-token"})
    assert token is not None

    posted = client.post(
        "/admin/staff",
        data={"csrf_token": str(token["content"]), "display_name": "Me Again", "role": "admin"},
    )

    page(posted, 403)
    assert db.exec(select(StaffInvite)).all() == []


@pytest.mark.parametrize("role", [role for role in Role if role is not Role.ADMIN])
def test_only_admins_see_the_staff_page(client: TestClient, db: Session, role: Role) -> None:
    sign_in(client, db, make_user(db, role))
    assert client.get("/admin/staff", follow_redirects=False).status_code == 403


def test_anonymous_is_sent_to_staff_sign_in(client: TestClient, db: Session) -> None:
    response = client.get("/admin/staff", follow_redirects=False)
    assert location(response) == "/staff/sign-in?next=%2Fadmin%2Fstaff"
