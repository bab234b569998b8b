"""The demo data includes board actions with owners, updates and linked shared items."""

from sqlmodel import Session, select

from app.actions.models import ActionStatus, BoardAction, ItemActionLink
from app.db import new_session
from app.demo.seed import seed_demo
from app.people.models import Role, User
from app.voice.models import EventKind, TimelineEvent


def test_demo_actions(db: Session) -> None:
    with new_session(for_writing=True) as writing:
        assert seed_demo(writing)
        writing.commit()
    actions = db.exec(select(BoardAction)).all()
    assert {action.status for action in actions} == {
        ActionStatus.ON_TRACK,
        ActionStatus.AT_RISK,
        ActionStatus.DONE,
    }
    owner = db.exec(select(User).where(User.role == Role.ACTION_OWNER)).one()
    assert sum(action.owner_id == owner.id for action in actions) == 2
    assert db.exec(select(ItemActionLink)).first() is not None
    done = db.exec(select(TimelineEvent).where(TimelineEvent.kind == EventKind.ACTION_DONE)).all()
    assert done and done[0].body == "Health checks now happen within a month."
