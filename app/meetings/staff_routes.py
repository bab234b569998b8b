"""Staff pages for board meetings: the list, a meeting with its agenda, and recording outcomes.

Officers manage; councillors and board chairs read. Nothing here names a voter.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import FormResult, parse_form
from app.meetings import labels, repository, service
from app.meetings.forms import AgendaItemForm, MeetingForm, OutcomeForm
from app.meetings.models import AgendaItem, Meeting
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter(prefix="/staff/meetings")

CanRead = Annotated[Principal, Depends(Require(Permission.MEETINGS_READ))]
CanManage = Annotated[Principal, Depends(Require(Permission.MEETINGS_MANAGE))]


def meeting_or_404(db: DbSession, meeting_id: int) -> Meeting:
    found = repository.meeting(db, meeting_id)
    if found is None:
        raise HTTPException(status_code=404)
    return found


def _form_context(result: FormResult[Any] | None) -> dict[str, Any]:
    return {
        "values": result.values if result else {},
        "errors": result.errors if result else {},
        "error_list": result.error_list() if result else [],
    }


@router.get("")
def meetings(request: Request, db: DbSession, principal: CanRead) -> Response:
    return render(
        request,
        "meetings/staff_meetings.html",
        {"meetings": repository.meetings(db), "kinds": labels.MEETING_KINDS},
        principal=principal,
    )


def _new_meeting_page(
    request: Request, principal: Principal, result: FormResult[MeetingForm] | None = None
) -> Response:
    return render(
        request,
        "meetings/staff_meeting_new.html",
        {"kinds": labels.MEETING_KINDS, **_form_context(result)},
        status_code=400 if result else 200,
        principal=principal,
    )


@router.get("/new")
def new_meeting(request: Request, principal: CanManage) -> Response:
    return _new_meeting_page(request, principal)


@router.post("/new")
def create_meeting(
    request: Request, db: DbSession, principal: CanManage, form: PostedForm
) -> Response:
    result = parse_form(MeetingForm, form)
    if not result.ok or result.data is None:
        return _new_meeting_page(request, principal, result)
    assert principal.user is not None
    meeting = service.create_meeting(db, form=result.data, actor=principal.user)
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting.id}")


def _meeting_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    meeting: Meeting,
    result: FormResult[AgendaItemForm] | None = None,
) -> Response:
    rounds = repository.rounds_of(db, meeting.id or 0)
    return render(
        request,
        "meetings/staff_meeting.html",
        {
            "meeting": meeting,
            "kinds": labels.MEETING_KINDS,
            "agenda": repository.agenda(db, meeting.id or 0),
            "rounds": [(r, service.phase(r), repository.turnout(db, r.id or 0)) for r in rounds],
            "phases": labels.PHASES,
            **_form_context(result),
        },
        status_code=400 if result else 200,
        principal=principal,
    )


@router.get("/{meeting_id}")
def meeting_page(request: Request, db: DbSession, principal: CanRead, meeting_id: int) -> Response:
    return _meeting_page(request, db, principal, meeting_or_404(db, meeting_id))


@router.post("/{meeting_id}/agenda")
def add_agenda_item(
    request: Request, db: DbSession, principal: CanManage, meeting_id: int, form: PostedForm
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    result = parse_form(AgendaItemForm, form)
    if not result.ok or result.data is None:
        return _meeting_page(request, db, principal, meeting, result)
    service.add_agenda_item(db, meeting=meeting, form=result.data)
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting_id}#agenda")


def _item_or_404(db: DbSession, meeting_id: int, item_id: int) -> AgendaItem:
    found = repository.agenda_item(db, meeting_id, item_id)
    if found is None:
        raise HTTPException(status_code=404)
    return found


def _outcome_page(
    request: Request,
    principal: Principal,
    meeting: Meeting,
    item: AgendaItem,
    result: FormResult[OutcomeForm] | None = None,
) -> Response:
    context = _form_context(result)
    if result is None:
        context["values"] = {"discussed": item.discussed, "decided": item.decided}
    return render(
        request,
        "meetings/staff_outcome.html",
        {"meeting": meeting, "item": item, **context},
        status_code=400 if result else 200,
        principal=principal,
    )


@router.get("/{meeting_id}/agenda/{item_id}")
def outcome_form(
    request: Request, db: DbSession, principal: CanManage, meeting_id: int, item_id: int
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    return _outcome_page(request, principal, meeting, _item_or_404(db, meeting_id, item_id))


@router.post("/{meeting_id}/agenda/{item_id}")
def record_outcome(
    request: Request,
    db: DbSession,
    principal: CanManage,
    meeting_id: int,
    item_id: int,
    form: PostedForm,
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    item = _item_or_404(db, meeting_id, item_id)
    result = parse_form(OutcomeForm, form)
    if not result.ok or result.data is None:
        return _outcome_page(request, principal, meeting, item, result)
    assert principal.user is not None
    service.record_outcome(db, item=item, form=result.data, actor=principal.user)
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting_id}#agenda")
