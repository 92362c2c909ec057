"""Delivery against a real SMTP server: sent, retried with backoff keeping the Message-ID,
failed for good on 5xx or after the retry period, TLS verified, no header injection."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from servers.smtp import SmtpServer
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from notifier.compose import compose_message
from notifier.outbox import enqueue
from notifier.sender import flush_outbox
from notifier.smtp import SmtpTransport, TemporaryDeliveryError
from registry.db import transaction
from registry.models import DeliveryAttempt, OutboxMessage

NOW = datetime(2026, 11, 23, 12, 0)
pytestmark = pytest.mark.smtp


def settings_for(server: SmtpServer, **smtp: object) -> Settings:
    base = {"host": "127.0.0.1", "port": server.port, "security": "plain", "allow_plain": True,
            "timeout_seconds": 5, "from_address": "fc@example.org"}
    return Settings().replace(smtp={**base, **smtp})


def queue_one(factory: sessionmaker[Session], subject: str = "Hello",
              recipient: str = "provider@clinic.example") -> int:
    raw = compose_message(sender="fc@example.org", sender_name="FC", recipient=recipient,
                          subject=subject, text="Body", html="<p>Body</p>",
                          message_id="m1@rpa.example", date=NOW)
    with transaction(factory) as session:
        return enqueue(session, kind="ack", recipient=recipient, subject=subject, raw=raw,
                       message_id="m1@rpa.example", now=NOW).id


def row(factory: sessionmaker[Session], row_id: int) -> OutboxMessage:
    with factory() as session:
        found = session.get(OutboxMessage, row_id)
        assert found is not None
        return found


def attempts(factory: sessionmaker[Session]) -> list[str]:
    with factory() as session:
        return [item.result for item in session.query(DeliveryAttempt).order_by(DeliveryAttempt.id)]


def queue_many(factory: sessionmaker[Session], count: int) -> None:
    with transaction(factory) as session:
        for number in range(count):
            message_id = f"m{number}@rpa.example"
            raw = compose_message(sender="fc@example.org", sender_name="FC",
                                  recipient="provider@clinic.example", subject=f"Ack {number}",
                                  text="Body", html=None, message_id=message_id, date=NOW)
            enqueue(session, kind="ack", recipient="provider@clinic.example",
                    subject=f"Ack {number}", raw=raw, message_id=message_id, now=NOW)


def test_one_connection_per_flush(smtp: SmtpServer,
                                  session_factory: sessionmaker[Session]) -> None:
    """Ten acknowledgments: one TCP connection (one handshake and login), then QUIT."""
    queue_many(session_factory, 10)
    settings = settings_for(smtp)
    transport = SmtpTransport(settings.smtp)
    assert flush_outbox(session_factory, transport, now=NOW, settings=settings).sent == 10
    assert len(smtp.handler.messages) == 10
    assert len(set(smtp.handler.peers)) == 1 and transport.connections == 1


def test_a_421_closes_the_connection_and_the_next_message_opens_another(
        smtp: SmtpServer, session_factory: sessionmaker[Session]) -> None:
    queue_many(session_factory, 3)
    settings = settings_for(smtp)
    smtp.handler.fail_next("421")
    transport = SmtpTransport(settings.smtp)
    report = flush_outbox(session_factory, transport, now=NOW, settings=settings)
    assert (report.sent, report.retried) == (2, 1)
    assert transport.connections == 2 and len(set(smtp.handler.peers)) == 1


def test_sent_once(smtp: SmtpServer, session_factory: sessionmaker[Session]) -> None:
    row_id = queue_one(session_factory)
    settings = settings_for(smtp)
    report = flush_outbox(session_factory, SmtpTransport(settings.smtp), now=NOW,
                          settings=settings)
    assert report.sent == 1 and len(smtp.handler.messages) == 1
    assert row(session_factory, row_id).status == "sent"
    again = flush_outbox(session_factory, SmtpTransport(settings.smtp), now=NOW,
                         settings=settings)
    assert again.sent == 0 and len(smtp.handler.messages) == 1


@pytest.mark.parametrize("fault", ["451", "421", "drop"])
def test_temporary_failure_is_retried_with_the_same_message_id(
        fault: str, smtp: SmtpServer, session_factory: sessionmaker[Session]) -> None:
    row_id = queue_one(session_factory)
    settings = settings_for(smtp)
    transport = SmtpTransport(settings.smtp)
    smtp.handler.fail_next(fault, times=2)
    assert flush_outbox(session_factory, transport, now=NOW, settings=settings).retried == 1
    first_retry = row(session_factory, row_id).next_attempt_at
    assert first_retry == NOW + timedelta(minutes=1)
    # not due yet: nothing happens
    assert flush_outbox(session_factory, transport, now=NOW, settings=settings).retried == 0
    later = NOW + timedelta(minutes=1)
    assert flush_outbox(session_factory, transport, now=later, settings=settings).retried == 1
    assert row(session_factory, row_id).next_attempt_at == later + timedelta(minutes=2)
    sent = flush_outbox(session_factory, transport, now=later + timedelta(minutes=2),
                        settings=settings)
    assert sent.sent == 1
    delivered = email.message_from_bytes(smtp.handler.messages[0].original_content or b"")
    assert delivered["Message-ID"] == "<m1@rpa.example>"
    assert attempts(session_factory) == ["temporary", "temporary", "sent"]


def test_permanent_failure_stops(smtp: SmtpServer,
                                 session_factory: sessionmaker[Session]) -> None:
    row_id = queue_one(session_factory)
    settings = settings_for(smtp)
    smtp.handler.fail_next("550")
    assert flush_outbox(session_factory, SmtpTransport(settings.smtp), now=NOW,
                        settings=settings).failed == 1
    failed = row(session_factory, row_id)
    assert failed.status == "failed" and "550" in (failed.last_error or "")


def test_outage_longer_than_the_retry_period_gives_up(
        session_factory: sessionmaker[Session]) -> None:
    row_id = queue_one(session_factory)
    settings = Settings().replace(smtp={"host": "127.0.0.1", "port": 1, "security": "plain",
                                        "allow_plain": True, "timeout_seconds": 2})
    transport = SmtpTransport(settings.smtp)
    assert flush_outbox(session_factory, transport, now=NOW, settings=settings).retried == 1
    late = NOW + timedelta(hours=settings.acknowledgment.retry_for_hours, minutes=1)
    assert flush_outbox(session_factory, transport, now=late, settings=settings).failed == 1
    assert row(session_factory, row_id).reason == "retries exhausted"


def test_starttls_is_verified(smtp_tls: SmtpServer, smtp_certificate: tuple[Path, Path]) -> None:
    raw = compose_message(sender="fc@example.org", sender_name="FC", recipient="a@b.example",
                          subject="TLS", text="x", html=None, message_id="t1@rpa.example",
                          date=NOW)
    unverified = settings_for(smtp_tls, security="starttls")
    with pytest.raises(TemporaryDeliveryError, match="CERTIFICATE_VERIFY_FAILED"):
        SmtpTransport(unverified.smtp).send(raw, sender="fc@example.org",
                                            recipients=["a@b.example"])
    trusted = settings_for(smtp_tls, security="starttls", ca_file=str(smtp_certificate[0]))
    SmtpTransport(trusted.smtp).send(raw, sender="fc@example.org", recipients=["a@b.example"])
    assert len(smtp_tls.handler.messages) == 1


@pytest.mark.parametrize("subject", [
    "Hi\r\nBcc: victim@example.net",
    "Hi\nBcc: victim@example.net",
    "Hi\rBcc: victim@example.net",
    "Hi\u2028Bcc: victim@example.net",
    "=?utf-8?q?Hi=0D=0ABcc:_victim@example.net?=",
])
def test_header_injection_never_reaches_the_wire(subject: str, smtp: SmtpServer,
                                                 session_factory: sessionmaker[Session]) -> None:
    queue_one(session_factory, subject=subject)
    settings = settings_for(smtp)
    flush_outbox(session_factory, SmtpTransport(settings.smtp), now=NOW, settings=settings)
    wire = smtp.handler.messages[0].original_content or b""
    headers = wire.split(b"\r\n\r\n", 1)[0]
    assert b"\r\nBcc:" not in headers and b"\nBcc:" not in headers
    parsed = email.message_from_bytes(wire, policy=email.policy.default)
    assert parsed["Bcc"] is None
    assert smtp.handler.messages[0].rcpt_tos == ["provider@clinic.example"]


def test_a_flush_sends_everything_due_in_batches(smtp: SmtpServer,
                                                 session_factory: sessionmaker[Session]) -> None:
    """A backlog's acknowledgments go in one flush (it stopped at 100 before)."""
    queue_many(session_factory, 7)
    settings = settings_for(smtp)
    report = flush_outbox(session_factory, SmtpTransport(settings.smtp), now=NOW,
                          settings=settings, limit=3)
    assert report.sent == 7 and len(smtp.handler.messages) == 7
