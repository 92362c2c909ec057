"""``rpa-intake digest [--date YYYY-MM-DD] --print|--send``: the coordinators' digest."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from intake.app import App
from intake.cli import UsageError
from intake.clock import utcnow
from notifier.digest import (
    build_digest,
    digest_day,
    enqueue_digest,
    render_digest,
    send_time,
)
from registry.db import transaction


def register(commands: Any) -> None:
    parser = commands.add_parser("digest", help="the daily digest: preview or send")
    parser.add_argument("--date", help="the digest's date (default: today in digest.timezone)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--print", action="store_true", help="show exactly what would be sent")
    mode.add_argument("--send", action="store_true", help="queue it (once per date and "
                                                          "recipient) and flush the outbox")
    parser.set_defaults(handler=run)


def run(app: App, args: argparse.Namespace) -> int:
    return run_at(app, args, now=utcnow())


def run_at(app: App, args: argparse.Namespace, *, now: datetime) -> int:
    """The command at ``now`` (naive UTC)."""
    tz = ZoneInfo(app.settings.digest.timezone)
    day = _day(args.date, now, tz)
    if args.print:
        return print_digest(app, day, now=now)
    return send_digest(app, day, now=now)


def print_digest(app: App, day: date, *, now: datetime) -> int:
    """Show exactly what the digest for ``day`` would say."""
    with app.sessions() as session:
        data = build_digest(session, day=day, tz=ZoneInfo(app.settings.digest.timezone),
                            now=now, send_at=send_time(app.settings))
    subject, text, _html = render_digest(data, templates_dir=app.settings.acknowledgment
                                         .templates_dir)
    recipients = ", ".join(app.settings.digest.recipients)
    print(f"To: {recipients}\nSubject: {subject}\n\n{text}")
    return 0


def send_digest(app: App, day: date, *, now: datetime) -> int:
    """Queue the digest for ``day`` (once per date and recipient), then flush the outbox."""
    with transaction(app.sessions) as session:
        rows = enqueue_digest(session, day=day, settings=app.settings, now=now)
        print(f"digest for {day} queued for {len(rows)} recipient(s)")
    from intake.commands.outbox import flush_now

    report = flush_now(app, now=now)
    print(f"sent {report.sent}, retrying {report.retried}, failed {report.failed}")
    return 0


def _day(text: str | None, now: datetime, tz: ZoneInfo) -> date:
    """The given date, or today's in the digest time zone, before or after its send time (the
    scheduled job uses the same day, so a manual send never takes tomorrow's dedupe key)."""
    if not text:
        return digest_day(now, tz)
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise UsageError(f"--date: expected YYYY-MM-DD, got {text!r}") from err
