"""Accounts: invites, young people's sign-in and staff sign-in. Services never commit."""

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select, update

from app.auth.oidc import StaffIdentity
from app.forms import Refused
from app.i18n import gettext as _
from app.i18n import lazy_gettext
from app.people.models import Role, StaffInvite, User, YoungPersonInvite
from app.timeutil import utcnow

# Letters and digits that cannot be confused when read aloud or copied (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INVITE_CODE_LENGTH = 10  # about 50 bits: unguessable within the rate limit

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("not-a-real-passphrase")


class AccountError(Refused):
    """A refused join or sign-in."""


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_code(length: int = INVITE_CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(typed: str) -> str:
    """People type codes with spaces, dashes and lower case; all of that is fine."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def nickname_key(nickname: str) -> str:
    return nickname.casefold().strip()


def hash_passphrase(passphrase: str) -> str:
    return _hasher.hash(passphrase)


def create_young_person_invite(
    db: Session, *, created_by: User, is_cicc_member: bool, valid_days: int
) -> tuple[YoungPersonInvite, str]:
    code = new_code()
    invite = YoungPersonInvite(
        code_hash=digest(code),
        is_cicc_member=is_cicc_member,
        created_by_id=created_by.id or 0,
        expires_at=utcnow() + timedelta(days=valid_days),
    )
    db.add(invite)
    db.flush()
    return invite, code


def find_usable_invite(db: Session, *, code: str) -> YoungPersonInvite | None:
    invite = db.exec(
        select(YoungPersonInvite).where(YoungPersonInvite.code_hash == digest(normalise_code(code)))
    ).first()
    if invite is None or invite.used_at is not None or invite.expires_at <= utcnow():
        return None
    return invite


_CODE_REFUSED = lazy_gettext(
    "That code does not work. It may be used already or too old. "
    "Ask your participation worker for a new one."
)
_NICKNAME_TAKEN = lazy_gettext("Someone already has that nickname. Try another one.")


def join_with_invite(db: Session, *, code: str, nickname: str, passphrase: str) -> User:
    """Creates the young person's account and spends the invite, together or not at all."""
    invite = find_usable_invite(db, code=code)
    if invite is None:
        raise AccountError(_(_CODE_REFUSED), field="code")
    if db.exec(select(User.id).where(User.nickname_key == nickname_key(nickname))).first():
        raise AccountError(_(_NICKNAME_TAKEN), "nickname")
    user = User(
        role=Role.YOUNG_PERSON,
        nickname=nickname,
        nickname_key=nickname_key(nickname),
        passphrase_hash=hash_passphrase(passphrase),
        is_cicc_member=invite.is_cicc_member,
        last_signed_in_at=utcnow(),
    )
    try:
        with db.begin_nested():
            db.add(user)
            db.flush()
            if not _spend(db, YoungPersonInvite, invite.id, user.id):
                raise _AlreadySpent
    except _AlreadySpent:
        raise AccountError(_(_CODE_REFUSED), field="code") from None
    except IntegrityError as error:
        raise AccountError(_(_NICKNAME_TAKEN), "nickname") from error
    return user


class _AlreadySpent(Exception):
    """Another request spent the invite between our check and our update."""


def _spend(
    db: Session,
    model: type[YoungPersonInvite] | type[StaffInvite],
    invite_id: int | None,
    user_id: int | None,
) -> bool:
    """Marks the invite used only if it still is unused: one atomic UPDATE, so of two
    concurrent requests (PostgreSQL runs them side by side) exactly one wins."""
    spent = db.exec(
        update(model)
        .where(col(model.id) == invite_id, col(model.used_at).is_(None))
        .values(used_at=utcnow(), used_by_id=user_id)
    )
    return spent.rowcount == 1


def sign_in_young_person(db: Session, *, nickname: str, passphrase: str) -> User | None:
    """Same work for known and unknown nicknames, so timing does not reveal who exists."""
    user = db.exec(select(User).where(User.nickname_key == nickname_key(nickname))).first()
    stored = user.passphrase_hash if user and user.passphrase_hash else _DUMMY_HASH
    try:
        _hasher.verify(stored, passphrase)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.is_active:
        return None
    if _hasher.check_needs_rehash(stored):
        user.passphrase_hash = _hasher.hash(passphrase)
    user.last_signed_in_at = utcnow()
    db.add(user)
    return user


def create_staff_invite(
    db: Session, *, created_by: User | None, role: Role, display_name: str, valid_days: int
) -> tuple[StaffInvite, str]:
    """`created_by` is None only for the first admin, invited from the command line."""
    token = secrets.token_urlsafe(24)
    invite = StaffInvite(
        token_hash=digest(token),
        role=role,
        display_name=display_name,
        created_by_id=created_by.id if created_by else None,
        expires_at=utcnow() + timedelta(days=valid_days),
    )
    db.add(invite)
    db.flush()
    return invite, token


class UnknownStaff(Exception):
    """Signed in at the council's IdP, but no admin has invited this person."""


def staff_user_for(db: Session, *, identity: StaffIdentity, invite_token: str | None) -> User:
    """Finds the account bound to (issuer, subject), or binds it through a valid invite."""
    user = db.exec(
        select(User).where(
            User.oidc_issuer == identity.issuer, User.oidc_subject == identity.subject
        )
    ).first()
    if user is None and invite_token:
        pending = db.exec(
            select(StaffInvite).where(StaffInvite.token_hash == digest(invite_token))
        ).first()
        if pending and pending.used_at is None and pending.expires_at > utcnow():
            user = User(
                role=pending.role,
                display_name=pending.display_name,
                oidc_issuer=identity.issuer,
                oidc_subject=identity.subject,
            )
            db.add(user)
            db.flush()
            if not _spend(db, StaffInvite, pending.id, user.id):
                raise UnknownStaff  # someone else used the link first; the caller rolls back
    if user is None or not user.is_active:
        raise UnknownStaff
    user.email = identity.email
    user.last_signed_in_at = utcnow()
    db.add(user)
    db.flush()
    return user
