"""The action pages: the log and its filters, adding an action, posting updates, linking and
dropping, with every bad input answered clearly and nothing typed lost."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.actions.models import ActionStatus, ActionUpdate, BoardAction, ItemActionLink
from app.people.models import Role
from tests.actions.helpers import linked_items, make_action, owner_with_email
from tests.councillors.helpers import shared
from tests.moderation.helpers import pending_item, theme_id
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def _csrf(result_html: str) -> str:
    marker = 'name="csrf-token" content="'
    start = result_html.index(marker) + len(marker)
    return result_html[start : result_html.index('"', start)]


def test_adding_an_action_with_a_past_due_date_is_allowed_and_flagged(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    sign_in(client, db, officer)
    form = page(client.get("/staff/actions/new"))
    values = {
        **form.form("/staff/actions/new"),
        "title": "Bus passes for care leavers",
        "owner": str(owner.id),
        "organisation_kind": "council",
        "organisation_name": "Children's Services",
        "due_on": (date.today() - timedelta(days=3)).isoformat(),
        "themes": str(theme_id(db, "housing")),
    }
    made = page(client.post("/staff/actions/new", data=values))
    assert made.h1 == "Bus passes for care leavers"
    assert "Action added." in made.text
    assert "The due date has passed." in made.text
    log = page(client.get("/staff/actions"))
    assert "Bus passes for care leavers" in log.text and "1 overdue" in log.text


def test_a_blank_action_form_names_every_problem_and_keeps_what_was_typed(
    client: TestClient, db: Session
) -> None:
    sign_in(client, db, make_user(db, Role.PARTICIPATION_OFFICER))
    form = page(client.get("/staff/actions/new"))
    values = {**form.form("/staff/actions/new"), "title": "Keep this title", "due_on": "31/02"}
    result = page(client.post("/staff/actions/new", data=values), 400)
    assert result.error_summary() == [
        "Choose who owns this action.",
        "Choose the kind of organisation.",
        "Enter the organisation's name.",
        "Enter a real date, for example 2027-03-14.",
        "Choose at least one theme.",
    ]
    kept = result.form("/staff/actions/new")
    assert kept["title"] == "Keep this title" and kept["due_on"] == "31/02"
    assert db.exec(select(BoardAction)).first() is None


def test_owners_update_their_own_actions_only(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    someone_else = owner_with_email(db, "other@police.example")
    mine = make_action(db, officer, owner)
    theirs = make_action(db, officer, someone_else, title="Police contact cards")
    sign_in(client, db, owner)

    listed = page(client.get("/my-actions"))
    assert "More flats for care leavers" in listed.text
    assert "Police contact cards" not in listed.text
    assert client.get(f"/staff/actions/{theirs.id}").status_code == 404
    assert client.get("/staff/actions").status_code == 403  # not the whole log

    action_page = page(client.get(f"/staff/actions/{mine.id}"))
    values = {
        **action_page.form(f"/staff/actions/{mine.id}/updates"),
        "status": "at_risk",
        "staff_text": "Two sites fell through.",
        "evidence": "https://intranet.example/housing-board-minutes",
        "young_text": "It is taking longer than we hoped.",
    }
    assert client.post(f"/staff/actions/{theirs.id}/updates", data=values).status_code == 404
    done = page(client.post(f"/staff/actions/{mine.id}/updates", data=values))
    assert "Update posted." in done.text
    assert "Two sites fell through." in done.text
    assert "It is taking longer than we hoped." in done.text
    db.refresh(mine)
    assert mine.status is ActionStatus.AT_RISK
    assert "Drop this action" not in done.text  # owners do not drop or link
    assert "Link what young people said" not in done.text


def test_an_update_without_its_line_for_young_people_is_refused_and_kept(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    action = make_action(db, officer, owner_with_email(db))
    sign_in(client, db, officer)
    html = client.get(f"/staff/actions/{action.id}").text
    values = {"csrf_token": _csrf(html), "status": "on_track", "staff_text": "Long detail"}
    result = page(client.post(f"/staff/actions/{action.id}/updates", data=values), 400)
    assert result.error_summary() == ["Write one short line for young people about this update."]
    assert result.form(f"/staff/actions/{action.id}/updates")["staff_text"] == "Long detail"
    assert db.exec(select(ActionUpdate)).first() is None


def test_an_update_to_a_dropped_action_is_refused_kindly_and_kept(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    action = make_action(db, officer, owner)
    sign_in(client, db, officer)
    html = client.get(f"/staff/actions/{action.id}").text
    token = _csrf(html)
    blank = page(client.post(f"/staff/actions/{action.id}/drop", data={"csrf_token": token}), 400)
    assert blank.error_summary() == ["Write why the action is stopping. Young people will read it."]
    reason = "The council could not find the money this year."
    dropped = page(
        client.post(
            f"/staff/actions/{action.id}/drop", data={"csrf_token": token, "reason": reason}
        )
    )
    assert "Action dropped." in dropped.text and reason in dropped.text
    assert "Post an update" not in dropped.text

    sign_in(client, db, owner)  # a page opened before the drop, posted after it
    values = {
        "csrf_token": _csrf(client.get("/my-actions").text),
        "status": "on_track",
        "staff_text": "We found a way after all.",
        "young_text": "Good news soon.",
    }
    refused = page(client.post(f"/staff/actions/{action.id}/updates", data=values), 400)
    assert refused.error_summary() == ["This action is dropped. Nothing more can be added to it."]
    kept = refused.form(f"/staff/actions/{action.id}/updates")
    assert kept["staff_text"] == "We found a way after all."
    assert kept["young_text"] == "Good news soon."
    assert len(db.exec(select(ActionUpdate)).all()) == 1  # only the drop


def test_linking_from_the_action_page_offers_shared_text_and_refuses_unapproved(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    action = make_action(db, officer, owner_with_email(db))
    housing = theme_id(db, "housing")
    approved = shared(db, officer, housing, "[name removed] needs a flat")
    waiting = pending_item(db, "ZQVX-PRIVATE not approved")
    sign_in(client, db, officer)
    shown = page(client.get(f"/staff/actions/{action.id}?theme=housing"))
    assert "[name removed] needs a flat" in shown.text
    assert "ORIGINAL" not in shown.text  # never the original words
    assert "ZQVX-PRIVATE" not in shown.text

    token = _csrf(shown.response.text)
    refused = page(
        client.post(
            f"/staff/actions/{action.id}/links",
            data={
                "csrf_token": token,
                "kind": "answers",
                "items": [str(approved.id), str(waiting.id)],
            },
        ),
        400,
    )
    assert refused.error_summary() == [
        "Only items approved for sharing can be linked. Share the item first, then link it."
    ]
    assert refused.form(f"/staff/actions/{action.id}/links")["kind"] == "answers"
    nothing = page(
        client.post(f"/staff/actions/{action.id}/links", data={"csrf_token": token}), 400
    )
    assert nothing.error_summary() == [
        "Choose how the items and the action are linked.",
        "Choose at least one item to link.",
    ]
    linked = page(
        client.post(
            f"/staff/actions/{action.id}/links",
            data={"csrf_token": token, "kind": "answers", "items": str(approved.id)},
        )
    )
    assert "Linked." in linked.text
    assert db.exec(select(ItemActionLink)).one().item_id == approved.id
    removed = page(
        client.post(
            f"/staff/actions/{action.id}/links/remove",
            data={"csrf_token": token, "item": str(approved.id)},
        )
    )
    assert "Link removed." in removed.text
    assert db.exec(select(ItemActionLink)).first() is None


def test_the_log_filters_and_the_chair_reads_without_controls(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    make_action(db, officer, owner, title="Late housing action", due_in_days=-2)
    make_action(db, officer, owner, title="School tutoring", slug="education-employment-training")
    linked_items(db, make_action(db, officer, owner, title="Linked one"), officer, ("flats",))
    chair = make_user(db, Role.BOARD_CHAIR)
    sign_in(client, db, chair)
    everything = page(client.get("/staff/actions"))
    assert "Add an action" not in everything.text
    for title in ("Late housing action", "School tutoring", "Linked one"):
        assert title in everything.text
    overdue = page(client.get("/staff/actions?overdue=1"))
    assert "Late housing action" in overdue.text and "School tutoring" not in overdue.text
    education = page(
        client.get("/staff/actions?theme=education-employment-training&status=not_started")
    )
    assert "School tutoring" in education.text and "Late housing action" not in education.text
    police = page(client.get("/staff/actions?organisation=police"))
    assert "0 actions" in police.text
    fragment = client.get("/staff/actions?overdue=1", headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<div id="results">')
    one = db.exec(select(BoardAction).where(BoardAction.title == "Linked one")).one()
    read_only = page(client.get(f"/staff/actions/{one.id}"))
    assert "flats" in read_only.text
    assert "Post an update" not in read_only.text and "Remove link" not in read_only.text
    councillor = make_user(db, Role.COUNCILLOR)
    sign_in(client, db, councillor)
    assert client.get(f"/staff/actions/{one.id}").status_code == 404


def test_an_officer_links_a_shared_item_from_its_moderation_page(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    action = make_action(db, officer, owner_with_email(db))
    item = shared(db, officer, theme_id(db, "housing"), "[name removed] needs a flat")
    waiting = pending_item(db, "not decided yet")
    sign_in(client, db, officer)
    url = f"/staff/moderation/items/{item.reference}"
    before = page(client.get(url))
    assert "Not linked to any board action yet." in before.text
    form = before.form(f"/staff/items/{item.reference}/actions")
    missing = page(client.post(f"/staff/items/{item.reference}/actions", data=form))
    assert "Choose an action and how it is linked." in missing.text
    linked = page(
        client.post(
            f"/staff/items/{item.reference}/actions", data={**form, "action": str(action.id)}
        )
    )
    assert "Linked. The young person's timeline says the board is acting on it." in linked.text
    assert "Prompted by: More flats for care leavers" in linked.text
    assert db.exec(select(ItemActionLink)).one().item_id == item.id
    not_shared = client.post(  # a page opened while the item was shared, say
        f"/staff/items/{waiting.reference}/actions",
        data={**form, "action": str(action.id)},
        follow_redirects=False,
    )
    assert not_shared.headers["location"].endswith("?action_link=refused#actions")
    assert len(db.exec(select(ItemActionLink)).all()) == 1
