"""A board decision links to the actions that carry it out; voters see their titles and how
they are going beside what the board decided."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.actions import service
from app.actions.models import AgendaItemAction
from app.meetings.models import AgendaItem
from app.people.models import Role
from tests.actions.helpers import make_action, owner_with_email, update_form
from tests.meetings.helpers import make_round, post, set_state
from tests.support.factories import make_user, sign_in
from tests.support.pages import page


def test_the_outcome_form_links_actions_and_voters_see_them(
    client: TestClient, db: Session
) -> None:
    agenda_round, (housing, _health, _education) = make_round(db)
    round_id = agenda_round.id or 0
    voter = make_user(db)
    sign_in(client, db, voter)
    post(client, f"/votes/{round_id}", {f"votes-{housing.id}": "2", "wants_notice": "yes"})
    client.cookies.clear()

    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    owner = owner_with_email(db)
    flats = make_action(db, officer, owner, title="Two more flats for care leavers")
    other = make_action(db, officer, owner, title="Not this one")
    service.post_update(db, action=flats, actor=owner, form=update_form())
    db.commit()
    sign_in(client, db, officer)
    set_state(db, agenda_round, "closed")
    item = AgendaItem(meeting_id=agenda_round.meeting_id, title="Housing", option_id=housing.id)
    db.add(item)
    db.commit()
    url = f"/staff/meetings/{agenda_round.meeting_id}/agenda/{item.id}"

    form = page(client.get(url))
    assert "Board actions that carry out this decision (optional)" in form.text
    missing = client.post(
        url, data={"csrf_token": form.form(url)["csrf_token"], "actions": str(flats.id)}
    )
    kept = page(missing, 400)  # the outcome is missing: the ticked action stays ticked
    assert kept.form(url).get("actions") == str(flats.id)

    outcome = {"discussed": "Where care leavers live", "decided": "More flats by June"}
    post(client, url, {**outcome, "actions": str(flats.id)})
    assert [row.action_id for row in db.exec(select(AgendaItemAction)).all()] == [flats.id]
    again = page(client.get(url))
    assert again.form(url).get("actions") == str(flats.id)
    post(client, url, {**outcome, "actions": str(other.id)})  # changing the choice
    assert [row.action_id for row in db.exec(select(AgendaItemAction)).all()] == [other.id]
    post(client, url, {**outcome, "actions": str(flats.id)})

    client.cookies.clear()
    sign_in(client, db, voter)
    theirs = page(client.get(f"/votes/{round_id}"))
    assert "What the board is doing about it" in theirs.text
    assert "Two more flats for care leavers Going well" in theirs.text
    assert "Not this one" not in theirs.text
