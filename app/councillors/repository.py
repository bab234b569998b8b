"""Every query for the councillor's view. Young people's words come only from
`app.moderation.repository.shared_items` (approved, consented, redacted); nothing here reads
`Item.body`, authors or references."""

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from app.councillors.models import (
    CouncillorNote,
    DigestSent,
    DigestSetting,
    ItemRead,
    NoteKind,
    ThemeVisit,
)
from app.meetings.models import Meeting
from app.people.models import Role, User
from app.themes import repository as themes_repository
from app.themes.models import Theme


def my_theme(db: Session, user_id: int, slug: str) -> Theme | None:
    """The theme, only if this councillor champions it (read marks and notes are theirs)."""
    theme = themes_repository.theme_by_slug(db, slug)
    if theme is None or not themes_repository.is_champion(
        db, user_id=user_id, theme_id=theme.id or 0
    ):
        return None
    return theme


def visit(db: Session, user_id: int, theme_id: int) -> ThemeVisit | None:
    return db.exec(
        select(ThemeVisit).where(ThemeVisit.user_id == user_id, ThemeVisit.theme_id == theme_id)
    ).first()


def visits(db: Session, user_id: int) -> dict[int, datetime]:
    return {
        row.theme_id: row.last_visited_at
        for row in db.exec(select(ThemeVisit).where(ThemeVisit.user_id == user_id))
    }


def read_ids(db: Session, user_id: int, item_ids: Iterable[int]) -> set[int]:
    ids = list(item_ids)
    if not ids:
        return set()
    return set(
        db.exec(
            select(ItemRead.item_id).where(
                ItemRead.user_id == user_id, col(ItemRead.item_id).in_(ids)
            )
        ).all()
    )


def notes(db: Session, user_id: int, theme_id: int) -> Sequence[CouncillorNote]:
    return db.exec(
        select(CouncillorNote)
        .where(CouncillorNote.user_id == user_id, CouncillorNote.theme_id == theme_id)
        .order_by(col(CouncillorNote.created_at).desc(), col(CouncillorNote.id).desc())
    ).all()


def board_questions(db: Session) -> Sequence[tuple[CouncillorNote, Meeting, Theme, User]]:
    """Every question to raise at the board, by meeting (latest first), for the chair."""
    return db.exec(
        select(CouncillorNote, Meeting, Theme, User)
        .join(Meeting, col(Meeting.id) == col(CouncillorNote.meeting_id))
        .join(Theme, col(Theme.id) == col(CouncillorNote.theme_id))
        .join(User, col(User.id) == col(CouncillorNote.user_id))
        .where(CouncillorNote.kind == NoteKind.QUESTION)
        .order_by(
            col(Meeting.held_on).desc(),
            col(Meeting.id),
            col(Theme.position),
            col(CouncillorNote.created_at),
        )
    ).all()


def meetings_by_id(db: Session, meeting_ids: Iterable[int]) -> dict[int, Meeting]:
    ids = list(meeting_ids)
    if not ids:
        return {}
    return {m.id or 0: m for m in db.exec(select(Meeting).where(col(Meeting.id).in_(ids)))}


def digest_setting(db: Session, user_id: int) -> DigestSetting | None:
    return db.get(DigestSetting, user_id)


def digest_due(db: Session, week: str) -> Sequence[User]:
    """Councillors who asked for the weekly email, have an address, and have not had it yet."""
    sent = select(DigestSent.user_id).where(DigestSent.week == week)
    return db.exec(
        select(User)
        .join(DigestSetting, col(DigestSetting.user_id) == col(User.id))
        .where(
            col(DigestSetting.weekly).is_(True),
            User.role == Role.COUNCILLOR,
            col(User.is_active).is_(True),
            col(User.email).is_not(None),
            col(User.id).not_in(sent),
        )
        .order_by(col(User.id))
    ).all()
