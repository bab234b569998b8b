"""Signing in and out, joining with an invite code, and inviting people."""

from functools import lru_cache
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field, field_validator
from sqlmodel import col, select
from starlette.concurrency import run_in_threadpool

from app import ratelimit
from app.audit.service import record
from app.auth.oidc import OidcClient, SignInFailed, StaffIdentity, has_second_factor
from app.auth.sessions import TIMED_OUT_KEY, SessionState
from app.authz import CurrentPrincipal, Permission, Principal, Require
from app.config import get_settings
from app.db import DbSession, new_session
from app.forms import StrictForm, parse_form, whole_number
from app.i18n import gettext as _
from app.i18n import lazy_gettext
from app.people import service
from app.people.models import Role, User
from app.voice.routes import PostedForm
from app.web import qr_data_uri, redirect, render, safe_next

router = APIRouter()
demo_router = APIRouter()

CanInviteYoung = Annotated[Principal, Depends(Require(Permission.PEOPLE_YOUNG_INVITE))]
CanInviteStaff = Annotated[Principal, Depends(Require(Permission.PEOPLE_STAFF_INVITE))]

STAFF_ROLES = [role for role in Role if role.is_staff]

ROLE_LABELS = {  # translated when rendered
    Role.YOUNG_PERSON: lazy_gettext("Young person"),
    Role.PARTICIPATION_OFFICER: lazy_gettext("Participation officer"),
    Role.SAFEGUARDING_LEAD: lazy_gettext("Safeguarding lead"),
    Role.COUNCILLOR: lazy_gettext("Councillor"),
    Role.BOARD_CHAIR: lazy_gettext("Board chair"),
    Role.ACTION_OWNER: lazy_gettext("Action owner"),
    Role.ADMIN: lazy_gettext("Admin"),
}


def _home_for(user: User) -> str:
    return "/staff" if user.role.is_staff else "/"


# Young people ---------------------------------------------------------------------------


class SignInForm(StrictForm):
    nickname: str = Field(default="", max_length=40)
    passphrase: str = Field(default="", max_length=200)


class JoinForm(StrictForm):
    code: str = Field(default="", max_length=40)
    nickname: str = ""
    passphrase: str = ""

    @field_validator("code")
    @classmethod
    def _code_given(cls, value: str) -> str:
        if not service.normalise_code(value):
            raise ValueError(_("Type the code your worker gave you."))
        return value

    @field_validator("nickname")
    @classmethod
    def _nickname_ok(cls, value: str) -> str:
        if not 2 <= len(value) <= 30:
            raise ValueError(_("Pick a nickname between 2 and 30 letters long."))
        if not all(ch.isalnum() or ch in " _-." for ch in value):
            raise ValueError(_("Use letters, numbers, spaces, dots, dashes or _ in your nickname."))
        return value

    @field_validator("passphrase")
    @classmethod
    def _passphrase_ok(cls, value: str) -> str:
        if len(value) < 10:
            raise ValueError(
                _("Make your passphrase at least 10 characters. Try 3 words you like.")
            )
        if len(value) > 200:
            raise ValueError(_("Make your passphrase 200 characters or fewer."))
        return value


@router.get("/sign-in")
def sign_in_form(request: Request, principal: CurrentPrincipal) -> Response:
    return render(
        request,
        "people/sign_in.html",
        {"values": {}, "errors": {}, "next": safe_next(request.query_params.get("next"))},
        principal=principal,
    )


@router.post("/sign-in")
def sign_in_submit(
    request: Request, db: DbSession, principal: CurrentPrincipal, form: PostedForm
) -> Response:
    result = parse_form(SignInForm, form)
    target = safe_next(result.values.get("next"))
    nickname = result.data.nickname if result.data else ""
    ratelimit.limit_attempts(
        request, "sign-in", who=service.nickname_key(nickname), **get_settings().sign_in_limits
    )
    user = (
        service.sign_in_young_person(db, nickname=nickname, passphrase=result.data.passphrase)
        if result.data and nickname
        else None
    )
    if user is None or user.id is None:
        record(db, actor=None, action="young.sign_in_failed", object_type="user", object_id=0)
        message = _("That nickname and passphrase do not match. Check them and try again.")
        return render(
            request,
            "people/sign_in.html",
            {
                "values": {"nickname": result.values.get("nickname", "")},
                "errors": {"nickname": message},
                "error_list": [{"text": message, "href": "#nickname"}],
                "next": target,
            },
            status_code=400,
            principal=principal,
        )
    record(db, actor=user, action="young.sign_in", object_type="user", object_id=user.id)
    db.commit()
    principal.session.sign_in(user.id)
    return redirect(request, target if target != "/" else _home_for(user))


@router.get("/join")
def join_form(request: Request, principal: CurrentPrincipal) -> Response:
    code = request.query_params.get("code", "")[:40]
    return render(
        request, "people/join.html", {"values": {"code": code}, "errors": {}}, principal=principal
    )


@router.post("/join")
def join_submit(
    request: Request, db: DbSession, principal: CurrentPrincipal, form: PostedForm
) -> Response:
    ratelimit.limit_attempts(
        request, "join", who=principal.session.raw_id, **get_settings().sign_in_limits
    )
    result = parse_form(JoinForm, form)
    user = None
    if result.ok and result.data is not None:
        try:
            user = service.join_with_invite(
                db,
                code=result.data.code,
                nickname=result.data.nickname,
                passphrase=result.data.passphrase,
            )
            record(db, actor=user, action="young.join", object_type="user", object_id=user.id or 0)
            db.commit()
        except service.AccountError as error:
            db.rollback()
            result.errors[error.field] = error.message
    if user is None or user.id is None:
        return render(
            request,
            "people/join.html",
            {"values": result.values, "errors": result.errors, "error_list": result.error_list()},
            status_code=400,
            principal=principal,
        )
    principal.session.sign_in(user.id)
    return redirect(request, "/?welcome=1")


@router.post("/sign-out")
def sign_out(request: Request, principal: CurrentPrincipal) -> Response:
    """Open to everyone: someone whose session already ran out can still press it safely."""
    principal.session.sign_out()
    response = redirect(request, "/signed-out")
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@router.get("/signed-out")
def signed_out(request: Request, principal: CurrentPrincipal) -> Response:
    return render(request, "people/signed_out.html", principal=principal)


# Staff (OpenID Connect) -----------------------------------------------------------------


@lru_cache
def _oidc_client() -> OidcClient | None:
    settings = get_settings()
    if not settings.oidc_configured:
        return None
    return OidcClient(
        issuer=settings.oidc_issuer or "",
        client_id=settings.oidc_client_id or "",
        client_secret=settings.oidc_client_secret or "",
    )


@router.get("/staff/sign-in")
def staff_sign_in_page(request: Request, principal: CurrentPrincipal) -> Response:
    return render(
        request,
        "people/staff_sign_in.html",
        {
            "next": safe_next(request.query_params.get("next"), "/staff"),
            "oidc_ready": _oidc_client() is not None,
            "demo": get_settings().demo_enabled,
            # Set when the session ran out, on the request before this one (which redirected).
            "timed_out": principal.session.data.pop(TIMED_OUT_KEY, None),
        },
        principal=principal,
    )


@router.post("/staff/sign-in")
async def staff_sign_in_start(request: Request, principal: CurrentPrincipal) -> Response:
    client = _oidc_client()
    form = await request.form()
    principal.session.data["after_sign_in"] = safe_next(str(form.get("next", "")), "/staff")
    invite = str(form.get("invite", ""))[:64]
    if invite:
        principal.session.data["staff_invite"] = invite
    if client is None:
        return render(request, "people/sign_in_failed.html", status_code=503, principal=principal)
    try:
        return await client.begin(request, f"{get_settings().base_url}/staff/sign-in/callback")
    except SignInFailed:  # the client has logged the reason
        return render(request, "people/sign_in_failed.html", status_code=503, principal=principal)


@router.get("/staff/sign-in/callback")
async def staff_sign_in_callback(request: Request, principal: CurrentPrincipal) -> Response:
    client = _oidc_client()
    ratelimit.limit_attempts(
        request, "staff-sign-in", who=principal.session.raw_id, **get_settings().sign_in_limits
    )
    if client is None:
        return render(request, "people/sign_in_failed.html", status_code=503, principal=principal)
    try:
        identity = await client.complete(request)
    except SignInFailed:  # the client has logged the reason
        await run_in_threadpool(_audit_failed_sign_in)
        return render(request, "people/sign_in_failed.html", status_code=400, principal=principal)
    invite_token = principal.session.data.pop("staff_invite", None)
    user = await run_in_threadpool(_bind_staff, identity, invite_token)
    if user is None or user.id is None:
        return render(request, "people/ask_admin.html", status_code=403, principal=principal)
    session: SessionState = principal.session
    target = safe_next(session.data.pop("after_sign_in", None), "/staff")
    session.sign_in(user.id)
    session.data["second_factor"] = has_second_factor(identity)
    return redirect(request, target)


def _bind_staff(identity: StaffIdentity, invite_token: str | None) -> User | None:
    with new_session(for_writing=True) as db:
        try:
            user = service.staff_user_for(db, identity=identity, invite_token=invite_token)
        except service.UnknownStaff:
            db.rollback()  # a racer's half-bound account must not survive
            record(db, actor=None, action="staff.sign_in_refused", object_type="user", object_id=0)
            db.commit()
            return None
        record(db, actor=user, action="staff.sign_in", object_type="user", object_id=user.id or 0)
        db.commit()
        return user


def _audit_failed_sign_in() -> None:
    """A failed sign-in at the identity provider's answer (its own transaction: no request one)."""
    with new_session(for_writing=True) as db:
        record(db, actor=None, action="staff.sign_in_failed", object_type="user", object_id=0)
        db.commit()


@router.get("/staff/join/{token}")
def staff_invite_page(request: Request, principal: CurrentPrincipal, token: str) -> Response:
    """The link an admin sends; signing in from here binds the new account."""
    return render(
        request,
        "people/staff_sign_in.html",
        {
            "next": "/staff",
            "oidc_ready": _oidc_client() is not None,
            "invite": token[:64],
            "demo": False,
            "timed_out": False,
        },
        principal=principal,
    )


@router.get("/staff")
def staff_home(
    request: Request,
    principal: Annotated[Principal, Depends(Require(Permission.STAFF_HOME_VIEW))],
) -> Response:
    return render(request, "people/staff_home.html", principal=principal)


# Invites -----------------------------------------------------------------------------------


@router.get("/staff/invites")
def young_invites_page(request: Request, principal: CanInviteYoung) -> Response:
    """Codes made in this session are shown (with QR codes) until the officer signs out."""
    settings = get_settings()
    codes = principal.session.data.get("new_invite_codes", [])
    shown = [
        {
            "code": service.format_code(code),
            "qr": qr_data_uri(f"{settings.base_url}/join?{urlencode({'code': code})}"),
            "cicc": cicc,
        }
        for code, cicc in codes
    ]
    return render(
        request,
        "people/invites.html",
        {"codes": list(reversed(shown)), "valid_days": settings.invite_valid_days},
        principal=principal,
    )


@router.post("/staff/invites")
def young_invite_create(
    request: Request, db: DbSession, principal: CanInviteYoung, form: PostedForm
) -> Response:
    assert principal.user is not None
    cicc = form.get("cicc") == "yes"
    _invite, code = service.create_young_person_invite(
        db,
        created_by=principal.user,
        is_cicc_member=cicc,
        valid_days=get_settings().invite_valid_days,
    )
    db.commit()
    codes = principal.session.data.setdefault("new_invite_codes", [])
    codes.append([code, cicc])
    del codes[:-20]
    return redirect(request, "/staff/invites")


class StaffInviteForm(StrictForm):
    display_name: str = Field(default="", max_length=120)
    role: str = ""

    @field_validator("display_name")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value:
            raise ValueError(_("Enter the person's name."))
        return value

    @field_validator("role")
    @classmethod
    def _known_role(cls, value: str) -> str:
        if value not in {role.value for role in STAFF_ROLES}:
            raise ValueError(_("Choose a role."))
        return value


@router.get("/admin/staff")
def staff_invites_page(request: Request, db: DbSession, principal: CanInviteStaff) -> Response:
    return _staff_invites(request, db, principal)


def _staff_invites(
    request: Request,
    db: DbSession,
    principal: Principal,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    staff = db.exec(select(User).where(User.role != Role.YOUNG_PERSON).order_by(col(User.id))).all()
    links = [
        f"{get_settings().base_url}/staff/join/{token}"
        for token in principal.session.data.get("new_staff_links", [])
    ]
    return render(
        request,
        "people/staff_invites.html",
        {
            "staff": staff,
            "links": links,
            "roles": STAFF_ROLES,
            "role_labels": ROLE_LABELS,
            "values": values or {},
            "errors": errors or {},
            "error_list": [{"text": m, "href": f"#{k}"} for k, m in (errors or {}).items()],
        },
        status_code=status_code,
        principal=principal,
    )


@router.post("/admin/staff")
def staff_invite_create(
    request: Request, db: DbSession, principal: CanInviteStaff, form: PostedForm
) -> Response:
    result = parse_form(StaffInviteForm, form)
    if not result.ok or result.data is None:
        return _staff_invites(
            request, db, principal, values=result.values, errors=result.errors, status_code=400
        )
    assert principal.user is not None
    invite, token = service.create_staff_invite(
        db,
        created_by=principal.user,
        role=Role(result.data.role),
        display_name=result.data.display_name,
        valid_days=get_settings().invite_valid_days,
    )
    record(
        db,
        actor=principal.user,
        action="staff.invite",
        object_type="staff_invite",
        object_id=invite.id or 0,
    )
    db.commit()
    links = principal.session.data.setdefault("new_staff_links", [])
    links.append(token)
    del links[:-10]
    return redirect(request, "/admin/staff")


# Demo sign-in (development only) -----------------------------------------------------------


@demo_router.get("/demo/sign-in")
def demo_sign_in_page(request: Request, db: DbSession, principal: CurrentPrincipal) -> Response:
    users = db.exec(select(User).where(col(User.is_active).is_(True)).order_by(col(User.id))).all()
    return render(
        request,
        "people/demo_sign_in.html",
        {"users": users, "role_labels": ROLE_LABELS},
        principal=principal,
    )


@demo_router.post("/demo/sign-in")
def demo_sign_in(
    request: Request, db: DbSession, principal: CurrentPrincipal, form: PostedForm
) -> Response:
    user = db.get(User, whole_number(str(form.get("user_id", ""))) or 0)
    if user is None or user.id is None or not user.is_active:
        return redirect(request, "/demo/sign-in")
    principal.session.sign_in(user.id)
    principal.session.data["second_factor"] = True  # development only: no identity provider
    return redirect(request, _home_for(user))
