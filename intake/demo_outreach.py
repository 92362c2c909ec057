"""The demo's last act (``rpa-intake demo``): the coordinator approves the completed Stage II
(a registration of record with its RPA User IDs); 45 days before its first annual
validation is due, the outreach runs: a dry run printed, then the request sent (an .eml in
the outbox) with its pre-filled Annual Validation PDF written beside it."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from intake.app import App
from intake.decisions import approve
from intake.outreach import OutreachReport, run_outreach
from notifier.sender import flush_outbox
from registry.db import transaction
from registry.documents import main_values
from registry.models import OutboxMessage, Submission

USER_ID_PREFIX = "RPAAC"  # the agency's format: RPA, 1-3 letters, 3-6 digits


@dataclass(frozen=True, slots=True)
class DemoOutreach:
    number: str
    dry_run: OutreachReport
    sent: OutreachReport
    request_file: Path | None
    pdf_file: Path | None


def demo_outreach(app: App, out: Path, *, when: datetime) -> DemoOutreach | None:
    """Approve the demo's complete Stage II, then request its first validation."""
    with transaction(app.sessions) as session:
        submission = session.scalars(select(Submission).where(
            Submission.form_type == "stage2", Submission.status == "complete")
            .order_by(Submission.id)).first()
        if submission is None or not submission.reference:
            return None
        count = int(main_values(submission).get("user_ids_requested") or 1)
        user_ids = [f"{USER_ID_PREFIX}{number:04d}" for number in range(1, count + 1)]
        approval = approve(session, submission.reference, actor="coordinator.demo", now=when,
                           settings=app.settings, user_ids=user_ids)
        number, due = approval.number or "", approval.validation_due
    assert due is not None
    later = datetime.combine(due - timedelta(days=45), datetime.min.time()) + timedelta(hours=14)
    dry = run_outreach(app.sessions, app.settings, now=later, year=due.year, dry_run=True)
    sent = run_outreach(app.sessions, app.settings, now=later, year=due.year)
    flush_outbox(app.sessions, app.transport, now=later, settings=app.settings)
    request_file, pdf_file = _written(app, out, number)
    return DemoOutreach(number, dry, sent, request_file, pdf_file)


def _written(app: App, out: Path, number: str) -> tuple[Path | None, Path | None]:
    """The request's .eml in the outbox, and its PDF attachment saved beside it."""
    with app.sessions() as session:
        row = session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "validation").order_by(OutboxMessage.id.desc())).first()
        raw = row.raw if row is not None else None
    if raw is None:
        return None, None
    message = email.message_from_bytes(raw, policy=email.policy.default)
    emls = sorted((out / "outbox").glob("*.eml"), key=lambda path: path.stat().st_mtime)
    request = next((path for path in reversed(emls) if number.encode() in path.read_bytes()),
                   None)
    for part in message.iter_attachments():  # type: ignore[attr-defined]
        if part.get_content_type() == "application/pdf":
            target = out / "outbox" / str(part.get_filename() or f"{number}.pdf")
            target.write_bytes(part.get_content())
            return request, target
    return request, None
