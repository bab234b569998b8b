"""The demo (`make run`) shows a meaningful summary: the autumn board's is frozen, and the
spring board's live summary has voices, quotes and actions."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import get_settings
from app.db import new_session
from app.demo.seed import seed_demo
from app.meetings.models import Meeting
from app.summaries import service
from app.summaries.models import SummarySnapshot
from app.timeutil import utcnow


def test_the_demo_has_a_frozen_summary_and_a_meaningful_live_one(
    client: TestClient, db: Session
) -> None:
    with new_session(for_writing=True) as writing:
        assert seed_demo(writing)
        writing.commit()
    frozen = db.exec(select(SummarySnapshot)).one()
    assert frozen.version == 1
    spring = db.exec(select(Meeting).where(Meeting.title.endswith("spring"))).one()
    summary = service.build_summary(
        db,
        scope=service.meeting_scope(db, meeting=spring),
        now=utcnow(),
        settings=get_settings(),
    )
    assert (summary.heard.now.shown or 0) >= 5
    assert summary.quotes and summary.by_theme and summary.age_bands
    assert summary.action_counts and summary.measures
