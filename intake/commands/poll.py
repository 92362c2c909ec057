"""``rpa-intake poll --once``: one intake cycle on the configured mailbox, then one outbox
flush."""

from __future__ import annotations

import argparse
from typing import Any

from intake.app import App
from intake.cli import UsageError
from intake.clock import utcnow


def register(commands: Any) -> None:
    parser = commands.add_parser("poll", help="one intake cycle, then one outbox flush")
    parser.add_argument("--once", action="store_true", required=True,
                        help="take everything waiting, then stop (the only mode)")
    parser.add_argument("--no-flush", action="store_true", help="do not send the outbox")
    parser.set_defaults(handler=run, creates_database=True)


def run(app: App, args: argparse.Namespace) -> int:
    from intake.credentials import check_credentials
    from intake.mailbox import open_source
    from intake.poll import PollReport, poll_once
    from registry.locks import poller_lock, warn_if_second_instance

    if not args.once:
        raise UsageError("poll needs --once (use `rpa-intake run` for the service)")
    app.require_signing_key()
    check_credentials(app.settings)
    warn_if_second_instance(app.engine)
    report = PollReport()
    with open_source(app.settings) as source, poller_lock(app.engine, source.key) as lock:
        if lock.held:
            report = poll_once(app.sessions, source, app.context, now_fn=utcnow)
        else:
            print(f"skipped: another instance is polling {source.key}")
    elsewhere = f", filed by another instance {report.elsewhere}" if report.elsewhere else ""
    print(f"seen {report.seen}, filed {report.filed}, already filed {report.already}"
          f"{elsewhere}, quarantined {report.quarantined}, moved {report.moved}")
    if not args.no_flush:
        from intake.commands.outbox import flush_now

        flushed = flush_now(app)
        print(f"sent {flushed.sent}, retrying {flushed.retried}, failed {flushed.failed}")
    return 1 if report.errors else 0
