"""Moderation: assigning, deciding, sharing a redacted version, merging. Services flush; the
request commits."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CursorResult, delete, update
from sqlmodel import Session, col

from app.audit.service import record
from app.forms import Refused
from app.i18n import gettext as _
from app.moderation import redaction, repository
from app.moderation.forms import DECISIONS
from app.moderation.models import (
    DecisionReason,
    ItemTheme,
    ModerationDecision,
    Redaction,
    RedactionKind,
    SharedVersion,
    Sharing,
)
from app.people.models import User
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from app.themes.models import ItemTopic
from app.themes.service import tag_topics
from app.timeutil import utcnow
from app.voice import repository as items_repository
from app.voice.models import EventKind, Item
from app.voice.news import add_to_timelines


class ModerationError(Refused):
    """A refused moderation step; the message is for staff and says what to do."""


def assign(db: Session, *, items: Sequence[Item], to: User | None, actor: User) -> int:
    """Gives items to an officer (or to nobody); returns how many changed hands."""
    if to is not None and to.id not in {user.id for user in repository.moderators(db)}:
        raise ModerationError(_("Choose an officer from the list."), field="to")
    changed = 0
    for item in items:
        new_owner = to.id if to else None
        if item.assigned_to_id == new_owner:
            continue
        item.assigned_to_id = new_owner
        item.updated_at = utcnow()
        db.add(item)
        record(db, actor=actor, action="item.assign", object_type="item", object_id=item.id or 0)
        changed += 1
    db.flush()
    return changed


class NeedsPreview(Exception):
    """The shared version must be seen, exactly as it will be shared, before it is saved."""

    def __init__(self, text: str) -> None:
        super().__init__("needs preview")
        self.text = text


@dataclass(frozen=True)
class PlannedRedaction:
    span: redaction.Span
    why: str


SUGGESTED = "suggested"
ADDED_BY_OFFICER = "added by officer"


def plan_redactions(
    *,
    body: str,
    chosen: Sequence[str],
    typed: str,
    typed_kind: RedactionKind = RedactionKind.OTHER,
    why: str = "",
) -> list[PlannedRedaction]:
    """The spans an officer chose: ticked suggestions (checked against fresh ones, so a form
    cannot name arbitrary offsets) and each line typed into "other text to remove"."""
    suggestions = {span.key: span for span in redaction.suggest(body)}
    planned = [
        PlannedRedaction(suggestions[key], SUGGESTED) for key in chosen if key in suggestions
    ]
    for line in typed.splitlines():
        wanted = line.strip()
        if not wanted:
            continue
        found = redaction.find_exact(body, wanted, typed_kind)
        if not found:
            raise ModerationError(
                _("“%(text)s” is not in what they said. Copy it exactly.") % {"text": wanted[:80]},
                field="remove_text",
            )
        planned.extend(PlannedRedaction(span, why or ADDED_BY_OFFICER) for span in found)
    try:
        redaction.apply(body, [plan.span for plan in planned])
    except redaction.OverlappingSpans as twice:
        raise ModerationError(
            _(
                "“%(text)s” is chosen to be removed twice. Untick it, or take it out of "
                "the box. Nothing else has changed."
            )
            % {"text": twice.second.text[:80]},
            field="remove_text",
        ) from None
    return planned


def shared_text_for(body: str, planned: Sequence[PlannedRedaction]) -> str:
    return redaction.apply(body, [plan.span for plan in planned])


def preview_token(text: str) -> str:
    """Proof that the officer saw this exact shared text (carried in the form)."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Decided:
    decision: ModerationDecision
    returned_to_queue: int  # merged items that could not follow the decision


class DecidedMeanwhile(Exception):
    """Someone else decided after this officer's form was drawn; nothing was overwritten."""

    def __init__(self, latest: repository.DecisionRecord | None) -> None:
        super().__init__("decided meanwhile")
        self.latest = latest


def _claim(db: Session, item: Item, expected_version: int) -> None:
    """The optimistic lock: bump the version only if nobody else has since.

    One guarded UPDATE, so two officers deciding at the same moment cannot both win: on
    PostgreSQL the second waits for the first's row lock, then finds the version moved.
    """
    result: CursorResult[Any] = db.execute(  # type: ignore[assignment]
        update(Item)
        .where(col(Item.id) == item.id, col(Item.moderation_version) == expected_version)
        .values(moderation_version=expected_version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise DecidedMeanwhile(repository.latest_decision(db, item.id or 0))
    item.moderation_version = expected_version + 1


def check_can_decide(item: Item) -> None:
    if item.sharing is Sharing.SAFEGUARDING:
        raise ModerationError(
            _("This item is held: a safeguarding case is open. Nothing from it can be shared.")
        )
    if item.merged_into_id is not None:
        raise ModerationError(
            _("This item is merged into another. Decide on the main item instead.")
        )


def _check_reason(db: Session, decision: Sharing, reason_id: int | None) -> DecisionReason:
    found = repository.reason(db, reason_id) if reason_id is not None else None
    if found is None or found.decision is not decision or not found.is_active:
        raise ModerationError(
            _("Choose a reason. The young person will read it."),
            field=f"reason_{decision.value}",
        )
    return found


def check_share(db: Session, *, item: Item, theme_ids: Sequence[int]) -> list[int]:
    """Sharing needs the young person's agreement and at least one theme."""
    if not item.may_share:
        raise ModerationError(
            _("The young person did not agree to sharing. Choose another decision."),
            field="decision",
        )
    active = {theme.id for theme in items_repository.active_themes(db)}
    chosen = [theme_id for theme_id in theme_ids if theme_id in active]
    if not chosen:
        raise ModerationError(_("Choose at least one theme to share it under."), field="themes")
    return chosen


def decide(
    db: Session,
    *,
    item: Item,
    decision: Sharing,
    reason_id: int | None,
    note: str,
    expected_version: int | None,
    actor: User,
    theme_ids: Sequence[int] = (),
    topics: Sequence[str] = (),
    redactions: Sequence[PlannedRedaction] = (),
    previewed: str = "",
) -> Decided:
    """Records what happens to an item and tells its author why, in the reason's words.

    Sharing stores the redacted version, its themes and free topics; any other decision
    withdraws them.
    Safeguarding opens a case (the lead is alerted in the same transaction).
    """
    check_can_decide(item)
    if decision not in DECISIONS:
        raise ModerationError(_("Choose what happens to this item."), field="decision")
    if expected_version != item.moderation_version:
        raise DecidedMeanwhile(repository.latest_decision(db, item.id or 0))
    reason = _check_reason(db, decision, reason_id)
    themes: list[int] = []
    shared_text = ""
    if decision is Sharing.SHARED:
        themes = check_share(db, item=item, theme_ids=theme_ids)
        shared_text = shared_text_for(item.body, redactions)
        if previewed != preview_token(shared_text):
            raise NeedsPreview(shared_text)
    _claim(db, item, item.moderation_version)
    now = utcnow()
    item_id = item.id or 0
    made = ModerationDecision(
        item_id=item_id,
        decision=decision,
        reason_id=reason.id or 0,
        note=note,
        decided_by_id=actor.id or 0,
        decided_at=now,
    )
    db.add(made)
    _withdraw_shared(db, item_id)
    if decision is Sharing.SHARED:
        db.add(
            SharedVersion(
                item_id=item_id, text=shared_text, approved_by_id=actor.id or 0, approved_at=now
            )
        )
        db.add_all(ItemTheme(item_id=item_id, theme_id=theme_id) for theme_id in themes)
        tag_topics(db, item_id=item_id, labels=topics)
        db.add_all(
            Redaction(
                item_id=item_id,
                start=plan.span.start,
                end=plan.span.end,
                kind=plan.span.kind,
                reason=plan.why[:300],
                redacted_by_id=actor.id or 0,
                redacted_at=now,
            )
            for plan in redactions
        )
    item.first_action_at = item.first_action_at or now
    item.updated_at = now
    item.sharing = decision
    db.add(item)
    db.flush()
    if decision is Sharing.SAFEGUARDING:
        open_case(db, item=item, trigger=CaseTrigger.OFFICER_FLAG, raised_by=actor)
    record(db, actor=actor, action="item.decide", object_type="item", object_id=item_id)
    followers, returned = _follow_main(db, main=item, decision=made, reason=reason, actor=actor)
    # The author and every follower read the reason; one call, so one message per young person.
    add_to_timelines(
        db,
        item_ids=[item_id, *followers],
        kind=EventKind.DECISION,
        body=reason.text,
        actor=actor,
        at=now,
    )
    return Decided(decision=made, returned_to_queue=returned)


def _withdraw_shared(db: Session, item_id: int) -> None:
    """A new decision starts from nothing shared; SHARED puts the new version back."""
    for model in (ItemTheme, ItemTopic, Redaction):
        db.execute(
            delete(model)
            .where(col(model.item_id) == item_id)
            .execution_options(synchronize_session="fetch")
        )
    existing = db.get(SharedVersion, item_id)
    if existing is not None:
        db.delete(existing)
        db.flush()


def retag(
    db: Session, *, item: Item, theme_ids: Sequence[int], topics: Sequence[str], actor: User
) -> None:
    """Changes a shared item's themes and free topics without a new decision."""
    if item.sharing is not Sharing.SHARED:
        raise ModerationError(_("Only shared items can be tagged. Share it first."), field="tags")
    chosen = check_share(db, item=item, theme_ids=theme_ids)
    item_id = item.id or 0
    db.execute(
        delete(ItemTheme)
        .where(col(ItemTheme.item_id) == item_id)
        .execution_options(synchronize_session="fetch")
    )
    db.add_all(ItemTheme(item_id=item_id, theme_id=theme_id) for theme_id in chosen)
    tag_topics(db, item_id=item_id, labels=topics)
    record(db, actor=actor, action="item.retag", object_type="item", object_id=item_id)
    db.flush()


def merge(db: Session, *, main: Item, others: Sequence[Item], actor: User) -> int:
    """Counts items that say the same thing under one main item ("4 young people said this").

    Each keeps its own author, words and timeline; only `merged_into_id` changes. Items merged
    into one of `others` move to `main`, so groups never nest.
    """
    others = [other for other in others if other.id != main.id]
    if not others:
        raise ModerationError(_("Select 2 or more items that say the same thing."), field="items")
    for item in (main, *others):
        if item.sharing is not Sharing.PENDING:
            raise ModerationError(
                _("%(reference)s already has a decision. Only items still waiting can be merged.")
                % {"reference": item.reference},
                field="items",
            )
        if item.merged_into_id is not None:
            raise ModerationError(
                _("%(reference)s is already merged into another item.")
                % {"reference": item.reference},
                field="items",
            )
    for other in others:
        _claim(db, other, other.moderation_version)
        for follower in repository.merged_into(db, other.id or 0):
            follower.merged_into_id = main.id
            db.add(follower)
        other.merged_into_id = main.id
        other.updated_at = utcnow()
        db.add(other)
        record(db, actor=actor, action="item.merge", object_type="item", object_id=other.id or 0)
    db.flush()
    return len(others)


def unmerge(db: Session, *, item: Item, actor: User) -> None:
    """Takes an item out of its group; it goes back to being decided on its own."""
    if item.merged_into_id is None:
        raise ModerationError(_("This item is not merged into another."))
    _claim(db, item, item.moderation_version)
    item.merged_into_id = None
    item.updated_at = utcnow()
    db.add(item)
    record(db, actor=actor, action="item.unmerge", object_type="item", object_id=item.id or 0)
    db.flush()


def _follow_main(
    db: Session, *, main: Item, decision: ModerationDecision, reason: DecisionReason, actor: User
) -> tuple[list[int], int]:
    """Items merged into `main` follow its decision (the caller writes it on their timelines).

    Their own words are never shared: a shared main counts them as voices, and only those whose
    author agreed to sharing. The others, and every item of a main held for safeguarding, go
    back to the queue to be decided on their own. Returns the followers and how many went back.
    """
    returned = 0
    followers: list[int] = []
    for child in repository.merged_into(db, main.id or 0):
        leave = decision.decision is Sharing.SAFEGUARDING or (
            decision.decision is Sharing.SHARED and not child.may_share
        )
        _claim(db, child, child.moderation_version)
        if leave:
            child.merged_into_id = None
            returned += 1
        else:
            db.add(
                ModerationDecision(
                    item_id=child.id or 0,
                    decision=decision.decision,
                    reason_id=reason.id or 0,
                    note=decision.note,
                    decided_by_id=actor.id or 0,
                    decided_at=decision.decided_at,
                )
            )
            followers.append(child.id or 0)
            child.sharing = decision.decision
            child.first_action_at = child.first_action_at or decision.decided_at
            record(
                db, actor=actor, action="item.decide", object_type="item", object_id=child.id or 0
            )
        child.updated_at = decision.decided_at
        db.add(child)
    db.flush()
    return followers, returned
