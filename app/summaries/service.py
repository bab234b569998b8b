"""Building a voice summary for a board meeting or a date range, and freezing it.

One `Summary` feeds both versions (board and child-friendly), the PDFs and a frozen copy. The
small-number rule is applied here, as counts are made (`report.Count.of`), so nothing
downstream can show a count from 1 to 4. Young people's words come only from `shared_items`
(approved, consented, redacted), and never from an item under safeguarding.
"""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app.actions import repository as actions_repository
from app.actions.models import ActionStatus
from app.actions.service import is_overdue
from app.audit.service import record
from app.config import Settings
from app.forms import Refused
from app.i18n import gettext as _
from app.meetings import repository as meetings_repository
from app.meetings.models import Meeting
from app.meetings.service import Phase, phase, results
from app.moderation.clock import working_days_between
from app.moderation.repository import SharedFilter, SharedItem, shared_items
from app.people.models import User
from app.promises import repository as promises_repository
from app.smallnumbers import SMALLEST_SHOWN
from app.summaries import repository
from app.summaries.models import SummarySnapshot
from app.summaries.report import (
    ActionLine,
    Count,
    Highlight,
    MeasureLine,
    Quote,
    ResponseTimes,
    Row,
    Summary,
    Topic,
    Vote,
    VoteOption,
)
from app.summaries.repository import NOT_GIVEN, Counted, Window
from app.timeutil import COUNCIL_TIME
from app.voice.models import AgeBand, Item
from app.voice.repository import latest_public_responses

QUOTES_PROPOSED = 6  # the system proposes this many quotes, one per theme first
QUOTE_CANDIDATES = 60  # the officer picks from this many, the most young people first
HIGHLIGHTS = 5
ACTIONS_LISTED = 25  # a summary, not the action log: the log has them all
TOP_TOPICS = 5
FIRST_PERIOD_DAYS = 91  # a meeting with no earlier meeting of its kind looks back this far
MAX_RANGE_DAYS = 3 * 366  # words are kept RETENTION_YEARS (2 by default): room for all of them
CHANNEL_ORDER = ("online", "event", "paper", "phone")
UNKNOWN_BAND = "unknown"  # attendance noted without an age band (app.events.models)
STATUS_ORDER = list(ActionStatus)


@dataclass(frozen=True)
class Scope:
    """What to summarise: a meeting's period or a date range, and the themes (empty: all)."""

    meeting: Meeting | None
    start: date
    end: date  # the last day, inclusive
    before: date  # the first day of the period before
    theme_ids: tuple[int, ...] = ()
    quote_ids: tuple[int, ...] | None = None  # None: the system proposes quotes


def _midnight(day: date) -> datetime:
    """The start of a day on the council's clock, in UTC."""
    return datetime.combine(day, time.min, COUNCIL_TIME).astimezone(UTC)


def meeting_scope(
    db: Session,
    *,
    meeting: Meeting,
    theme_ids: tuple[int, ...] = (),
    quote_ids: tuple[int, ...] | None = None,
) -> Scope:
    """Since the previous meeting of the same kind, up to the day before this one; the period
    before runs from the meeting before that."""
    earlier = list(repository.meetings_before(db, meeting, 2))
    start = earlier[0].held_on if earlier else meeting.held_on - timedelta(days=FIRST_PERIOD_DAYS)
    start = min(start, meeting.held_on - timedelta(days=1))
    before = earlier[1].held_on if len(earlier) > 1 else start - (meeting.held_on - start)
    return Scope(
        meeting=meeting,
        start=start,
        end=meeting.held_on - timedelta(days=1),
        before=min(before, start - timedelta(days=1)),
        theme_ids=theme_ids,
        quote_ids=quote_ids,
    )


def range_scope(
    *,
    start: date,
    end: date,
    theme_ids: tuple[int, ...] = (),
    quote_ids: tuple[int, ...] | None = None,
) -> Scope:
    """From `start` to `end` (both included) against the same number of days just before."""
    if end < start:
        raise Refused(_("The last day must be the same as or after the first day."), "end")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise Refused(_("Choose a period of three years or less."), "end")
    return Scope(
        meeting=None,
        start=start,
        end=end,
        before=start - (end - start) - timedelta(days=1),
        theme_ids=theme_ids,
        quote_ids=quote_ids,
    )


def window_of(scope: Scope) -> Window:
    return Window(
        before_at=_midnight(scope.before),
        start_at=_midnight(scope.start),
        end_at=_midnight(scope.end + timedelta(days=1)),
        theme_ids=scope.theme_ids,
        start_day=scope.start,
        end_day=scope.end,
        before_day=scope.before,
    )


# Counts ----------------------------------------------------------------------------------------


def _row(key: str, counted: Counted, group: str, *, items: bool = False) -> Row:
    """Young people (or items) now and before, suppressed."""
    which = 1 if items else 0
    return Row(
        key=key,
        now=Count.of(counted.get((1, group), (0, 0))[which]),
        before=Count.of(counted.get((0, group), (0, 0))[which]),
    )


def _ordered(present: set[str], order: Sequence[str]) -> list[str]:
    """Known keys in their order, then any others alphabetically."""
    return [key for key in order if key in present] + sorted(present - set(order))


def _channels(counted: Counted) -> list[Row]:
    present = {group for _period, group in counted}
    return [_row(key, counted, key) for key in _ordered(present, CHANNEL_ORDER)]


def _age_bands(counted: Counted) -> list[Row]:
    present = {group for _period, group in counted}
    order = [band.value for band in AgeBand] + [NOT_GIVEN]
    return [_row(key, counted, key) for key in _ordered(present, order)]


def _themes(counted: Counted, names: dict[int, str], chosen: tuple[int, ...]) -> list[Row]:
    present = {int(group) for _period, group in counted} | set(chosen)
    return [
        _row(name, counted, str(theme_id))
        for theme_id, name in names.items()
        if theme_id in present
    ]


def _attendance(counted: dict[tuple[int, str], int]) -> list[Row]:
    present = {band for _period, band in counted}
    order = [band.value for band in AgeBand] + [UNKNOWN_BAND]
    return [
        Row(
            key=band,
            now=Count.of(counted.get((1, band), 0)),
            before=Count.of(counted.get((0, band), 0)),
        )
        for band in _ordered(present, order)
    ]


def _response_times(
    clocks: Sequence[tuple[date, date | None, int]], *, now: datetime, settings: Settings
) -> ResponseTimes:
    """Of items whose clock stopped (a first decision) or ran out (overdue, still waiting):
    the share decided within the promise, and the median working days to a decision. Days are
    UTC dates, as on the moderation queue's clock."""
    promise, holidays = settings.response_promise_working_days, settings.non_working_dates
    today = now.astimezone(UTC).date()
    waits: list[int] = []
    judged = within = 0
    for sent, decided, number in clocks:
        if decided is not None:
            waited = working_days_between(sent, decided, holidays)
            waits += [waited] * number
            judged += number
            within += number if waited <= promise else 0
        elif working_days_between(sent, today, holidays) > promise:
            judged += number
    enough = judged >= SMALLEST_SHOWN
    return ResponseTimes(
        promise_days=promise,
        judged=Count.of(judged),
        within_percent=round(100 * within / judged) if enough else None,
        median_days=float(statistics.median(waits))
        if enough and len(waits) >= SMALLEST_SHOWN
        else None,
    )


# Words -----------------------------------------------------------------------------------------


def quote_candidates(db: Session, window: Window) -> list[SharedItem]:
    """Shared items approved in the period, on the chosen themes, most young people first;
    never one under safeguarding."""
    found = shared_items(
        db,
        where=SharedFilter(
            theme_ids=window.theme_ids,
            approved_from=window.start_at,
            approved_before=window.end_at,
        ),
        most_voiced=QUOTE_CANDIDATES,
    )
    held = repository.withheld(db, [item.item_id for item in found])
    return [item for item in found if item.item_id not in held]


def propose_quotes(candidates: Sequence[SharedItem], limit: int = QUOTES_PROPOSED) -> list[int]:
    """The most-voiced item of each theme in turn, then the most-voiced of the rest."""
    chosen: list[int] = []
    themes_used: set[int] = set()
    for item in candidates:
        home = item.theme_ids[0] if item.theme_ids else 0
        if home not in themes_used and len(chosen) < limit:
            chosen.append(item.item_id)
            themes_used.add(home)
    for item in candidates:
        if item.item_id not in chosen and len(chosen) < limit:
            chosen.append(item.item_id)
    return chosen


def _quote(item: SharedItem, names: dict[int, str]) -> Quote:
    return Quote(
        item_id=item.item_id,
        text=item.text,
        themes=[names[theme_id] for theme_id in item.theme_ids if theme_id in names],
        voices=Count.of(item.voices),
    )


# Votes, actions, promises ----------------------------------------------------------------------


def _votes(db: Session, window: Window, meeting_id: int | None, now: datetime) -> list[Vote]:
    votes = []
    for agenda_round in repository.rounds_closed(db, window, meeting_id):
        if phase(agenda_round, now) is not Phase.CLOSED:
            continue
        outcome = results(db, agenda_round=agenda_round, now=now)
        options = {o.id: o for o in meetings_repository.options(db, agenda_round.id or 0)}
        shown = outcome.tally.results if outcome.tally else ()
        on_agenda = meetings_repository.agenda_items_for_options(
            db, [result.option_id for result in shown]
        )
        votes.append(
            Vote(
                title=agenda_round.title,
                closed_on=agenda_round.closes_at.astimezone(COUNCIL_TIME).date(),
                turnout=Count.of(outcome.turnout),
                options=[
                    VoteOption(
                        title=options[result.option_id].title,
                        rank=result.rank,
                        voters=Count.of(result.voters),
                        on_agenda=result.option_id in on_agenda,
                    )
                    for result in shown
                    if result.option_id in options
                ],
            )
        )
    return votes


LISTED = frozenset(
    {ActionStatus.AT_RISK, ActionStatus.OFF_TRACK, ActionStatus.DONE, ActionStatus.DROPPED}
)


@dataclass(frozen=True)
class ActionsInView:
    counts: dict[str, int]
    overdue: int
    listed: list[ActionLine]
    not_listed: int


def _actions(db: Session, window: Window, today: date) -> ActionsInView:
    """Every action in view is counted by status; the ones the board should look at are
    listed: overdue, at risk or off track, and done or dropped in the period. Overdue first,
    then by status and due date."""
    actions = repository.actions_in_view(db, window)
    counts = {status.value: 0 for status in STATUS_ORDER}
    for action in actions:
        counts[action.status.value] += 1
    shown = [a for a in actions if is_overdue(a, today) or a.status in LISTED]
    themes = actions_repository.themes_of(db, [action.id or 0 for action in shown])
    lines = [
        ActionLine(
            title=action.title,
            organisation=action.organisation_name,
            status=action.status.value,
            due_on=action.due_on,
            overdue=is_overdue(action, today),
            themes=[theme.name for theme in themes.get(action.id or 0, [])],
        )
        for action in shown
    ]
    lines.sort(
        key=lambda line: (
            not line.overdue,
            STATUS_ORDER.index(ActionStatus(line.status)),
            line.due_on,
        ),
    )
    return ActionsInView(
        counts=counts,
        overdue=sum(1 for line in lines if line.overdue),
        listed=lines[:ACTIONS_LISTED],
        not_listed=max(0, len(lines) - ACTIONS_LISTED),
    )


def _measures(db: Session, theme_ids: tuple[int, ...]) -> list[MeasureLine]:
    promises = list(promises_repository.promises(db))
    ids = [promise.id or 0 for promise in promises]
    if theme_ids:
        themed = promises_repository.themes_of(db, ids)
        promises = [
            p for p in promises if {t.id for t in themed.get(p.id or 0, [])} & set(theme_ids)
        ]
    measures = promises_repository.measures_of(db, [p.id or 0 for p in promises])
    readings = promises_repository.readings_of(
        db, [m.id or 0 for found in measures.values() for m in found]
    )
    lines = []
    for promise in promises:
        for measure in measures.get(promise.id or 0, []):
            taken = readings.get(measure.id or 0, [])
            latest = taken[-1] if taken else None
            lines.append(
                MeasureLine(
                    promise=promise.we_will,
                    what=measure.what,
                    unit=measure.unit,
                    baseline=measure.baseline,
                    target=measure.target,
                    latest=latest.value if latest else None,
                    latest_on=latest.taken_on if latest else None,
                )
            )
    return lines


# The summary -----------------------------------------------------------------------------------


def build_summary(db: Session, *, scope: Scope, now: datetime, settings: Settings) -> Summary:
    """Everything both versions show, in a fixed number of queries however many items."""
    window = window_of(scope)
    names = repository.theme_names(db)
    totals = repository.heard_by(db, window, None)
    candidates = quote_candidates(db, window)
    wanted = scope.quote_ids if scope.quote_ids is not None else propose_quotes(candidates)
    answers = latest_public_responses(db, [item.item_id for item in candidates])
    highlights = [
        Highlight(item_id=item.item_id, said=item.text, did=answers[item.item_id])
        for item in candidates
        if item.item_id in answers
    ][:HIGHLIGHTS]
    today = now.astimezone(COUNCIL_TIME).date()
    actions = _actions(db, window, today)
    return Summary(
        made_at=now,
        meeting_id=scope.meeting.id if scope.meeting else None,
        meeting_title=scope.meeting.title if scope.meeting else "",
        start=scope.start,
        end=scope.end,
        before_start=scope.before,
        before_end=scope.start - timedelta(days=1),
        themes=[names[theme_id] for theme_id in scope.theme_ids if theme_id in names],
        heard=_row("heard", totals, NOT_GIVEN),
        messages=_row("messages", totals, NOT_GIVEN, items=True),
        channels=_channels(repository.heard_by(db, window, col(Item.channel))),
        age_bands=_age_bands(repository.heard_by(db, window, col(Item.age_band))),
        by_theme=_themes(repository.heard_by_theme(db, window), names, scope.theme_ids),
        at_events=_attendance(repository.attendance(db, window)),
        topics=[
            Topic(label=label, people=Count.of(people))
            for label, people in repository.topic_people(db, window, limit=TOP_TOPICS)
        ],
        quotes=[_quote(item, names) for item in candidates if item.item_id in set(wanted)],
        quotes_chosen=scope.quote_ids is not None,
        highlights=highlights,
        votes=_votes(db, window, scope.meeting.id if scope.meeting else None, now),
        action_counts=actions.counts,
        overdue_actions=actions.overdue,
        actions=actions.listed,
        actions_not_listed=actions.not_listed,
        measures=_measures(db, scope.theme_ids),
        response=_response_times(
            repository.response_clocks(db, window), now=now, settings=settings
        ),
    )


# Freezing --------------------------------------------------------------------------------------


def freeze_summary(
    db: Session, *, summary: Summary, meeting: Meeting, after_version: int, actor: User
) -> SummarySnapshot:
    """Attaches this summary to the meeting as its next version. Refused when someone froze
    another version since the page was shown (`after_version` is the latest it showed), so
    nobody makes a version without having seen the one before."""
    latest = repository.latest_version(db, meeting.id or 0)
    if latest != after_version:
        raise Refused(
            _("Someone else froze version %(version)s of this summary meanwhile. Look at it first.")
            % {"version": latest},
            "freeze",
        )
    snapshot = SummarySnapshot(
        meeting_id=meeting.id or 0,
        version=latest + 1,
        data=summary.model_dump(mode="json"),
        frozen_by_id=actor.id or 0,
        frozen_at=summary.made_at,
    )
    try:
        with db.begin_nested():
            db.add(snapshot)
            db.flush()
    except IntegrityError:
        raise Refused(
            _("Someone else froze this summary at the same moment. Look at it first."), "freeze"
        ) from None
    record(
        db, actor=actor, action="summary.freeze", object_type="meeting", object_id=meeting.id or 0
    )
    return snapshot


def frozen_summary(snapshot: SummarySnapshot) -> Summary:
    return Summary.model_validate(snapshot.data)


# The child-friendly version -------------------------------------------------------------------

YOUNG_THEMES = 3
YOUNG_QUOTES = 3
YOUNG_ACTIONS = 5


@dataclass(frozen=True)
class YoungView:
    """What the child-friendly version picks from a summary: few numbers, plain words."""

    themes: list[str]  # the themes most young people spoke about, no counts
    quotes: list[Quote]
    done: list[ActionLine]
    doing: list[ActionLine]
    working_on: int  # open actions
    some_late: bool
    in_time: str  # "most", "half", "few" or "" (too few to say)


def young_view(summary: Summary) -> YoungView:
    def weight(row: Row) -> float:  # a hidden small count sorts below every shown count
        return 2.5 if row.now.shown is None else float(row.now.shown)

    spoken = [row for row in summary.by_theme if row.now.shown != 0]
    percent = summary.response.within_percent
    in_time = ""
    if percent is not None:
        in_time = "most" if percent >= 80 else "half" if percent >= 50 else "few"
    return YoungView(
        themes=[row.key for row in sorted(spoken, key=weight, reverse=True)][:YOUNG_THEMES],
        quotes=summary.quotes[:YOUNG_QUOTES],
        done=[a for a in summary.actions if a.status == ActionStatus.DONE][:YOUNG_ACTIONS],
        doing=[a for a in summary.actions if not ActionStatus(a.status).is_closed][:YOUNG_ACTIONS],
        working_on=sum(
            number
            for status, number in summary.action_counts.items()
            if not ActionStatus(status).is_closed
        ),
        some_late=summary.overdue_actions > 0,
        in_time=in_time,
    )
