"""Staff pages for board meetings: the list, a meeting with its agenda, and recording outcomes.

Officers manage; councillors and board chairs read. Nothing here names a voter.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.actions import agenda as action_agenda
from app.actions import service as actions_service
from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import FormResult, Refused, parse_form, ticked_numbers
from app.meetings import changes, labels, repository, service
from app.meetings.forms import AgendaItemForm, MeetingForm, MoveForm, OutcomeForm, meeting_values
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


def meeting_form_page(
    request: Request,
    principal: Principal,
    meeting: Meeting | None = None,
    result: FormResult[MeetingForm] | None = None,
) -> Response:
    """Adding a meeting, or changing one (`meeting`, its details filled in until sent)."""
    context = _form_context(result)
    if result is None and meeting is not None:
        context["values"] = meeting_values(meeting)
    return render(
        request,
        "meetings/staff_meeting_form.html",
        {"kinds": labels.MEETING_KINDS, "meeting": meeting, **context},
        status_code=400 if result else 200,
        principal=principal,
    )


@router.get("/new")
def new_meeting(request: Request, principal: CanManage) -> Response:
    return meeting_form_page(request, principal)


@router.post("/new")
def create_meeting(
    request: Request, db: DbSession, principal: CanManage, form: PostedForm
) -> Response:
    result = parse_form(MeetingForm, form)
    if not result.ok or result.data is None:
        return meeting_form_page(request, principal, result=result)
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
    turnouts = repository.turnouts(db, [r.id or 0 for r in rounds])
    return render(
        request,
        "meetings/staff_meeting.html",
        {
            "meeting": meeting,
            "kinds": labels.MEETING_KINDS,
            "agenda": repository.agenda(db, meeting.id or 0),
            "may_remove": changes.may_remove,
            "rounds": [(r, service.phase(r), turnouts.get(r.id or 0, 0)) for r in rounds],
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
    *,
    action_choices: dict[str, Any] | None = None,
) -> Response:
    context = _form_context(result)
    if result is None:
        context["values"] = {"discussed": item.discussed, "decided": item.decided}
    return render(
        request,
        "meetings/staff_outcome.html",
        {"meeting": meeting, "item": item, **context, **(action_choices or {})},
        status_code=400 if result else 200,
        principal=principal,
    )


@router.get("/{meeting_id}/agenda/{item_id}")
def outcome_form(
    request: Request, db: DbSession, principal: CanManage, meeting_id: int, item_id: int
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    item = _item_or_404(db, meeting_id, item_id)
    choices = action_agenda.outcome_choices(db, item.id or 0, None)
    return _outcome_page(request, principal, meeting, item, action_choices=choices)


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
        choices = action_agenda.outcome_choices(db, item.id or 0, form)
        return _outcome_page(request, principal, meeting, item, result, action_choices=choices)
    assert principal.user is not None
    service.record_outcome(db, item=item, form=result.data, actor=principal.user)
    actions_service.link_agenda_item(
        db, agenda_item_id=item.id or 0, action_ids=ticked_numbers(form, "actions")
    )
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting_id}#agenda")


@router.get("/{meeting_id}/edit")
def edit_meeting(
    request: Request, db: DbSession, principal: CanManage, meeting_id: int
) -> Response:
    return meeting_form_page(request, principal, meeting_or_404(db, meeting_id))


@router.post("/{meeting_id}/edit")
def change_meeting(
    request: Request, db: DbSession, principal: CanManage, meeting_id: int, form: PostedForm
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    result = parse_form(MeetingForm, form)
    if not result.ok or result.data is None:
        return meeting_form_page(request, principal, meeting, result)
    assert principal.user is not None
    changes.change_meeting(db, meeting=meeting, form=result.data, actor=principal.user)
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting_id}")


def _agenda_refused(
    request: Request, db: DbSession, principal: Principal, meeting_id: int, refused: Refused
) -> Response:
    """The meeting page again, the reason beside the agenda."""
    db.rollback()
    result: FormResult[AgendaItemForm] = FormResult(values={}, errors={"agenda": refused.message})
    return _meeting_page(request, db, principal, meeting_or_404(db, meeting_id), result)


@router.post("/{meeting_id}/agenda/{item_id}/move")
def move_agenda_item(
    request: Request,
    db: DbSession,
    principal: CanManage,
    meeting_id: int,
    item_id: int,
    form: PostedForm,
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    item = _item_or_404(db, meeting_id, item_id)
    result = parse_form(MoveForm, form)
    if result.data is None:
        return _agenda_refused(
            request, db, principal, meeting_id, Refused(result.errors["direction"])
        )
    changes.move_agenda_item(db, meeting=meeting, item=item, step=result.data.step)
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting_id}#item-{item_id}")


@router.post("/{meeting_id}/agenda/{item_id}/remove")
def remove_agenda_item(
    request: Request, db: DbSession, principal: CanManage, meeting_id: int, item_id: int
) -> Response:
    meeting = meeting_or_404(db, meeting_id)
    item = _item_or_404(db, meeting_id, item_id)
    assert principal.user is not None
    try:
        changes.remove_agenda_item(db, meeting=meeting, item=item, actor=principal.user)
    except Refused as refused:
        return _agenda_refused(request, db, principal, meeting_id, refused)
    db.commit()
    return redirect(request, f"/staff/meetings/{meeting_id}#agenda")
