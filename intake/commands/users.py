"""``rpa-intake users add NAME --role coordinator|viewer|admin`` (the password is asked for,
or read from $RPA_INTAKE_NEW_PASSWORD), ``users list``, ``users set NAME``, ``users logins``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from sqlalchemy import select

from intake.app import App
from intake.cli import UsageError
from intake.cli_output import add_format, emit
from intake.clock import utcnow
from registry.db import transaction
from registry.models import ROLES, LoginAttempt

PASSWORD_ENV = "RPA_INTAKE_NEW_PASSWORD"


def register(commands: Any) -> None:
    parser = commands.add_parser("users", help="console accounts")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="a new account (asks for the password)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="every account")
    add_format(listing)
    listing.set_defaults(handler=run_list)
    change = actions.add_parser("set", help="change an account")
    change.add_argument("name")
    change.add_argument("--role", choices=ROLES)
    change.add_argument("--password", action="store_true", help="ask for a new password")
    state = change.add_mutually_exclusive_group()
    state.add_argument("--disable", action="store_true")
    state.add_argument("--enable", action="store_true")
    change.set_defaults(handler=run_set)
    logins = actions.add_parser("logins", help="the last sign-in attempts")
    logins.add_argument("--limit", type=int, default=50)
    add_format(logins)
    logins.set_defaults(handler=run_logins)


def run_add(app: App, args: argparse.Namespace) -> int:
    from intake.users import UserError, add_user

    password = _password()
    try:
        with transaction(app.sessions) as session:
            add_user(session, args.name, role=args.role, password=password, now=utcnow(),
                     actor=_actor())
    except UserError as err:
        raise UsageError(str(err)) from err
    print(f"added {args.name.lower()} ({args.role})")
    return 0


def run_set(app: App, args: argparse.Namespace) -> int:
    from intake.users import UserError, set_password, set_role

    disabled = True if args.disable else False if args.enable else None
    try:
        with transaction(app.sessions) as session:
            now = utcnow()
            if args.password:
                set_password(session, args.name, password=_password(), now=now, actor=_actor())
            user = set_role(session, args.name, role=args.role, disabled=disabled, now=now,
                            actor=_actor())
            line = f"{user.name}: {user.role}{' (disabled)' if user.disabled else ''}"
    except UserError as err:
        raise UsageError(str(err)) from err
    print(line)
    return 0


def run_list(app: App, args: argparse.Namespace) -> int:
    from intake.users import list_users

    with app.sessions() as session:
        rows = [(user.name, user.role, "disabled" if user.disabled else "active",
                 _when(user.last_login_at)) for user in list_users(session)]
    emit("Console accounts", ("name", "role", "state", "last sign-in (UTC)"), rows, args.format)
    return 0


def run_logins(app: App, args: argparse.Namespace) -> int:
    with app.sessions() as session:
        attempts = session.scalars(select(LoginAttempt).order_by(LoginAttempt.id.desc())
                                   .limit(max(args.limit, 1))).all()
        rows = [(_when(item.at), item.name, item.client, "ok" if item.success else "failed",
                 item.detail) for item in attempts]
    emit("Sign-in attempts, newest first", ("at (UTC)", "name", "client", "result", "detail"),
         rows, args.format)
    return 0


def _password() -> str:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise UsageError("the passwords differ")
    return first


def _actor() -> str:
    return os.environ.get("USER") or "cli"


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"
