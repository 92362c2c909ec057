"""The outbox (a dedupe key enqueues once, even when another transaction wins the race),
bounces (the acknowledgment marked, the address suppressed), and header injection through
an acknowledgment's inputs never reaching the wire."""

from __future__ import annotations

import dataclasses
import email
import email.policy
from collections.abc import Mapping
from datetime import timedelta

import pytest
from acks_helpers import NOW, STAGE1_VALUES, inbound, submission_for
from servers.smtp import SmtpServer
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from test_delivery import settings_for

from config.settings import Settings
from notifier.acks import enqueue_acknowledgment
from notifier.bounces import is_suppressed, record_bounce
from notifier.outbox import _insert_once, enqueue, list_outbox
from notifier.sender import flush_outbox
from notifier.smtp import SmtpTransport
from parsers.dsn import Bounce
from parsers.formdefs import FormDefinition
from registry.db import transaction
from registry.models import OutboxMessage, Suppression


def put(session: Session, key: str | None, message_id: str,
        status: str = "queued") -> OutboxMessage:
    return enqueue(session, kind="digest", recipient="c@example.org", subject="Digest",
                   raw=b"x", message_id=message_id, now=NOW, dedupe_key=key, status=status)


def test_a_dedupe_key_enqueues_once(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:
        first = put(session, "digest:2026-11-23:c@example.org", "d1@x")
    with transaction(session_factory) as session:
        again = put(session, "digest:2026-11-23:c@example.org", "d2@x")
        assert again.id == first.id and again.message_id == "d1@x"
        put(session, None, "n1@x", status="suppressed")
    with session_factory() as session:
        assert [row.message_id for row in list_outbox(session)] == ["d1@x", "n1@x"]
        assert [row.message_id for row in list_outbox(session, "suppressed")] == ["n1@x"]


def test_losing_the_race_keeps_the_callers_work(session_factory: sessionmaker[Session]) -> None:
    with transaction(session_factory) as session:  # the other transaction, committed first
        put(session, "alert:x", "a1@x")
    with transaction(session_factory) as session:
        session.add(Suppression(address="z@example.org", reason="r", created_at=NOW))
        session.flush()
        loser = OutboxMessage(kind="alert", recipient="c@example.org", subject="A", raw=b"x",
                              message_id="a2@x", created_at=NOW, dedupe_key="alert:x")
        assert _insert_once(session, loser).message_id == "a1@x"
    with session_factory() as session:
        assert session.scalar(select(Suppression.address)) == "z@example.org"
        assert [row.message_id for row in list_outbox(session)] == ["a1@x"]


def ack_row(factory: sessionmaker[Session], settings: Settings,
            definitions: Mapping[str, FormDefinition], **submission: object) -> OutboxMessage:
    email_ = submission.pop("email", None) or inbound()
    with transaction(factory) as session:
        filed = submission_for(session, email_, **submission)  # type: ignore[arg-type]
        return enqueue_acknowledgment(session, filed, email_,  # type: ignore[arg-type]
                                      settings=settings, definitions=definitions, now=NOW)


def bounce_of(row: OutboxMessage, *, permanent: bool = True) -> Bounce:
    return Bounce(original_message_id=row.message_id, recipient="dana@clinic.example",
                  action="failed" if permanent else "delayed",
                  status="5.1.1" if permanent else "4.4.7", permanent=permanent)


def test_a_bounce_marks_the_acknowledgment_and_suppresses_the_address(
        session_factory: sessionmaker[Session], definitions: Mapping[str, FormDefinition]) -> None:
    settings = Settings().replace(acknowledgment={"signing_key": "sixteen-char-key"})
    row = ack_row(session_factory, settings, definitions)
    with transaction(session_factory) as session:
        delayed = record_bounce(session, bounce_of(row, permanent=False), now=NOW,
                                settings=settings)
        assert delayed is not None and delayed.status == "queued"
        bounced = record_bounce(session, bounce_of(row), now=NOW, settings=settings)
        assert bounced is not None and bounced.status == "bounced"
        assert "5.1.1" in (bounced.reason or "")
        unknown = Bounce("someone-else@x", "a@b.example", "failed", "5.1.1", True)
        assert record_bounce(session, unknown, now=NOW, settings=settings) is None
    with session_factory() as session:
        days = settings.acknowledgment.bounce_suppress_days
        assert is_suppressed(session, "dana@clinic.example", NOW + timedelta(days=days - 1))
        assert not is_suppressed(session, "dana@clinic.example", NOW + timedelta(days=days))
    assert ack_row(session_factory, settings, definitions).status == "suppressed"


INJECTIONS = ["Acme\r\nBcc: victim@example.net", "Acme\nBcc: victim@example.net",
              "Acme\u2028Bcc: victim@example.net", "=?utf-8?q?Acme=0D=0ABcc:_victim@example.net?="]


@pytest.mark.smtp
@pytest.mark.parametrize("hostile", INJECTIONS)
def test_injection_through_sender_name_organization_and_filename_never_reaches_the_wire(
        hostile: str, smtp: SmtpServer, session_factory: sessionmaker[Session],
        definitions: Mapping[str, FormDefinition]) -> None:
    settings = settings_for(smtp).replace(acknowledgment={"signing_key": "sixteen-char-key"})
    email_ = dataclasses.replace(inbound(), from_name=hostile, subject=hostile)
    row = ack_row(session_factory, settings, definitions, email=email_,
                  values={**STAGE1_VALUES, "org_legal_name": hostile}, filename=hostile + ".pdf")
    assert row.status == "queued"
    flush_outbox(session_factory, SmtpTransport(settings.smtp), now=NOW, settings=settings)
    [delivered] = smtp.handler.messages
    wire = delivered.original_content or b""
    headers = wire.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in headers and b"\rBcc:" not in headers
    parsed = email.message_from_bytes(wire, policy=email.policy.default)
    assert parsed["Bcc"] is None and delivered.rcpt_tos == ["dana@clinic.example"]
    assert "Acme" in parsed["Subject"] and "\n" not in parsed["Subject"]
