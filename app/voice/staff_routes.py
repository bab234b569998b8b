"""Participation officers' pages: the inbox, an item, its status and the written response."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.audit.service import record
from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.drafts import take_draft
from app.forms import clean_text, parse_form, whole_number
from app.i18n import gettext as _
from app.i18n import lazy_gettext
from app.languages.registry import translated
from app.languages.repository import english_summary
from app.moderation.labels import SHARING_LABELS
from app.moderation.repository import merged_into
from app.people.models import User
from app.safeguarding.repository import case_of_item
from app.voice import repository, service, timeline
from app.voice.models import EventKind, Item, ItemStatus, TimelineEvent
from app.voice.readability import TARGET_READING_AGE, reading_age
from app.voice.routes import PostedForm
from app.web import is_htmx, redirect, render

router = APIRouter(prefix="/staff")

CanRead = Annotated[Principal, Depends(Require(Permission.STAFF_ITEM_READ))]
CanRespond = Annotated[Principal, Depends(Require(Permission.STAFF_ITEM_RESPOND))]
PER_PAGE = 25

STATUS_LABELS = {  # translated when rendered
    ItemStatus.NEW: lazy_gettext("New"),
    ItemStatus.BEING_READ: lazy_gettext("Being read"),
    ItemStatus.RESPONDED: lazy_gettext("Responded"),
    ItemStatus.CLOSED: lazy_gettext("Closed"),
}


@router.get("/inbox")
def inbox(
    request: Request,
    db: DbSession,
    principal: CanRead,
    theme: Annotated[str, Query(max_length=60)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    theme = clean_text(theme)  # a NUL in the address would be an error on PostgreSQL
    chosen_theme = repository.theme_by_slug(db, theme) if theme else None
    chosen_status = ItemStatus(status) if status in set(ItemStatus) else None
    items, total = repository.inbox_page(
        db,
        theme_id=chosen_theme.id if chosen_theme else None,
        status=chosen_status,
        page=page,
        per_page=PER_PAGE,
    )
    last_page = max(1, -(-total // PER_PAGE))
    return render(
        request,
        "staff/inbox.html",
        {
            "items": items,
            "total": total,
            "page": page,
            "last_page": last_page,
            "themes": repository.active_themes(db),
            "themes_by_id": repository.themes_by_id(db),
            "theme": chosen_theme.slug if chosen_theme else "",
            "status": chosen_status.value if chosen_status else "",
            "status_labels": STATUS_LABELS,
        },
        block="results",
        principal=principal,
    )


def staff_item_or_404(db: DbSession, reference: str) -> Item:
    item = repository.item_by_reference(db, service.normalise_reference(reference))
    if item is None:
        raise HTTPException(status_code=404)
    return item


def open_original(db: DbSession, principal: Principal, reference: str) -> Item:
    """For staff pages that show an item's original words: every such view is audited."""
    item = staff_item_or_404(db, reference)
    record(
        db,
        actor=principal.user,
        action="item.view_original",
        object_type="item",
        object_id=item.id or 0,
    )
    return item


def _author_label(db: DbSession, item: Item) -> str:
    if item.author_id is None:
        return _("No account (anonymous)")
    if not item.staff_may_see_identity:
        return _("Has an account; chose not to share who they are")
    author = db.get(User, item.author_id)
    return author.label if author else _("Unknown")


def _responded_count(request: Request) -> int:
    """How many young people the response just published reached (0: none was published)."""
    sent = request.query_params.get("responded", "")
    return whole_number(sent, digits=5) or 0


def _item_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    item: Item,
    *,
    status_error: str | None = None,
) -> Response:
    return render(
        request,
        "staff/item.html",
        {
            "item": item,
            "theme": repository.themes_by_id(db).get(item.theme_id or 0),
            "author": _author_label(db, item),
            "entries": timeline.for_author(repository.timeline(db, item.id or 0)),
            "status_labels": STATUS_LABELS,
            "status_error": status_error,
            "responded": _responded_count(request),
            "case": case_of_item(db, principal, item.id or 0),
            "sharing_labels": SHARING_LABELS,
            "item_language": translated(item.language or ""),
            "english_summary": english_summary(db, item.id or 0),
        },
        status_code=400 if status_error else 200,
        block="status",
        principal=principal,
    )


@router.get("/items/{reference}")
def item_page(request: Request, db: DbSession, principal: CanRead, reference: str) -> Response:
    return _item_page(request, db, principal, open_original(db, principal, reference))


@router.post("/items/{reference}/status")
def change_status(
    request: Request, db: DbSession, principal: CanRespond, reference: str, form: PostedForm
) -> Response:
    item = staff_item_or_404(db, reference)
    chosen = str(form.get("status", ""))
    if chosen not in set(ItemStatus):
        return _item_page(request, db, principal, item, status_error=_("Choose a status."))
    assert principal.user is not None
    service.change_status(db, item=item, status=ItemStatus(chosen), actor=principal.user)
    db.commit()
    if is_htmx(request):
        return _item_page(request, db, principal, item)
    return redirect(request, f"/staff/items/{item.reference}")


def _respond_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    item: Item,
    values: dict[str, str],
    *,
    errors: dict[str, str] | None = None,
    error_list: list[dict[str, str]] | None = None,
    preview: str | None = None,
    preview_required: bool = False,
) -> Response:
    """The editor: the young person's words, the response, and (once asked) the exact preview
    with its reading age."""
    group = merged_into(db, item.id or 0) if item.merged_into_id is None else []
    entry = None
    if preview is not None:
        entry = timeline.describe(
            TimelineEvent(item_id=item.id or 0, kind=EventKind.RESPONSE_ADDED, body=preview)
        )
    return render(
        request,
        "staff/respond.html",
        {
            "item": item,
            "values": values,
            "errors": errors or {},
            "error_list": error_list or [],
            "group_size": 1 + len(group),
            "preview": preview,
            "preview_token": service.response_preview_token(preview) if preview else "",
            "preview_required": preview_required,
            "entries": [entry] if entry else [],
            "check": reading_age(preview) if preview else None,
            "target_age": TARGET_READING_AGE,
        },
        status_code=400 if errors else 200,
        principal=principal,
    )


@router.get("/items/{reference}/respond")
def respond_form(
    request: Request, db: DbSession, principal: CanRespond, reference: str
) -> Response:
    item = staff_item_or_404(db, reference)
    page = f"/staff/items/{item.reference}/respond"
    values = take_draft(principal.session, page) or {}
    return _respond_page(request, db, principal, item, values)


@router.post("/items/{reference}/respond")
def respond_submit(
    request: Request, db: DbSession, principal: CanRespond, reference: str, form: PostedForm
) -> Response:
    item = staff_item_or_404(db, reference)
    result = parse_form(service.ResponseForm, form)
    if not result.ok or result.data is None:
        return _respond_page(
            request,
            db,
            principal,
            item,
            result.values,
            errors=result.errors,
            error_list=result.error_list(),
        )
    sent = result.data
    if sent.action == "preview":
        return _respond_page(request, db, principal, item, result.values, preview=sent.response)
    group = merged_into(db, item.id or 0) if item.merged_into_id is None else []
    items = [item, *group] if sent.send_to == "group" else [item]
    assert principal.user is not None
    try:
        service.publish_group_response(
            db,
            items=items,
            text=sent.response,
            actor=principal.user,
            previewed=sent.previewed,
            on_public_page=sent.on_public_page == "yes",
        )
    except service.NeedsResponsePreview:
        return _respond_page(
            request,
            db,
            principal,
            item,
            result.values,
            preview=sent.response,
            preview_required=True,
        )
    db.commit()
    return redirect(request, f"/staff/items/{item.reference}?responded={len(items)}")
