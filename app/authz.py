"""Who may do what: the one policy every route goes through.

Each route declares `Depends(Require(Permission.X))`. A test walks `app.routes` and fails on any
route that declares nothing and is not in `PUBLIC_ROUTES`. Object-level checks (whose item is
this?) live in each domain's repository, scoped by the same `Principal`.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Request

from app.auth.sessions import SessionState
from app.config import StaffMfa, get_settings
from app.db import DbSession
from app.people.models import Role, User


class Permission(StrEnum):
    """Named `scope:resource:action`."""

    VOICE_ITEM_SUBMIT = "voice:item:submit"
    VOICE_ITEM_READ_OWN = "voice:item:read-own"
    STAFF_HOME_VIEW = "staff:home:view"
    STAFF_ITEM_READ = "staff:item:read"
    STAFF_ITEM_RESPOND = "staff:item:respond"
    SAFEGUARDING_CASE_VIEW = "safeguarding:case:view"  # DSL: all cases; an officer: theirs
    SAFEGUARDING_CASE_MANAGE = "safeguarding:case:manage"
    SAFEGUARDING_ITEM_FLAG = "safeguarding:item:flag"
    PEOPLE_YOUNG_INVITE = "people:young-person:invite"
    PEOPLE_STAFF_INVITE = "people:staff:invite"
    MODERATION_QUEUE_VIEW = "moderation:queue:view"
    MODERATION_DECIDE = "moderation:item:decide"  # decide, assign, redact and merge
    MODERATION_REASONS_MANAGE = "moderation:reasons:manage"  # the reasons young people read
    PRIVACY_REQUESTS_MANAGE = "privacy:request:manage"  # young people's change/delete requests
    AUDIT_READ = "audit:log:read"  # who viewed or changed sensitive things
    THEMES_MANAGE = "themes:theme:manage"  # themes, principles, leads and link champions
    EVENTS_MANAGE = "events:event:manage"  # events, quick capture, attendance, QR sheets
    COUNCILLOR_THEMES_VIEW = "councillor:themes:view"  # shared items by theme, notes, digest
    BOARD_LIST_VIEW = "board:list:view"  # the "take to the board" list
    MEETINGS_READ = "meetings:meeting:read"  # meetings, agendas, outcomes, published results
    MEETINGS_MANAGE = "meetings:meeting:manage"  # meetings, agenda rounds, voting codes
    MEETINGS_VOTE = "meetings:ballot:cast"  # CiCC proposals are checked per user in the service
    ACTIONS_MANAGE = "actions:action:manage"  # create, assign owners, link items, drop, update any
    ACTIONS_UPDATE_OWN = "actions:action:update-own"  # "my actions": post updates on one's own
    ACTIONS_READ = "actions:log:read"  # the whole action log, read-only
    PROMISES_MANAGE = "promises:promise:manage"  # promises, measures and readings
    PROMISES_READ = "promises:promise:read"  # the board view of promises and their measures
    OUTBOX_MANAGE = "notifications:outbox:manage"  # undelivered messages, masked; "try again"
    LANGUAGES_MANAGE = "languages:catalogue:manage"  # review, switch on and upload catalogues
    SUMMARIES_PULL = "summaries:summary:pull"  # live voice summaries, quotes, PDFs
    SUMMARIES_FREEZE = "summaries:summary:freeze"  # attach a frozen summary to a meeting
    SUMMARIES_READ = "summaries:frozen:read"  # frozen summaries of meetings, and their PDFs
    SUMMARIES_EXPORT = "summaries:items:export"  # the officers' CSV of shared items


_EVERY_STAFF_ROLE = frozenset({Permission.STAFF_HOME_VIEW})
_READ_AND_ANSWER = frozenset(
    {
        Permission.STAFF_ITEM_READ,
        Permission.STAFF_ITEM_RESPOND,
        Permission.SAFEGUARDING_ITEM_FLAG,
        Permission.SAFEGUARDING_CASE_VIEW,
        Permission.MODERATION_QUEUE_VIEW,
        Permission.MODERATION_DECIDE,
    }
)

ANONYMOUS_PERMISSIONS = frozenset({Permission.VOICE_ITEM_SUBMIT, Permission.VOICE_ITEM_READ_OWN})
# Voting needs an account (one ballot per person); voting codes have their own public route.
YOUNG_PERSON_PERMISSIONS = ANONYMOUS_PERMISSIONS | {Permission.MEETINGS_VOTE}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.YOUNG_PERSON: YOUNG_PERSON_PERMISSIONS,
    Role.PARTICIPATION_OFFICER: _EVERY_STAFF_ROLE
    | _READ_AND_ANSWER
    | {
        Permission.PEOPLE_YOUNG_INVITE,
        Permission.MODERATION_REASONS_MANAGE,
        Permission.PRIVACY_REQUESTS_MANAGE,
        Permission.THEMES_MANAGE,
        Permission.EVENTS_MANAGE,
        Permission.MEETINGS_READ,
        Permission.MEETINGS_MANAGE,
        Permission.ACTIONS_MANAGE,
        Permission.ACTIONS_UPDATE_OWN,
        Permission.ACTIONS_READ,
        Permission.PROMISES_MANAGE,
        Permission.PROMISES_READ,
        Permission.OUTBOX_MANAGE,
        Permission.SUMMARIES_PULL,
        Permission.SUMMARIES_FREEZE,
        Permission.SUMMARIES_READ,
        Permission.SUMMARIES_EXPORT,
    },
    Role.SAFEGUARDING_LEAD: _EVERY_STAFF_ROLE
    | _READ_AND_ANSWER
    | {Permission.SAFEGUARDING_CASE_MANAGE},
    Role.COUNCILLOR: _EVERY_STAFF_ROLE
    | {
        Permission.COUNCILLOR_THEMES_VIEW,
        Permission.BOARD_LIST_VIEW,
        Permission.MEETINGS_READ,
        Permission.PROMISES_READ,
        Permission.SUMMARIES_READ,
    },
    Role.BOARD_CHAIR: _EVERY_STAFF_ROLE
    | {
        Permission.BOARD_LIST_VIEW,
        Permission.MEETINGS_READ,
        Permission.ACTIONS_READ,
        Permission.PROMISES_READ,
        Permission.SUMMARIES_PULL,
        Permission.SUMMARIES_FREEZE,
        Permission.SUMMARIES_READ,
    },
    Role.ACTION_OWNER: _EVERY_STAFF_ROLE | {Permission.ACTIONS_UPDATE_OWN},
    Role.ADMIN: _EVERY_STAFF_ROLE
    | {
        Permission.PEOPLE_STAFF_INVITE,
        Permission.PEOPLE_YOUNG_INVITE,
        Permission.MODERATION_REASONS_MANAGE,
        Permission.THEMES_MANAGE,
        Permission.AUDIT_READ,
        Permission.LANGUAGES_MANAGE,
        Permission.OUTBOX_MANAGE,
    },
}


@dataclass(frozen=True)
class Principal:
    """Whoever is asking: a signed-in user, or an anonymous visitor with their session."""

    user: User | None
    session: SessionState

    @property
    def role(self) -> Role | None:
        return self.user.role if self.user else None

    @property
    def is_staff(self) -> bool:
        return self.role is not None and self.role.is_staff

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user else None

    @property
    def anonymous_item_ids(self) -> frozenset[int]:
        """Items this browser may see because it sent them, or knew their secret code."""
        return frozenset(int(i) for i in self.session.data.get("item_access", []))


# Staff who read young people's original words, cases or the audit log (AU-03).
SECOND_FACTOR_ROLES = frozenset({Role.PARTICIPATION_OFFICER, Role.SAFEGUARDING_LEAD, Role.ADMIN})


def lacks_second_factor(principal: Principal) -> bool:
    return (
        principal.role in SECOND_FACTOR_ROLES
        and get_settings().staff_mfa is StaffMfa.AMR
        and not principal.session.data.get("second_factor")
    )


def allows(principal: Principal, permission: Permission) -> bool:
    if principal.user is None:
        return permission in ANONYMOUS_PERMISSIONS
    if lacks_second_factor(principal):
        return False
    return permission in ROLE_PERMISSIONS[principal.role or Role.YOUNG_PERSON]


class SignInRequired(Exception):
    """The route needs an account; `staff` says which sign-in page to send them to."""

    def __init__(self, *, staff: bool) -> None:
        super().__init__("sign-in required")
        self.staff = staff


class Forbidden(Exception):
    """Signed in, but this role may not do this."""


class SecondFactorNeeded(Forbidden):
    """The role may, but this sign-in did not use a second factor."""


def current_principal(request: Request, db: DbSession) -> Principal:
    session: SessionState = request.scope["sd_session"]
    user = db.get(User, session.user_id) if session.user_id is not None else None
    if user is not None and not user.is_active:
        user = None
    return Principal(user=user, session=session)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


class Require:
    """Route dependency: `dependencies=[Depends(Require(Permission.X))]`, or as a parameter."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission

    def __call__(self, principal: CurrentPrincipal) -> Principal:
        if allows(principal, self.permission):
            return principal
        if principal.user is None:
            staff_only = self.permission not in ROLE_PERMISSIONS[Role.YOUNG_PERSON]
            raise SignInRequired(staff=staff_only)
        if lacks_second_factor(principal):
            raise SecondFactorNeeded
        raise Forbidden


def can(principal: Principal | None, permission: str) -> bool:
    """For templates: show a control only when the policy would allow its route (error pages
    render without a principal, and show no controls)."""
    return principal is not None and allows(principal, Permission(permission))


# Reviewed routes anyone may reach, with why. Every other route must declare a Require.
PUBLIC_ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/healthz"): "liveness probe, no data",
    ("GET", "/readyz"): "readiness probe, no data",
    ("GET", "/health/safeguarding"): "monitoring: counts of overdue cases and alerts, no content",
    ("GET", "/help"): "help and emergency numbers for everyone",
    ("GET", "/privacy"): "privacy notice for everyone",
    ("GET", "/accessibility"): "accessibility statement, linked from every footer",
    ("GET", "/sign-in"): "young people's sign-in form",
    ("POST", "/sign-in"): "young people's sign-in (rate limited)",
    ("GET", "/join"): "joining with an invite code",
    ("POST", "/join"): "joining with an invite code (rate limited)",
    ("POST", "/sign-out"): "ends whatever session there is, even one that already timed out",
    ("GET", "/signed-out"): "confirmation after signing out",
    ("GET", "/staff/sign-in"): "staff sign-in page",
    ("POST", "/staff/sign-in"): "starts the OIDC redirect",
    ("GET", "/staff/sign-in/callback"): "OIDC callback; the IdP's answer is validated",
    ("GET", "/staff/join/{token}"): "an admin's invitation link",
    ("GET", "/vote/code"): "voting with a printed single-use code, no account",
    ("POST", "/vote/code"): "voting with a printed single-use code (rate limited, code spent once)",
    ("GET", "/demo/sign-in"): "development only: demo accounts",
    ("POST", "/demo/sign-in"): "development only: demo accounts",
    ("GET", "/events/{token}/say"): "an event's QR form: no account, open only in its window",
    ("POST", "/events/{token}/say"): "an event's QR form (rate limited like /say)",
    ("GET", "/you-said-we-did"): "public: approved, redacted, consented words and our answers",
    ("POST", "/language"): "anyone chooses the language of the pages, for this session only",
    (
        "GET",
        "/promises",
    ): "public: the council's promises and how they are going, no children's words",
}
