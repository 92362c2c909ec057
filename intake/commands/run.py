"""``rpa-intake run``: the scheduled service until SIGTERM or SIGINT."""

from __future__ import annotations

import argparse
from typing import Any

from intake.app import App


def register(commands: Any) -> None:
    parser = commands.add_parser("run", help="the scheduled service (intake, outbox, digest, "
                                             "housekeeping) until stopped")
    parser.set_defaults(handler=run, creates_database=True)


def run(app: App, _args: argparse.Namespace) -> int:
    from intake.credentials import check_credentials
    from intake.service import run_service

    app.require_signing_key()
    check_credentials(app.settings)
    return run_service(app)
