"""``rpa-intake validation outreach [--year Y] [--due-within DAYS] [--number N] [--dry-run]``
(the yearly requests with pre-filled forms), ``validation remind [--dry-run]`` (reminders and
overdue marking, as the daily job does) and ``validation status [--year Y]``."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from intake.app import App
from intake.cli_support import print_table
from intake.clock import utcnow
from registry.db import transaction
from registry.models import Registration, ValidationCycle


def register(commands: Any) -> None:
    parser = commands.add_parser("validation", help="annual validation outreach")
    actions = parser.add_subparsers(dest="action", required=True)
    outreach = actions.add_parser("outreach", help="request this year's validations, with "
                                                   "the form pre-filled (PDF and DOCX)")
    outreach.add_argument("--year", type=int, help="validation year (default: this year)")
    outreach.add_argument("--due-within", type=int, metavar="DAYS",
                          help="only registrations due within DAYS from today")
    outreach.add_argument("--number", action="append", default=[],
                          help="only this registration (repeatable)")
    outreach.add_argument("--dry-run", action="store_true", help="print who would get what")
    outreach.add_argument("--send", action="store_true", help="flush the outbox afterwards")
    outreach.set_defaults(handler=run_outreach_command)
    remind = actions.add_parser("remind", help="reminders due today, and overdue marking")
    remind.add_argument("--dry-run", action="store_true", help="print who would be reminded")
    remind.set_defaults(handler=run_remind)
    status = actions.add_parser("status", help="the validation cycles of a year")
    status.add_argument("--year", type=int)
    status.set_defaults(handler=run_status)


def run_outreach_command(app: App, args: argparse.Namespace) -> int:
    from intake.outreach import run_outreach

    report = run_outreach(app.sessions, app.settings, now=utcnow(), year=args.year,
                          due_within=args.due_within, numbers=args.number, dry_run=args.dry_run)
    title = (f"Validation requests for {report.year} (dry run: nothing sent)" if args.dry_run
             else f"Validation requests for {report.year}: {report.queued} queued")
    print_table(title, ("registration", "organization", "to", "due", "sends"),
                [(item.number, item.organization, item.recipient, item.due.isoformat(),
                  "request + pre-filled form (PDF, DOCX)") for item in report.items])
    for number, why in report.skipped:
        print(f"skipped {number}: {why}")
    if args.send and not args.dry_run:
        from intake.commands.outbox import flush_now

        sent = flush_now(app)
        print(f"outbox: sent {sent.sent}, retrying {sent.retried}, failed {sent.failed}")
    return 0


def run_remind(app: App, args: argparse.Namespace) -> int:
    from intake.outreach import local_today
    from intake.reminders import send_reminders
    from registry.validation_cycles import mark_overdue

    now = utcnow()
    with transaction(app.sessions) as session:
        sent = send_reminders(session, app.settings, now=now, dry_run=args.dry_run)
        overdue = [] if args.dry_run else mark_overdue(
            session, today=local_today(now, app.settings),
            grace_days=app.settings.validation.grace_days, now=now)
        if args.dry_run:
            session.rollback()
        print_table("Validation reminders" + (" (dry run)" if args.dry_run else ""),
                    ("registration", "reminder"), sent)
        for row in overdue:
            print(f"{row.number}: validation_overdue")
    return 0


def run_status(app: App, args: argparse.Namespace) -> int:
    from intake.outreach import local_today

    year = args.year or local_today(utcnow(), app.settings).year
    with app.sessions() as session:
        rows = session.execute(
            select(Registration.number, Registration.status, ValidationCycle)
            .join(ValidationCycle, ValidationCycle.registration_id == Registration.id)
            .where(ValidationCycle.year == year).order_by(ValidationCycle.due)).all()
        table = [(number, status, cycle.due, _when(cycle.requested_at),
                  len(cycle.notices) - 1 if cycle.notices else 0, _when(cycle.received_at),
                  _when(cycle.validated_at), _when(cycle.overdue_at))
                 for number, status, cycle in rows]
    print_table(f"Annual validations {year}", ("registration", "status", "due", "requested",
                                               "reminders", "received", "validated",
                                               "overdue"), table)
    return 0


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if value else "-"
