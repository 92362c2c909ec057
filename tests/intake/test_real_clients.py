"""End to end with the shapes real clients write (issue #10): a Stage I from Outlook (DOCX,
its long Message-ID and Thread-Index), one from Gmail (PDF) and a question from Apple Mail go
through the real Dovecot; their acknowledgments through aiosmtpd are read as a recipient's
client reads them: threaded (In-Reply-To and References parse as message ids with the email
package and with a strict RFC 5322 reading), [REF] in the subject, text and HTML; then each
client's reply to its acknowledgment threads back into the same submission."""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from intake_helpers import deliver
from rfc5322 import STRICT_IDS, ids_of, raw_header
from servers.dovecot import Dovecot
from servers.smtp import SmtpServer, start_smtp
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.context import IntakeContext
from intake.mailbox import open_source
from intake.poll import poll_once
from notifier.sender import flush_outbox
from notifier.smtp import SmtpTransport
from registry.db import make_engine, make_session_factory
from registry.models import AuditEvent, Submission

MAIL = Path(__file__).resolve().parents[1] / "data" / "mail"
NOW = datetime(2026, 11, 23, 15, 0)
CLIENTS = {  # sample file → the sender's address as we record it
    "outlook_stage1_docx.eml": "alice.nguyen@acmehealth.example",
    "gmail_stage1_pdf.eml": "ravi.patel.billing@gmail.example",
    "apple_mail_question.eml": "robert.lee@harborclinic.example",
}
pytestmark = [pytest.mark.imap, pytest.mark.smtp]


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


@pytest.fixture
def settings(imap_settings: Settings, smtp_server: SmtpServer) -> Settings:
    return imap_settings.replace(
        mailbox={"max_message_bytes": 5_000_000},
        smtp={"outbox_dir": "", "host": "127.0.0.1", "port": smtp_server.port,
              "security": "plain", "allow_plain": True, "timeout_seconds": 10,
              "from_address": "functional.coordination@example.org"})


@pytest.fixture
def factory(settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(settings.database.url)
    yield make_session_factory(engine)
    engine.dispose()


def cycle(factory: sessionmaker[Session], settings: Settings, ctx: IntakeContext) -> None:
    with open_source(settings) as source:
        assert poll_once(factory, source, ctx, now_fn=lambda: NOW).errors == []
    flush_outbox(factory, SmtpTransport(settings.smtp), now=NOW, settings=settings)


def received(server: SmtpServer) -> list[tuple[str, bytes, EmailMessage]]:
    out = []
    for envelope in server.handler.messages:
        raw = envelope.original_content or b""
        assert len(envelope.rcpt_tos) == 1
        out.append((envelope.rcpt_tos[0], raw,
                    email.message_from_bytes(raw, policy=email.policy.default)))
    return out


def reply_to(ack: EmailMessage, sender: str, client: str) -> bytes:
    """The reply each client writes to our acknowledgment."""
    prefix = "RE: " if client.startswith("outlook") else "Re: "
    references = f"{ack['References']} {ack['Message-ID']}"
    extra = "Thread-Index: AdtE3kVQ0m8l0Zp9TqWb9Qk5lJ3h2wABCDEF\r\n" if prefix == "RE: " else ""
    return (f"From: {sender}\r\nTo: functional.coordination@example.org\r\n"
            f"Subject: {prefix}{ack['Subject']}\r\nDate: Mon, 23 Nov 2026 15:30:00 +0000\r\n"
            f"Message-ID: <reply-{client.split('_')[0]}-1@replies.example>\r\n"
            f"In-Reply-To: {ack['Message-ID']}\r\nReferences: {references}\r\n{extra}"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Thank you, one more question about our registration.\r\n").encode()


def test_outlook_gmail_and_apple_senders_get_threaded_acknowledgments(
        dovecot: Dovecot, imap_user: str, settings: Settings, ctx: IntakeContext,
        factory: sessionmaker[Session], smtp_server: SmtpServer) -> None:
    originals = {name: (MAIL / name).read_bytes() for name in CLIENTS}
    deliver(dovecot, imap_user, *originals.values())
    cycle(factory, settings, ctx)
    acks = received(smtp_server)
    assert sorted(rcpt for rcpt, _raw, _msg in acks) == sorted(CLIENTS.values())
    by_sender = {rcpt: (raw, message) for rcpt, raw, message in acks}
    for name, sender in CLIENTS.items():
        original = email.message_from_bytes(originals[name], policy=email.policy.default)
        raw, ack = by_sender[sender]
        for header in ("Message-ID", "In-Reply-To", "References"):
            value = raw_header(raw, header)
            assert value is not None and STRICT_IDS.match(value), (name, header, value)
        assert ack["In-Reply-To"] == original["Message-ID"].strip()
        assert ids_of(ack["References"])[-1] == ids_of(original["Message-ID"])[0]
        assert re.match(r"^\[FC-\d{4}-\d{6}-\d\] ", ack["Subject"]), ack["Subject"]
        assert ack.get_body(("plain",)) is not None and ack.get_body(("html",)) is not None
        assert ack["To"] == sender
        assert "\r\n" not in (raw_header(raw, "From") or "\r\n")  # not folded
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 3

    deliver(dovecot, imap_user, *(reply_to(by_sender[sender][1], sender, name)
                                  for name, sender in CLIENTS.items()))
    cycle(factory, settings, ctx)
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 3
        follow_ups = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "follow_up")).all()
        assert len(follow_ups) == 3
    second = received(smtp_server)[3:]
    assert sorted(rcpt for rcpt, _raw, _msg in second) == sorted(CLIENTS.values())
    for rcpt, raw, message in second:
        first_ack = by_sender[rcpt][1]
        assert message["Subject"].split("]")[0] == first_ack["Subject"].split("]")[0]
        value = raw_header(raw, "References")
        assert value is not None and STRICT_IDS.match(value)
        assert ids_of(first_ack["Message-ID"])[0] in ids_of(value)
