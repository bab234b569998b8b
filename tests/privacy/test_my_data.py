"""A young person's own data: see it, download it, ask to change or delete it; officers act."""

import json

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.moderation.models import SharedVersion
from app.people.models import Role, User, WebSession
from app.privacy.models import PrivacyRequest, RequestState, RequestWhat
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import close_case, open_case
from app.voice.models import Item
from tests.moderation.helpers import share_directly
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import page

SENTINEL = "Zqvx sentinel words of another young person"


def young(client: TestClient, db: Session) -> User:
    user = make_user(db, nickname="Robin")
    sign_in(client, db, user)
    return user


def test_your_data_shows_what_we_keep_and_downloads_only_yours(
    client: TestClient, db: Session
) -> None:
    me = young(client, db)
    make_item(db, author=me, body="the bus pass takes weeks")
    make_item(db, author=make_user(db), body=SENTINEL)

    mine = page(client.get("/my/data"))
    assert mine.h1 == "Your data"
    assert "Robin" in mine.text and "1 thing you told us" in mine.text

    download = client.get("/my/data/download")
    assert download.headers["content-disposition"].startswith("attachment")
    data = json.loads(download.text)
    assert data["account"]["nickname"] == "Robin"
    assert [t["what_you_said"] for t in data["things_you_said"]] == ["the bus pass takes weeks"]
    assert SENTINEL not in download.text


def test_a_browser_without_an_account_sees_what_it_sent(client: TestClient) -> None:
    say = page(client.get("/say")).form("/say")
    client.post("/say", data={**say, "body": "more youth clubs please"})
    download = json.loads(client.get("/my/data/download").text)
    assert download["account"] is None
    assert [t["what_you_said"] for t in download["things_you_said"]] == ["more youth clubs please"]
    assert "1 thing you told us" in page(client.get("/my/data")).text


def test_asking_needs_a_choice_and_keeps_what_was_typed(client: TestClient, db: Session) -> None:
    me = young(client, db)
    item = make_item(db, author=me)
    form = page(client.get("/my/data/ask")).form("/my/data/ask")

    refused = page(client.post("/my/data/ask", data={**form, "note": "my words stay"}), 400)
    assert refused.status == 400
    assert "Choose the thing you want to ask about." in refused.text
    assert "Choose whether you want it deleted or changed." in refused.text
    assert refused.form("/my/data/ask")["note"] == "my words stay"

    no_note = page(
        client.post("/my/data/ask", data={**form, "about": item.reference, "what": "change"}),
        400,
    )
    assert no_note.status == 400 and "Tell us what you want us to change." in no_note.text
    assert db.exec(select(PrivacyRequest)).all() == []


def test_nobody_can_ask_about_someone_elses_item(client: TestClient, db: Session) -> None:
    young(client, db)
    theirs = make_item(db, author=make_user(db), body=SENTINEL)
    form = page(client.get("/my/data/ask")).form("/my/data/ask")
    refused = page(
        client.post("/my/data/ask", data={**form, "about": theirs.reference, "what": "delete"}),
        400,
    )
    assert refused.status == 400 and "Choose the thing" in refused.text
    assert SENTINEL not in refused.text
    assert db.exec(select(PrivacyRequest)).all() == []


def ask_to_delete(client: TestClient, about: str) -> None:
    form = page(client.get(f"/my/data/ask?about={about}")).form("/my/data/ask")
    assert form["about"] == about
    response = client.post("/my/data/ask", data={**form, "what": "delete"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/my/data?asked=1"


def as_officer(client: TestClient, db: Session) -> User:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, officer)
    return officer


def delete_now(client: TestClient, request: PrivacyRequest) -> None:
    assert f"/staff/privacy/{request.id}" in str(page(client.get("/staff/privacy")).soup)
    url = f"/staff/privacy/{request.id}/delete"
    detail = page(client.get(f"/staff/privacy/{request.id}"))
    response = client.post(url, data=detail.form(url), follow_redirects=False)
    assert response.status_code == 303


def test_deleting_an_item_removes_its_words_and_shared_version(
    client: TestClient, db: Session
) -> None:
    me = young(client, db)
    item = make_item(db, author=me, body="my foster carer's name is Zqvx")
    approver = make_user(db, Role.PARTICIPATION_OFFICER)
    share_directly(db, item, "my foster carer's name is [name removed]", approver)
    ask_to_delete(client, item.reference)
    request = db.exec(select(PrivacyRequest)).one()
    assert (request.what, request.state) == (RequestWhat.DELETE, RequestState.OPEN)

    as_officer(client, db)
    delete_now(client, request)

    db.expire_all()
    gone = db.get(Item, item.id)
    assert gone is not None and "Zqvx" not in gone.body and gone.erased_at is not None
    assert db.get(SharedVersion, item.id) is None
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "privacy.erase")).one()
    sign_in(client, db, me)
    mine = page(client.get("/my/data"))
    assert "Done" in mine.text and "We deleted it." in mine.text
    assert "Deleted" in page(client.get(f"/said/{item.reference}")).text


def test_an_open_safeguarding_case_holds_the_words_until_it_closes(
    client: TestClient, db: Session
) -> None:
    me = young(client, db)
    item = make_item(db, author=me, body="he hits me")
    case = open_case(db, item=item, trigger=CaseTrigger.SCREEN)
    db.commit()
    ask_to_delete(client, item.reference)
    request = db.exec(select(PrivacyRequest)).one()

    officer = as_officer(client, db)
    delete_now(client, request)
    db.expire_all()
    assert db.get(Item, item.id).body == "he hits me"  # type: ignore[union-attr]
    assert db.get(PrivacyRequest, request.id).state is RequestState.HELD  # type: ignore[union-attr]
    sign_in(client, db, me)
    assert "because we are helping to keep you safe" in page(client.get("/my/data")).text

    close_case(db, case=case, outcome="Referred to the front door", by=officer)
    db.commit()
    sign_in(client, db, officer)
    delete_now(client, request)
    db.expire_all()
    assert db.get(Item, item.id).erased_at is not None  # type: ignore[union-attr]
    assert db.get(PrivacyRequest, request.id).state is RequestState.DONE  # type: ignore[union-attr]


def test_deleting_everything_closes_the_account(client: TestClient, db: Session) -> None:
    me = young(client, db)
    first = make_item(db, author=me, body="first thing")
    second = make_item(db, author=me, body="second thing")
    ask_to_delete(client, "everything")
    request = db.exec(select(PrivacyRequest)).one()
    assert request.item_id is None

    as_officer(client, db)
    delete_now(client, request)
    db.expire_all()
    for item in (first, second):
        assert db.get(Item, item.id).erased_at is not None  # type: ignore[union-attr]
    closed = db.get(User, me.id)
    assert closed is not None and not closed.is_active
    assert closed.nickname is None and closed.passphrase_hash is None
    assert db.exec(select(WebSession).where(WebSession.user_id == me.id)).all() == []


def test_a_change_request_is_answered_in_words_the_young_person_reads(
    client: TestClient, db: Session
) -> None:
    me = young(client, db)
    item = make_item(db, author=me)
    form = page(client.get("/my/data/ask")).form("/my/data/ask")
    client.post(
        "/my/data/ask",
        data={**form, "about": item.reference, "what": "change", "note": "wrong theme"},
    )
    request = db.exec(select(PrivacyRequest)).one()

    as_officer(client, db)
    url = f"/staff/privacy/{request.id}/answer"
    detail = page(client.get(f"/staff/privacy/{request.id}"))
    assert "wrong theme" in detail.text
    assert not detail.soup.find("form", attrs={"action": f"/staff/privacy/{request.id}/delete"})
    refused = page(client.post(url, data={**detail.form(url), "state": "done"}), 400)
    assert refused.status == 400 and "Write the reply" in refused.text
    client.post(url, data={**detail.form(url), "state": "done", "reply": "We moved it to Housing."})

    sign_in(client, db, me)
    mine = page(client.get("/my/data"))
    assert "We moved it to Housing." in mine.text and "Done" in mine.text
