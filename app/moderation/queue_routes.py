"""The moderation queue: items waiting for a decision, oldest first, and giving them out."""

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from app.authz import Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession
from app.forms import whole_number
from app.i18n import gettext as _
from app.i18n import lazy_gettext
from app.moderation import repository, service
from app.moderation.clock import Clock, clock_for, sent_before_for_wait
from app.people.models import User
from app.timeutil import utcnow
from app.voice import repository as items_repository
from app.voice.models import AgeBand, Item
from app.voice.routes import PostedForm
from app.voice.service import normalise_reference
from app.web import redirect, render, safe_next

router = APIRouter(prefix="/staff/moderation")

CanSeeQueue = Annotated[Principal, Depends(Require(Permission.MODERATION_QUEUE_VIEW))]
CanDecide = Annotated[Principal, Depends(Require(Permission.MODERATION_DECIDE))]
PER_PAGE = 25
QUEUE = "/staff/moderation"

AGE_LABELS = {  # translated when rendered
    AgeBand.UNDER_14: lazy_gettext("11 to 13"),
    AgeBand.FROM_14: lazy_gettext("14 to 15"),
    AgeBand.FROM_16: lazy_gettext("16 to 17"),
    AgeBand.FROM_18: lazy_gettext("18 to 21"),
    AgeBand.FROM_22: lazy_gettext("22 to 25"),
}
CHANNEL_LABELS = {
    "online": lazy_gettext("Online"),
    "event": lazy_gettext("At an event"),
    "paper": lazy_gettext("On paper"),
    "phone": lazy_gettext("By phone"),
}
WAIT_OVER = (1, 3)  # "waiting over N working days" choices; "overdue" uses the promise
FILTER_KEYS = ("theme", "age", "channel", "waiting", "assigned")


@dataclass(frozen=True)
class QueueRow:
    item: Item
    merged: int  # items merged into this one
    clock: Clock
    assignee: str | None

    @property
    def voices(self) -> int:
        return 1 + self.merged


@dataclass(frozen=True)
class Chosen:
    """The filters as asked for, each checked against its allow-list (unknown values: ignored)."""

    theme: str = ""
    age: str = ""
    channel: str = ""
    waiting: str = ""
    assigned: str = ""

    def as_query(self, **extra: object) -> str:
        values = {key: getattr(self, key) for key in FILTER_KEYS}
        values.update({key: str(value) for key, value in extra.items()})
        return urlencode({key: value for key, value in values.items() if value})


def _choose(
    db: DbSession, principal: Principal, params: dict[str, str], channels: list[str]
) -> tuple[Chosen, repository.QueueFilters]:
    settings = get_settings()
    theme = items_repository.theme_by_slug(db, params.get("theme", "")[:60])
    age = params.get("age", "")
    age_band = AgeBand(age) if age in set(AgeBand) else None
    channel = params.get("channel", "")[:20]
    channel_ok = channel in channels
    waiting = params.get("waiting", "")
    days = settings.response_promise_working_days if waiting == "overdue" else None
    if whole_number(waiting) in WAIT_OVER:
        days = int(waiting)
    sent_before = (
        sent_before_for_wait(utcnow().date(), days, settings.non_working_dates)
        if days is not None
        else None
    )
    assigned = params.get("assigned", "")
    chosen = Chosen(
        theme=theme.slug if theme else "",
        age=age_band.value if age_band else "",
        channel=channel if channel_ok else "",
        waiting=waiting if days is not None else "",
        assigned=assigned if assigned in {"me", "nobody"} else "",
    )
    filters = repository.QueueFilters(
        theme_id=theme.id if theme else None,
        age_band=age_band,
        channel=channel if channel_ok else None,
        sent_before=sent_before,
        assigned_to_id=principal.user_id if chosen.assigned == "me" else None,
        unassigned=chosen.assigned == "nobody",
    )
    return chosen, filters


def _queue_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    params: dict[str, str],
    *,
    page: int = 1,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    settings = get_settings()
    channels = repository.channels(db)
    chosen, filters = _choose(db, principal, params, channels)
    found, total = repository.queue_page(db, filters, page=page, per_page=PER_PAGE)
    officers = repository.moderators(db)
    names = {user.id: user.label for user in officers}
    now = utcnow()
    rows = [
        QueueRow(
            item=item,
            merged=merged,
            clock=clock_for(
                item.created_at,
                now,
                promise=settings.response_promise_working_days,
                holidays=settings.non_working_dates,
            ),
            assignee=names.get(item.assigned_to_id) if item.assigned_to_id else None,
        )
        for item, merged in found
    ]
    return render(
        request,
        "moderation/queue.html",
        {
            "rows": rows,
            "total": total,
            "page": page,
            "last_page": max(1, -(-total // PER_PAGE)),
            "chosen": chosen,
            "themes": items_repository.active_themes(db),
            "themes_by_id": items_repository.themes_by_id(db),
            "channels": channels,
            "channel_labels": CHANNEL_LABELS,
            "age_labels": AGE_LABELS,
            "wait_over": WAIT_OVER,
            "promise": settings.response_promise_working_days,
            "officers": officers,
            "notice": params.get("notice", ""),
            "error": error,
            "today": now.date(),
        },
        status_code=status_code,
        block="results",
        principal=principal,
    )


@router.get("")
def queue(
    request: Request,
    db: DbSession,
    principal: CanSeeQueue,
    theme: Annotated[str, Query(max_length=60)] = "",
    age: Annotated[str, Query(max_length=10)] = "",
    channel: Annotated[str, Query(max_length=20)] = "",
    waiting: Annotated[str, Query(max_length=10)] = "",
    assigned: Annotated[str, Query(max_length=10)] = "",
    notice: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    params = {
        "theme": theme,
        "age": age,
        "channel": channel,
        "waiting": waiting,
        "assigned": assigned,
        "notice": notice,
    }
    return _queue_page(request, db, principal, params, page=page)


def back_to_queue(back: str, **extra: object) -> str:
    """The queue with the filters the officer was using (only known keys survive)."""
    kept = {key: value[:60] for key, value in parse_qsl(back[:500]) if key in FILTER_KEYS}
    kept.update({key: str(value) for key, value in extra.items()})
    query = urlencode(kept)
    return f"{QUEUE}?{query}" if query else QUEUE


def _assignee(db: DbSession, principal: Principal, to: str) -> User | None:
    if to == "me":
        return principal.user
    if (user_id := whole_number(to)) is not None:
        for user in repository.moderators(db):
            if user.id == user_id:
                return user
    raise service.ModerationError(_("Choose who to give the items to."), field="to")


@router.post("/assign")
def assign(request: Request, db: DbSession, principal: CanDecide, form: PostedForm) -> Response:
    """ "Assign to me" on one row, or the selected rows to a named officer (or to nobody)."""
    back = str(form.get("back", ""))
    params = dict(parse_qsl(back[:500]))
    mine = str(form.get("me", ""))
    references = [mine] if mine else [str(value) for value in form.getlist("items")]
    selected = repository.items_by_references(
        db, [normalise_reference(reference) for reference in references[:200]]
    )
    if not selected:
        message = _("Select at least one item.")
        return _queue_page(request, db, principal, params, error=message, status_code=400)
    assert principal.user is not None
    to = "me" if mine else str(form.get("to", ""))
    try:
        owner = None if to == "nobody" else _assignee(db, principal, to)
        service.assign(db, items=selected, to=owner, actor=principal.user)
    except service.ModerationError as error:
        db.rollback()
        return _queue_page(request, db, principal, params, error=str(error), status_code=400)
    db.commit()
    next_page = safe_next(str(form.get("next", ""))[:80], default="")
    if next_page.startswith("/staff/moderation/items/"):
        return redirect(request, next_page)
    return redirect(request, back_to_queue(back, notice="assigned"))


def _merge_page(
    request: Request,
    principal: Principal,
    selected: list[Item],
    *,
    back: str,
    main: str = "",
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "moderation/merge.html",
        {
            "selected": selected,
            "back": back,
            "back_url": back_to_queue(back),
            "main": main,
            "errors": {"main": error} if error else {},
            "error_list": [{"text": error, "href": "#main"}] if error else [],
        },
        status_code=status_code,
        principal=principal,
    )


@router.post("/merge")
def merge(request: Request, db: DbSession, principal: CanDecide, form: PostedForm) -> Response:
    """First asks which item is the main one, then merges the others into it."""
    back = str(form.get("back", ""))[:500]
    references = [normalise_reference(str(value)) for value in form.getlist("items")[:50]]
    selected = list(repository.items_by_references(db, references))
    if len(selected) < 2:
        message = _("Select 2 or more items that say the same thing.")
        return _merge_page(request, principal, selected, back=back, error=message, status_code=400)
    chosen = normalise_reference(str(form.get("main", ""))) if form.get("main") else ""
    main = next((item for item in selected if item.reference == chosen), None)
    if main is None:
        error = _("Choose the main item.") if form.get("confirm") else None
        return _merge_page(
            request, principal, selected, back=back, error=error, status_code=400 if error else 200
        )
    assert principal.user is not None
    try:
        service.merge(db, main=main, others=selected, actor=principal.user)
    except service.ModerationError as error:
        db.rollback()
        return _merge_page(
            request, principal, selected, back=back, main=chosen, error=str(error), status_code=400
        )
    except service.DecidedMeanwhile:
        db.rollback()
        message = _("Someone else changed one of these items just now. Nothing was merged.")
        return _merge_page(
            request, principal, selected, back=back, main=chosen, error=message, status_code=409
        )
    db.commit()
    return redirect(request, back_to_queue(back, notice="merged"))
