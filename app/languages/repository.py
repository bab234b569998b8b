"""Queries for language settings and English summaries."""

from sqlmodel import Session, col, select

from app.languages.models import ItemEnglishSummary, LanguageSetting, LanguageStatus
from app.people.models import User


def states(db: Session) -> list[tuple[str, LanguageStatus, int]]:
    """(code, status, revision) of every language the council has touched: a few short rows."""
    rows = db.exec(
        select(LanguageSetting.code, LanguageSetting.status, LanguageSetting.revision)
    ).all()
    return [(code, LanguageStatus(status), revision) for code, status, revision in rows]


def uploaded_catalogue(db: Session, code: str) -> str | None:
    return db.exec(select(LanguageSetting.catalogue).where(LanguageSetting.code == code)).first()


def setting(db: Session, code: str) -> LanguageSetting | None:
    return db.exec(select(LanguageSetting).where(LanguageSetting.code == code)).first()


def settings_by_code(db: Session) -> dict[str, LanguageSetting]:
    return {row.code: row for row in db.exec(select(LanguageSetting)).all()}


def staff_names(db: Session, ids: set[int]) -> dict[int, str]:
    """Who reviewed, switched on or uploaded: one query for the whole page."""
    if not ids:
        return {}
    users = db.exec(select(User).where(col(User.id).in_(ids))).all()
    return {user.id or 0: user.label for user in users}


def english_summary(db: Session, item_id: int) -> ItemEnglishSummary | None:
    return db.exec(select(ItemEnglishSummary).where(ItemEnglishSummary.item_id == item_id)).first()
