"""Faults on the intake path, against the real Dovecot (issue #10): a reused Message-ID,
database errors that must not quarantine, interrupted attempts, and a message that takes
longer than its budget. In every case the good messages beside it are filed in the same run.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from intake_helpers import deliver, folder_count
from mail_samples import plain, stage1_pdf, with_form
from servers.dovecot import Dovecot
from servers.tcp_proxy import TcpProxy
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

import intake.pipeline
from config.settings import Settings
from formgen.mail import build_email
from intake.context import IntakeContext, build_context
from intake.mailbox import open_source
from intake.pipeline import DatabaseUnavailableError
from intake.poll import PollReport, poll_once
from registry.db import make_engine, make_session_factory
from registry.models import OutboxMessage, QuarantineEntry, Submission

NOW = datetime(2026, 11, 23, 12, 0)
pytestmark = pytest.mark.imap


@pytest.fixture
def factory(imap_settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(imap_settings.database.url)
    yield make_session_factory(engine)
    engine.dispose()


def poll(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext) -> PollReport:
    with open_source(settings) as source:
        return poll_once(factory, source, ctx, now_fn=lambda: NOW)


def count(factory: sessionmaker[Session], model: type, *where: Any) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def form_mail(sender: str, message_id: str, received: str = "") -> bytes:
    headers = {"Received": received} if received else {}
    return build_email(sender=sender, to="fc@example.org", subject="Stage I registration",
                       body="Form attached.", message_id=message_id,
                       attachments=[("stage1.pdf", stage1_pdf(), "application/pdf")],
                       extra_headers=headers)


def test_another_sender_reusing_a_message_id_is_filed_on_its_own(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session]) -> None:
    """Same Message-ID: from another sender it is another message; from the same sender
    with the same attachment (another Received line) it is a copy, filed once."""
    first = form_mail("Alice <alice@acmehealth.example>", "dup@shared.example")
    copy = form_mail("Alice <alice@acmehealth.example>", "dup@shared.example",
                     received="from mx2.acmehealth.example by mx.example.org")
    other = form_mail("Mallory <mallory@evil.example>", "dup@shared.example")
    deliver(dovecot, imap_user, first, copy, other)
    report = poll(factory, imap_settings, ctx)
    assert (report.filed, report.already, report.moved) == (2, 1, 3)
    with factory() as session:
        senders = sorted(session.scalars(select(Submission.sender)))
    assert senders == ["alice@acmehealth.example", "mallory@evil.example"]
    assert count(factory, OutboxMessage, OutboxMessage.kind == "ack") == 2


def _failing_filing(monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    """file_message raises an operational error (PostgreSQL restarting) ``times`` times."""
    real, calls = intake.pipeline.file_message, []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("INSERT ...", {}, Exception("server closed the connection"))
        return real(*args, **kwargs)

    monkeypatch.setattr(intake.pipeline, "file_message", flaky)
    return calls


def test_a_database_error_leaves_the_message_for_the_next_cycle(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    deliver(dovecot, imap_user, plain(1))
    _failing_filing(monkeypatch, times=1)
    report = poll(factory, imap_settings, ctx)
    assert (report.retry, report.quarantined, report.moved) == (1, 0, 0)
    assert folder_count(dovecot, imap_user, "INBOX") == 1
    assert count(factory, QuarantineEntry) == 0
    again = poll(factory, imap_settings, ctx)
    assert (again.filed, again.moved) == (1, 1)
    assert count(factory, Submission) == 1 and count(factory, QuarantineEntry) == 0


def test_a_message_failing_every_attempt_is_quarantined_after_max_attempts(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    deliver(dovecot, imap_user, plain(1))
    _failing_filing(monkeypatch, times=99)
    for _ in range(3):
        assert poll(factory, imap_settings, ctx).retry == 1
    last = poll(factory, imap_settings, ctx)
    assert (last.quarantined, last.moved) == (1, 1)
    assert folder_count(dovecot, imap_user, "Quarantine") == 1
    with factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
    assert "gave up after 3 interrupted attempts" in entry.reason
    assert "OperationalError" in entry.reason and "INSERT" not in entry.reason


def test_a_message_over_its_time_budget_is_quarantined_and_the_rest_filed(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        factory: sessionmaker[Session]) -> None:
    """200,000 MIME parts take the email package about ten seconds: past the budget the
    child is killed, the message quarantined with its reason; the good ones are filed."""
    settings = imap_settings.replace(mailbox={"max_message_bytes": 20_000_000},
                                     limits={"seconds_per_message": 3.0})
    parts = b"".join(b"--BB\r\nContent-Type: text/plain\r\n\r\nx\r\n" for _ in range(200_000))
    hostile = (b"From: Bulk <bulk@parts.example>\r\nTo: fc@example.org\r\nSubject: parts\r\n"
               b"Message-ID: <parts@parts.example>\r\nMIME-Version: 1.0\r\n"
               b"Content-Type: multipart/mixed; boundary=BB\r\n\r\n" + parts + b"--BB--\r\n")
    deliver(dovecot, imap_user, plain(1), hostile, plain(2))
    report = poll(factory, settings, build_context(settings, isolate=True))
    assert (report.filed, report.quarantined, report.moved) == (2, 1, 3)
    with factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
    assert entry.reason.startswith("MessageTooSlowError") and "timeout" in entry.reason


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_postgresql_going_away_mid_backlog_loses_and_repeats_nothing(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection to PostgreSQL is cut while the fifth of twelve messages is taken (a
    restart, a network fault): the poll stops with every message left in the mailbox; when
    the database is back the next poll files the rest. Nothing is quarantined for it,
    nothing lost, nothing filed or acknowledged twice."""
    import intake.poll as poll_module

    proxy = TcpProxy(("127.0.0.1", 5432)).start()
    url = imap_settings.database.url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    settings = imap_settings.replace(database={"url": url})
    deliver(dovecot, imap_user, *(with_form(n) if n % 3 == 0 else plain(n)
                                  for n in range(1, 13)))
    real, calls = poll_module.finish_attempt, []

    def cut_at_the_fifth(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 5:
            proxy.cut()
        return real(*args, **kwargs)

    monkeypatch.setattr(poll_module, "finish_attempt", cut_at_the_fifth)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    ctx = build_context(settings, isolate=False)
    with pytest.raises(DatabaseUnavailableError):
        poll(factory, settings, ctx)
    assert folder_count(dovecot, imap_user, "INBOX") == 8
    proxy.start()
    report = poll(factory, settings, ctx)
    assert (report.filed, report.quarantined) == (8, 0)
    assert folder_count(dovecot, imap_user, "INBOX") == 0
    assert folder_count(dovecot, imap_user, "Processed") == 12
    assert count(factory, Submission) == 12 and count(factory, QuarantineEntry) == 0
    assert count(factory, OutboxMessage, OutboxMessage.kind == "ack") == 12
    proxy.cut()
    engine.dispose()


def test_a_message_that_kills_the_process_every_time_is_quarantined(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings,
        factory: sessionmaker[Session]) -> None:
    """Each attempt is counted before any work, so a process killed while reading a
    message (the OOM killer, a segfault) counts too: after three, the message goes to
    quarantine instead of being tried again for good."""
    from intake.context import SimulatedCrash

    deliver(dovecot, imap_user, plain(1))
    dying = build_context(imap_settings, isolate=False, crash_at="after_store")
    for _ in range(3):
        with pytest.raises(SimulatedCrash):
            poll(factory, imap_settings, dying)
    report = poll(factory, imap_settings, build_context(imap_settings, isolate=False))
    assert (report.quarantined, report.moved) == (1, 1)
    with factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
    assert entry.reason == "RuntimeError: gave up after 3 interrupted attempts"


def test_an_oversized_message_without_headers_does_not_stop_the_mailbox(
        dovecot: Dovecot, imap_user: str, imap_settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session]) -> None:
    """It used to raise outside the per-message boundary on every poll, so the good message
    behind it was never filed (issue #10, item 10)."""
    settings = imap_settings.replace(mailbox={"max_message_bytes": 20_000})
    garbage = b"\r\n" + b"%PDF-1.4 not a message at all " * 2_000
    deliver(dovecot, imap_user, garbage, plain(2))
    report = poll(factory, settings, build_context(settings, isolate=False))
    assert (report.filed, report.quarantined, report.moved, report.errors) == (1, 1, 2, [])
    assert folder_count(dovecot, imap_user, "Quarantine") == 1
    with factory() as session:
        entry = session.scalars(select(QuarantineEntry)).one()
        assert entry.reason.startswith("too large") and entry.sender is None
