"""``rpa-intake health``: one line; exit 0 healthy, 1 not."""

from __future__ import annotations

import argparse
from typing import Any

from intake.app import App
from intake.clock import utcnow
from intake.health import health_status


def register(commands: Any) -> None:
    parser = commands.add_parser("health", help="one line: last poll, outbox backlog, "
                                                "quarantine; exit 0 healthy, 1 not")
    parser.set_defaults(handler=run)


def run(app: App, _args: argparse.Namespace) -> int:
    with app.sessions() as session:
        status = health_status(session, now=utcnow(), settings=app.settings)
    print(status.line)
    return 0 if status.ok else 1
