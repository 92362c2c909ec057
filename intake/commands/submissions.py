"""``rpa-intake submissions list | show REF | export --format json|csv``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from intake.app import App
from intake.cli import UsageError
from intake.cli_output import add_format, emit
from registry.csv_safe import write_rows
from registry.export import organization_name, submission_json
from registry.queries import (
    count_submissions,
    latest_submissions,
    list_submissions,
    submission_by_reference,
)

LIST_LIMIT = 200  # a listing shows the newest; `export` is for everything

STATUSES = ("received", "complete", "incomplete", "needs_review", "approved", "rejected",
            "info_requested", "duplicate", "no_form")


def register(commands: Any) -> None:
    parser = commands.add_parser("submissions", help="read the registry")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="one line per submission")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--limit", type=int, default=LIST_LIMIT,
                         help=f"the newest N (default {LIST_LIMIT}; 0 for all)")
    add_format(listing)
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="one submission: decision, documents, problems, "
                                           "thread (--json for the export shape)")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true", help="the export's JSON shape")
    show.set_defaults(handler=run_show)
    export = actions.add_parser("export", help="every submission as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.set_defaults(handler=run_export)


def run_list(app: App, args: argparse.Namespace) -> int:
    with app.sessions() as session:
        rows = [
            (item.reference, item.received_at.strftime("%Y-%m-%d %H:%M"), item.sender,
             item.form_type or "-", item.status,
             organization_name(item) or "-",
             len(item.documents), sum(1 for p in item.problems if p.severity == "error"))
            for item in latest_submissions(session, status=args.status, limit=args.limit)
        ]
        total = count_submissions(session, status=args.status) if rows else 0
    emit("Submissions", ("reference", "received (UTC)", "sender", "form", "status",
                         "organization", "docs", "errors"), rows, args.format)
    if total > len(rows):
        print(f"(the newest {len(rows)} of {total}; --limit 0 for all)", file=sys.stderr)
    return 0


def run_show(app: App, args: argparse.Namespace) -> int:
    from intake.submission_text import summary_lines
    from registry.console_queries import submission_page

    with app.sessions() as session:
        if getattr(args, "json", False):
            submission = submission_by_reference(session, args.reference)
            if submission is None:
                raise UsageError(f"no submission with reference {args.reference}")
            print(json.dumps(submission_json(session, submission), indent=2,
                             ensure_ascii=False))
            return 0
        page = submission_page(session, args.reference)
        if page is None:
            raise UsageError(f"no submission with reference {args.reference}")
        print("\n".join(summary_lines(page, app.context.definitions)))
    return 0


def run_export(app: App, args: argparse.Namespace) -> int:
    with app.sessions() as session:
        items = [submission_json(session, row) for row in list_submissions(session)]
    if args.format == "json":
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return 0
    header = ["reference", "received_at", "sender", "subject", "status", "form_type",
              "organization", "documents", "problems", "acknowledgment"]
    write_rows(sys.stdout, header, (
        [item["reference"], item["received_at"], item["sender"], item["subject"],
         item["status"], item["form_type"], item["organization"], len(item["documents"]),
         "; ".join(p["code"] for p in item["problems"]),
         (item["acknowledgment"] or {}).get("status")] for item in items))
    return 0
