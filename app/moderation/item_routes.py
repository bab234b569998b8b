"""One item's moderation page: the original words, the decision and its reason."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.actions.items import item_panel
from app.authz import Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession
from app.events import repository as events_repository
from app.forms import whole_number
from app.i18n import gettext
from app.moderation import redaction, repository, service
from app.moderation.clock import clock_for
from app.moderation.forms import (
    DECISIONS,
    DecisionRequest,
    read_decision,
    read_tags,
    reason_field,
)
from app.moderation.labels import DECISION_LABELS, REDACTION_LABELS, SHARING_LABELS
from app.moderation.models import Sharing
from app.moderation.queue_routes import AGE_LABELS, CHANNEL_LABELS
from app.themes import repository as themes_repository
from app.timeutil import utcnow
from app.voice import repository as items_repository
from app.voice.models import Item
from app.voice.routes import PostedForm
from app.voice.staff_routes import open_original, staff_item_or_404
from app.web import redirect, render

router = APIRouter(prefix="/staff/moderation/items")

CanDecide = Annotated[Principal, Depends(Require(Permission.MODERATION_DECIDE))]


def _current_tags(db: DbSession, item: Item) -> dict[str, object]:
    item_id = item.id or 0
    themes = [str(t) for t in repository.item_themes(db, item_id)]
    if not themes and item.theme_id is not None:
        themes = [str(item.theme_id)]
    topics = ", ".join(themes_repository.topic_labels_of(db, [item_id]).get(item_id, []))
    return {"themes": themes, "topics": topics}


def _form_values(db: DbSession, item: Item, sent: DecisionRequest | None) -> dict[str, object]:
    """What the form shows: what was just typed, else the current decision."""
    if sent is not None:
        return {**sent.values, "themes": sent.themes, "redact": sent.redact}
    return {**_current_tags(db, item), "redact": [], "version": str(item.moderation_version)}


def _count(value: str) -> int:
    return whole_number(value, digits=3) or 0


def item_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    item: Item,
    *,
    sent: DecisionRequest | None = None,
    tags: DecisionRequest | None = None,
    conflict: repository.DecisionRecord | None = None,
    changed_meanwhile: bool = False,
    preview: str | None = None,
    preview_required: bool = False,
    status_code: int = 200,
) -> Response:
    settings = get_settings()
    item_id = item.id or 0
    main = db.get(Item, item.merged_into_id) if item.merged_into_id else None
    errors = {**(sent.errors if sent else {}), **(tags.errors if tags else {})}
    suggestions = redaction.suggest(item.body)
    # Suggestions start ticked: taking out too much is the safer mistake.
    checked = set(sent.redact) if sent else {span.key for span in suggestions}
    return render(
        request,
        "moderation/item.html",
        {
            "item": item,
            "theme": items_repository.themes_by_id(db).get(item.theme_id or 0),
            "themes": items_repository.active_themes(db),
            "clock": clock_for(
                item.created_at,
                item.first_action_at or utcnow(),
                promise=settings.response_promise_working_days,
                holidays=settings.non_working_dates,
            ),
            "decisions": repository.decisions(db, item_id),
            "reasons": repository.active_reasons(db),
            "decision_choices": DECISIONS,
            "decision_labels": DECISION_LABELS,
            "sharing_labels": SHARING_LABELS,
            "age_labels": AGE_LABELS,
            "channel_labels": CHANNEL_LABELS,
            "shared": repository.shared_version(db, item_id),
            "officers": repository.moderators(db),
            "main": main,
            "merged": repository.merged_into(db, item_id),
            "values": _form_values(db, item, sent),
            "tag_values": {**tags.values, "themes": tags.themes}
            if tags
            else _current_tags(db, item),
            "popular_topics": themes_repository.popular_topics(db),
            "event_name": events_repository.names_of(db, [item.event_id]).get(item.event_id or 0)
            if item.event_id
            else None,
            "errors": errors,
            "error_list": [
                {"text": message, "href": f"#{'sharing-state' if name == 'form' else name}"}
                for name, message in errors.items()
            ],
            "conflict": conflict,
            "changed_meanwhile": changed_meanwhile,
            "decided": request.query_params.get("decided") == "1",
            "tagged": request.query_params.get("tagged") == "1",
            "returned": _count(request.query_params.get("returned", "")),
            "reason_field": reason_field,
            "suggestions": suggestions,
            "redact_checked": checked,
            "redaction_labels": REDACTION_LABELS,
            "preview": preview,
            "preview_token": service.preview_token(preview) if preview is not None else "",
            "preview_required": preview_required,
            **item_panel(db, item, request.query_params.get("action_link", "")[:10]),
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/{reference}")
def moderate(request: Request, db: DbSession, principal: CanDecide, reference: str) -> Response:
    return item_page(request, db, principal, open_original(db, principal, reference))


@router.post("/{reference}/decision")
def decide(
    request: Request, db: DbSession, principal: CanDecide, reference: str, form: PostedForm
) -> Response:
    item = staff_item_or_404(db, reference)
    sent = read_decision(form)
    if sent.version is None:
        sent.values["version"] = str(item.moderation_version)
        sent.errors["form"] = gettext(
            "Something went wrong with the page. Your choices are below: check them and save again."
        )
        return item_page(request, db, principal, item, sent=sent, status_code=400)
    if sent.version != item.moderation_version:
        return _decided_meanwhile(request, db, principal, item, sent)
    if sent.errors or sent.decision is None:
        return item_page(request, db, principal, item, sent=sent, status_code=400)
    assert principal.user is not None
    planned: list[service.PlannedRedaction] = []
    try:
        if sent.decision is Sharing.SHARED:
            service.check_can_decide(item)
            service.check_share(db, item=item, theme_ids=sent.theme_ids)
            planned = service.plan_redactions(
                body=item.body,
                chosen=sent.redact,
                typed=sent.remove_text,
                typed_kind=sent.remove_kind,
                why=sent.remove_why,
            )
            if sent.action == "preview":
                text = service.shared_text_for(item.body, planned)
                return item_page(request, db, principal, item, sent=sent, preview=text)
        decided = service.decide(
            db,
            item=item,
            decision=sent.decision,
            reason_id=sent.reason_id,
            note=sent.note,
            expected_version=sent.version,
            actor=principal.user,
            theme_ids=sent.theme_ids,
            topics=sent.topics,
            redactions=planned,
            previewed=sent.previewed,
        )
    except service.NeedsPreview as needed:
        db.rollback()
        return item_page(
            request, db, principal, item, sent=sent, preview=needed.text, preview_required=True
        )
    except service.ModerationError as error:
        db.rollback()
        sent.errors[error.field] = str(error)
        return item_page(request, db, principal, item, sent=sent, status_code=400)
    except service.DecidedMeanwhile:
        db.rollback()
        return _decided_meanwhile(request, db, principal, item, sent)
    db.commit()
    returned = f"&returned={decided.returned_to_queue}" if decided.returned_to_queue else ""
    return redirect(request, f"/staff/moderation/items/{item.reference}?decided=1{returned}")


def _decided_meanwhile(
    request: Request,
    db: DbSession,
    principal: Principal,
    item: Item,
    sent: DecisionRequest,
) -> Response:
    """Show what the other officer decided, keep what this one typed, and take nothing."""
    db.refresh(item)
    sent.errors.clear()
    sent.values["version"] = str(item.moderation_version)  # saving again is now deliberate
    latest = repository.latest_decision(db, item.id or 0)
    return item_page(
        request,
        db,
        principal,
        item,
        sent=sent,
        conflict=latest,
        changed_meanwhile=True,
        status_code=409,
    )


@router.post("/{reference}/tags")
def retag(
    request: Request, db: DbSession, principal: CanDecide, reference: str, form: PostedForm
) -> Response:
    """Themes and free topics of an item that is already shared."""
    item = staff_item_or_404(db, reference)
    tags = read_tags(form)
    assert principal.user is not None
    if not tags.errors:
        try:
            service.retag(
                db,
                item=item,
                theme_ids=tags.theme_ids,
                topics=tags.topics,
                actor=principal.user,
            )
        except service.ModerationError as error:
            db.rollback()
            tags.errors[f"tag_{error.field}"] = str(error)
    if tags.errors:
        return item_page(request, db, principal, item, tags=tags, status_code=400)
    db.commit()
    return redirect(request, f"/staff/moderation/items/{item.reference}?tagged=1")


@router.post("/{reference}/unmerge")
def unmerge(request: Request, db: DbSession, principal: CanDecide, reference: str) -> Response:
    """Takes a merged item out of its group and back to the queue."""
    item = staff_item_or_404(db, reference)
    main = db.get(Item, item.merged_into_id) if item.merged_into_id else None
    assert principal.user is not None
    try:
        service.unmerge(db, item=item, actor=principal.user)
    except (service.ModerationError, service.DecidedMeanwhile):
        db.rollback()  # already out of the group: nothing to do
    else:
        db.commit()
    target = main.reference if main else item.reference
    return redirect(request, f"/staff/moderation/items/{target}")
