"""The public "You said, we did" page: shared words grouped by theme, with what was done.

Young people's words come only from `shared_items_page` (approved, consented, redacted);
"what we did" is the latest response an officer chose to show publicly (officers' own words).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from app.moderation.models import ItemTheme
from app.moderation.repository import shared_items_page
from app.themes.models import Theme
from app.voice.repository import latest_public_responses

PER_PAGE = 20


@dataclass(frozen=True)
class Said:
    text: str
    voices: int  # young people who said this
    approved_at: datetime
    what_we_did: str | None  # None: not answered yet


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    said: list[Said]


@dataclass(frozen=True)
class PublicPage:
    groups: list[ThemeGroup]
    total: int
    page: int
    last_page: int
    themes: list[Theme]  # for the filter: themes (active or retired) with shared words
    chosen: Theme | None


def themes_with_shared_words(db: Session) -> list[Theme]:
    """Active and retired themes that shared items are tagged with, in the council's order."""
    tagged = select(ItemTheme.theme_id).distinct()
    return list(
        db.exec(
            select(Theme)
            .where(col(Theme.id).in_(tagged))
            .order_by(col(Theme.position), col(Theme.id))
        ).all()
    )


def you_said_we_did(db: Session, *, theme_slug: str, page: int) -> PublicPage:
    """One page, newest first, grouped under each item's first theme (in the council's order).

    Five queries however many items are shared: themes, count, page, its themes, responses.
    """
    themes = themes_with_shared_words(db)
    chosen = next((theme for theme in themes if theme.slug == theme_slug), None)
    items, total = shared_items_page(
        db, theme_id=chosen.id if chosen else None, page=page, per_page=PER_PAGE
    )
    answers = latest_public_responses(db, [item.item_id for item in items])
    rank = {theme.id: position for position, theme in enumerate(themes)}
    by_id = {theme.id: theme for theme in themes}
    groups: dict[int, ThemeGroup] = {}
    for item in items:
        known = [theme_id for theme_id in item.theme_ids if theme_id in by_id]
        if chosen is not None:
            home = chosen.id or 0
        elif known:
            home = min(known, key=lambda theme_id: rank[theme_id])
        else:
            continue  # sharing needs a theme; an item without one has nowhere to go
        group = groups.setdefault(home, ThemeGroup(theme=by_id[home], said=[]))
        group.said.append(
            Said(
                text=item.text,
                voices=item.voices,
                approved_at=item.approved_at,
                what_we_did=answers.get(item.item_id),
            )
        )
    return PublicPage(
        groups=list(groups.values()),
        total=total,
        page=page,
        last_page=max(1, -(-total // PER_PAGE)),
        themes=themes,
        chosen=chosen,
    )
