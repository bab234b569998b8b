"""Every list page sends the same number of queries for 10 rows as for 1,000 (no N+1).

A new list page is one line in LIST_PAGES: its path, who reads it, and a function that adds n
rows it lists and returns a word the page must then show (so the rows really are on the page).
Pages that list nothing are named in NOT_LISTS; a new page in neither fails
`test_every_page_is_a_list_page_or_not`.
"""

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session, col, select

from app.actions.models import ActionTheme, BoardAction, OrganisationKind
from app.audit.models import AuditEvent
from app.authz import PUBLIC_ROUTES
from app.councillors.models import CouncillorNote, NoteKind
from app.db import get_engine
from app.events.models import Event, EventType
from app.meetings.models import AgendaRound, Electorate, Meeting, MeetingKind, VotingMethod
from app.moderation.models import DecisionReason, ItemTheme, SharedVersion, Sharing
from app.notifications.models import Channel, OutboxMessage, OutboxStatus
from app.people.models import Role, User
from app.privacy.models import PrivacyRequest, RequestWhat
from app.promises.models import Measure, MeasureReading, Promise
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from app.summaries.models import SummarySnapshot
from app.themes.models import Theme
from app.timeutil import utcnow
from app.voice.models import EventKind, Item, TimelineEvent
from app.voice.service import new_reference
from tests.support.factories import make_user, sign_in
from tests.test_meta import route_inventory

FEW, MANY = 10, 1000
Fill = Callable[[Session, int, User], str]


def _items(db: Session, n: int, *, author: User | None = None, sharing: Sharing) -> list[Item]:
    items = [
        Item(
            reference=new_reference(),
            author_id=author.id if author else None,
            body=f"row {number} of {n}",
            idempotency_key=secrets.token_urlsafe(24),
            content_fingerprint="query-counts",
            sharing=sharing,
            may_share=sharing is Sharing.SHARED,
        )
        for number in range(n)
    ]
    db.add_all(items)
    db.flush()
    db.add_all(TimelineEvent(item_id=item.id or 0, kind=EventKind.SENT) for item in items)
    return items


def waiting_items(db: Session, n: int, _viewer: User) -> str:
    return _items(db, n, sharing=Sharing.PENDING)[0].reference


def own_items(db: Session, n: int, viewer: User) -> str:
    return _items(db, n, author=viewer, sharing=Sharing.PENDING)[0].reference


def cases(db: Session, n: int, _viewer: User) -> str:
    made = [
        open_case(db, item=item, trigger=CaseTrigger.SCREEN)
        for item in _items(db, n, sharing=Sharing.PENDING)
    ]
    db.flush()
    return f"/staff/cases/{made[0].id}"


def privacy_requests(db: Session, n: int, viewer: User) -> str:
    """A request to delete each of n items, from the viewer (a young person) or someone else."""
    author = viewer if viewer.role is Role.YOUNG_PERSON else make_user(db)
    items = _items(db, n, author=author, sharing=Sharing.PENDING)
    db.add_all(
        PrivacyRequest(user_id=author.id, item_id=item.id, what=RequestWhat.DELETE)
        for item in items
    )
    return items[0].reference


def audit_events(db: Session, n: int, _viewer: User) -> str:
    marker = f"marker.{secrets.token_hex(4)}"
    actor = make_user(db, Role.PARTICIPATION_OFFICER)
    db.add_all(
        AuditEvent(actor_id=actor.id, action=marker, object_type="item", object_id=k)
        for k in range(n)
    )
    return marker


def reasons(db: Session, n: int, _viewer: User) -> str:
    marker = f"Reason {secrets.token_hex(4)}"
    db.add_all(DecisionReason(decision=Sharing.PRIVATE, text=f"{marker} {k}") for k in range(n))
    return marker


def staff_accounts(db: Session, n: int, _viewer: User) -> str:
    marker = f"Officer {secrets.token_hex(4)}"
    db.add_all(
        User(
            role=Role.PARTICIPATION_OFFICER,
            display_name=f"{marker} {k}",
            oidc_issuer="https://idp.test",
            oidc_subject=secrets.token_hex(8),
        )
        for k in range(n)
    )
    return marker


def themes(db: Session, n: int, _viewer: User) -> str:
    marker = f"Theme {secrets.token_hex(4)}"
    db.add_all(
        Theme(slug=f"{marker}-{k}".lower().replace(" ", "-"), name=f"{marker} {k}")
        for k in range(n)
    )
    return marker


def first_theme(db: Session) -> Theme:
    theme = db.exec(select(Theme).order_by(col(Theme.id))).first()
    assert theme is not None, "the migrations seed the themes"
    return theme


def shared_items(db: Session, n: int, viewer: User) -> str:
    theme = first_theme(db)
    items = _items(db, n, sharing=Sharing.SHARED)
    approver = make_user(db, Role.PARTICIPATION_OFFICER)
    for item in items:
        db.add(
            SharedVersion(
                item_id=item.id or 0, text=f"shared {item.body}", approved_by_id=approver.id or 0
            )
        )
        db.add(ItemTheme(item_id=item.id or 0, theme_id=theme.id or 0))
    return "shared row 0 of"


def board_questions(db: Session, n: int, viewer: User) -> str:
    theme = first_theme(db)
    marker = f"Question {secrets.token_hex(4)}"
    meeting = Meeting(
        kind=MeetingKind.BOARD, title="Board", held_on=date.today() + timedelta(days=7)
    )
    db.add(meeting)
    db.flush()
    db.add_all(
        CouncillorNote(
            user_id=viewer.id or 0,
            theme_id=theme.id or 0,
            kind=NoteKind.QUESTION,
            text=f"{marker} {k}",
            meeting_id=meeting.id,
        )
        for k in range(n)
    )
    return marker


def meetings(db: Session, n: int, _viewer: User) -> str:
    marker = f"Meeting {secrets.token_hex(4)}"
    db.add_all(
        Meeting(
            kind=MeetingKind.BOARD, title=f"{marker} {k}", held_on=date.today() + timedelta(days=k)
        )
        for k in range(n)
    )
    return marker


def open_rounds(db: Session, n: int, _viewer: User) -> str:
    marker = f"Round {secrets.token_hex(4)}"
    meeting = Meeting(kind=MeetingKind.BOARD, title=marker, held_on=date.today())
    db.add(meeting)
    db.flush()
    now = utcnow()
    db.add_all(
        AgendaRound(
            meeting_id=meeting.id or 0,
            title=f"{marker} {k}",
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=1, minutes=k),
            electorate=Electorate.YOUNG_PEOPLE,
            method=VotingMethod.DOTS,
        )
        for k in range(n)
    )
    return marker


def events(db: Session, n: int, viewer: User) -> str:
    marker = f"Event {secrets.token_hex(4)}"
    now = utcnow()
    db.add_all(
        Event(
            kind=next(iter(EventType)),
            name=f"{marker} {k}",
            held_on=date.today(),
            opens_at=now,
            closes_at=now + timedelta(hours=2),
            token=secrets.token_urlsafe(16),
            created_by_id=viewer.id or 0,
        )
        for k in range(n)
    )
    return marker


def board_actions(db: Session, n: int, viewer: User) -> str:
    """n actions on the first theme, owned by the viewer (so "my actions" lists them too)."""
    theme = first_theme(db)
    marker = f"Action {secrets.token_hex(4)}"
    actions = [
        BoardAction(
            title=f"{marker} {k}",
            owner_id=viewer.id or 0,
            organisation_kind=OrganisationKind.HOUSING,
            organisation_name="Anytown Housing",
            due_on=date.today() + timedelta(days=k % 30 - 5),
            created_by_id=viewer.id or 0,
        )
        for k in range(n)
    ]
    db.add_all(actions)
    db.flush()
    db.add_all(ActionTheme(action_id=a.id or 0, theme_id=theme.id or 0) for a in actions)
    return marker


def promises(db: Session, n: int, viewer: User) -> str:
    """n promises, each with a measure and two readings."""
    marker = f"Promise {secrets.token_hex(4)}"
    made = [Promise(we_will=f"{marker} {k}", created_by_id=viewer.id or 0) for k in range(n)]
    db.add_all(made)
    db.flush()
    measures = [Measure(promise_id=p.id or 0, what="x", baseline=1, target=9) for p in made]
    db.add_all(measures)
    db.flush()
    db.add_all(
        MeasureReading(
            measure_id=m.id or 0, value=k, taken_on=date.today(), recorded_by_id=viewer.id or 0
        )
        for m in measures
        for k in range(2)
    )
    return marker


def dead_messages(db: Session, n: int, _viewer: User) -> str:
    """n given-up messages (the page shows the newest 100)."""
    marker = f"http_400:Row{secrets.token_hex(4)}"
    db.add_all(
        OutboxMessage(
            channel=Channel.EMAIL,
            recipient=f"row{k}@example.org",
            template="item_news_email",
            status=OutboxStatus.DEAD,
            last_error=marker,
            for_young_person=True,
        )
        for k in range(n)
    )
    return marker


def frozen_summaries(db: Session, n: int, viewer: User) -> str:
    """n frozen versions of one meeting's summary."""
    marker = f"Meeting {secrets.token_hex(4)}"
    meeting = Meeting(kind=MeetingKind.BOARD, title=marker, held_on=date.today())
    db.add(meeting)
    db.flush()
    db.add_all(
        SummarySnapshot(meeting_id=meeting.id or 0, version=k + 1, frozen_by_id=viewer.id or 0)
        for k in range(n)
    )
    return marker


@dataclass(frozen=True)
class ListPage:
    path: str  # "{theme}" becomes the first theme's slug
    role: Role
    fill: Fill

    def url(self, db: Session) -> str:
        return (
            self.path.replace("{theme}", first_theme(db).slug)
            if "{theme}" in self.path
            else self.path
        )


LIST_PAGES = [
    ListPage("/my", Role.YOUNG_PERSON, own_items),
    ListPage("/my/data", Role.YOUNG_PERSON, privacy_requests),
    ListPage("/my/data/download", Role.YOUNG_PERSON, own_items),
    ListPage("/staff/privacy", Role.PARTICIPATION_OFFICER, privacy_requests),
    ListPage("/staff/inbox", Role.PARTICIPATION_OFFICER, waiting_items),
    ListPage("/staff/moderation", Role.PARTICIPATION_OFFICER, waiting_items),
    ListPage("/staff/cases", Role.SAFEGUARDING_LEAD, cases),
    ListPage("/staff/moderation/reasons", Role.PARTICIPATION_OFFICER, reasons),
    ListPage("/admin/staff", Role.ADMIN, staff_accounts),
    ListPage("/admin/audit", Role.ADMIN, audit_events),
    ListPage("/staff/themes", Role.PARTICIPATION_OFFICER, themes),
    ListPage("/staff/events", Role.PARTICIPATION_OFFICER, events),
    ListPage("/staff/meetings", Role.PARTICIPATION_OFFICER, meetings),
    ListPage("/votes", Role.YOUNG_PERSON, open_rounds),
    ListPage("/councillor", Role.COUNCILLOR, themes),
    ListPage("/councillor/themes/{theme}", Role.COUNCILLOR, shared_items),
    ListPage("/board/list", Role.COUNCILLOR, board_questions),
    ListPage("/staff/actions", Role.PARTICIPATION_OFFICER, board_actions),
    ListPage("/my-actions", Role.ACTION_OWNER, board_actions),
    ListPage("/you-said-we-did", Role.YOUNG_PERSON, shared_items),
    ListPage("/staff/promises", Role.BOARD_CHAIR, promises),
    ListPage("/promises", Role.YOUNG_PERSON, promises),
    ListPage("/staff/summaries", Role.BOARD_CHAIR, frozen_summaries),
    ListPage("/staff/outbox", Role.PARTICIPATION_OFFICER, dead_messages),
]

# Pages whose queries are known to grow with rows, and why. Strict: once fixed, the test fails
# until the entry goes.
KNOWN_GROWTH: dict[str, str] = {}

# Pages without a path parameter that list nothing (forms, a home page, fixed text).
NOT_LISTS = {
    "/",
    "/say",
    "/check",
    "/my/data/ask",
    "/staff",
    "/staff/invites",
    "/staff/themes/new",
    "/staff/events/new",
    "/staff/meetings/new",
    "/staff/actions/new",
    "/staff/promises/new",
    "/admin/languages",  # the eight languages we ship catalogues for: a fixed list
    # A summary (and its quotes, PDFs and CSV) needs a meeting or dates in the query string:
    # tests/summaries/test_query_counts.py counts its queries for few and many items.
    "/staff/summaries/board",
    "/staff/summaries/young",
    "/staff/summaries/quotes",
    "/staff/summaries/board.pdf",
    "/staff/summaries/young.pdf",
    "/staff/summaries/items.csv",
}


@contextmanager
def counted_queries() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def queries_for(client: TestClient, url: str) -> tuple[list[str], str]:
    with counted_queries() as statements:
        response = client.get(url, follow_redirects=False)
    assert response.status_code == 200, (url, response.status_code)
    return statements, response.text


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            page,
            id=page.path,
            marks=[pytest.mark.xfail(reason=KNOWN_GROWTH[page.path], strict=True)]
            if page.path in KNOWN_GROWTH
            else [],
        )
        for page in LIST_PAGES
    ],
)
def test_list_page_queries_do_not_grow_with_rows(page: ListPage, app: FastAPI, db: Session) -> None:
    viewer = make_user(db, page.role)
    client = TestClient(app, base_url="http://testserver")
    sign_in(client, db, viewer)
    marker = page.fill(db, FEW, viewer)
    db.commit()
    url = page.url(db)
    client.get(url)  # the session's first request touches it; count from the second
    few, html = queries_for(client, url)
    assert marker in html, f"{url} does not show the rows the test made"
    page.fill(db, MANY - FEW, viewer)
    db.commit()
    many, _ = queries_for(client, url)
    assert len(many) == len(few), "\n".join(sorted(set(many) - set(few)) or many)


def test_every_page_is_a_list_page_or_not(app: FastAPI) -> None:
    pages = {
        path
        for method, path, _ in route_inventory(app)
        if method == "GET" and "{" not in path and (method, path) not in PUBLIC_ROUTES
    }
    known = {page.path for page in LIST_PAGES} | NOT_LISTS
    assert pages - known == set(), "add the page to LIST_PAGES (or to NOT_LISTS)"
