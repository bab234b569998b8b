"""Demo board actions: the demo action owner (Alex Housing) owns some, an officer others; one
is overdue, one done; each is linked to a few demo shared items and has updates."""

from datetime import timedelta

from sqlmodel import Session

from app.actions import repository, service
from app.actions.forms import ActionForm, UpdateForm
from app.actions.models import LinkKind, OrganisationKind
from app.people.models import Role, User
from app.themes import repository as themes_repository
from app.timeutil import utcnow

# title, theme slug, organisation, name, days until due, owned by the action owner, updates
DEMO_ACTIONS = (
    (
        "More flats for care leavers",
        "housing",
        OrganisationKind.HOUSING,
        "Anytown Housing",
        60,
        True,
        (
            (
                "on_track",
                "Two sites agreed at the housing board.",
                "We found 2 places for new flats.",
            ),
        ),
    ),
    (
        "Free bus passes to college",
        "education-employment-training",
        OrganisationKind.COUNCIL,
        "Children's Services",
        -10,
        False,
        (("at_risk", "Waiting for the transport budget.", "We are still waiting for the money."),),
    ),
    (
        "Health checks within a month of moving",
        "health-wellbeing",
        OrganisationKind.HEALTH,
        "Anytown Integrated Care Board",
        -30,
        True,
        (
            ("on_track", "New nurse started.", "A new nurse has started."),
            ("done", "Average wait now 3 weeks.", "Health checks now happen within a month."),
        ),
    ),
)


def seed_actions(db: Session, *, staff: list[User]) -> None:
    officer = next(user for user in staff if user.role is Role.PARTICIPATION_OFFICER)
    owner = next(user for user in staff if user.role is Role.ACTION_OWNER)
    owner.email = owner.email or "alex.housing@example.org"
    db.add(owner)
    themes = {theme.slug: theme for theme in themes_repository.all_themes(db)}
    today = utcnow().date()
    for title, slug, kind, name, due_in, owned, updates in DEMO_ACTIONS:
        if slug not in themes:
            continue
        form = ActionForm(
            title=title,
            owner=str((owner if owned else officer).id),
            organisation_kind=kind.value,
            organisation_name=name,
            due_on=(today + timedelta(days=due_in)).isoformat(),
        )
        action = service.create_action(
            db, form=form, theme_ids=[themes[slug].id or 0], actor=officer
        )
        shared = repository.linkable_items(db, action.id or 0, theme_id=themes[slug].id)[:3]
        if shared:
            service.link_items(
                db,
                action=action,
                actor=officer,
                item_ids=[linked.item_id for linked in shared],
                kind=LinkKind.PROMPTED_BY,
            )
        author = owner if owned else officer
        for status, staff_text, young_text in updates:
            service.post_update(
                db,
                action=action,
                actor=author,
                form=UpdateForm(status=status, staff_text=staff_text, young_text=young_text),
            )
