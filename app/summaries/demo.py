"""Demo data for voice summaries: age bands on the demo items, an earlier board meeting (so the
autumn meeting has a period before it to compare with), and the autumn summary frozen."""

import random
from datetime import timedelta

from sqlmodel import Session, col, select

from app.config import get_settings
from app.meetings.models import Meeting, MeetingKind
from app.people.models import Role, User
from app.summaries import service
from app.timeutil import utcnow
from app.voice.models import AgeBand, Item

EARLIER_DAYS = 95  # the summer board, before the demo's autumn board (30 days ago)


def seed_summaries(db: Session, *, staff: list[User], rng: random.Random) -> None:
    officer = next(user for user in staff if user.role is Role.PARTICIPATION_OFFICER)
    bands = list(AgeBand)
    for item in db.exec(select(Item).where(col(Item.age_band).is_(None))).all():
        if rng.random() < 0.8:
            item.age_band = rng.choice(bands)
            db.add(item)
    now = utcnow()
    db.add(
        Meeting(
            kind=MeetingKind.BOARD,
            title="Corporate Parenting Board, summer",
            held_on=now.date() - timedelta(days=EARLIER_DAYS),
            co_chairs="Cllr Morgan Chair",
        )
    )
    db.flush()
    autumn = db.exec(
        select(Meeting).where(Meeting.title == "Corporate Parenting Board, autumn")
    ).first()
    if autumn is None:
        return
    scope = service.meeting_scope(db, meeting=autumn)
    summary = service.build_summary(db, scope=scope, now=now, settings=get_settings())
    service.freeze_summary(db, summary=summary, meeting=autumn, after_version=0, actor=officer)
