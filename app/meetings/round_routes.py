"""Staff pages for agenda rounds: set one up, its options and proposals, voting codes, turnout,
results, and putting the top options on the agenda.

Staff see turnout and totals only, never who voted for what.
"""

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.authz import Permission, Principal, allows
from app.config import get_settings
from app.db import DbSession
from app.forms import Refused, form_values, parse_form
from app.meetings import ballots, changes, labels, repository, service
from app.meetings.forms import (
    CountForm,
    MoveForm,
    OptionForm,
    ProposalDecisionForm,
    RoundForm,
    read_round_change,
    round_values,
)
from app.meetings.models import AgendaRound, Meeting, RoundOption, VotingMethod
from app.meetings.staff_routes import CanManage, CanRead, meeting_or_404
from app.timeutil import on_council_clock
from app.voice.routes import PostedForm
from app.web import qr_data_uri, redirect, render

router = APIRouter(prefix="/staff")

NEW_CODES = "new_voting_codes"  # session key: codes wait here until the print sheet shows them


def _round_or_404(db: DbSession, round_id: int) -> tuple[AgendaRound, Meeting]:
    agenda_round = repository.agenda_round(db, round_id)
    if agenda_round is None:
        raise HTTPException(status_code=404)
    return agenda_round, meeting_or_404(db, agenda_round.meeting_id)


def _round_form_page(
    request: Request,
    principal: Principal,
    meeting: Meeting,
    agenda_round: AgendaRound | None = None,
    *,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
) -> Response:
    """Setting a round up, or changing one: as much of it as may still change."""
    errors = errors or {}
    return render(
        request,
        "meetings/staff_round_form.html",
        {
            "meeting": meeting,
            "round": agenda_round,
            "scope": changes.what_can_change(agenda_round) if agenda_round else "everything",
            "methods": labels.METHODS,
            "electorates": labels.ELECTORATES,
            "values": values,
            "errors": errors,
            "error_list": [{"text": m, "href": f"#{k}"} for k, m in errors.items()],
        },
        status_code=400 if errors else 200,
        principal=principal,
    )


@router.get("/meetings/{meeting_id}/rounds/new")
def new_round(request: Request, db: DbSession, principal: CanManage, meeting_id: int) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    return _round_form_page(
        request, principal, meeting, values={"votes_each": "3", "max_per_option": "2"}
    )


@router.post("/meetings/{meeting_id}/rounds/new")
def create_round(
    request: Request, db: DbSession, principal: CanManage, meeting_id: int, form: PostedForm
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    result = parse_form(RoundForm, form)
    if not result.ok or result.data is None:
        return _round_form_page(
            request, principal, meeting, values=result.values, errors=result.errors
        )
    assert principal.user is not None
    agenda_round = service.open_round(db, meeting=meeting, form=result.data, actor=principal.user)
    db.commit()
    return redirect(request, f"/staff/rounds/{agenda_round.id}")


def _round_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    agenda_round: AgendaRound,
    meeting: Meeting,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    round_id = agenda_round.id or 0
    manager = allows(principal, Permission.MEETINGS_MANAGE)
    options = repository.options(db, round_id)
    outcome = service.results(db, agenda_round=agenda_round)
    issued, spent = repository.codes_issued_and_spent(db, round_id)
    proposals = repository.proposals(db, round_id) if manager else []
    errors = errors or {}
    return render(
        request,
        "meetings/staff_round.html",
        {
            "round": agenda_round,
            "meeting": meeting,
            "phase": service.phase(agenda_round),
            "when": on_council_clock,
            "phases": labels.PHASES,
            "methods": labels.METHODS,
            "electorates": labels.ELECTORATES,
            "statuses": labels.PROPOSAL_STATUSES,
            "dots": agenda_round.method is VotingMethod.DOTS,
            "options": options,
            "titles": {option.id: option.title for option in options},
            "themes": repository.active_themes(db) if manager else [],
            # Proposals are young people's own words, unmoderated: officers only.
            "proposals": proposals,
            "from_ideas": {p.option_id for p in proposals if p.option_id is not None},
            "changeable": changes.what_can_change(agenda_round),
            "results": outcome,
            "on_agenda": repository.agenda_items_for_options(db, [o.id or 0 for o in options]),
            "codes_issued": issued,
            "codes_spent": spent,
            "values": values or {},
            "errors": errors,
            "error_list": [{"text": m, "href": f"#{k}"} for k, m in errors.items()],
        },
        status_code=400 if errors else 200,
        principal=principal,
    )


@router.get("/rounds/{round_id}")
def round_page(request: Request, db: DbSession, principal: CanRead, round_id: int) -> Response:
    agenda_round, meeting = _round_or_404(db, round_id)
    return _round_page(request, db, principal, agenda_round, meeting)


def _refused_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    round_id: int,
    values: dict[str, str],
    errors: dict[str, str],
) -> Response:
    db.rollback()
    agenda_round, meeting = _round_or_404(db, round_id)
    return _round_page(request, db, principal, agenda_round, meeting, values=values, errors=errors)


@router.post("/rounds/{round_id}/options")
def add_option(
    request: Request, db: DbSession, principal: CanManage, round_id: int, form: PostedForm
) -> Response:
    agenda_round, _meeting = _round_or_404(db, round_id)
    result = parse_form(OptionForm, form)
    try:
        if not result.ok or result.data is None:
            name, message = next(iter(result.errors.items()))
            raise Refused(message, name)
        service.add_option(db, agenda_round=agenda_round, form=result.data)
    except Refused as refused:
        return _refused_page(
            request, db, principal, round_id, result.values, {refused.field: refused.message}
        )
    db.commit()
    return redirect(request, f"/staff/rounds/{round_id}#options")


@router.post("/rounds/{round_id}/proposals/{proposal_id}")
def decide_proposal(
    request: Request,
    db: DbSession,
    principal: CanManage,
    round_id: int,
    proposal_id: int,
    form: PostedForm,
) -> Response:
    agenda_round, _meeting = _round_or_404(db, round_id)
    proposal = repository.proposal(db, round_id, proposal_id)
    if proposal is None:
        raise HTTPException(status_code=404)
    result = parse_form(ProposalDecisionForm, form)
    # Each proposal has its own form: its fields are named after it on the page.
    typed = {f"{name}-{proposal_id}": value for name, value in result.values.items()}
    try:
        if not result.ok or result.data is None:
            name, message = next(iter(result.errors.items()))
            raise Refused(message, name)
        assert principal.user is not None
        service.decide_proposal(
            db,
            proposal=proposal,
            agenda_round=agenda_round,
            form=result.data,
            actor=principal.user,
        )
    except Refused as refused:
        field = f"{refused.field}-{proposal_id}" if refused.field != "form" else "proposals"
        return _refused_page(request, db, principal, round_id, typed, {field: refused.message})
    db.commit()
    return redirect(request, f"/staff/rounds/{round_id}#proposals")


@router.post("/rounds/{round_id}/codes")
def issue_codes(
    request: Request, db: DbSession, principal: CanManage, round_id: int, form: PostedForm
) -> Response:
    agenda_round, _meeting = _round_or_404(db, round_id)
    values = form_values(form)
    result = parse_form(CountForm, form)
    try:
        if result.data is None:
            raise Refused(next(iter(result.errors.values())), "count")
        codes = ballots.issue_codes(db, agenda_round=agenda_round, count=int(result.data.count))
    except Refused as refused:
        return _refused_page(request, db, principal, round_id, values, {"count": refused.message})
    db.commit()
    principal.session.data[NEW_CODES] = {"round": round_id, "codes": codes}
    return redirect(request, f"/staff/rounds/{round_id}/codes")


@router.get("/rounds/{round_id}/codes")
def code_sheet(request: Request, db: DbSession, principal: CanManage, round_id: int) -> Response:
    """The print sheet. Codes are shown this once: they are stored hashed, and leave the
    session as the page is made."""
    agenda_round, meeting = _round_or_404(db, round_id)
    waiting = principal.session.data.get(NEW_CODES) or {}
    codes: list[str] = waiting.get("codes", []) if waiting.get("round") == round_id else []
    if codes:
        del principal.session.data[NEW_CODES]
    base = get_settings().base_url
    return render(
        request,
        "meetings/staff_codes.html",
        {
            "round": agenda_round,
            "meeting": meeting,
            "vote_url": f"{base}/vote/code",
            "codes": [
                {"code": code, "qr": qr_data_uri(f"{base}/vote/code?c={code}")} for code in codes
            ],
        },
        principal=principal,
    )


@router.post("/rounds/{round_id}/agenda")
def add_to_agenda(
    request: Request, db: DbSession, principal: CanManage, round_id: int, form: PostedForm
) -> Response:
    agenda_round, meeting = _round_or_404(db, round_id)
    values = form_values(form)
    result = parse_form(CountForm, form)
    try:
        if result.data is None:
            raise Refused(next(iter(result.errors.values())), "top")
        assert principal.user is not None
        added = service.add_top_options_to_agenda(
            db,
            agenda_round=agenda_round,
            meeting=meeting,
            count=int(result.data.count),
            actor=principal.user,
        )
    except Refused as refused:
        return _refused_page(request, db, principal, round_id, values, {"top": refused.message})
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting.id}?added={added}#agenda")


@router.get("/rounds/{round_id}/edit")
def edit_round(request: Request, db: DbSession, principal: CanManage, round_id: int) -> Response:
    agenda_round, meeting = _round_or_404(db, round_id)
    return _round_form_page(
        request, principal, meeting, agenda_round, values=round_values(agenda_round)
    )


@router.post("/rounds/{round_id}/edit")
def change_round(
    request: Request, db: DbSession, principal: CanManage, round_id: int, form: PostedForm
) -> Response:
    agenda_round, meeting = _round_or_404(db, round_id)
    result = read_round_change(form)
    try:
        if not result.ok or result.data is None:
            changes.check_not_closed(agenda_round)  # says so, whatever was sent
            return _round_form_page(
                request,
                principal,
                meeting,
                agenda_round,
                values=result.values,
                errors=result.errors,
            )
        assert principal.user is not None
        changes.change_round(db, agenda_round=agenda_round, form=result.data, actor=principal.user)
    except Refused as refused:
        db.rollback()
        agenda_round, meeting = _round_or_404(db, round_id)
        errors = {refused.field: refused.message}
        return _round_form_page(
            request, principal, meeting, agenda_round, values=result.values, errors=errors
        )
    db.commit()
    return redirect(request, f"/staff/rounds/{round_id}")


def _option_or_404(db: DbSession, round_id: int, option_id: int) -> RoundOption:
    found = repository.option(db, round_id, option_id)
    if found is None:
        raise HTTPException(status_code=404)
    return found


@router.post("/rounds/{round_id}/options/{option_id}/move")
def move_option(
    request: Request,
    db: DbSession,
    principal: CanManage,
    round_id: int,
    option_id: int,
    form: PostedForm,
) -> Response:
    agenda_round, _meeting = _round_or_404(db, round_id)
    option = _option_or_404(db, round_id, option_id)
    result = parse_form(MoveForm, form)
    try:
        if result.data is None:
            raise Refused(result.errors["direction"])
        service.move_option(db, agenda_round=agenda_round, option=option, step=result.data.step)
    except Refused as refused:
        return _refused_page(request, db, principal, round_id, {}, {"options": refused.message})
    db.commit()
    return redirect(request, f"/staff/rounds/{round_id}#option-{option_id}")


@router.post("/rounds/{round_id}/options/{option_id}/remove")
def remove_option(
    request: Request, db: DbSession, principal: CanManage, round_id: int, option_id: int
) -> Response:
    agenda_round, _meeting = _round_or_404(db, round_id)
    option = _option_or_404(db, round_id, option_id)
    assert principal.user is not None
    try:
        service.remove_option(db, agenda_round=agenda_round, option=option, actor=principal.user)
    except Refused as refused:
        return _refused_page(request, db, principal, round_id, {}, {"options": refused.message})
    db.commit()
    return redirect(request, f"/staff/rounds/{round_id}#options")
