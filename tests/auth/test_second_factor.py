"""Staff who read young people's words need a second sign-in step (AU-03).

The loopback IdP leaves out `amr` (as an IdP that did not ask for a second step) or sends one;
officers, safeguarding leads and admins without one get a plain 403 explaining why, everywhere.
A council whose IdP always asks for a second step but never says so sets STAFF_MFA=attested.
"""

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.main import create_app
from app.people.models import Role
from tests.people.helpers import STAFF_CALLBACK, bound_staff, oidc_settings, staff_sign_in
from tests.support.idp import LoopbackIdP
from tests.support.pages import page

EXPLANATION = "did not use a second step"


@pytest.fixture(scope="module")
def idp() -> Iterator[LoopbackIdP]:
    with LoopbackIdP(redirect_uris=[STAFF_CALLBACK]) as provider:
        yield provider


@pytest.fixture
def app(idp: LoopbackIdP, monkeypatch: pytest.MonkeyPatch) -> Iterator[FastAPI]:
    idp.reset()
    idp.default_amr = None
    with oidc_settings(monkeypatch, idp):
        yield create_app()
    idp.reset()


def _signed_in(client: TestClient, db: Session, idp: LoopbackIdP, role: Role, sub: str) -> None:
    bound_staff(db, idp, sub, role)
    assert staff_sign_in(client, idp, sub).status_code == 303


@pytest.mark.parametrize(
    ("role", "path"),
    [
        (Role.PARTICIPATION_OFFICER, "/staff/inbox"),
        (Role.SAFEGUARDING_LEAD, "/staff/cases"),
        (Role.ADMIN, "/admin/audit"),
    ],
)
def test_without_a_second_step_these_roles_are_refused_plainly(
    client: TestClient, db: Session, idp: LoopbackIdP, role: Role, path: str
) -> None:
    idp.set_user(f"{role.value}-pwd", amr=["pwd"])
    _signed_in(client, db, idp, role, f"{role.value}-pwd")
    result = page(client.get(path), 403)
    assert EXPLANATION in result.text
    assert "Sign in" not in result.h1


@pytest.mark.parametrize("amr", [["pwd", "mfa"], ["pwd", "otp"], ["hwk"], ["pwd", "fpt"]])
def test_with_a_second_step_the_officer_gets_in(
    client: TestClient, db: Session, idp: LoopbackIdP, amr: list[str]
) -> None:
    idp.set_user("officer-mfa", amr=amr)
    _signed_in(client, db, idp, Role.PARTICIPATION_OFFICER, "officer-mfa")
    assert page(client.get("/staff/inbox")).h1 == "Inbox"


def test_no_amr_at_all_counts_as_no_second_step(
    client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    _signed_in(client, db, idp, Role.SAFEGUARDING_LEAD, "lead-no-amr")
    assert EXPLANATION in page(client.get("/staff/cases"), 403).text


def test_roles_that_never_see_original_words_need_no_second_step(
    client: TestClient, db: Session, idp: LoopbackIdP
) -> None:
    _signed_in(client, db, idp, Role.COUNCILLOR, "councillor-pwd")
    assert client.get("/councillor").status_code == 200


def test_a_council_can_attest_its_identity_provider_asks(
    idp: LoopbackIdP, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    idp.reset()
    idp.default_amr = None
    monkeypatch.setenv("STAFF_MFA", "attested")
    with oidc_settings(monkeypatch, idp):
        client = TestClient(create_app())
        _signed_in(client, db, idp, Role.PARTICIPATION_OFFICER, "officer-attested")
        assert client.get("/staff/inbox").status_code == 200
