"""The meetings forms: only known fields are read, and every value typed is kept for the page."""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from starlette.datastructures import FormData

from app.forms import (
    FormResult,
    StrictForm,
    form_values,
    parse_form,
    required_text,
    text_within,
    whole_number,
)
from app.i18n import gettext as _
from app.meetings.models import AgendaRound, Electorate, Meeting, MeetingKind, VotingMethod
from app.timeutil import COUNCIL_TIME, council_datetime

#: Staff type times as the council's clock shows them; they are stored in UTC.
MAX_TITLE = 120
MAX_DESCRIPTION = 600
MAX_OUTCOME = 4000
MAX_VOTES_EACH = 10
MAX_CODES = 200


def _a_date(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("Enter a real date, for example 2027-03-14.")) from None
    return value


def _a_time(value: str) -> str:
    try:
        time.fromisoformat(value)
    except ValueError:
        raise ValueError(_("Enter a time, for example 17:30.")) from None
    return value


class MeetingForm(StrictForm):
    kind: str = ""
    title: str = ""
    held_on: str = ""
    co_chairs: str = ""
    young_co_chair: str = ""
    papers: str = ""

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in {kind.value for kind in MeetingKind}:
            raise ValueError(_("Choose the kind of meeting."))
        return value

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return required_text(value, _("Enter a name for the meeting."), MAX_TITLE)

    @field_validator("held_on")
    @classmethod
    def _held_on(cls, value: str) -> str:
        return _a_date(value)

    @field_validator("co_chairs")
    @classmethod
    def _co_chairs(cls, value: str) -> str:
        return text_within(value, 200)

    @field_validator("young_co_chair")
    @classmethod
    def _young_co_chair(cls, value: str) -> str:
        return text_within(value, 40)

    @field_validator("papers")
    @classmethod
    def _papers(cls, value: str) -> str:
        return text_within(value, MAX_OUTCOME)


class AgendaItemForm(StrictForm):
    title: str = ""
    description: str = ""

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return required_text(value, _("Enter the agenda item."), MAX_TITLE)

    @field_validator("description")
    @classmethod
    def _description(cls, value: str) -> str:
        return text_within(value, MAX_DESCRIPTION)


class OutcomeForm(StrictForm):
    discussed: str = ""
    decided: str = ""

    @field_validator("discussed")
    @classmethod
    def _discussed(cls, value: str) -> str:
        return required_text(value, _("Write what the board talked about."), MAX_OUTCOME)

    @field_validator("decided")
    @classmethod
    def _decided(cls, value: str) -> str:
        return required_text(value, _("Write what the board decided."), MAX_OUTCOME)


class RoundForm(StrictForm):
    title: str = ""
    opens_on: str = ""
    opens_at: str = ""
    closes_at: str = ""
    closes_on: str = ""  # after closes_at: its check compares the whole closing time
    electorate: str = ""
    method: str = ""
    votes_each: int | str = 3
    max_per_option: int | str = 3
    results_hidden: Literal["yes", "no"] = "yes"

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return required_text(value, _("Enter a question for the vote."), MAX_TITLE)

    @field_validator("opens_on")
    @classmethod
    def _day(cls, value: str) -> str:
        return _a_date(value)

    @field_validator("closes_on")
    @classmethod
    def _closes_after_opening(cls, value: str, info: ValidationInfo) -> str:
        _a_date(value)
        known = info.data
        if all(known.get(name) for name in ("opens_on", "opens_at", "closes_at")):
            opens = council_datetime(known["opens_on"], known["opens_at"])
            if council_datetime(value, known["closes_at"]) <= opens:
                raise ValueError(_("The closing time must be after the opening time."))
        return value

    @field_validator("opens_at", "closes_at")
    @classmethod
    def _time(cls, value: str) -> str:
        return _a_time(value)

    @field_validator("electorate")
    @classmethod
    def _electorate(cls, value: str) -> str:
        if value not in {choice.value for choice in Electorate}:
            raise ValueError(_("Choose who may vote."))
        return value

    @field_validator("method")
    @classmethod
    def _method(cls, value: str) -> str:
        if value not in {choice.value for choice in VotingMethod}:
            raise ValueError(_("Choose how people vote."))
        return value

    @field_validator("votes_each", "max_per_option", mode="before")
    @classmethod
    def _count(cls, value: object) -> int:
        text = str(value).strip()
        if not 1 <= (whole_number(text) or 0) <= MAX_VOTES_EACH:
            raise ValueError(_("Enter a number from 1 to %(limit)s.") % {"limit": MAX_VOTES_EACH})
        return int(text)

    @field_validator("max_per_option")
    @classmethod
    def _not_above_votes_each(cls, value: int, info: ValidationInfo) -> int:
        votes_each = info.data.get("votes_each")
        if isinstance(votes_each, int) and value > votes_each:
            raise ValueError(_("This cannot be more than the votes each person has."))
        return value

    @property
    def opens(self) -> datetime:
        return council_datetime(self.opens_on, self.opens_at)

    @property
    def closes(self) -> datetime:
        return council_datetime(self.closes_on, self.closes_at)


class ClosingForm(StrictForm):
    """Once a vote is open, only its closing time and whether results are hidden can change."""

    closes_on: str = ""
    closes_at: str = ""
    results_hidden: Literal["yes", "no"] = "yes"

    @field_validator("closes_on")
    @classmethod
    def _day(cls, value: str) -> str:
        return _a_date(value)

    @field_validator("closes_at")
    @classmethod
    def _time(cls, value: str) -> str:
        return _a_time(value)

    @property
    def closes(self) -> datetime:
        return council_datetime(self.closes_on, self.closes_at)


#: The round's change page says which part it sends: everything, or the closing part only.
CLOSING_ONLY = "closing"


def read_round_change(form: FormData) -> FormResult[RoundForm] | FormResult[ClosingForm]:
    if form.get("scope") == CLOSING_ONLY:
        return parse_form(ClosingForm, form)
    return parse_form(RoundForm, form)


def round_values(agenda_round: AgendaRound) -> dict[str, str]:
    """A round as its form shows it, times on the council's clock."""
    opens = agenda_round.opens_at.astimezone(COUNCIL_TIME)
    closes = agenda_round.closes_at.astimezone(COUNCIL_TIME)
    return {
        "title": agenda_round.title,
        "opens_on": opens.date().isoformat(),
        "opens_at": opens.strftime("%H:%M"),
        "closes_on": closes.date().isoformat(),
        "closes_at": closes.strftime("%H:%M"),
        "electorate": agenda_round.electorate.value,
        "method": agenda_round.method.value,
        "votes_each": str(agenda_round.votes_each),
        "max_per_option": str(agenda_round.max_per_option),
        "results_hidden": "yes" if agenda_round.results_hidden_while_open else "no",
    }


def meeting_values(meeting: Meeting) -> dict[str, str]:
    return {
        "kind": meeting.kind.value,
        "title": meeting.title,
        "held_on": meeting.held_on.isoformat(),
        "co_chairs": meeting.co_chairs,
        "young_co_chair": meeting.young_co_chair,
        "papers": meeting.papers,
    }


class MoveForm(StrictForm):
    """Move an agenda item or a choice one place up or down."""

    direction: str = ""

    @field_validator("direction")
    @classmethod
    def _direction(cls, value: str) -> str:
        if value not in {"up", "down"}:
            raise ValueError(_("Choose up or down."))
        return value

    @property
    def step(self) -> int:
        return -1 if self.direction == "up" else 1


class OptionForm(StrictForm):
    title: str = ""
    description: str = ""
    theme: str = Field(default="", max_length=60)

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return text_within(value, MAX_TITLE)

    @field_validator("description")
    @classmethod
    def _description(cls, value: str) -> str:
        return text_within(value, MAX_DESCRIPTION)


class ProposalForm(StrictForm):
    title: str = ""
    description: str = ""

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return required_text(value, _("Write a short name for your idea."), MAX_TITLE)

    @field_validator("description")
    @classmethod
    def _description(cls, value: str) -> str:
        return required_text(value, _("Say a bit more about your idea."), MAX_DESCRIPTION)


class ProposalDecisionForm(StrictForm):
    decision: str = ""
    reason: str = ""

    @field_validator("decision")
    @classmethod
    def _decision(cls, value: str) -> str:
        if value not in {"accept", "decline"}:
            raise ValueError(_("Choose accept or decline."))
        return value

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("decision") == "decline" and not value:
            raise ValueError(_("Write the reason. The young person will read it."))
        return text_within(value, MAX_DESCRIPTION)


class CountForm(StrictForm):
    """How many: voting codes to print, or top options to put on the agenda."""

    count: int | str = 0

    @field_validator("count", mode="before")
    @classmethod
    def _count(cls, value: object) -> int:
        text = str(value).strip()
        if not 1 <= (whole_number(text) or 0) <= MAX_CODES:
            raise ValueError(_("Enter a number from 1 to %(limit)s.") % {"limit": MAX_CODES})
        return int(text)


@dataclass
class BallotRequest:
    """A ballot as sent: `choices` maps option id to votes (dots) or rank (ranking)."""

    values: dict[str, str]
    choices: dict[int, int] = field(default_factory=dict)
    wants_notice: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    def error_list(self) -> list[dict[str, str]]:
        return [{"text": message, "href": f"#{name}"} for name, message in self.errors.items()]


def vote_field(option_id: int) -> str:
    return f"votes-{option_id}"


RANK_FIELDS = ("rank-1", "rank-2", "rank-3")


def read_ballot(form: FormData, agenda_round: AgendaRound) -> BallotRequest:
    """Reads a ballot form; checks only its shape (whole numbers, choices). The service checks
    the rules against the round's real options."""
    values = form_values(form)
    request = BallotRequest(values=values, wants_notice=values.get("wants_notice") == "yes")
    if agenda_round.method is VotingMethod.DOTS:
        for name, typed in values.items():
            if not name.startswith("votes-") or not typed:
                continue
            option, count = name.removeprefix("votes-"), typed.strip()
            if whole_number(option) is None:
                request.errors["form"] = _("That choice is not in this vote.")
            elif whole_number(count, digits=3) is None:
                request.errors[name] = _("Use a whole number, like 0, 1 or 2.")
            elif int(count):
                request.choices[int(option)] = int(count)
    else:
        for rank, name in enumerate(RANK_FIELDS, start=1):
            chosen = values.get(name, "")
            if not chosen:
                continue
            if whole_number(chosen) is None:
                request.errors[name] = _("That choice is not in this vote.")
            elif int(chosen) in request.choices:
                request.errors[name] = _("You picked that already. Pick a different one.")
            else:
                request.choices[int(chosen)] = rank
    return request
