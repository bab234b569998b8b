"""The councillor's pages (phone first): my themes, a theme, read marks, notes and questions,
the weekly digest setting; and the "take to the board" list for the chair and councillors."""

from itertools import groupby
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from app.actions import repository as actions_repository
from app.actions.routes import table_context as action_table_context
from app.authz import Permission, Principal, Require
from app.councillors import repository, service
from app.db import DbSession
from app.forms import Refused, clean_text, form_values
from app.i18n import gettext
from app.meetings import repository as meetings_repository
from app.moderation.repository import shared_items
from app.people.models import User
from app.themes import repository as themes_repository
from app.themes.models import Theme
from app.themes.principles import PRINCIPLES
from app.timeutil import utcnow
from app.voice.routes import PostedForm
from app.web import redirect, render

router = APIRouter()

CanView = Annotated[Principal, Depends(Require(Permission.COUNCILLOR_THEMES_VIEW))]
CanSeeList = Annotated[Principal, Depends(Require(Permission.BOARD_LIST_VIEW))]


def _user(principal: Principal) -> User:
    assert principal.user is not None
    return principal.user


@router.get("/councillor")
def my_themes(request: Request, db: DbSession, principal: CanView) -> Response:
    user = _user(principal)
    mine = service.my_themes(db, user=user, today=utcnow().date())
    mine_ids = {entry.theme.id for entry in mine}
    setting = repository.digest_setting(db, user.id or 0)
    return render(
        request,
        "councillors/my_themes.html",
        {
            "mine": mine,
            "others": [t for t in themes_repository.all_themes(db) if t.id not in mine_ids],
            "board_actions": actions_repository.actions_on_themes(
                db, [theme_id for theme_id in mine_ids if theme_id is not None]
            ),
            **action_table_context(),
            "weekly": bool(setting and setting.weekly),
            "has_email": bool(user.email),
            "notice": request.query_params.get("notice", ""),
        },
        principal=principal,
    )


@router.post("/councillor/digest")
def digest_setting(
    request: Request, db: DbSession, principal: CanView, form: PostedForm
) -> Response:
    weekly = form_values(form).get("weekly") == "yes"
    service.set_weekly_digest(db, user=_user(principal), weekly=weekly)
    return redirect(request, f"/councillor?notice={'digest-on' if weekly else 'digest-off'}")


def _theme_page(
    request: Request,
    db: DbSession,
    principal: Principal,
    theme: Theme,
    *,
    mine: bool,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    user = _user(principal)
    theme_id = theme.id or 0
    since = service.open_theme(db, user=user, theme=theme) if mine and status_code == 200 else None
    if mine and status_code != 200:
        visit = repository.visit(db, user.id or 0, theme_id)
        since = visit.last_visited_at if visit else None
    summary = service.summarise(
        db, theme=theme, user_id=user.id if mine else None, since=since, today=utcnow().date()
    )
    errors = errors or {}
    values = values or {}
    about = values.get("item_id") or request.query_params.get("about", "")
    quotes = {q.shared.item_id: q for q in [*summary.new, *summary.earlier]}
    notes = repository.notes(db, user.id or 0, theme_id) if mine else []
    return render(
        request,
        "councillors/theme.html",
        {
            "summary": summary,
            "mine": mine,
            "theme": theme,
            "principles": [
                PRINCIPLES[p]
                for p in themes_repository.principles_of(db, [theme_id]).get(theme_id, [])
            ],
            "champions": themes_repository.champions_of(db, [theme_id]).get(theme_id, []),
            "notes": notes,
            "note_meetings": repository.meetings_by_id(
                db, {n.meeting_id for n in notes if n.meeting_id is not None}
            ),
            "meeting_items": [
                {"value": "", "text": gettext("Choose a meeting")},
                *(
                    {
                        "value": str(m.id),
                        "text": f"{m.title}, {m.held_on.strftime('%-d %B %Y')}",
                        "selected": values.get("meeting_id") == str(m.id),
                    }
                    for m in meetings_repository.upcoming_meetings(db, utcnow().date())
                ),
            ],
            "about": quotes.get(int(about)) if about.isdigit() and len(about) < 10 else None,
            "values": values,
            "errors": errors,
            "error_list": [{"text": text, "href": f"#{name}"} for name, text in errors.items()],
            "notice": request.query_params.get("notice", ""),
            "board_actions": actions_repository.actions_on_themes(db, [theme_id]),
            **action_table_context(),
        },
        status_code=status_code,
        principal=principal,
    )


@router.get("/councillor/themes/{slug}")
def theme_page(request: Request, db: DbSession, principal: CanView, slug: str) -> Response:
    """Their own theme: new since last visit, read marks, notes. Any other theme: what every
    councillor may read (the same shared, redacted words), without those."""
    user = _user(principal)
    theme = repository.my_theme(db, user.id or 0, slug[:60])
    if theme is not None:
        return _theme_page(request, db, principal, theme, mine=True)
    other = themes_repository.theme_by_slug(db, slug[:60])
    if other is None:
        raise HTTPException(status_code=404)
    return _theme_page(request, db, principal, other, mine=False)


def _own_theme_or_404(db: DbSession, principal: Principal, slug: str) -> Theme:
    theme = repository.my_theme(db, _user(principal).id or 0, slug[:60])
    if theme is None:
        raise HTTPException(status_code=404)
    return theme


@router.post("/councillor/themes/{slug}/read")
def mark_read(
    request: Request, db: DbSession, principal: CanView, slug: str, form: PostedForm
) -> Response:
    theme = _own_theme_or_404(db, principal, slug)
    ids = [clean_text(v)[:10] for v in form.getlist("item")][:500]
    service.mark_read(
        db, user=_user(principal), theme=theme, item_ids=[int(v) for v in ids if v.isdigit()]
    )
    return redirect(request, f"/councillor/themes/{theme.slug}?notice=read")


@router.post("/councillor/themes/{slug}/notes")
def add_note(
    request: Request, db: DbSession, principal: CanView, slug: str, form: PostedForm
) -> Response:
    theme = _own_theme_or_404(db, principal, slug)
    values = form_values(form)
    sent = service.NoteRequest(
        kind=values.get("kind", ""),
        text=values.get("text", ""),
        meeting_id=values.get("meeting_id", "").strip(),
        item_id=values.get("item_id", "").strip(),
    )
    try:
        note = service.add_note(
            db, user=_user(principal), theme=theme, sent=sent, today=utcnow().date()
        )
    except Refused as refused:
        db.rollback()
        return _theme_page(
            request,
            db,
            principal,
            theme,
            mine=True,
            values=values,
            errors={refused.field: refused.message},
            status_code=400,
        )
    return redirect(request, f"/councillor/themes/{theme.slug}?notice={note.kind.value}#notes")


@router.get("/board/list")
def board_list(request: Request, db: DbSession, principal: CanSeeList) -> Response:
    """Questions councillors will raise, by board meeting date; read-only."""
    rows = repository.board_questions(db)
    grouped = [
        (meeting, [(note, theme, user) for note, _m, theme, user in entries])
        for meeting, entries in groupby(rows, key=lambda r: r[1])
    ]
    linked = {note.item_id for note, _meeting, _theme, _user in rows if note.item_id is not None}
    quotes = {item.item_id: item.text for item in shared_items(db) if item.item_id in linked}
    return render(
        request,
        "councillors/board_list.html",
        {"grouped": grouped, "quotes": quotes, "today": utcnow().date()},
        principal=principal,
    )
