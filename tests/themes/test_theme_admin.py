"""Officers and admins manage themes: principles, leads, link champions, retiring; a theme that
items point at is never deleted (the officer is offered "retire"), and nothing is lost."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.moderation.models import Sharing
from app.moderation.repository import shared_items
from app.people.models import Role
from app.themes.models import Theme, ThemeChampion, ThemePrinciple
from tests.moderation.helpers import officer, pending_item, share_directly
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import page
from tests.themes.helpers import restore_themes, theme

pytestmark = pytest.mark.usefixtures("restore_themes")
__all__ = ["restore_themes"]


def test_an_officer_adds_a_theme_with_principles_a_lead_and_champions(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    first = make_user(db, Role.COUNCILLOR)
    second = make_user(db, Role.COUNCILLOR)
    form = page(client.get("/staff/themes/new"))
    assert form.h1 == "Add a theme"
    assert first.label in form.text and second.label in form.text
    response = client.post(
        "/staff/themes",
        data={
            "csrf_token": form.form("/staff/themes")["csrf_token"],
            "name": "Bus Passes & Travel",
            "description": "Getting about: buses, trains and passes.",
            "lead": "Director of Transport",
            "principles": ["4", "7"],
            "champions": [str(first.id), str(second.id)],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    listed = page(client.get(response.headers["location"]))
    assert "Theme added." in listed.text
    assert "Director of Transport" in listed.text
    assert "Help them use services and get the most from them" in listed.text
    made = theme(db, "bus-passes-travel")
    assert made.is_active and made.position > 0
    principles = db.exec(select(ThemePrinciple.principle).where(ThemePrinciple.theme_id == made.id))
    assert sorted(principles.all()) == [4, 7]
    champions = db.exec(select(ThemeChampion.user_id).where(ThemeChampion.theme_id == made.id))
    assert sorted(champions.all()) == sorted([first.id or 0, second.id or 0])
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "theme.create")).one()


def test_only_councillors_can_be_champions_and_bad_input_keeps_what_was_typed(
    client: TestClient, db: Session
) -> None:
    me = officer(client, db)
    form = page(client.get("/staff/themes/new"))
    response = client.post(
        "/staff/themes",
        data={
            "csrf_token": form.form("/staff/themes")["csrf_token"],
            "name": "Housing",  # taken
            "description": "A second line\nis not one line",
            "lead": "Someone",
            "champions": [str(me.id)],
            "principles": ["9"],
        },
    )
    result = page(response, 400)
    assert result.error_summary() == [
        "There is already a theme called “Housing”.",
        "Keep the description to one line of 300 characters.",
        "Choose principles from the list.",
        "Only councillors can be link champions. Choose from the list.",
    ]
    assert result.form("/staff/themes")["lead"] == "Someone"
    assert db.exec(select(Theme).where(Theme.lead == "Someone")).first() is None


def test_a_theme_items_point_at_cannot_be_deleted_but_can_be_retired(
    client: TestClient, db: Session
) -> None:
    officer(client, db)
    housing = theme(db, "housing")
    make_item(db, body="the hostel is cold", theme_id=housing.id)
    url = f"/staff/themes/{housing.id}"
    edit = page(client.get(url))
    assert "1 item, event or note uses this theme" in edit.text
    token = edit.form(url)["csrf_token"]
    refused = page(client.post(url, data={"csrf_token": token, "action": "delete"}), 400)
    assert refused.error_summary() == [
        "“Housing” cannot be deleted: 1 items, events or notes use it. Retire it instead: it "
        "keeps its history and nobody can choose it."
    ]
    db.refresh(housing)
    assert housing.is_active
    retired = client.post(url, data={"csrf_token": token, "action": "retire"})
    assert "Theme retired." in page(retired).text
    db.refresh(housing)
    assert not housing.is_active
    say = page(client.get("/staff/themes"))
    assert "Retired" in say.text
    # Young people can no longer choose it; the item keeps pointing at it.
    anonymous = TestClient(client.app, base_url="http://testserver")
    assert 'value="housing"' not in anonymous.get("/say").text
    back = client.post(url, data={"csrf_token": token, "action": "restore"})
    assert "Theme brought back." in page(back).text


def test_an_unused_theme_can_be_deleted(client: TestClient, db: Session) -> None:
    officer(client, db)
    extra = Theme(slug="spare", name="Spare", description="Not used.", position=99)
    db.add(extra)
    db.commit()
    db.add(ThemeChampion(theme_id=extra.id or 0, user_id=make_user(db, Role.COUNCILLOR).id or 0))
    db.commit()
    url = f"/staff/themes/{extra.id}"
    token = page(client.get(url)).form(url)["csrf_token"]
    deleted = client.post(url, data={"csrf_token": token, "action": "delete"})
    assert "Theme deleted." in page(deleted).text
    assert db.exec(select(Theme).where(Theme.slug == "spare")).first() is None


def test_an_admin_manages_themes_but_a_councillor_cannot(client: TestClient, db: Session) -> None:
    sign_in(client, db, make_user(db, Role.ADMIN))
    assert page(client.get("/staff/themes")).h1 == "Themes"
    other = TestClient(client.app, base_url="http://testserver")
    sign_in(other, db, make_user(db, Role.COUNCILLOR))
    assert other.get("/staff/themes").status_code == 403


def test_shared_items_keep_retired_themes(client: TestClient, db: Session) -> None:
    """Retiring hides a theme from new choices; what was already shared under it stays."""
    me = officer(client, db)
    item = pending_item(db, "x")
    housing = theme(db, "housing")
    share_directly(db, item, "shared words", me, (housing.id or 0,))
    housing.is_active = False
    db.add(housing)
    db.commit()
    assert [s.theme_ids for s in shared_items(db, theme_id=housing.id)] == [(housing.id,)]
    assert item.sharing is Sharing.SHARED
