"""Coordinator commands: ``review list`` / ``review show REF``, ``approve REF``,
``reject REF --reason``, ``request-info REF --message``, ``answer REF --message`` (an
inquiry). Each decision is audited and sends
the organization's contact a notice in the submission's thread."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from intake.app import App
from intake.cli import UsageError
from intake.cli_output import add_format, emit
from intake.clock import utcnow
from registry.db import transaction

WAITING = ("needs_review", "complete", "incomplete", "info_requested")
LIST_LIMIT = 200  # the oldest first; a table of thousands helps nobody and takes seconds


def register(commands: Any) -> None:
    review = commands.add_parser("review", help="what waits for a coordinator")
    actions = review.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="submissions and inquiries waiting, oldest first")
    listing.add_argument("--limit", type=int, default=LIST_LIMIT,
                         help=f"the oldest N waiting (default {LIST_LIMIT}; 0 for all)")
    add_format(listing)
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="one submission: decision, documents, problems, "
                                           "thread (--json for the export shape)")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true", help="the export's JSON shape")
    show.set_defaults(handler=run_show)
    answer = commands.add_parser("answer", help="answer an inquiry (closes it)")
    answer.add_argument("reference")
    answer.add_argument("--message", required=True)
    _actor(answer)
    answer.set_defaults(handler=run_answer)
    approve = commands.add_parser("approve", help="approve a submission (Stage I: issues an "
                                                  "RPA1 number; Stage II: --user-ids)")
    approve.add_argument("reference")
    approve.add_argument("--user-ids", help="RPA User IDs assigned (Stage II), comma separated")
    approve.add_argument("--force", action="store_true", help="approve although not complete")
    _actor(approve)
    approve.set_defaults(handler=run_approve)
    reject = commands.add_parser("reject", help="reject a submission with a reason")
    reject.add_argument("reference")
    reject.add_argument("--reason", required=True)
    _actor(reject)
    reject.set_defaults(handler=run_reject)
    info = commands.add_parser("request-info", help="ask the provider for information")
    info.add_argument("reference")
    info.add_argument("--message", required=True)
    _actor(info)
    info.set_defaults(handler=run_request_info)


def _actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", default=os.environ.get("USER") or _login(),
                        help="who decides (default: $USER)")


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coordinator"


def run_list(app: App, args: argparse.Namespace) -> int:
    from notifier.labels import form_label, waiting_for
    from registry.queries import count_waiting, waiting_submissions

    limit = getattr(args, "limit", LIST_LIMIT)
    now = utcnow()
    with app.sessions() as session:
        rows = [
            (item.reference, "inquiry" if item.inquiry == "open" else item.status,
             form_label(item.form_type),
             item.organization.legal_name if item.organization else item.sender,
             waiting_for(now, item.received_at), _summary(item))
            for item in waiting_submissions(session, WAITING, limit=limit, inquiries=True)
        ]
        total = (count_waiting(session, WAITING, inquiries=True)
                 if limit and len(rows) == limit else len(rows))
    emit("Waiting for a coordinator", ("reference", "status", "form", "organization",
                                       "waiting", "problems"), rows, args.format)
    if total > len(rows):
        print(f"(the oldest {len(rows)} of {total} waiting; --limit 0 for all)",
              file=sys.stderr)
    return 0


def _summary(item: Any) -> str:
    codes = [p.code for p in item.problems if p.severity in {"error", "review"}]
    return ", ".join(dict.fromkeys(codes)) or "-"


def run_show(app: App, args: argparse.Namespace) -> int:
    from intake.commands.submissions import run_show as show_submission

    return show_submission(app, args)


def run_approve(app: App, args: argparse.Namespace) -> int:
    from intake.decisions import approve

    ids = [item.strip() for item in (args.user_ids or "").split(",") if item.strip()]
    with _deciding(app) as session:
        approval = approve(session, args.reference, actor=args.actor, now=utcnow(),
                           settings=app.settings, user_ids=ids, force=args.force)
        print(f"approved {args.reference}" + (f": {approval.number}" if approval.number else ""))
    return _flush(app)


def run_answer(app: App, args: argparse.Namespace) -> int:
    from intake.inquiries import answer_inquiry

    with _deciding(app) as session:
        answer_inquiry(session, args.reference, text=args.message, actor=args.actor,
                       now=utcnow(), settings=app.settings)
        print(f"answered {args.reference}")
    return _flush(app)


def run_reject(app: App, args: argparse.Namespace) -> int:
    from intake.decisions import reject

    with _deciding(app) as session:
        reject(session, args.reference, reason=args.reason, actor=args.actor, now=utcnow(),
               settings=app.settings)
        print(f"rejected {args.reference}")
    return _flush(app)


def run_request_info(app: App, args: argparse.Namespace) -> int:
    from intake.decisions import request_info

    with _deciding(app) as session:
        request_info(session, args.reference, message=args.message, actor=args.actor,
                     now=utcnow(), settings=app.settings)
        print(f"information requested for {args.reference}")
    return _flush(app)


@contextmanager
def _deciding(app: App) -> Iterator[Any]:
    """A transaction whose DecisionError becomes a one-line usage error."""
    from intake.decisions import DecisionError

    try:
        with transaction(app.sessions) as session:
            yield session
    except DecisionError as err:
        raise UsageError(str(err)) from err


def _flush(app: App) -> int:
    from intake.commands.outbox import flush_now

    report = flush_now(app)
    print(f"notice: sent {report.sent}, retrying {report.retried}, failed {report.failed}")
    return 0
