"""Young people's pages: the votes they can take part in, voting, suggesting ideas, and "you
voted, the board listened". Also voting with a printed code, without an account."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app import ratelimit
from app.actions import agenda as action_agenda
from app.authz import CurrentPrincipal, Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession
from app.forms import FormResult, Refused, form_values, parse_form
from app.meetings import ballots, labels, repository, service
from app.meetings.forms import (
    RANK_FIELDS,
    BallotRequest,
    ProposalForm,
    read_ballot,
)
from app.meetings.models import AgendaRound, VotingMethod
from app.meetings.service import Phase
from app.people.models import User
from app.timeutil import on_council_clock, utcnow
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter()

CanVote = Annotated[Principal, Depends(Require(Permission.MEETINGS_VOTE))]


def _voter(principal: Principal) -> User:
    assert principal.user is not None
    return principal.user


def _round_for(db: DbSession, user: User, round_id: int) -> AgendaRound:
    """Only rounds this young person may vote in; any other id is simply not found."""
    agenda_round = repository.agenda_round(db, round_id)
    if agenda_round is None or not service.may_vote(user, agenda_round):
        raise HTTPException(status_code=404)
    return agenda_round


@router.get("/votes")
def votes(request: Request, db: DbSession, principal: CanVote) -> Response:
    user = _voter(principal)
    now_rounds = repository.rounds_for_young_people(db, user, utcnow())
    taken = {p.round_id for p in repository.participation(db, user.id or 0)}
    past = repository.rounds_by_id(db, sorted(taken))
    return render(
        request,
        "meetings/votes.html",
        {
            "open_rounds": [r for r in now_rounds if service.phase(r) is Phase.OPEN],
            "coming": [r for r in now_rounds if service.phase(r) is Phase.UPCOMING],
            "voted_in": taken,
            "past": [r for r in past.values() if service.phase(r) is Phase.CLOSED],
            "proposals": repository.proposals_by(db, user.id or 0),
            "rounds": repository.rounds_by_id(
                db, [p.round_id for p in repository.proposals_by(db, user.id or 0)]
            ),
            "statuses": labels.PROPOSAL_STATUSES,
            "is_cicc": user.is_cicc_member,
            "when": on_council_clock,
        },
        principal=principal,
    )


def ballot_context(
    db: DbSession, agenda_round: AgendaRound, values: dict[str, str]
) -> dict[str, Any]:
    """What the shared ballot form needs."""
    return {
        "round": agenda_round,
        "options": repository.options(db, agenda_round.id or 0),
        "dots": agenda_round.method is VotingMethod.DOTS,
        "rank_fields": RANK_FIELDS,
        "values": values,
    }


def _current_values(agenda_round: AgendaRound, choices: dict[int, int]) -> dict[str, str]:
    """The voter's stored ballot as form values, so changing it starts from what they chose."""
    if agenda_round.method is VotingMethod.DOTS:
        return {f"votes-{option}": str(votes) for option, votes in choices.items()}
    return {RANK_FIELDS[rank - 1]: str(option) for option, rank in choices.items()}


def _round_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    agenda_round: AgendaRound,
    request_sent: BallotRequest | None = None,
    *,
    refusal: str = "",
    status_code: int = 200,
) -> Response:
    """`refusal`: why a ballot was not taken (the vote closed meanwhile), shown at the top."""
    user = _voter(principal)
    round_id = agenda_round.id or 0
    mine = ballots.own_choices(db, agenda_round=agenda_round, user=user)
    participant = repository.participant(db, round_id, user.id or 0)
    values = request_sent.values if request_sent else _current_values(agenda_round, mine)
    if request_sent is None and participant is not None and participant.wants_notice:
        values["wants_notice"] = "yes"
    options = repository.options(db, round_id)
    errors = request_sent.errors if request_sent else {}
    return render(
        request,
        "meetings/round.html",
        {
            **ballot_context(db, agenda_round, values),
            "meeting": repository.meeting(db, agenda_round.meeting_id),
            "phase": service.phase(agenda_round),
            "when": on_council_clock,
            "mine": mine,
            "titles": {option.id: option.title for option in options},
            "outcomes": repository.agenda_items_for_options(db, list(mine)),
            **action_agenda.actions_for_options(db, list(mine)),
            "results": service.results(db, agenda_round=agenda_round),
            "is_cicc": user.is_cicc_member,
            "just_voted": request.query_params.get("voted") == "1",
            "refusal": refusal,
            "errors": errors,
            "error_list": [{"text": m, "href": f"#{k}"} for k, m in errors.items()],
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/votes/{round_id}")
def round_page(request: Request, db: DbSession, principal: CanVote, round_id: int) -> Response:
    user = _voter(principal)
    agenda_round = _round_for(db, user, round_id)
    participant = repository.participant(db, round_id, user.id or 0)
    if participant is not None and participant.notice_due:
        participant.notice_due = False  # they have now seen what the board did
        db.add(participant)
    return _round_page(request, db, principal, agenda_round)


@router.post("/votes/{round_id}")
def cast(
    request: Request, db: DbSession, principal: CanVote, round_id: int, form: PostedForm
) -> Response:
    user = _voter(principal)
    agenda_round = _round_for(db, user, round_id)
    sent = read_ballot(form, agenda_round)
    ratelimit.limit_submissions(request, "vote", who=principal.session.raw_id)
    try:
        ballots.cast_ballot(db, agenda_round=agenda_round, user=user, request=sent)
    except ballots.VoteClosed as closed:
        db.rollback()
        return _round_page(
            request, db, principal, agenda_round, refusal=closed.message, status_code=409
        )
    except Refused as refused:
        db.rollback()
        sent.errors = {refused.field: refused.message}
        return _round_page(request, db, principal, agenda_round, sent, status_code=400)
    db.commit()
    return redirect(request, f"/votes/{round_id}?voted=1")


def _propose_page(
    request: Request,
    principal: Principal,
    agenda_round: AgendaRound,
    result: FormResult[ProposalForm] | None = None,
    *,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "meetings/propose.html",
        {
            "round": agenda_round,
            "values": result.values if result else {},
            "errors": result.errors if result else {},
            "error_list": result.error_list() if result else [],
            "retention_years": get_settings().retention_years,
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/votes/{round_id}/propose")
def propose_form(request: Request, db: DbSession, principal: CanVote, round_id: int) -> Response:
    agenda_round = _round_for(db, _voter(principal), round_id)
    return _propose_page(request, principal, agenda_round)


@router.post("/votes/{round_id}/propose")
def propose(
    request: Request, db: DbSession, principal: CanVote, round_id: int, form: PostedForm
) -> Response:
    user = _voter(principal)
    agenda_round = _round_for(db, user, round_id)
    result = parse_form(ProposalForm, form)
    if not result.ok or result.data is None:
        return _propose_page(request, principal, agenda_round, result, status_code=400)
    ratelimit.limit_submissions(request, "vote", who=principal.session.raw_id)
    try:
        service.propose(db, agenda_round=agenda_round, user=user, form=result.data)
    except Refused as refused:
        db.rollback()
        result.errors[refused.field] = refused.message
        return _propose_page(request, principal, agenda_round, result, status_code=400)
    db.commit()
    return redirect(request, "/votes?proposed=1#ideas")


# Voting codes: no account ---------------------------------------------------------------


@router.get("/vote/code")
def code_form(
    request: Request,
    principal: CurrentPrincipal,
    c: Annotated[str, Query(max_length=40)] = "",
    done: Annotated[str, Query(max_length=1)] = "",
) -> Response:
    return render(
        request,
        "meetings/code.html",
        {"values": {"code": c}, "errors": {}, "done": done == "1", "round": None},
        principal=principal,
    )


@router.post("/vote/code")
def code_vote(
    request: Request, db: DbSession, principal: CurrentPrincipal, form: PostedForm
) -> Response:
    """First the code alone (shows the ballot), then the code with the ballot (casts it)."""
    values = form_values(form)
    ratelimit.limit_attempts(
        request, "vote-code", who=principal.session.raw_id, **get_settings().sign_in_limits
    )
    code = values.get("code", "")[:40]
    agenda_round: AgendaRound | None = None
    try:
        agenda_round = ballots.round_for_code(db, code=code)
        if values.get("step") != "ballot":
            values.pop("step", None)
            return _code_page(request, db, principal, agenda_round, values)
        sent = read_ballot(form, agenda_round)
        ballots.cast_with_code(db, code=code, request=sent)
    except (ballots.CodeRefused, ballots.VoteClosed) as refused:
        db.rollback()
        status = 409 if isinstance(refused, ballots.VoteClosed) else 400
        return _code_page(request, db, principal, None, values, {"code": refused.message}, status)
    except Refused as refused:
        db.rollback()
        errors = {refused.field: refused.message}
        return _code_page(request, db, principal, agenda_round, values, errors, 400)
    db.commit()
    return redirect(request, "/vote/code?done=1")


def _code_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    agenda_round: AgendaRound | None,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    errors = errors or {}
    context: dict[str, Any] = {"values": values, "round": None, "done": False}
    if agenda_round is not None:
        context.update(ballot_context(db, agenda_round, values))
    return render(
        request,
        "meetings/code.html",
        {
            **context,
            "errors": errors,
            "error_list": [{"text": m, "href": f"#{k}"} for k, m in errors.items()],
        },
        status_code=status_code,
        principal=principal,
    )
