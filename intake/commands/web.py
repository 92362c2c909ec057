"""``rpa-intake web``: the coordinators' console in the foreground."""

from __future__ import annotations

import argparse
from typing import Any

from intake.app import App
from intake.cli import UsageError


def register(commands: Any) -> None:
    parser = commands.add_parser("web", help="the coordinators' web console")
    parser.add_argument("--host", help="listen address (default: web.host)")
    parser.add_argument("--port", type=int, help="listen port (default: web.port)")
    parser.set_defaults(handler=run)


def run(app: App, args: argparse.Namespace) -> int:
    from web.server import ConsoleError, serve

    try:
        return serve(app, host=args.host, port=args.port)
    except ConsoleError as err:
        raise UsageError(str(err)) from err
