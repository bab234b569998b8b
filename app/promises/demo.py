"""Demo promises with measures and a year of readings, and answers on a few shared items so
the public "You said, we did" page shows what was done."""

from datetime import timedelta

from sqlmodel import Session

from app.moderation.repository import shared_items_page
from app.people.models import Role, User
from app.promises.models import Measure, MeasureReading, Promise, PromiseStatus, PromiseTheme
from app.promises.repository import all_themes
from app.timeutil import utcnow
from app.voice.models import Item
from app.voice.repository import latest_public_responses
from app.voice.service import publish_response

# (you said, we will, how we will know, status, theme slug, (what, unit, baseline, target),
#  readings every quarter)
DEMO_PROMISES = [
    (
        "Buses cost too much to get to college.",
        "Give every care leaver in education a free bus pass.",
        "We count how many care leavers in education have a pass.",
        PromiseStatus.ON_TRACK,
        "education-employment-training",
        ("Care leavers in education with a bus pass", "%", 20.0, 90.0),
        (25.0, 41.0, 58.0, 66.0),
    ),
    (
        "Nobody tells us who our new social worker is.",
        "Tell you the name of your new worker within 5 days.",
        "We count how many young people were told within 5 days.",
        PromiseStatus.AT_RISK,
        "health-wellbeing",
        ("Told about a new worker within 5 days", "%", 40.0, 95.0),
        (45.0, 43.0, 52.0),
    ),
    (
        "Care leavers should not have to share a flat with strangers.",
        "Offer every care leaver a choice of two homes.",
        "We count care leavers who were offered two homes.",
        PromiseStatus.KEPT,
        "housing",
        ("Care leavers offered a choice of two homes", "young people", 3.0, 25.0),
        (8.0, 15.0, 22.0, 27.0),
    ),
]
DEMO_ANSWERS = [
    "We talked to the bus company. From September the bus pass is free for care leavers.",
    "Your worker will now text you their name on their first day.",
]


def seed_promises(db: Session, *, staff: list[User]) -> None:
    officer = next(user for user in staff if user.role is Role.PARTICIPATION_OFFICER)
    themes = {theme.slug: theme for theme in all_themes(db)}
    today = utcnow().date()
    for you_said, we_will, know, status, slug, measure, values in DEMO_PROMISES:
        promise = Promise(
            you_said=you_said,
            we_will=we_will,
            how_we_will_know=know,
            status=status,
            created_by_id=officer.id or 0,
        )
        db.add(promise)
        db.flush()
        if slug in themes:
            db.add(PromiseTheme(promise_id=promise.id or 0, theme_id=themes[slug].id or 0))
        what, unit, baseline, target = measure
        counted = Measure(
            promise_id=promise.id or 0, what=what, unit=unit, baseline=baseline, target=target
        )
        db.add(counted)
        db.flush()
        db.add_all(
            MeasureReading(
                measure_id=counted.id or 0,
                value=value,
                taken_on=today - timedelta(days=91 * (len(values) - 1 - quarter)),
                recorded_by_id=officer.id or 0,
            )
            for quarter, value in enumerate(values)
        )
    _answer_shared_items(db, officer)
    db.flush()


def _answer_shared_items(db: Session, officer: User) -> None:
    """A reply on the newest shared items that have none, so the public page has answers."""
    newest, _ = shared_items_page(db, page=1, per_page=10)
    answered = latest_public_responses(db, [shared.item_id for shared in newest])
    waiting = [shared for shared in newest if shared.item_id not in answered]
    for shared, answer in zip(waiting, DEMO_ANSWERS, strict=False):
        item = db.get(Item, shared.item_id)
        if item is not None:
            publish_response(db, item=item, text=answer, actor=officer, on_public_page=True)
