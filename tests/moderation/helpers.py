"""Rows and sign-ins for the moderation tests."""

import httpx
from bs4 import Tag
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from app.moderation.models import DecisionReason, ItemTheme, SharedVersion, Sharing
from app.people.models import Role, User
from app.themes.models import Theme
from app.voice.models import Item
from tests.support.factories import make_item, make_user, sign_in
from tests.support.pages import Page, page

HX = {"HX-Request": "true"}

# The reasons migration 0003 seeds; the test clean-up empties the table after each test.
DEFAULT_REASONS = [
    (Sharing.SHARED, "Shared with the councillors and the board, without your name."),
    (Sharing.SHARED, "Shared with the people who can change this, without your name."),
    (Sharing.PRIVATE, "Kept between you and the participation team."),
    (Sharing.PRIVATE, "It is about you personally, so we are dealing with it ourselves."),
    (Sharing.FOLLOW_UP, "A worker will talk to you about this."),
    (Sharing.FOLLOW_UP, "We need to know a bit more. A worker will get in touch."),
    (Sharing.NOT_SHARED, "It could show who you are, so we did not share it."),
    (Sharing.NOT_SHARED, "It is about one person by name, so we did not share it."),
    (Sharing.NOT_SHARED, "You did not say we could share it, so we kept it private."),
    (
        Sharing.SAFEGUARDING,
        "We are worried about your safety, so a safeguarding worker is looking at it.",
    ),
]


def ensure_reasons(db: Session) -> None:
    if db.exec(select(func.count()).select_from(DecisionReason)).one():
        return
    for position, (decision, text) in enumerate(DEFAULT_REASONS):
        db.add(DecisionReason(decision=decision, text=text, position=position))
    db.commit()


def reason_id(db: Session, decision: Sharing, index: int = 0) -> int:
    reasons = db.exec(
        select(DecisionReason)
        .where(DecisionReason.decision == decision, col(DecisionReason.is_active).is_(True))
        .order_by(col(DecisionReason.position), col(DecisionReason.id))
    ).all()
    found = reasons[index].id
    assert found is not None
    return found


def theme_id(db: Session, slug: str) -> int:
    theme = db.exec(select(Theme).where(Theme.slug == slug)).one()
    assert theme.id is not None
    return theme.id


def officer(client: TestClient, db: Session, role: Role = Role.PARTICIPATION_OFFICER) -> User:
    user = make_user(db, role)
    sign_in(client, db, user)
    return user


def pending_item(db: Session, body: str = "the wifi is rubbish", **changes: object) -> Item:
    item = make_item(db, body=body)
    changes.setdefault("may_share", True)
    for name, value in changes.items():
        setattr(item, name, value)
    db.add(item)
    db.commit()
    return item


def share_directly(
    db: Session, item: Item, text: str, approver: User, themes: tuple[int, ...] = ()
) -> None:
    """Puts an item into the shared state without the service, for the query tests."""
    item.sharing = Sharing.SHARED
    db.add(item)
    db.add(SharedVersion(item_id=item.id or 0, text=text, approved_by_id=approver.id or 0))
    for theme in themes:
        db.add(ItemTheme(item_id=item.id or 0, theme_id=theme))
    db.commit()


FormData = dict[str, str | list[str]]


def form_fields(result: Page, action: str) -> FormData:
    """Every named field of the form posting to `action`, keeping ticked checkboxes as lists."""
    form = result.soup.find("form", attrs={"action": action})
    assert isinstance(form, Tag), f"no form posting to {action}"
    values: FormData = dict(result.form(action))
    for name in {str(box.get("name")) for box in form.select("input[type=checkbox]")}:
        values[name] = [
            str(box.get("value"))
            for box in form.select(f"input[type=checkbox][name={name}]")
            if box.has_attr("checked")
        ]
    hidden = [str(field.get("name")) for field in form.select("input[type=hidden]")]
    for name in {name for name in hidden if hidden.count(name) > 1}:
        values[name] = [
            str(field.get("value")) for field in form.select(f"input[type=hidden][name={name}]")
        ]
    return values


def item_url(item: Item) -> str:
    return f"/staff/moderation/items/{item.reference}"


def preview_and_share(
    client: TestClient, db: Session, item: Item, **changes: str | list[str]
) -> tuple[Page, httpx.Response]:
    """Chooses "share" with the first reason, previews, then saves what was previewed."""
    url = item_url(item)
    values = form_fields(page(client.get(url)), f"{url}/decision")
    values.update(decision="shared", reason_shared=str(reason_id(db, Sharing.SHARED)))
    if not values.get("themes"):
        values["themes"] = [str(theme_id(db, "housing"))]
    values.update(changes)
    preview = page(client.post(f"{url}/decision", data={**values, "action": "preview"}))
    saved_values = form_fields(preview, f"{url}/decision")
    saved = client.post(
        f"{url}/decision", data={**saved_values, "action": "save"}, follow_redirects=False
    )
    return preview, saved
