"""Fixing what officers made: a meeting's details, a round's settings, the agenda's order.

What may change depends on what young people could already have seen or done: a round's
method, electorate and choices are fixed once it opens (someone could have voted on them), and
nothing about it changes after it closes; an agenda item whose outcome is recorded stays.
"""

from enum import StrEnum

from sqlmodel import Session

from app.audit.service import record
from app.forms import Refused
from app.i18n import gettext as _
from app.meetings import repository
from app.meetings.forms import CLOSING_ONLY, ClosingForm, MeetingForm, RoundForm
from app.meetings.models import AgendaItem, AgendaRound, Meeting
from app.meetings.service import Phase, meeting_fields, move, phase, renumber, round_fields
from app.people.models import User
from app.timeutil import utcnow


class Changeable(StrEnum):
    """What the change page of a round offers."""

    EVERYTHING = "everything"  # not open yet
    CLOSING = CLOSING_ONLY  # open: the closing time and whether results are hidden
    NOTHING = "nothing"  # closed


def what_can_change(agenda_round: AgendaRound) -> Changeable:
    return {
        Phase.UPCOMING: Changeable.EVERYTHING,
        Phase.OPEN: Changeable.CLOSING,
        Phase.CLOSED: Changeable.NOTHING,
    }[phase(agenda_round)]


def change_meeting(db: Session, *, meeting: Meeting, form: MeetingForm, actor: User) -> None:
    meeting.sqlmodel_update(meeting_fields(form))
    db.add(meeting)
    record(
        db, actor=actor, action="meeting.change", object_type="meeting", object_id=meeting.id or 0
    )
    db.flush()


def check_not_closed(agenda_round: AgendaRound) -> None:
    if phase(agenda_round) is Phase.CLOSED:
        raise Refused(_("This vote has closed, so nothing about it can change."), "locked")


def change_round(
    db: Session, *, agenda_round: AgendaRound, form: RoundForm | ClosingForm, actor: User
) -> None:
    """Everything before the vote opens (`RoundForm`); while it is open only the closing time
    and whether results are hidden (`ClosingForm`); nothing once it has closed. The closing
    time never moves to before now: a vote closed by mistake could not be opened again."""
    check_not_closed(agenda_round)
    if isinstance(form, RoundForm) and phase(agenda_round) is not Phase.UPCOMING:
        raise Refused(
            _(
                "The vote opened while you were making changes. Now only the closing time "
                "and whether results are hidden can change."
            ),
            "closes_on",
        )
    if form.closes <= utcnow():
        raise Refused(_("The closing time must be later than now."), "closes_on")
    if isinstance(form, RoundForm):
        agenda_round.sqlmodel_update(round_fields(form))
    else:
        if form.closes <= agenda_round.opens_at:
            raise Refused(_("The closing time must be after the opening time."), "closes_on")
        agenda_round.closes_at = form.closes
        agenda_round.results_hidden_while_open = form.results_hidden == "yes"
    db.add(agenda_round)
    record(
        db, actor=actor, action="round.change", object_type="round", object_id=agenda_round.id or 0
    )
    db.flush()


def may_remove(item: AgendaItem) -> bool:
    return item.outcome_recorded_at is None


def remove_agenda_item(db: Session, *, meeting: Meeting, item: AgendaItem, actor: User) -> None:
    """Only until what happened is recorded: young people who voted may have read it. An item
    that came from a vote can go; "add the top choices" may then add it back."""
    if not may_remove(item):
        raise Refused(
            _("What happened is recorded for “%(title)s”, so it cannot be removed.")
            % {"title": item.title},
            "agenda",
        )
    db.delete(item)
    db.flush()
    renumber(db, repository.agenda(db, meeting.id or 0))
    record(
        db, actor=actor, action="agenda.remove", object_type="agenda_item", object_id=item.id or 0
    )


def move_agenda_item(db: Session, *, meeting: Meeting, item: AgendaItem, step: int) -> None:
    """One place up (-1) or down (+1)."""
    move(db, repository.agenda(db, meeting.id or 0), item, step)
