"""``rpa-intake oauth login --section imap|smtp|graph``: the delegated flow's one-time
sign-in; ``oauth check``: ask for a token with every OAuth login in use (one line each)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from intake.app import App
from intake.cli import UsageError


def register(commands: Any) -> None:
    parser = commands.add_parser("oauth", help="Microsoft 365 sign-in (delegated flow) "
                                                "and credential check")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    login = verbs.add_parser("login", help="sign in once; stores the refresh token")
    login.add_argument("--section", choices=("imap", "smtp", "graph"), default="imap")
    login.set_defaults(handler=run_login)
    check = verbs.add_parser("check", help="ask for a token with each OAuth login in use")
    check.set_defaults(handler=run_check)


def run_login(app: App, args: argparse.Namespace) -> int:
    from config.settings import check_oauth_fields
    from notifier.oauth import EXCHANGE_SCOPE, GRAPH_SCOPE, oauth_config
    from notifier.oauth_login import sign_in

    section = getattr(app.settings, args.section)
    if section.oauth_flow != "delegated":
        raise UsageError(f"{args.section}.oauth_flow is not delegated: nothing to sign in")
    check_oauth_fields(args.section, section)
    scope = GRAPH_SCOPE if args.section == "graph" else EXCHANGE_SCOPE
    config = oauth_config(args.section, section, scope)
    sign_in(config, show=lambda url: print(f"Open this address and sign in as the mailbox "
                                           f"user:\n{url}", flush=True),
            ask=_ask)
    print(f"signed in; refresh token stored in {config.refresh_token_file}")
    return 0


def _ask(prompt: str) -> str:
    print(prompt, file=sys.stderr, flush=True)
    return sys.stdin.readline()


def run_check(app: App, _args: argparse.Namespace) -> int:
    from intake.credentials import check_credentials

    check_credentials(app.settings)
    print("OAuth credentials accepted")
    return 0
