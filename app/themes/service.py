"""Managing themes, their link champions and free topics. Services flush; the request commits."""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, col

from app.audit.service import record
from app.councillors.models import ThemeVisit
from app.forms import Refused
from app.i18n import gettext as _
from app.people.models import User
from app.themes import repository
from app.themes.models import ItemTopic, Theme, ThemeChampion, ThemePrinciple, Topic
from app.themes.principles import PRINCIPLES

MAX_NAME = 120
MAX_DESCRIPTION = 300
MAX_LEAD = 200
MAX_TOPIC = 60
MAX_TOPICS = 10


@dataclass
class ThemeChanges:
    """What an officer typed and ticked on the theme form."""

    name: str
    description: str
    lead: str
    principles: list[int]
    champion_ids: list[int]


def _slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:50] or "theme"


def _unique_slug(db: Session, name: str) -> str:
    base = _slugify(name)
    slug, number = base, 1
    while repository.slug_taken(db, slug):
        number += 1
        slug = f"{base}-{number}"
    return slug


def _check(db: Session, changes: ThemeChanges, theme_id: int | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not changes.name:
        errors["name"] = _("Enter the theme's name.")
    elif len(changes.name) > MAX_NAME:
        errors["name"] = _("Keep the name to %(limit)s characters or fewer.") % {"limit": MAX_NAME}
    elif repository.name_taken(db, changes.name, besides=theme_id):
        errors["name"] = _("There is already a theme called “%(name)s”.") % {"name": changes.name}
    if not changes.description:
        errors["description"] = _("Describe the theme in one line young people understand.")
    elif len(changes.description) > MAX_DESCRIPTION or "\n" in changes.description:
        errors["description"] = _("Keep the description to one line of %(limit)s characters.") % {
            "limit": MAX_DESCRIPTION
        }
    if len(changes.lead) > MAX_LEAD:
        errors["lead"] = _("Keep the lead to %(limit)s characters or fewer.") % {"limit": MAX_LEAD}
    if any(number not in PRINCIPLES for number in changes.principles):
        errors["principles"] = _("Choose principles from the list.")
    councillors = {user.id for user in repository.councillors(db)}
    if any(user_id not in councillors for user_id in changes.champion_ids):
        errors["champions"] = _("Only councillors can be link champions. Choose from the list.")
    return errors


class ThemeRefused(Refused):
    """A refused change to a theme; `errors` holds one message per field."""

    def __init__(self, errors: dict[str, str]) -> None:
        field, message = next(iter(errors.items()))
        super().__init__(message, field)
        self.errors = errors


def save_theme(db: Session, *, theme: Theme | None, changes: ThemeChanges, actor: User) -> Theme:
    """Creates a theme (slug from its name, last in order) or changes one; the slug never
    changes, so links to it keep working."""
    errors = _check(db, changes, theme.id if theme else None)
    if errors:
        raise ThemeRefused(errors)
    created = theme is None
    if theme is None:
        theme = Theme(
            slug=_unique_slug(db, changes.name), position=repository.last_position(db) + 1, name=""
        )
    theme.name = changes.name
    theme.description = changes.description
    theme.lead = changes.lead
    db.add(theme)
    db.flush()
    theme_id = theme.id or 0
    for model in (ThemePrinciple, ThemeChampion):
        db.execute(delete(model).where(col(model.theme_id) == theme_id))
    db.add_all(
        ThemePrinciple(theme_id=theme_id, principle=p) for p in sorted(set(changes.principles))
    )
    db.add_all(
        ThemeChampion(theme_id=theme_id, user_id=user_id)
        for user_id in sorted(set(changes.champion_ids))
    )
    record(
        db,
        actor=actor,
        action="theme.create" if created else "theme.update",
        object_type="theme",
        object_id=theme_id,
    )
    db.flush()
    return theme


def set_retired(db: Session, *, theme: Theme, retired: bool, actor: User) -> None:
    """Retired themes keep their history and still show on old items; nobody can choose them."""
    theme.is_active = not retired
    db.add(theme)
    action = "theme.retire" if retired else "theme.restore"
    record(db, actor=actor, action=action, object_type="theme", object_id=theme.id or 0)
    db.flush()


def delete_theme(db: Session, *, theme: Theme, actor: User) -> None:
    """Only a theme nothing points at can go; otherwise the officer is offered "retire"."""
    theme_id = theme.id or 0
    used = repository.references_to(db, theme_id)
    if used:
        raise Refused(
            _(
                "“%(name)s” cannot be deleted: %(count)s items, events or notes use it. "
                "Retire it instead: it keeps its history and nobody can choose it."
            )
            % {"name": theme.name, "count": used},
            field="delete",
        )
    # A councillor's visits are theirs, not a use of the theme.
    for model in (ThemePrinciple, ThemeChampion, ThemeVisit):
        db.execute(delete(model).where(col(model.theme_id) == theme_id))
    db.delete(theme)
    record(db, actor=actor, action="theme.delete", object_type="theme", object_id=theme_id)
    db.flush()


# Topics ----------------------------------------------------------------------------------------


def topic_key(label: str) -> str:
    """ "Bus  Passes" and "bus passes" are the same topic."""
    return " ".join(label.lower().split())


def read_topics(typed: str) -> list[str]:
    """Topic labels from a comma-separated box, tidied and without repeats."""
    labels: dict[str, str] = {}
    for part in typed.replace("\n", ",").split(","):
        label = " ".join(part.split())
        if not label:
            continue
        if len(label) > MAX_TOPIC:
            raise Refused(
                _("“%(topic)s” is too long: keep each topic to %(limit)s characters.")
                % {"topic": label[:80], "limit": MAX_TOPIC},
                field="topics",
            )
        labels.setdefault(topic_key(label), label)
    if len(labels) > MAX_TOPICS:
        raise Refused(
            _("Choose %(limit)s topics or fewer.") % {"limit": MAX_TOPICS}, field="topics"
        )
    return list(labels.values())


def tag_topics(db: Session, *, item_id: int, labels: Sequence[str]) -> None:
    """Replaces an item's topics, making topics that do not exist yet."""
    db.execute(delete(ItemTopic).where(col(ItemTopic.item_id) == item_id))
    wanted = {topic_key(label): label for label in labels}
    existing = repository.topics_by_key(db, wanted)
    for key, label in wanted.items():
        if key not in existing:
            existing[key] = Topic(key=key, label=label)
            db.add(existing[key])
    db.flush()
    db.add_all(ItemTopic(item_id=item_id, topic_id=topic.id or 0) for topic in existing.values())
    db.flush()
