"""Casting secret ballots, with an account or with a single-use voting code.

A ballot is keyed by an HMAC of the round and the voter (a user, or a voting code's row), so
only the app can find a voter's own ballot again, and the row says nothing about who cast it.
One ballot per voter per round is the primary key: casting is one INSERT ... ON CONFLICT DO
UPDATE that replaces the choices, never a check followed by an insert.
"""

import hashlib
import hmac
from collections.abc import Sequence

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, update

from app.config import get_settings
from app.forms import Refused
from app.i18n import gettext as _
from app.meetings import repository
from app.meetings.forms import BallotRequest, vote_field
from app.meetings.models import AgendaRound, Ballot, RoundOption, RoundParticipant, VotingCode
from app.meetings.models import VotingMethod as Method
from app.meetings.service import Phase, may_vote, phase
from app.people.models import User
from app.people.service import digest, format_code, new_code, normalise_code
from app.timeutil import utcnow

CODE_LENGTH = 10  # from a 31-letter alphabet: about 50 bits


class VoteClosed(Refused):
    """The round is not taking votes: a page of its own, not a form error."""


class CodeRefused(Refused):
    """Forged, mistyped or spent: one message for all, so a guess learns nothing."""


def _key(material: str) -> str:
    secret = get_settings().secret_key.encode()
    return hmac.new(secret, material.encode(), hashlib.sha256).hexdigest()


def voter_key(round_id: int, user_id: int) -> str:
    return _key(f"ballot:{round_id}:{user_id}")


def code_voter_key(round_id: int, code_id: int) -> str:
    return _key(f"ballot-code:{round_id}:{code_id}")


def check_choices(
    agenda_round: AgendaRound, options: Sequence[RoundOption], request: BallotRequest
) -> dict[str, int]:
    """The ballot rules; raises Refused (naming the field) or returns the choices to store."""
    if request.errors:
        name, message = next(iter(request.errors.items()))
        raise Refused(message, "ballot" if name == "form" else name)
    known = {option.id for option in options}
    if any(option_id not in known for option_id in request.choices):
        raise Refused(_("That choice is not in this vote."), "ballot")
    if agenda_round.method is Method.DOTS:
        over = [o for o, votes in request.choices.items() if votes > agenda_round.max_per_option]
        if over:
            raise Refused(
                _("You can put up to %(most)s votes on one choice.")
                % {"most": agenda_round.max_per_option},
                vote_field(over[0]),
            )
        used = sum(request.choices.values())
        if used > agenda_round.votes_each:
            raise Refused(
                _("You have %(votes)s votes but you used %(used)s. Take some away.")
                % {"votes": agenda_round.votes_each, "used": used},
                "ballot",
            )
        if not used:
            raise Refused(_("Give at least one vote."), "ballot")
    elif 1 not in request.choices.values():
        raise Refused(_("Pick your first choice."), "rank-1")
    return {str(option_id): value for option_id, value in sorted(request.choices.items())}


def _store(db: Session, *, round_id: int, key: str, choices: dict[str, int]) -> None:
    """Insert, or replace the choices of the voter's ballot: one statement, no race."""
    insert = postgresql_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(Ballot).values(round_id=round_id, voter_key=key, choices=choices)
    db.exec(
        statement.on_conflict_do_update(
            index_elements=["round_id", "voter_key"], set_={"choices": statement.excluded.choices}
        )
    )


def _check_open(agenda_round: AgendaRound) -> None:
    if phase(agenda_round) is Phase.UPCOMING:
        raise VoteClosed(_("This vote has not started yet."))
    if phase(agenda_round) is Phase.CLOSED:
        raise VoteClosed(_("This vote has closed. Votes cannot be changed or added now."))


def cast_ballot(
    db: Session, *, agenda_round: AgendaRound, user: User, request: BallotRequest
) -> None:
    """Casts or replaces this young person's ballot; the last one sent before closing counts."""
    _check_open(agenda_round)
    if not may_vote(user, agenda_round):
        raise VoteClosed(_("This vote is only for Children in Care Council members."))
    round_id = agenda_round.id or 0
    choices = check_choices(agenda_round, repository.options(db, round_id), request)
    _store(db, round_id=round_id, key=voter_key(round_id, user.id or 0), choices=choices)
    insert = postgresql_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(RoundParticipant).values(
        round_id=round_id, user_id=user.id or 0, wants_notice=request.wants_notice
    )
    db.exec(
        statement.on_conflict_do_update(
            index_elements=["round_id", "user_id"],
            set_={"wants_notice": statement.excluded.wants_notice},
        )
    )
    db.flush()


def own_choices(db: Session, *, agenda_round: AgendaRound, user: User) -> dict[int, int]:
    """What this voter chose (only they are shown this): option id -> votes or rank."""
    found = repository.ballot(
        db, agenda_round.id or 0, voter_key(agenda_round.id or 0, user.id or 0)
    )
    return {int(option): int(value) for option, value in (found.choices if found else {}).items()}


# Voting codes ------------------------------------------------------------------------------


def issue_codes(db: Session, *, agenda_round: AgendaRound, count: int) -> list[str]:
    """New single-use codes, stored hashed. The caller shows them once, on the print sheet."""
    if phase(agenda_round) is Phase.CLOSED:
        raise Refused(_("This vote has closed, so codes would be no use."), "count")
    codes = [new_code(CODE_LENGTH) for _ in range(count)]
    db.add_all(VotingCode(round_id=agenda_round.id or 0, code_hash=digest(code)) for code in codes)
    db.flush()
    return [format_code(code) for code in codes]


def round_for_code(db: Session, *, code: str) -> AgendaRound:
    """The round an unspent code votes in."""
    found = repository.unspent_code(db, digest(normalise_code(code)))
    agenda_round = repository.agenda_round(db, found.round_id) if found else None
    if agenda_round is None:
        raise CodeRefused(
            _("That code does not work. Check it and try again, or ask a worker."), "code"
        )
    return agenda_round


def cast_with_code(db: Session, *, code: str, request: BallotRequest) -> AgendaRound:
    """One ballot for one code. The code is spent by an UPDATE that only succeeds while it is
    unspent, in the same transaction as the ballot: two people with one code get one ballot."""
    agenda_round = round_for_code(db, code=code)
    _check_open(agenda_round)
    round_id = agenda_round.id or 0
    choices = check_choices(agenda_round, repository.options(db, round_id), request)
    spent = db.exec(
        update(VotingCode)
        .where(
            col(VotingCode.code_hash) == digest(normalise_code(code)),
            col(VotingCode.spent_at).is_(None),
        )
        .values(spent_at=utcnow())
        .returning(col(VotingCode.id))
    ).first()
    if spent is None:
        raise CodeRefused(
            _("That code does not work. Check it and try again, or ask a worker."), "code"
        )
    _store(db, round_id=round_id, key=code_voter_key(round_id, spent[0]), choices=choices)
    db.flush()
    return agenda_round
