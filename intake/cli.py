"""The command line: global options, one sub-command per job; exit 0 ok, 2 bad usage or
configuration (one line on stderr), 1 other failure. Data goes to stdout, logs to stderr."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from config.settings import ConfigError, load_settings
from intake.app import App
from intake.logs import setup_logging
from registry.db import DatabaseError

COMMAND_MODULES = (
    "demo", "run", "poll", "extract", "submissions", "review", "outbox", "digest",
    "quarantine", "forms", "db", "health", "oauth", "registrations", "validation",
    "users", "web",
)


class UsageError(Exception):
    """Bad arguments; exit 2 with the message."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rpa-intake",
        description="Email intake for the MassHealth RPA bot registration mailbox.")
    parser.add_argument("--config", help="TOML config file (default: $RPA_INTAKE_CONFIG)")
    parser.add_argument("--log-format", choices=("plain", "json"), default=None)
    parser.add_argument("--log-level", default=None,
                        choices=("DEBUG", "INFO", "WARNING", "ERROR"), type=str.upper)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"intake.commands.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"intake.commands.{name}":
                raise
            continue  # a command still being built
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as err:
        return _fail(f"configuration error: {err}")
    setup_logging(args.log_format or settings.service.log_format,
                  args.log_level or settings.service.log_level)
    app = App(settings, create_database=bool(getattr(args, "creates_database", False)))
    try:
        return int(args.handler(app, args) or 0)
    except (ConfigError, UsageError) as err:
        return _fail(str(err))
    except DatabaseError as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        logging.getLogger(__name__).debug("command failed", exc_info=True)
        print(f"rpa-intake: {type(err).__name__}: {err} (--log-level DEBUG shows details)",
              file=sys.stderr)
        return 1
    finally:
        app.close()


def _fail(message: str) -> int:
    print(f"rpa-intake: {message}", file=sys.stderr)
    return 2
