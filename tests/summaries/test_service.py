"""The summary builder: what it counts (and never counts), the small-number rule on every count
it makes, quotes only from shared words, and freezing."""

import secrets
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import count
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from sqlmodel import Session

from app.config import get_settings
from app.events.models import Event, EventAttendance, EventType
from app.forms import Refused
from app.people.models import Role
from app.safeguarding.models import CaseTrigger
from app.safeguarding.service import open_case
from app.smallnumbers import SMALLEST_SHOWN
from app.summaries import service
from app.summaries.report import Count, Summary
from app.timeutil import utcnow
from app.voice.models import AgeBand
from tests.moderation.helpers import theme_id
from tests.summaries.helpers import (
    FORMULA_WORDS,
    ORIGINAL_WORDS,
    PENDING_WORDS,
    SAFEGUARDING_SHARED,
    SAFEGUARDING_WORDS,
    SHARED_WORDS,
    day_at,
    make_items,
    seed_summary,
    share,
)
from tests.support.factories import make_user

NEVER = (PENDING_WORDS, ORIGINAL_WORDS, SAFEGUARDING_WORDS, SAFEGUARDING_SHARED, "ZQVX")


def counts_in(value: Any) -> Iterator[Count]:
    """Every Count anywhere in a summary."""
    if isinstance(value, Count):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from counts_in(getattr(value, name))
    elif isinstance(value, list):
        for element in value:
            yield from counts_in(element)


def build(db: Session, scope: service.Scope) -> Summary:
    return service.build_summary(db, scope=scope, now=utcnow(), settings=get_settings())


def test_a_meetings_summary_counts_young_people_once_and_never_safeguarding(db: Session) -> None:
    seeded = seed_summary(db)
    summary = build(db, service.meeting_scope(db, meeting=seeded.meeting))
    assert (summary.start, summary.end) == (
        seeded.previous.held_on,
        seeded.meeting.held_on - timedelta(days=1),
    )
    # 12 + 6 + 2 + the one who wrote three times + 1 pending + 2 shared; 3 held for
    # safeguarding and the shared item with a case are not counted at all.
    assert summary.heard.now.shown == 24
    assert summary.messages.now.shown == 26
    assert summary.heard.before.shown == 7
    channels = {row.key: row.now.shown for row in summary.channels}
    assert channels == {"online": 16, "event": 6, "paper": None}
    ages = {row.key: row.now.shown for row in summary.age_bands}
    assert ages["16-17"] == 12 and ages["11-13"] is None and ages["18-21"] is None
    events = {row.key: row.now.shown for row in summary.at_events}
    assert events == {"14-15": 9, "16-17": None}
    themes = {row.key: row.now.shown for row in summary.by_theme}
    assert themes["Housing"] == 15 and themes["Health and Well-being"] == 9
    # 12 decided the next day, 6 after 20 days, 8 never decided and long overdue.
    assert summary.response.judged.shown == 26
    assert summary.response.within_percent == round(100 * 12 / 26)
    assert summary.response.median_days in {0.0, 1.0}
    # Overdue first.
    assert next(a.title for a in summary.actions) == "More flats for care leavers"
    assert summary.overdue_actions == 1


def test_quotes_come_only_from_shared_words_never_under_safeguarding(db: Session) -> None:
    seeded = seed_summary(db)
    summary = build(db, service.meeting_scope(db, meeting=seeded.meeting))
    texts = [quote.text for quote in summary.quotes]
    assert sorted(texts) == sorted([SHARED_WORDS, FORMULA_WORDS])
    assert not any(sentinel in summary.model_dump_json() for sentinel in NEVER)


def test_an_officers_choice_of_quotes_is_kept_and_forged_ids_are_ignored(db: Session) -> None:
    seeded = seed_summary(db)
    pending = make_items(db, 1, sent=day_at(seeded.previous.held_on + timedelta(days=2)))[0]
    scope = service.meeting_scope(
        db, meeting=seeded.meeting, quote_ids=(seeded.shared.id or 0, pending.id or 0, 999999)
    )
    summary = build(db, scope)
    assert [quote.text for quote in summary.quotes] == [SHARED_WORDS]
    assert summary.quotes_chosen
    none_chosen = build(db, service.meeting_scope(db, meeting=seeded.meeting, quote_ids=()))
    assert none_chosen.quotes == []


def test_themes_narrow_every_count_and_quote(db: Session) -> None:
    seeded = seed_summary(db)
    summary = build(
        db, service.meeting_scope(db, meeting=seeded.meeting, theme_ids=(seeded.health,))
    )
    assert summary.themes == ["Health and Well-being"]
    assert summary.heard.now.shown == 9
    assert [row.key for row in summary.by_theme] == ["Health and Well-being"]
    assert [quote.text for quote in summary.quotes] == [FORMULA_WORDS]
    assert summary.actions == []  # the actions are all on Housing


def test_a_date_range_compares_with_as_many_days_before(db: Session) -> None:
    scope = service.range_scope(start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert scope.before == date(2026, 1, 29)
    with pytest.raises(Refused):
        service.range_scope(start=date(2026, 3, 1), end=date(2026, 2, 1))
    with pytest.raises(Refused):
        service.range_scope(start=date(2022, 1, 1), end=date(2026, 3, 1))


# The small-number rule, for any data ---------------------------------------------------------

GROUP = st.fixed_dictionaries(
    {
        "size": st.integers(0, 7),
        "channel": st.sampled_from(["online", "event", "paper"]),
        "age": st.sampled_from([None, *AgeBand]),
        "theme": st.sampled_from(["housing", "health-wellbeing", None]),
        "now": st.booleans(),
        "one_author": st.booleans(),
        "shared": st.booleans(),
        "safeguarding": st.booleans(),
        "decided_days": st.sampled_from([None, 0, 2, 9]),
    }
)
ATTENDANCE = st.tuples(
    st.sampled_from(["14-15", "16-17", "unknown"]), st.integers(0, 7), st.booleans()
)
_windows = count()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(groups=st.lists(GROUP, max_size=6), attendance=st.lists(ATTENDANCE, max_size=3))
def test_no_summary_ever_shows_a_count_from_1_to_4(
    db: Session, groups: list[dict[str, Any]], attendance: list[tuple[str, int, bool]]
) -> None:
    """Each example gets its own 60 days (earlier examples' rows fall outside them)."""
    start = date(2000, 1, 1) + timedelta(days=200 * next(_windows))
    scope = service.range_scope(start=start, end=start + timedelta(days=29))
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    people_now: set[object] = set()
    for number, group in enumerate(groups):
        day = start + timedelta(days=3) if group["now"] else start - timedelta(days=10)
        author = make_user(db) if group["one_author"] and group["size"] else None
        theme = theme_id(db, group["theme"]) if group["theme"] else None
        decided = group["decided_days"]
        items = make_items(
            db,
            group["size"],
            sent=day_at(day),
            theme=theme,
            author=author,
            channel=group["channel"],
            age_band=group["age"],
            decided_after=timedelta(days=decided) if decided is not None else None,
        )
        for item in items:
            if group["shared"] and theme is not None:
                share(db, item, f"shared words {number}", officer, theme, day_at(day, 13))
            if group["safeguarding"]:
                open_case(db, item=item, trigger=CaseTrigger.SCREEN)
            elif group["now"]:
                people_now.add(author.id if author else -(item.id or 0))
    for band, size, now in attendance:
        held = start + timedelta(days=5) if now else start - timedelta(days=5)
        event = Event(
            kind=EventType.HALF_TERMLY,
            name="An event",
            held_on=held,
            opens_at=day_at(held),
            closes_at=day_at(held, 15),
            token=secrets.token_urlsafe(12),
            created_by_id=officer.id or 0,
        )
        db.add(event)
        db.flush()
        db.add(EventAttendance(event_id=event.id or 0, band=band, count=size))
    db.commit()
    summary = build(db, scope)
    shown = [c.shown for c in counts_in(summary)]
    assert shown, "a summary always counts something"
    assert not [value for value in shown if value is not None and 0 < value < SMALLEST_SHOWN]
    for found in counts_in(summary):
        assert found.text not in {"1", "2", "3", "4"}
    # And the headline is the true number, when it may be shown.
    truth = len(people_now)
    assert summary.heard.now.shown == (None if 0 < truth < SMALLEST_SHOWN else truth)
    if summary.response.judged.shown is None or summary.response.judged.shown == 0:
        assert summary.response.within_percent is None


# Freezing ------------------------------------------------------------------------------------


def test_a_frozen_summary_stays_as_it_was_when_the_data_changes(db: Session) -> None:
    seeded = seed_summary(db)
    scope = service.meeting_scope(db, meeting=seeded.meeting)
    frozen = service.freeze_summary(
        db, summary=build(db, scope), meeting=seeded.meeting, after_version=0, actor=seeded.officer
    )
    db.commit()
    before = service.frozen_summary(frozen).model_dump_json()
    # Lots changes afterwards: more voices, new shared words, an action done.
    make_items(
        db, 40, sent=day_at(seeded.previous.held_on + timedelta(days=4)), theme=seeded.housing
    )
    late = make_items(db, 1, sent=day_at(seeded.previous.held_on + timedelta(days=4)))[0]
    share(db, late, "Words shared after the freeze", seeded.officer, seeded.housing, utcnow())
    db.refresh(frozen)
    assert service.frozen_summary(frozen).model_dump_json() == before
    assert build(db, scope).heard.now.shown == 65


def test_freezing_again_makes_a_new_version_only_after_seeing_the_last(db: Session) -> None:
    seeded = seed_summary(db)
    summary = build(db, service.meeting_scope(db, meeting=seeded.meeting))
    first = service.freeze_summary(
        db, summary=summary, meeting=seeded.meeting, after_version=0, actor=seeded.officer
    )
    with pytest.raises(Refused, match="version 1"):
        service.freeze_summary(
            db, summary=summary, meeting=seeded.meeting, after_version=0, actor=seeded.officer
        )
    second = service.freeze_summary(
        db, summary=summary, meeting=seeded.meeting, after_version=1, actor=seeded.officer
    )
    db.commit()
    assert (first.version, second.version) == (1, 2)
