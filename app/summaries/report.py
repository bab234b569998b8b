"""What a summary holds: plain data, already safe to show, so a frozen copy (JSON) renders
exactly as the live one did.

Every count of young people is a `Count` made by `smallnumbers.suppress` in the service: a
value from 1 to 4 never reaches this structure, so pages, PDFs, CSV files and frozen copies
cannot show one.
"""

from datetime import date, datetime

from pydantic import BaseModel

from app.smallnumbers import count_text, suppress


class Count(BaseModel):
    """A count of young people as it may be shown: None means "fewer than 5"."""

    shown: int | None

    @classmethod
    def of(cls, count: int) -> "Count":
        return cls(shown=suppress(count))

    @property
    def text(self) -> str:
        return count_text(self.shown)


class Row(BaseModel):
    """One line of a breakdown: this period against the one before."""

    key: str  # a channel, an age band, a theme's name...
    now: Count
    before: Count


class Topic(BaseModel):
    label: str
    people: Count


class Quote(BaseModel):
    item_id: int  # kept so the words can be withdrawn if the young person asks us to delete them
    text: str  # the approved, redacted shared version
    themes: list[str]
    voices: Count


class Highlight(BaseModel):
    """ "You said, we did": shared words and the answer the officer chose to show publicly."""

    item_id: int
    said: str
    did: str


class VoteOption(BaseModel):
    title: str
    rank: int
    voters: Count
    on_agenda: bool


class Vote(BaseModel):
    title: str
    closed_on: date
    turnout: Count
    options: list[VoteOption]  # empty when too few voted to show results


class ActionLine(BaseModel):
    title: str
    organisation: str
    status: str  # an ActionStatus value
    due_on: date
    overdue: bool
    themes: list[str]


class MeasureLine(BaseModel):
    promise: str
    what: str
    unit: str
    baseline: float
    target: float
    latest: float | None
    latest_on: date | None


class ResponseTimes(BaseModel):
    promise_days: int  # RESPONSE_PROMISE_WORKING_DAYS when the summary was made
    judged: Count  # items whose clock has run out or stopped: the base of the share
    within_percent: int | None  # None when fewer than 5 were judged
    median_days: float | None  # working days to the first decision; None as above


class Summary(BaseModel):
    """Everything either version shows, for one period and a choice of themes."""

    made_at: datetime
    meeting_id: int | None
    meeting_title: str
    start: date  # first day, on the council's clock
    end: date  # last day
    before_start: date
    before_end: date
    themes: list[str]  # the themes chosen; empty: all themes
    heard: Row  # young people heard (each account once; each message without one once)
    messages: Row  # things they told us
    channels: list[Row]
    age_bands: list[Row]
    by_theme: list[Row]
    at_events: list[Row]  # young people who came to events, by age band
    topics: list[Topic]
    quotes: list[Quote]
    quotes_chosen: bool  # an officer chose them (else the system proposed them)
    highlights: list[Highlight]
    votes: list[Vote]
    action_counts: dict[str, int]  # every action in view, by status (an ActionStatus value)
    overdue_actions: int
    actions: list[ActionLine]  # those the board should look at: overdue first
    actions_not_listed: int  # more of those than a summary lists (see the action log)
    measures: list[MeasureLine]
    response: ResponseTimes
