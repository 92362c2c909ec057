"""``rpa-intake db upgrade``: bring the schema to the newest migration."""

from __future__ import annotations

import argparse
from typing import Any

from intake.app import App
from registry.db import make_engine
from registry.migrate import upgrade


def register(commands: Any) -> None:
    parser = commands.add_parser("db", help="database schema")
    actions = parser.add_subparsers(dest="action", required=True)
    up = actions.add_parser("upgrade", help="apply schema migrations")
    up.add_argument("--revision", default="head")
    up.set_defaults(handler=run_upgrade, creates_database=True)


def run_upgrade(app: App, args: argparse.Namespace) -> int:
    engine = make_engine(app.settings.database.url)
    try:
        upgrade(engine, args.revision)
    finally:
        engine.dispose()
    print(f"database at {engine.url.render_as_string(hide_password=True)} is up to date")
    return 0
