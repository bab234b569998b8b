"""The officer's side of the loop: inbox, item, status and the "you said, we did" response."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.people.models import Role, User
from app.themes.models import Theme
from app.voice.models import Item, ItemStatus, TimelineEvent
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import fragment, page

HX = {"HX-Request": "true"}


def officer(client: TestClient, db: Session) -> User:
    user = make_user(db, Role.PARTICIPATION_OFFICER)
    sign_in(client, db, user)
    return user


def theme_id(db: Session, slug: str) -> int:
    theme = db.exec(select(Theme).where(Theme.slug == slug)).one()
    assert theme.id is not None
    return theme.id


def test_inbox_lists_newest_first_and_filters(client: TestClient, db: Session) -> None:
    officer(client, db)
    make_item(db, body="older housing", theme_id=theme_id(db, "housing"))
    make_item(db, body="newer health", theme_id=theme_id(db, "health-wellbeing"))
    make_item(db, body="closed one", status=ItemStatus.CLOSED)
    inbox = page(client.get("/staff/inbox"))
    rows = [row.get_text(" ", strip=True) for row in inbox.soup.select("tbody tr")]
    assert len(rows) == 3
    assert "closed one" in rows[0] and "older housing" in rows[2]
    housing = page(client.get("/staff/inbox?theme=housing"))
    assert [
        r.get_text(" ", strip=True) for r in housing.soup.select("tbody tr td:nth-of-type(2)")
    ] == ["older housing"]
    closed = page(client.get("/staff/inbox?status=closed"))
    assert "1 item," in closed.text


def test_inbox_htmx_returns_only_the_results(client: TestClient, db: Session) -> None:
    officer(client, db)
    make_item(db, body="some words")
    part = fragment(client.get("/staff/inbox?status=new", headers=HX))
    assert part.select_one("#results") is not None
    assert part.find("h1") is None


def test_inbox_paginates(client: TestClient, db: Session) -> None:
    officer(client, db)
    for number in range(30):
        make_item(db, body=f"item number {number}")
    first = page(client.get("/staff/inbox"))
    assert len(first.soup.select("tbody tr")) == 25
    assert "Page 1 of 2" in first.text
    second = page(client.get("/staff/inbox?page=2"))
    assert len(second.soup.select("tbody tr")) == 5


def test_bad_filters_never_give_a_500(client: TestClient, db: Session) -> None:
    officer(client, db)
    assert client.get("/staff/inbox?page=abc").status_code == 400
    assert client.get("/staff/inbox?page=0").status_code == 400
    assert page(client.get("/staff/inbox?status=nonsense&theme=nope")).status == 200
    assert page(client.get("/staff/inbox?theme=hous%00ing")).status == 200  # NUL: PostgreSQL


def test_status_change_without_and_with_htmx(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = make_item(db)
    item_page = page(client.get(f"/staff/items/{item.reference}"))
    form = item_page.form(f"/staff/items/{item.reference}/status")
    form["status"] = "being_read"
    response = client.post(
        f"/staff/items/{item.reference}/status", data=form, follow_redirects=False
    )
    assert response.status_code == 303
    form["status"] = "closed"
    part = fragment(client.post(f"/staff/items/{item.reference}/status", data=form, headers=HX))
    assert "Status: Closed" in part.get_text(" ", strip=True)
    db.refresh(item)
    assert item.status is ItemStatus.CLOSED
    kinds = db.exec(select(TimelineEvent.status).where(TimelineEvent.item_id == item.id)).all()
    assert kinds == [None, ItemStatus.BEING_READ, ItemStatus.CLOSED]


def test_unknown_status_is_refused(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = make_item(db)
    form = page(client.get(f"/staff/items/{item.reference}")).form(
        f"/staff/items/{item.reference}/status"
    )
    form["status"] = "approved"
    result = page(client.post(f"/staff/items/{item.reference}/status", data=form), 400)
    assert "Choose a status." in result.text


def test_response_reaches_the_young_persons_timeline(
    app: object, client: TestClient, db: Session
) -> None:
    author = make_user(db, nickname="author")
    item = make_item(db, author=author, body="can we get help with driving lessons")
    officer(client, db)
    respond = page(client.get(f"/staff/items/{item.reference}/respond"))
    form = respond.form(f"/staff/items/{item.reference}/respond")
    form["response"] = "We asked. From April, care leavers get 10 free driving lessons."
    preview = page(
        client.post(f"/staff/items/{item.reference}/respond", data={**form, "action": "preview"})
    )
    form = preview.form(f"/staff/items/{item.reference}/respond")
    done = page(client.post(f"/staff/items/{item.reference}/respond", data=form))
    assert "Response published" in done.text

    with TestClient(app, base_url="http://testserver") as young:  # type: ignore[arg-type]
        sign_in(young, db, author)
        timeline = page(young.get(f"/said/{item.reference}"))
    assert "We replied" in timeline.text
    assert "10 free driving lessons" in timeline.text
    db.refresh(item)
    assert item.status is ItemStatus.RESPONDED


def test_empty_response_keeps_nothing_and_says_why(client: TestClient, db: Session) -> None:
    officer(client, db)
    item = make_item(db)
    form = page(client.get(f"/staff/items/{item.reference}/respond")).form(
        f"/staff/items/{item.reference}/respond"
    )
    form["response"] = "  "
    result = page(client.post(f"/staff/items/{item.reference}/respond", data=form), 400)
    assert result.error_summary() == ["Write the response before you publish it."]
    assert db.exec(select(TimelineEvent).where(TimelineEvent.kind == "response_added")).all() == []


def test_identity_is_hidden_unless_the_young_person_agreed(client: TestClient, db: Session) -> None:
    officer(client, db)
    author = make_user(db, nickname="Zqvx Sentinel")
    hidden = make_item(db, author=author)
    shown = make_item(db, author=author)
    shown.staff_may_see_identity = True
    db.add(shown)
    db.commit()
    assert "Zqvx Sentinel" not in client.get(f"/staff/items/{hidden.reference}").text
    assert "Zqvx Sentinel" in client.get(f"/staff/items/{shown.reference}").text


def test_unknown_item_is_a_404(client: TestClient, db: Session) -> None:
    officer(client, db)
    assert page(client.get("/staff/items/SD-AAAA-AAAA"), 404).h1 == "Page not found"
    items = db.exec(select(Item)).all()
    assert items == []
