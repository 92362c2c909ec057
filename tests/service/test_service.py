"""The running service: the digest fires once at send_at across DST changes and is sent at
most once per date and recipient; coordinator decisions; health; SIGTERM mid-batch."""

from __future__ import annotations

import email
import email.policy
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_values
from intake.context import build_context
from intake.decisions import DecisionError, approve, reject, request_info
from intake.health import check_alerts, health_status
from intake.pipeline import take_message
from intake.service import digest_trigger
from notifier.digest import build_digest, enqueue_digest
from registry.db import make_engine, make_session_factory, transaction
from registry.models import AuditEvent, MailboxState, OutboxMessage, Submission

ROOT = Path(__file__).resolve().parents[2]
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 12, 0)


@pytest.mark.parametrize(("before", "expected"), [
    (datetime(2026, 3, 7, 8, 0, tzinfo=NEW_YORK), datetime(2026, 3, 8, 7, 0)),  # spring forward
    (datetime(2026, 10, 31, 8, 0, tzinfo=NEW_YORK), datetime(2026, 11, 1, 7, 0)),  # fall back
])
def test_digest_fires_once_at_send_at_across_dst(before: datetime, expected: datetime) -> None:
    trigger = digest_trigger(Settings())
    first = trigger.get_next_fire_time(None, before)
    second = trigger.get_next_fire_time(first, first)
    assert first.replace(tzinfo=None) == expected
    assert first.utcoffset() != before.utcoffset()  # the offset did change in between
    assert (second - first).total_seconds() in {23 * 3600, 24 * 3600, 25 * 3600}
    assert second.hour == 7 and second.date() > first.date()


def file_stage1(factory: sessionmaker[Session], settings: Settings, seed: int = 1) -> str:
    ctx = build_context(settings, isolate=False)
    values = sample_values("stage1", seed=seed)
    raw = build_email(sender=f"{values['contact_name']} <{values['contact_email']}>",
                      to="fc@example.org", subject="Stage I", body="Attached",
                      attachments=[("s1.pdf", fillable_pdf(ctx.definitions["stage1"], values),
                                    "application/pdf")], message_id=f"s1-{seed}@example.org",
                      date=datetime(2026, 11, 23, 9, tzinfo=UTC))
    reference = take_message(factory, raw, ctx, mailbox="test", now=NOW).reference
    assert reference
    return reference


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings().replace(database={"url": db_url},
                              acknowledgment={"signing_key": "sixteen-char-key"})


def test_approving_a_stage1_issues_a_number_audits_and_notifies_in_thread(
        settings: Settings, session_factory: sessionmaker[Session]) -> None:
    first, second = file_stage1(session_factory, settings, 1), file_stage1(session_factory,
                                                                           settings, 3)
    with transaction(session_factory) as session:
        one = approve(session, first, actor="pat", now=NOW, settings=settings)
        two = approve(session, second, actor="pat", now=NOW, settings=settings)
    assert (one.number, two.number) == ("RPA1-2026-00001", "RPA1-2026-00002")
    with session_factory() as session:
        submission = session.scalars(select(Submission).where(
            Submission.reference == first)).one()
        assert submission.status == "approved" and submission.decided_by == "pat"
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "approved")).all()
        assert len(audit) == 2 and audit[0].actor == "pat"
        notice = session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "notice")).first()
        assert notice is not None and notice.recipient == "alice.nguyen@acmehealth.example"
        message = email.message_from_bytes(notice.raw or b"", policy=email.policy.default)
        assert "RPA1-2026-00001" in message.get_body(("plain",)).get_content()
        assert str(message["In-Reply-To"]).strip().startswith("<rpa.ack-")
        assert str(message["Subject"]).startswith(f"[{first}] Approved")


def test_illegal_moves_are_refused(settings: Settings,
                                   session_factory: sessionmaker[Session]) -> None:
    reference = file_stage1(session_factory, settings)
    with transaction(session_factory) as session:
        approve(session, reference, actor="pat", now=NOW, settings=settings)
    with pytest.raises(DecisionError, match="nothing to decide"), \
            transaction(session_factory) as session:
        approve(session, reference, actor="pat", now=NOW, settings=settings)
    with pytest.raises(DecisionError, match="no submission"), \
            transaction(session_factory) as session:
        reject(session, "FC-2026-999999-0", reason="x", actor="pat", now=NOW,
               settings=settings)


def test_request_info_then_reject(settings: Settings,
                                  session_factory: sessionmaker[Session]) -> None:
    reference = file_stage1(session_factory, settings)
    with transaction(session_factory) as session:
        request_info(session, reference, message="Please confirm the bot names.", actor="pat",
                     now=NOW, settings=settings)
    with transaction(session_factory) as session:
        reject(session, reference, reason="Duplicate of an approved request.", actor="pat",
               now=NOW, settings=settings)
    with session_factory() as session:
        notices = session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "notice").order_by(OutboxMessage.id)).all()
        texts = [email.message_from_bytes(n.raw or b"", policy=email.policy.default)
                 .get_body(("plain",)).get_content() for n in notices]
        assert ["confirm the bot names" in text for text in texts] == [True, False]
        assert "Duplicate of an approved request." in texts[1]


def test_digest_lists_what_waits_and_is_queued_once_per_recipient(
        settings: Settings, session_factory: sessionmaker[Session]) -> None:
    reference = file_stage1(session_factory, settings)
    with session_factory() as session:
        data = build_digest(session, day=date(2026, 11, 24), tz=NEW_YORK, now=NOW)
        assert [row[0] for row in data.waiting_review] == [reference]
        assert dict(data.received_by_form) == {"stage1": 1}
    for _ in range(2):  # a restart, or a second instance, on the same day
        with transaction(session_factory) as session:
            enqueue_digest(session, day=NOW.date(), settings=settings, now=NOW)
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.kind == "digest")) == 1


def test_health_and_one_alert_per_outage(settings: Settings,
                                         session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        assert not health_status(session, now=NOW, settings=settings).ok
    with transaction(session_factory) as session:
        session.add(MailboxState(mailbox="imap://x", last_uid=0, last_success_at=NOW,
                                 failing_since=NOW, last_error="connection refused"))
    later = NOW.replace(hour=13)
    for _ in range(3):
        with transaction(session_factory) as session:
            check_alerts(session, now=later, settings=settings)
    with transaction(session_factory) as session:
        session.scalars(select(MailboxState)).one().failing_since = None
        check_alerts(session, now=later, settings=settings)
    with session_factory() as session:
        subjects = [row.subject for row in session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "alert").order_by(OutboxMessage.id))]
    assert subjects == ["rpa-intake: mailbox intake is failing",
                        "rpa-intake: mailbox intake has recovered"]


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sigterm_mid_batch_then_restart_loses_nothing(db_url: str, tmp_path: Path) -> None:
    mailbox = tmp_path / "mailbox"
    mailbox.mkdir()
    for number in range(1, 41):
        (mailbox / f"{number:03d}.eml").write_bytes(build_email(
            sender=f"p{number}@clinic{number}.example", to="fc@example.org",
            subject=f"Question {number}", body="Hello", message_id=f"q{number}@example.org"))
    config = tmp_path / "rpa.toml"
    config.write_text(f'[database]\nurl = "{db_url}"\n[mailbox]\nsource = "maildir"\n'
                      f'path = "{mailbox}"\nbatch_size = 2\n[smtp]\n'
                      f'outbox_dir = "{tmp_path / "out"}"\n[service]\n'
                      'poll_interval_seconds = 1\n[acknowledgment]\n'
                      'signing_key = "sixteen-char-key"\n')
    command = [sys.executable, str(ROOT / "run_service.py"), "--config", str(config), "run"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    factory = make_session_factory(make_engine(db_url))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _filed(factory) < 5:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    sent_at = time.monotonic()
    _out, errors = process.communicate(timeout=15)
    assert process.returncode == 0, errors
    assert time.monotonic() - sent_at < 10
    assert "stopped" in errors
    restart = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and _filed(factory) < 40:
        time.sleep(0.2)
    restart.send_signal(signal.SIGTERM)
    restart.wait(timeout=15)
    assert _filed(factory) == 40
    assert sorted(path.name for path in (mailbox / ".processed").iterdir()) == \
        [f"{n:03d}.eml" for n in range(1, 41)]


def _filed(factory: sessionmaker[Session]) -> int:
    try:
        with factory() as session:
            return session.scalar(select(func.count()).select_from(Submission)) or 0
    except Exception:
        return 0


def test_health_tells_how_far_behind_intake_is_and_fails_when_a_message_is_stuck(
        settings: Settings, session_factory: sessionmaker[Session]) -> None:
    """A deadline week: the administrator sees what is stored and not filed yet, and the
    rate; a message left unfiled past alert_after_minutes makes the check fail."""
    from registry.models import MSG_CLAIMED, MSG_FILED, RawMessage

    def raw(number: int, status: str, minutes_ago: int) -> RawMessage:
        return RawMessage(sha256=f"{number:064d}", source="imap://x", size=1, raw=b"x",
                          received_at=NOW - timedelta(minutes=minutes_ago), status=status)

    with transaction(session_factory) as session:
        session.add(MailboxState(mailbox="imap://x", last_uid=0, last_success_at=NOW))
        session.add_all([raw(1, MSG_FILED, 5), raw(2, MSG_FILED, 50), raw(3, MSG_FILED, 90),
                         raw(4, MSG_CLAIMED, 2)])
    with session_factory() as session:
        health = health_status(session, now=NOW, settings=settings)
    assert health.ok
    assert "stored, not filed 1 (oldest 2 min); filed in the last hour 2" in health.line
    with transaction(session_factory) as session:
        session.add(raw(5, MSG_CLAIMED, settings.service.alert_after_minutes + 1))
    with session_factory() as session:
        health = health_status(session, now=NOW, settings=settings)
    assert not health.ok and "stored, not filed 2 (oldest 31 min)" in health.line
