"""Console accounts: create, change role or password, disable, and sign in (argon2 hashes,
rate limited, every attempt recorded). The CLI's ``users`` command and the web console's
login both call these."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from registry.models import ROLES, AuditEvent, ConsoleUser, LoginAttempt

HASHER = PasswordHasher()
NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,99}$")
MIN_PASSWORD = 10
WINDOW = timedelta(minutes=15)
MAX_FAILURES = 5  # per account name within WINDOW
MAX_CLIENT_FAILURES = 20  # per client address (higher: colleagues may share one)
# Verified when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = HASHER.hash("not-a-password-of-anyone")


class UserError(Exception):
    """The account cannot be created or changed; the message says why."""


@dataclass(frozen=True, slots=True)
class SignIn:
    ok: bool
    name: str
    role: str = ""
    reason: str = ""  # for the person signing in: never says whether the name exists


def add_user(session: Session, name: str, *, role: str, password: str,
             now: datetime, actor: str) -> ConsoleUser:
    name = name.strip().lower()
    _check(name, role, password)
    if session.scalar(select(ConsoleUser).where(ConsoleUser.name == name)) is not None:
        raise UserError(f"user {name} exists already")
    user = ConsoleUser(name=name, role=role, password_hash=HASHER.hash(password),
                       created_at=now, disabled=False)
    session.add(user)
    session.add(AuditEvent(at=now, actor=actor, action="user_added",
                           detail={"name": name, "role": role}))
    return user


def set_password(session: Session, name: str, *, password: str, now: datetime,
                 actor: str) -> None:
    user = _user(session, name)
    _check(user.name, user.role, password)
    user.password_hash = HASHER.hash(password)
    session.add(AuditEvent(at=now, actor=actor, action="user_password", detail={"name": name}))


def set_role(session: Session, name: str, *, role: str | None = None,
             disabled: bool | None = None, now: datetime, actor: str) -> ConsoleUser:
    user = _user(session, name)
    if role is not None:
        _check(user.name, role, None)
        user.role = role
    if disabled is not None:
        user.disabled = disabled
    session.add(AuditEvent(at=now, actor=actor, action="user_changed",
                           detail={"name": user.name, "role": user.role,
                                   "disabled": user.disabled}))
    return user


def list_users(session: Session) -> list[ConsoleUser]:
    return list(session.scalars(select(ConsoleUser).order_by(ConsoleUser.name)))


def sign_in(session: Session, name: str, password: str, *, client: str,
            now: datetime) -> SignIn:
    """Check a password; refuse while too many recent attempts failed; record the attempt."""
    name = name.strip().lower()[:100]
    if _too_many_failures(session, name, client, now):
        return _record(session, name, client, now, SignIn(
            False, name, reason="Too many failed sign-ins. Wait 15 minutes and try again."))
    user = session.scalar(select(ConsoleUser).where(ConsoleUser.name == name))
    if not _verify(user.password_hash if user else _DUMMY_HASH, password) or user is None:
        return _record(session, name, client, now,
                       SignIn(False, name, reason="Wrong name or password."))
    if user.disabled:
        return _record(session, name, client, now,
                       SignIn(False, name, reason="This account is disabled."))
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    user.last_login_at = now
    return _record(session, name, client, now, SignIn(True, name, role=user.role))


def user_role(session: Session, name: str) -> str | None:
    """The current role of an enabled account (sessions re-check it on every request)."""
    user = session.scalar(select(ConsoleUser).where(ConsoleUser.name == name))
    return None if user is None or user.disabled else user.role


def _verify(hashed: str, password: str) -> bool:
    try:
        return HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _too_many_failures(session: Session, name: str, client: str, now: datetime) -> bool:
    failed = select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.at >= now - WINDOW, LoginAttempt.success.is_(False))
    by_name = session.scalar(failed.where(LoginAttempt.name == name)) or 0
    by_client = session.scalar(failed.where(LoginAttempt.client == client)) or 0
    return by_name >= MAX_FAILURES or by_client >= MAX_CLIENT_FAILURES


def _record(session: Session, name: str, client: str, now: datetime, result: SignIn) -> SignIn:
    session.add(LoginAttempt(at=now, name=name, client=client[:64], success=result.ok,
                             detail=result.reason[:200]))
    session.add(AuditEvent(at=now, actor=name, action="login" if result.ok else "login_failed",
                           detail={"client": client[:64], "reason": result.reason}))
    return result


def _user(session: Session, name: str) -> ConsoleUser:
    user = session.scalar(select(ConsoleUser).where(ConsoleUser.name == name.strip().lower()))
    if user is None:
        raise UserError(f"no user {name}")
    return user


def _check(name: str, role: str, password: str | None) -> None:
    if not NAME.match(name):
        raise UserError("a user name is lower-case letters, digits and . _ @ -")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise UserError(f"a password has at least {MIN_PASSWORD} characters")
