"""``rpa-intake registrations list | show NUMBER | export --format csv|json [--status ...]
[--changed-since DATE]`` and ``registrations set-status NUMBER STATUS --reason``: the
registrations of record, for coordinators and the monitoring team."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from intake.app import App
from intake.cli import UsageError
from intake.cli_support import print_table
from intake.clock import utcnow
from registry.csv_safe import csv_row
from registry.db import transaction
from registry.models import REGISTRATION_STATUSES, Submission
from registry.registration_export import EXPORT_COLUMNS, export_rows, registration_json
from registry.registrations import (
    ChangeContext,
    list_registrations,
    registration_by_number,
    set_status,
)


def register(commands: Any) -> None:
    parser = commands.add_parser("registrations", help="registrations of record (approved bots)")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="one line per registration")
    _filters(listing)
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="one registration with its history, as JSON")
    show.add_argument("number", help="the Stage II approval number (RPA2-YYYY-NNNNN)")
    show.set_defaults(handler=run_show)
    export = actions.add_parser("export", help="one row per RPA User ID (monitoring)")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    _filters(export)
    export.set_defaults(handler=run_export)
    status = actions.add_parser("set-status", help="mark a registration out of compliance, "
                                                   "active again, or retired")
    status.add_argument("number")
    status.add_argument("status", choices=REGISTRATION_STATUSES)
    status.add_argument("--reason", required=True)
    status.add_argument("--actor", default="coordinator")
    status.set_defaults(handler=run_set_status)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", action="append", choices=REGISTRATION_STATUSES,
                        help="only this status (repeatable); for the export, a User ID's status")
    parser.add_argument("--changed-since", type=_day, metavar="YYYY-MM-DD",
                        help="only registrations changed on or after this date (UTC)")


def _day(text: str) -> datetime:
    try:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from err


def run_list(app: App, args: argparse.Namespace) -> int:
    with app.sessions() as session:
        rows = [(item.number, item.status,
                 item.organization.legal_name if item.organization else "-",
                 ", ".join(item.rpa_user_ids or []) or "-", item.rpa_tool_name or "-",
                 item.screens_per_session, item.validation_due or "-")
                for item in list_registrations(session, statuses=args.status or (),
                                               changed_since=args.changed_since)]
    print_table("Registrations", ("number", "status", "organization", "RPA User IDs", "tool",
                                  "screens", "validation due"), rows)
    return 0


def run_show(app: App, args: argparse.Namespace) -> int:
    with app.sessions() as session:
        registration = registration_by_number(session, args.number)
        if registration is None:
            raise UsageError(f"no registration with number {args.number}")
        ids = {item.submission_id for item in registration.changes} | {registration.submission_id}
        references = {row[0]: row[1] for row in session.execute(
            select(Submission.id, Submission.reference)
            .where(Submission.id.in_([item for item in ids if item])))}
        data = registration_json(registration, references)
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def run_export(app: App, args: argparse.Namespace) -> int:
    with app.sessions() as session:
        rows = export_rows(list_registrations(session, changed_since=args.changed_since),
                           statuses=args.status or ())
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    writer = csv.writer(sys.stdout)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow(csv_row(_cell(row[column]) for column in EXPORT_COLUMNS))
    return 0


def _cell(value: Any) -> Any:
    return "; ".join(str(item) for item in value) if isinstance(value, list) else value


def run_set_status(app: App, args: argparse.Namespace) -> int:
    with transaction(app.sessions) as session:
        registration = registration_by_number(session, args.number)
        if registration is None:
            raise UsageError(f"no registration with number {args.number}")
        set_status(registration, args.status, reason=args.reason,
                   who=ChangeContext(actor=args.actor, now=utcnow()))
    print(f"{args.number}: {args.status}")
    return 0
