"""Board actions, named after what people mean to do. The rules live here; routes are thin.

Every change young people should hear about (linking, each progress update, completion,
dropping) is written onto the timeline of every linked item in the same transaction, in the
plain words the owner or officer already wrote, so nobody retypes anything.

Done and dropped are final: no more updates, no reopening (make a new action instead), so what
young people were told stays true.
"""

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.actions import repository
from app.actions.forms import ActionForm, UpdateForm
from app.actions.models import (
    ActionReminder,
    ActionStatus,
    ActionSummarySent,
    ActionTheme,
    ActionUpdate,
    AgendaItemAction,
    BoardAction,
    ItemActionLink,
    LinkKind,
)
from app.audit.service import record
from app.config import get_settings
from app.db import new_session
from app.forms import Refused
from app.i18n import gettext as _
from app.notifications.service import enqueue_email
from app.people.models import User
from app.themes import repository as themes_repository
from app.timeutil import utcnow
from app.voice.models import EventKind
from app.voice.news import add_to_timelines

OVERDUE_TEMPLATE = "action_overdue"
WEEKLY_TEMPLATE = "actions_weekly"


def week_of(moment: datetime) -> str:
    year, week, _day = moment.isocalendar()
    return f"{year}-W{week:02d}"


def is_overdue(action: BoardAction, today: date) -> bool:
    """Due before today and neither done nor dropped (the same rule as the log's filter)."""
    return action.due_on < today and not action.status.is_closed


def _check_open(action: BoardAction) -> None:
    if action.status is ActionStatus.DONE:
        raise Refused(_("This action is done. Nothing more can be added to it."))
    if action.status is ActionStatus.DROPPED:
        raise Refused(_("This action is dropped. Nothing more can be added to it."))


def _tell_items(
    db: Session, item_ids: Iterable[int], *, kind: EventKind, body: str, actor: User
) -> None:
    """One timeline event on each item (and the items merged into it), and one message to each
    young person who asked to hear about any of them."""
    add_to_timelines(
        db, item_ids=repository.with_merged(db, item_ids), kind=kind, body=body, actor=actor
    )


def create_action(
    db: Session, *, form: ActionForm, theme_ids: list[int], actor: User
) -> BoardAction:
    """A new action with its owner and themes. A due date in the past is allowed (an action
    agreed late); the action page then says the due date has passed."""
    owner = repository.owner(db, form.owner_id)
    if owner is None:
        raise Refused(_("Choose who owns this action."), "owner")
    known = {theme.id for theme in themes_repository.all_themes(db) if theme.is_active}
    chosen = [theme_id for theme_id in theme_ids if theme_id in known]
    if not chosen:
        raise Refused(_("Choose at least one theme."), "themes")
    action = BoardAction(
        title=form.title,
        description=form.description,
        owner_id=owner.id or 0,
        organisation_kind=form.kind,
        organisation_name=form.organisation_name,
        due_on=form.due,
        created_by_id=actor.id or 0,
    )
    db.add(action)
    db.flush()
    db.add_all(ActionTheme(action_id=action.id or 0, theme_id=theme_id) for theme_id in chosen)
    record(
        db,
        actor=actor,
        action="action.create",
        object_type="board_action",
        object_id=action.id or 0,
    )
    db.flush()
    return action


def _record_update(
    db: Session,
    *,
    action: BoardAction,
    actor: User,
    status: ActionStatus,
    staff_text: str,
    evidence: str,
    young_text: str,
    kind: EventKind,
) -> ActionUpdate:
    _check_open(action)
    update = ActionUpdate(
        action_id=action.id or 0,
        author_id=actor.id or 0,
        status=status,
        staff_text=staff_text,
        evidence=evidence,
        young_text=young_text,
    )
    action.status = status
    action.updated_at = utcnow()
    db.add_all([update, action])
    _tell_items(
        db, repository.linked_item_ids(db, action.id or 0), kind=kind, body=young_text, actor=actor
    )
    record(
        db,
        actor=actor,
        action=f"action.{kind.value.removeprefix('action_')}",
        object_type="board_action",
        object_id=action.id or 0,
    )
    db.flush()
    return update


def post_update(db: Session, *, action: BoardAction, actor: User, form: UpdateForm) -> ActionUpdate:
    """A dated progress update; its line for young people goes onto every linked item."""
    if form.new_status is ActionStatus.DONE:
        return complete_action(db, action=action, actor=actor, form=form)
    return _record_update(
        db,
        action=action,
        actor=actor,
        status=form.new_status,
        staff_text=form.staff_text,
        evidence=form.evidence,
        young_text=form.young_text,
        kind=EventKind.ACTION_UPDATE,
    )


def complete_action(
    db: Session, *, action: BoardAction, actor: User, form: UpdateForm
) -> ActionUpdate:
    """The last update: the action is done, and the linked items say so."""
    return _record_update(
        db,
        action=action,
        actor=actor,
        status=ActionStatus.DONE,
        staff_text=form.staff_text,
        evidence=form.evidence,
        young_text=form.young_text,
        kind=EventKind.ACTION_DONE,
    )


def drop_action(db: Session, *, action: BoardAction, actor: User, reason: str) -> ActionUpdate:
    """Stops an action for good; the reason, in plain words, goes onto every linked item."""
    _check_open(action)
    action.drop_reason = reason
    return _record_update(
        db,
        action=action,
        actor=actor,
        status=ActionStatus.DROPPED,
        staff_text=reason,
        evidence="",
        young_text=reason,
        kind=EventKind.ACTION_DROPPED,
    )


def link_items(
    db: Session, *, action: BoardAction, actor: User, item_ids: list[int], kind: LinkKind
) -> int:
    """Links shared items to the action; each newly linked item's timeline says the board is
    acting on it. Items already linked are left as they are. Returns how many were linked."""
    if action.status is ActionStatus.DROPPED:
        raise Refused(_("This action is dropped. Items cannot be linked to it."), "items")
    if not item_ids:
        raise Refused(_("Choose at least one item to link."), "items")
    if repository.linkable_ids(db, item_ids) != set(item_ids):
        raise Refused(
            _("Only items approved for sharing can be linked. Share the item first, then link it."),
            "items",
        )
    new = sorted(set(item_ids) - repository.linked_item_ids(db, action.id or 0))
    db.add_all(
        ItemActionLink(
            item_id=item_id, action_id=action.id or 0, kind=kind, linked_by_id=actor.id or 0
        )
        for item_id in new
    )
    _tell_items(db, new, kind=EventKind.ACTION_LINKED, body=action.title, actor=actor)
    for item_id in new:
        record(db, actor=actor, action="action.link", object_type="item", object_id=item_id)
    db.flush()
    return len(new)


def unlink_item(db: Session, *, action: BoardAction, actor: User, item_id: int) -> None:
    """Removes a link made by mistake. What the item's timeline already said stays."""
    found = repository.link(db, action.id or 0, item_id)
    if found is None:
        return
    db.delete(found)
    record(db, actor=actor, action="action.unlink", object_type="item", object_id=item_id)
    db.flush()


def link_agenda_item(db: Session, *, agenda_item_id: int, action_ids: list[int]) -> None:
    """Sets which actions carry out a board decision (the outcome form's ticked actions)."""
    known = {action.id for action in repository.all_actions(db)}
    wanted = {action_id for action_id in action_ids if action_id in known}
    current = repository.agenda_links(db, agenda_item_id)
    for row in current:
        if row.action_id not in wanted:
            db.delete(row)
    have = {row.action_id for row in current}
    db.add_all(
        AgendaItemAction(agenda_item_id=agenda_item_id, action_id=action_id)
        for action_id in sorted(wanted - have)
    )
    db.flush()


# Reminders and the weekly summary -------------------------------------------------------------


def remind_overdue(db: Session, *, now: datetime | None = None) -> int:
    """Reminds the owner of each overdue action, at most once per action per ISO week.
    The email holds a link and the due date, never what a young person said."""
    moment = now or utcnow()
    week = week_of(moment)
    base = get_settings().base_url
    queued = 0
    for action, owner in repository.reminders_due(db, moment.date(), week):
        try:
            with db.begin_nested():
                db.add(ActionReminder(action_id=action.id or 0, week=week, sent_at=moment))
                db.flush()
                enqueue_email(
                    db,
                    to=owner.email or "",
                    template=OVERDUE_TEMPLATE,
                    personalisation={
                        "action_link": f"{base}/staff/actions/{action.id}",
                        "due_on": action.due_on.isoformat(),
                        "days_overdue": str((moment.date() - action.due_on).days),
                    },
                )
        except IntegrityError:
            continue  # another worker reminded this one first
        queued += 1
    return queued


def weekly_summary(db: Session, *, now: datetime | None = None) -> bool:
    """Counts and a link for the participation team, once per ISO week (when configured)."""
    address = get_settings().participation_team_email
    moment = now or utcnow()
    week = week_of(moment)
    if not address or repository.summary_sent(db, week):
        return False
    open_count, overdue = repository.overdue_counts(db, moment.date())
    try:
        with db.begin_nested():
            db.add(ActionSummarySent(week=week, sent_at=moment))
            db.flush()
            enqueue_email(
                db,
                to=address,
                template=WEEKLY_TEMPLATE,
                personalisation={
                    "log_link": f"{get_settings().base_url}/staff/actions?overdue=1",
                    "open_count": str(open_count),
                    "overdue_count": str(overdue),
                    "week": week,
                },
            )
    except IntegrityError:
        return False
    return True


def reminders_now() -> int:
    """The worker's job before each poll: a plain read first, so an idle worker writes nothing."""
    moment = utcnow()
    week = week_of(moment)
    with new_session() as db:
        due = bool(repository.reminders_due(db, moment.date(), week)) or (
            bool(get_settings().participation_team_email) and not repository.summary_sent(db, week)
        )
    if not due:
        return 0
    with new_session(for_writing=True) as db:
        queued = remind_overdue(db, now=moment) + int(weekly_summary(db, now=moment))
        db.commit()
    return queued
