"""``rpa-intake run``: the scheduled service until SIGTERM or SIGINT (and the console beside
it when ``[web] enabled = true``)."""

from __future__ import annotations

import argparse
from typing import Any

from intake.app import App
from intake.cli import UsageError


def register(commands: Any) -> None:
    parser = commands.add_parser("run", help="the scheduled service (intake, outbox, digest, "
                                             "housekeeping) until stopped")
    parser.set_defaults(handler=run, creates_database=True)


def run(app: App, _args: argparse.Namespace) -> int:
    from intake.credentials import check_credentials
    from intake.service import run_service

    app.require_signing_key()
    check_credentials(app.settings)
    console = _start_console(app) if app.settings.web.enabled else None
    try:
        return run_service(app)
    finally:
        if console is not None:
            console.stop()


def _start_console(app: App) -> Any:
    from web.server import ConsoleError, start_in_thread

    try:
        return start_in_thread(app)
    except ConsoleError as err:
        raise UsageError(str(err)) from err
