"""``rpa-intake outbox list | flush | retry ID``: outgoing mail."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from intake.app import App
from intake.cli_output import add_format, emit
from intake.clock import utcnow


def register(commands: Any) -> None:
    parser = commands.add_parser("outbox", help="outgoing mail")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="one line per outgoing message")
    listing.add_argument("--status", choices=("queued", "sent", "failed", "bounced",
                                              "suppressed"))
    add_format(listing)
    listing.set_defaults(handler=run_list)
    flush = actions.add_parser("flush", help="send what is due now")
    flush.set_defaults(handler=run_flush)
    retry = actions.add_parser("retry", help="send a queued or failed message at the next flush")
    retry.add_argument("row_id", type=int, metavar="ID")
    retry.set_defaults(handler=run_retry)


def run_list(app: App, args: argparse.Namespace) -> int:
    from notifier.outbox import list_outbox

    with app.sessions() as session:
        rows = [
            (row.id, row.kind, row.recipient, row.status, row.attempts,
             row.created_at.strftime("%Y-%m-%d %H:%M"),
             row.sent_at.strftime("%Y-%m-%d %H:%M") if row.sent_at else "",
             row.reason or row.last_error or "", row.subject)
            for row in list_outbox(session, status=args.status)
        ]
    emit("Outbox", ("id", "kind", "to", "status", "tries", "created (UTC)", "sent",
                    "reason", "subject"), rows, args.format)
    return 0


def run_flush(app: App, args: argparse.Namespace) -> int:
    report = flush_now(app)
    print(f"sent {report.sent}, retrying {report.retried}, failed {report.failed}")
    return 0


def run_retry(app: App, args: argparse.Namespace) -> int:
    from intake.cli import UsageError
    from notifier.outbox_ops import OutboxError, retry_now
    from registry.db import transaction

    try:
        with transaction(app.sessions) as session:
            retry_now(session, args.row_id, now=utcnow(), actor="cli")
    except OutboxError as err:
        raise UsageError(str(err)) from err
    print(f"outbox {args.row_id} is due now")
    return 0


def flush_now(app: App, *, now: datetime | None = None) -> Any:
    """Send what is due at ``now`` (default: the clock)."""
    from notifier.sender import flush_outbox

    return flush_outbox(app.sessions, app.transport, now=now or utcnow(),
                        settings=app.settings)
