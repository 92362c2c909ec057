"""``rpa-intake quarantine list | retry ID | discard ID``: messages that could not be filed."""

from __future__ import annotations

import argparse
from typing import Any

from intake.app import App
from intake.cli_output import add_format, emit
from intake.clock import utcnow


def register(commands: Any) -> None:
    parser = commands.add_parser("quarantine", help="messages that failed")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="open quarantine entries")
    listing.add_argument("--all", action="store_true", help="include resolved entries")
    add_format(listing)
    listing.set_defaults(handler=run_list)
    for name, helptext in (("retry", "file the message again"),
                           ("discard", "give up on the message")):
        action = actions.add_parser(name, help=helptext)
        action.add_argument("entry_id", type=int, metavar="ID")
        action.set_defaults(handler=run_retry if name == "retry" else run_discard)


def run_list(app: App, args: argparse.Namespace) -> int:
    from intake.quarantine_ops import list_entries

    with app.sessions() as session:
        rows = [
            (row.id, row.created_at.strftime("%Y-%m-%d %H:%M"), row.sender or "",
             row.subject or "", row.reason, row.resolution or "open")
            for row in list_entries(session, include_resolved=args.all)
        ]
    emit("Quarantine", ("id", "when (UTC)", "sender", "subject", "reason", "state"), rows,
         args.format)
    return 0


def run_retry(app: App, args: argparse.Namespace) -> int:
    from intake.quarantine_ops import retry

    outcome = retry(app.sessions, args.entry_id, app.context, now=utcnow())
    print(f"{outcome.status} {outcome.reference or outcome.reason or ''}".strip())
    return 0 if outcome.status in {"filed", "already"} else 1


def run_discard(app: App, args: argparse.Namespace) -> int:
    from intake.quarantine_ops import discard

    discard(app.sessions, args.entry_id, now=utcnow())
    print(f"discarded {args.entry_id}")
    return 0
