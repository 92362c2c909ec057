"""``rpa-intake demo``: SQLite + the bundled sample mail through the whole pipeline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intake.app import App
from intake.cli_support import print_table, writable_dir
from intake.clock import utcnow


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="run the whole job on sample mail, offline")
    parser.add_argument("--out", type=Path, default=Path("demo-out"),
                        help="where the database, mailbox, outbox and digest go "
                             "(default: ./demo-out)")
    parser.set_defaults(handler=run, creates_database=True)


def run(_app: App, args: argparse.Namespace) -> int:
    from intake.demo import DEMO_USER, run_demo
    from registry.queries import list_submissions

    out = writable_dir(args.out.resolve())
    app, result = run_demo(out, now=utcnow())
    try:
        with app.sessions() as session:
            rows = [_row(item) for item in list_submissions(session)]
        print_table("rpa-intake demo: submissions filed", (
            "reference", "from", "form", "status", "docs", "acknowledgment", "problems"), rows)
        outbox = sorted(result.outbox_dir.glob("*.eml"))
        print(f"\nStage I approved by the coordinator: {result.stage1_number}")
        print(f"Registry:         {result.database}")
        print(f"Outgoing mail:    {len(outbox)} .eml files in {result.outbox_dir}")
        print(f"Daily digest:     {result.digest_file}")
        print(f"Config:           {result.config_file}")
        if result.outreach is not None:
            _print_outreach(result.outreach)
        print(f"\nNext: .venv/bin/rpa-intake --config {result.config_file} submissions list"
              f"\n      .venv/bin/rpa-intake --config {result.config_file} review list")
        print(f"\nConsole: .venv/bin/rpa-intake --config {result.config_file} web"
              f"\n         then open http://127.0.0.1:8080/ and sign in as "
              f"{DEMO_USER} / {result.console_password}")
    finally:
        app.close()
    return 0


def _print_outreach(outreach: Any) -> None:
    """The annual validation outreach of the demo's approved Stage II (issue 14)."""
    dry = outreach.dry_run
    print(f"\nStage II approved: registration {outreach.number}. Annual validation outreach "
          f"for {dry.year}, run 45 days before the due date:")
    print_table(f"validation outreach --year {dry.year} --dry-run", (
        "registration", "organization", "to", "due", "sends"),
        [(item.number, item.organization, item.recipient, item.due.isoformat(),
          "request + pre-filled form (PDF, DOCX)") for item in dry.items])
    print(f"Sent: {outreach.sent.queued} request(s): {outreach.request_file}")
    print(f"Pre-filled form:  {outreach.pdf_file}")


def _row(item: Any) -> tuple[object, ...]:
    ack = _ack_state(item)
    problems = [p.code for p in item.problems if p.severity in {"error", "review"}]
    return (item.reference, item.sender, item.form_type or "-", item.status,
            len(item.documents), ack, ", ".join(dict.fromkeys(problems)) or "-")


def _ack_state(item: Any) -> str:
    from sqlalchemy import select
    from sqlalchemy.orm import object_session

    from registry.models import OutboxMessage

    session = object_session(item)
    if session is None:
        return "-"
    rows = session.scalars(select(OutboxMessage).where(
        OutboxMessage.submission_id == item.id, OutboxMessage.kind == "ack")).all()
    return ", ".join(row.status if row.status != "suppressed" else f"suppressed ({row.reason})"
                     for row in rows) or "-"
