"""Meetings, agendas, agenda rounds and proposals: the rules, named after what people mean.

Services flush; the request commits. Ballots and voting codes are in `ballots.py`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlmodel import Session, col, update

from app.audit.service import record
from app.forms import Refused
from app.i18n import gettext as _
from app.meetings import repository
from app.meetings.forms import (
    AgendaItemForm,
    MeetingForm,
    OptionForm,
    OutcomeForm,
    ProposalDecisionForm,
    ProposalForm,
    RoundForm,
)
from app.meetings.models import (
    AgendaItem,
    AgendaRound,
    Electorate,
    Meeting,
    MeetingKind,
    Proposal,
    ProposalStatus,
    RoundOption,
    RoundParticipant,
    VotingMethod,
)
from app.meetings.tally import SMALL_NUMBER, Tally, count_ballots
from app.people.models import Role, User
from app.timeutil import utcnow


class Phase(StrEnum):
    UPCOMING = "upcoming"  # options are being gathered; CiCC members may propose
    OPEN = "open"
    CLOSED = "closed"


def phase(agenda_round: AgendaRound, now: datetime | None = None) -> Phase:
    now = now or utcnow()
    if now < agenda_round.opens_at:
        return Phase.UPCOMING
    return Phase.OPEN if now < agenda_round.closes_at else Phase.CLOSED


def may_vote(user: User | None, agenda_round: AgendaRound) -> bool:
    """Young people with an account; only CiCC members when the round says so."""
    if user is None or user.role is not Role.YOUNG_PERSON or not user.is_active:
        return False
    return agenda_round.electorate is Electorate.YOUNG_PEOPLE or user.is_cicc_member


# Meetings and agendas ----------------------------------------------------------------------


def meeting_fields(form: MeetingForm) -> dict[str, Any]:
    """What a meeting form sets, for adding a meeting and for changing one."""
    return {
        "kind": MeetingKind(form.kind),
        "title": form.title,
        "held_on": date.fromisoformat(form.held_on),
        "co_chairs": form.co_chairs,
        "young_co_chair": form.young_co_chair,
        "papers": form.papers,
    }


def create_meeting(db: Session, *, form: MeetingForm, actor: User) -> Meeting:
    meeting = Meeting(**meeting_fields(form))
    db.add(meeting)
    db.flush()
    record(
        db, actor=actor, action="meeting.create", object_type="meeting", object_id=meeting.id or 0
    )
    return meeting


def add_agenda_item(
    db: Session, *, meeting: Meeting, form: AgendaItemForm, option_id: int | None = None
) -> AgendaItem:
    """At the end of the agenda."""
    position = len(repository.agenda(db, meeting.id or 0)) + 1
    item = AgendaItem(
        meeting_id=meeting.id or 0,
        position=position,
        title=form.title,
        description=form.description,
        option_id=option_id,
    )
    db.add(item)
    db.flush()
    return item


def record_outcome(db: Session, *, item: AgendaItem, form: OutcomeForm, actor: User) -> None:
    """What the board discussed and decided, in plain words. Voters of the round this item
    came from who asked to be told get a notice on their home page."""
    item.discussed = form.discussed
    item.decided = form.decided
    item.outcome_recorded_at = utcnow()
    db.add(item)
    if item.option_id is not None:
        option = db.get(RoundOption, item.option_id)
        if option is not None:
            db.exec(
                update(RoundParticipant)
                .where(
                    col(RoundParticipant.round_id) == option.round_id,
                    col(RoundParticipant.wants_notice).is_(True),
                )
                .values(notice_due=True)
            )
    record(
        db, actor=actor, action="agenda.outcome", object_type="agenda_item", object_id=item.id or 0
    )
    db.flush()


# Rounds and their options ------------------------------------------------------------------


def round_fields(form: RoundForm) -> dict[str, Any]:
    """What a round form sets, for setting a round up and for changing it before it opens."""
    method = VotingMethod(form.method)
    dots = method is VotingMethod.DOTS
    return {
        "title": form.title,
        "opens_at": form.opens,
        "closes_at": form.closes,
        "electorate": Electorate(form.electorate),
        "method": method,
        "votes_each": int(form.votes_each) if dots else 3,
        "max_per_option": int(form.max_per_option) if dots else 1,
        "results_hidden_while_open": form.results_hidden == "yes",
    }


def open_round(db: Session, *, meeting: Meeting, form: RoundForm, actor: User) -> AgendaRound:
    """Sets up a round; it takes votes between its opening and closing times."""
    agenda_round = AgendaRound(meeting_id=meeting.id or 0, **round_fields(form))
    db.add(agenda_round)
    db.flush()
    record(
        db, actor=actor, action="round.create", object_type="round", object_id=agenda_round.id or 0
    )
    return agenda_round


def check_gathering(agenda_round: AgendaRound) -> None:
    """Choices change only before anyone could have voted on them."""
    if phase(agenda_round) is not Phase.UPCOMING:
        raise Refused(_("The vote has opened, so the choices cannot change any more."))


def add_option(db: Session, *, agenda_round: AgendaRound, form: OptionForm) -> RoundOption:
    """A theme (its name and description unless the officer words them) or a free topic."""
    check_gathering(agenda_round)
    title, description, theme_id = form.title, form.description, None
    if form.theme:
        theme = repository.theme_by_slug(db, form.theme)
        if theme is None:
            raise Refused(_("Choose a theme from the list, or none."), "theme")
        title, description, theme_id = (
            title or theme.name,
            description or theme.description,
            theme.id,
        )
    if not title:
        raise Refused(_("Enter the choice, or pick a theme."), "title")
    if not description:
        raise Refused(_("Describe the choice in plain words."), "description")
    option = RoundOption(
        round_id=agenda_round.id or 0,
        position=len(repository.options(db, agenda_round.id or 0)) + 1,
        title=title,
        description=description,
        theme_id=theme_id,
    )
    db.add(option)
    db.flush()
    return option


def _take_out(db: Session, agenda_round: AgendaRound, option: RoundOption) -> None:
    db.delete(option)
    db.flush()
    renumber(db, repository.options(db, agenda_round.id or 0))


def remove_option(
    db: Session, *, agenda_round: AgendaRound, option: RoundOption, actor: User
) -> None:
    """Before the vote opens. A choice that came from a Children in Care Council idea is taken
    out by declining the idea instead (see `decide_proposal`), so its proposer reads why."""
    check_gathering(agenda_round)
    if repository.proposal_for_option(db, option.id or 0) is not None:
        raise Refused(
            _(
                "This choice came from a Children in Care Council idea. To take it out, "
                "decline the idea and give a reason: the young person reads it."
            )
        )
    _take_out(db, agenda_round, option)
    record(
        db,
        actor=actor,
        action="option.remove",
        object_type="round_option",
        object_id=option.id or 0,
    )


def move_option(db: Session, *, agenda_round: AgendaRound, option: RoundOption, step: int) -> None:
    """One place up (-1) or down (+1), before the vote opens."""
    check_gathering(agenda_round)
    move(db, repository.options(db, agenda_round.id or 0), option, step)


Ordered = TypeVar("Ordered", AgendaItem, RoundOption)


def renumber(db: Session, rows: Sequence[Ordered]) -> None:
    """Positions 1, 2, 3... in the order given, so gaps and ties never stop a later move."""
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            db.add(row)
    db.flush()


def move(db: Session, rows: Sequence[Ordered], row: Ordered, step: int) -> None:
    """Swaps `row` with its neighbour `step` places away; at either end nothing moves."""
    order = list(rows)
    index = [each.id for each in order].index(row.id)
    target = index + step
    if 0 <= target < len(order):
        order[index], order[target] = order[target], order[index]
    renumber(db, order)


def propose(db: Session, *, agenda_round: AgendaRound, user: User, form: ProposalForm) -> Proposal:
    """Children in Care Council members suggest a choice before the vote opens."""
    if not user.is_cicc_member or not may_vote(user, agenda_round):
        raise Refused(_("Only Children in Care Council members can suggest ideas for this vote."))
    if phase(agenda_round) is not Phase.UPCOMING:
        raise Refused(_("This vote has started, so it is too late to add ideas."))
    proposal = Proposal(
        round_id=agenda_round.id or 0,
        proposer_id=user.id or 0,
        title=form.title,
        description=form.description,
    )
    db.add(proposal)
    db.flush()
    return proposal


def decide_proposal(
    db: Session,
    *,
    proposal: Proposal,
    agenda_round: AgendaRound,
    form: ProposalDecisionForm,
    actor: User,
) -> None:
    """Accepting makes the proposal an option; declining keeps a reason the proposer reads.

    Until the vote opens an accepted proposal can still be declined: its choice leaves the vote.
    This is the only way to take out such a choice, so the young person always reads why."""
    declining_after_all = proposal.status is ProposalStatus.ACCEPTED and form.decision == "decline"
    if proposal.status is not ProposalStatus.WAITING and not declining_after_all:
        raise Refused(_("Someone has already decided about this idea."), "decision")
    if form.decision == "accept":
        option = add_option(
            db,
            agenda_round=agenda_round,
            form=OptionForm(title=proposal.title, description=proposal.description),
        )
        proposal.status, proposal.option_id = ProposalStatus.ACCEPTED, option.id
    else:
        if declining_after_all:
            check_gathering(agenda_round)
            accepted_as = db.get(RoundOption, proposal.option_id or 0)
            proposal.option_id = None
            db.add(proposal)
            db.flush()
            if accepted_as is not None:
                _take_out(db, agenda_round, accepted_as)
        proposal.status = ProposalStatus.DECLINED
    proposal.reason = form.reason
    proposal.decided_by_id = actor.id
    db.add(proposal)
    record(
        db,
        actor=actor,
        action=f"proposal.{form.decision}",
        object_type="proposal",
        object_id=proposal.id or 0,
    )
    db.flush()


# Results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Results:
    """What a page may show about a round's votes."""

    turnout: int
    tally: Tally | None  # None while hidden, or when too few voted to show it safely
    hidden_while_open: bool
    too_few: bool


def results(db: Session, *, agenda_round: AgendaRound, now: datetime | None = None) -> Results:
    """Hidden while open if the round says so; shown once it closes (no separate publishing
    step); never shown when fewer than SMALL_NUMBER people voted."""
    round_id = agenda_round.id or 0
    count = repository.turnout(db, round_id)
    hidden = phase(agenda_round, now) is not Phase.CLOSED and agenda_round.results_hidden_while_open
    too_few = count < SMALL_NUMBER
    tally = None
    if not hidden and not too_few:
        option_ids = [o.id for o in repository.options(db, round_id) if o.id is not None]
        tally = count_ballots(
            agenda_round.method, option_ids, repository.ballot_choices(db, round_id)
        )
    return Results(turnout=count, tally=tally, hidden_while_open=hidden, too_few=too_few)


def add_top_options_to_agenda(
    db: Session, *, agenda_round: AgendaRound, meeting: Meeting, count: int, actor: User
) -> int:
    """The round's top options become agenda items, in order. Pressing again adds nothing twice
    (an agenda item's option is unique). Returns how many were added."""
    if phase(agenda_round) is not Phase.CLOSED:
        raise Refused(_("Wait until the vote has closed."), "count")
    outcome = results(db, agenda_round=agenda_round)
    if outcome.tally is None:
        raise Refused(_("Too few people voted to use the results."), "count")
    options = {o.id: o for o in repository.options(db, agenda_round.id or 0)}
    top = outcome.tally.top(count)
    already = repository.agenda_items_for_options(db, [r.option_id for r in top])
    added = 0
    for result in top:
        option = options[result.option_id]
        if result.option_id in already:
            continue
        add_agenda_item(
            db,
            meeting=meeting,
            form=AgendaItemForm(title=option.title, description=option.description),
            option_id=option.id,
        )
        added += 1
    record(
        db,
        actor=actor,
        action="round.to_agenda",
        object_type="round",
        object_id=agenda_round.id or 0,
    )
    return added
