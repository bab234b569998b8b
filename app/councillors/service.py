"""The councillor's view: what young people said in my themes, read marks, notes, questions for
the board, and the weekly digest setting. Services flush; the request commits.

Small numbers are suppressed (TRUST PR-07): a count of 1 to 4 young people shows as "fewer than
5", so nobody can be singled out by a count.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session

from app.councillors import repository
from app.councillors.halfterm import HalfTerm, half_term_of
from app.councillors.models import CouncillorNote, DigestSetting, ItemRead, NoteKind, ThemeVisit
from app.events import repository as events_repository
from app.forms import Refused
from app.i18n import gettext as _
from app.meetings import repository as meetings_repository
from app.moderation.repository import SharedItem, shared_items
from app.people.models import User
from app.smallnumbers import SMALLEST_SHOWN, count_text
from app.themes import repository as themes_repository
from app.themes.models import Theme
from app.timeutil import utcnow

MAX_NOTE = 2000
EARLIER_SHOWN = 20
TOP_TOPICS = 5


@dataclass(frozen=True)
class Quote:
    """One shared item as a councillor sees it."""

    shared: SharedItem
    topics: list[str]
    event_name: str | None
    is_new: bool
    is_read: bool

    @property
    def many_voices(self) -> bool:
        return self.shared.voices >= SMALLEST_SHOWN


@dataclass
class ThemeSummary:
    theme: Theme
    this_term: HalfTerm
    last_term: HalfTerm
    this_count: str
    last_count: str
    top_topics: list[tuple[str, str]]  # (label, count text)
    new: list[Quote] = field(default_factory=list)
    earlier: list[Quote] = field(default_factory=list)
    earlier_hidden: int = 0


def _voices_in(items: Sequence[SharedItem], term: HalfTerm) -> int:
    return sum(item.voices for item in items if item.approved_at.date() in term)


def summarise(
    db: Session, *, theme: Theme, user_id: int | None, since: datetime | None, today: date
) -> ThemeSummary:
    """Everything on a theme page in a fixed number of queries, however many items there are.

    `user_id` is the champion (read marks shown) or None (any councillor's read-only view);
    `since` is their last visit (None: everything is new to them).
    """
    items = sorted(
        shared_items(db, theme_id=theme.id), key=lambda i: (i.approved_at, i.item_id), reverse=True
    )
    ids = [item.item_id for item in items]
    topics = themes_repository.topic_labels_of(db, ids)
    events = events_repository.names_of(db, {i.event_id for i in items if i.event_id is not None})
    read = repository.read_ids(db, user_id, ids) if user_id is not None else set()
    this_term = half_term_of(today)
    last_term = this_term.previous
    topic_voices: Counter[str] = Counter()
    for item in items:
        for label in topics.get(item.item_id, []):
            topic_voices[label] += item.voices
    summary = ThemeSummary(
        theme=theme,
        this_term=this_term,
        last_term=last_term,
        this_count=count_text(_voices_in(items, this_term)),
        last_count=count_text(_voices_in(items, last_term)),
        top_topics=[(label, count_text(n)) for label, n in topic_voices.most_common(TOP_TOPICS)],
    )
    for item in items:
        is_new = user_id is not None and (since is None or item.approved_at > since)
        quote = Quote(
            shared=item,
            topics=topics.get(item.item_id, []),
            event_name=events.get(item.event_id) if item.event_id is not None else None,
            is_new=is_new,
            is_read=item.item_id in read,
        )
        (summary.new if is_new else summary.earlier).append(quote)
    summary.earlier_hidden = max(0, len(summary.earlier) - EARLIER_SHOWN)
    summary.earlier = summary.earlier[:EARLIER_SHOWN]
    return summary


@dataclass(frozen=True)
class MyTheme:
    theme: Theme
    new: int  # shared items since my last visit (they are all readable on the theme page)
    this_count: str


def my_themes(db: Session, *, user: User, today: date) -> list[MyTheme]:
    """The councillor's themes, with what is new since their last visit; one shared_items call."""
    themes = themes_repository.championed_by(db, user.id or 0)
    seen = repository.visits(db, user.id or 0)
    items = shared_items(db)
    term = half_term_of(today)
    found = []
    for theme in themes:
        mine = [item for item in items if theme.id in item.theme_ids]
        since = seen.get(theme.id or 0)
        new = sum(1 for item in mine if since is None or item.approved_at > since)
        found.append(MyTheme(theme=theme, new=new, this_count=count_text(_voices_in(mine, term))))
    return found


def open_theme(db: Session, *, user: User, theme: Theme) -> datetime | None:
    """Records this visit; returns the previous one, for "since my last visit"."""
    visit = repository.visit(db, user.id or 0, theme.id or 0)
    previous = visit.last_visited_at if visit else None
    visit = visit or ThemeVisit(user_id=user.id or 0, theme_id=theme.id or 0)
    visit.last_visited_at = utcnow()
    db.add(visit)
    db.flush()
    return previous


def mark_read(db: Session, *, user: User, theme: Theme, item_ids: Sequence[int]) -> int:
    """Marks shared items of this theme as read; anything else is ignored."""
    shared = {item.item_id for item in shared_items(db, theme_id=theme.id)}
    wanted = [i for i in dict.fromkeys(item_ids) if i in shared]
    already = repository.read_ids(db, user.id or 0, wanted)
    fresh = [i for i in wanted if i not in already]
    db.add_all(ItemRead(user_id=user.id or 0, item_id=i) for i in fresh)
    db.flush()
    return len(fresh)


@dataclass
class NoteRequest:
    kind: str
    text: str
    meeting_id: str
    item_id: str


def add_note(
    db: Session, *, user: User, theme: Theme, sent: NoteRequest, today: date
) -> CouncillorNote:
    """A private note, or a question for the board (then an upcoming meeting is needed)."""
    kind = next((k for k in NoteKind if k.value == sent.kind), None)
    if kind is None:
        raise Refused(_("Choose a private note or a question for the board."), field="kind")
    text = sent.text.strip()
    if not text:
        raise Refused(_("Write your note or question."), field="text")
    if len(text) > MAX_NOTE:
        raise Refused(
            _("Keep it to %(limit)s characters or fewer.") % {"limit": f"{MAX_NOTE:,}"},
            field="text",
        )
    meeting_id = None
    if kind is NoteKind.QUESTION:
        upcoming = {m.id for m in meetings_repository.upcoming_meetings(db, today)}
        meeting_id = int(sent.meeting_id) if sent.meeting_id.isdigit() else None
        if meeting_id not in upcoming:
            raise Refused(_("Choose the board meeting to raise it at."), field="meeting_id")
    item_id = int(sent.item_id) if sent.item_id.isdigit() and len(sent.item_id) < 10 else None
    if item_id is not None and item_id not in {
        i.item_id for i in shared_items(db, theme_id=theme.id)
    }:
        item_id = None  # only a shared item of this theme can be linked
    note = CouncillorNote(
        user_id=user.id or 0,
        theme_id=theme.id or 0,
        item_id=item_id,
        kind=kind,
        text=text,
        meeting_id=meeting_id,
    )
    db.add(note)
    db.flush()
    return note


def set_weekly_digest(db: Session, *, user: User, weekly: bool) -> None:
    """Opt in or out of the weekly email (off until the councillor turns it on)."""
    setting = repository.digest_setting(db, user.id or 0) or DigestSetting(user_id=user.id or 0)
    setting.weekly = weekly
    db.add(setting)
    db.flush()
