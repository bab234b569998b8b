"""Actions, owners and linked shared items for the action tests."""

from datetime import date, timedelta

from sqlmodel import Session, select

from app.actions import service
from app.actions.forms import ActionForm, UpdateForm
from app.actions.models import BoardAction, LinkKind, OrganisationKind
from app.people.models import Role, User
from app.voice.models import Item
from tests.councillors.helpers import shared
from tests.moderation.helpers import theme_id
from tests.support.factories import make_user


def owner_with_email(db: Session, email: str | None = "owner@housing.example") -> User:
    user = make_user(db, Role.ACTION_OWNER)
    user.email = email
    db.add(user)
    db.commit()
    return user


def make_action(
    db: Session,
    officer: User,
    owner: User,
    *,
    title: str = "More flats for care leavers",
    slug: str = "housing",
    due_in_days: int = 30,
    organisation: OrganisationKind = OrganisationKind.HOUSING,
) -> BoardAction:
    form = ActionForm(
        title=title,
        owner=str(owner.id),
        organisation_kind=organisation.value,
        organisation_name="Anytown Housing",
        due_on=(date.today() + timedelta(days=due_in_days)).isoformat(),
    )
    action = service.create_action(db, form=form, theme_ids=[theme_id(db, slug)], actor=officer)
    db.commit()
    return action


def update_form(status: str = "on_track", young: str = "We found 3 more flats.") -> UpdateForm:
    return UpdateForm(
        status=status, staff_text="Housing board agreed the plan.", evidence="", young_text=young
    )


def linked_items(
    db: Session, action: BoardAction, officer: User, texts: tuple[str, ...]
) -> list[Item]:
    items = [shared(db, officer, theme_id(db, "housing"), text) for text in texts]
    service.link_items(
        db,
        action=action,
        actor=officer,
        item_ids=[item.id or 0 for item in items],
        kind=LinkKind.PROMPTED_BY,
    )
    db.commit()
    return items


def policy_matrix_ids(db: Session, officer_id: int) -> dict[str, str]:
    """An action for the route-walking tests' `{action_id}`, owned by an officer until
    `give_actions_to` hands it to the action owner being tested."""
    officer = db.get(User, officer_id)
    assert officer is not None
    action = make_action(db, officer, officer)
    return {"{action_id}": str(action.id)}


def give_actions_to(db: Session, user: User) -> None:
    for action in db.exec(select(BoardAction)).all():
        action.owner_id = user.id or 0
        db.add(action)
    db.commit()
