"""Acknowledgments queued inside the filing transaction: threaded and signed for people;
recorded as suppressed, with the reason, for automatic mail, ourselves, backfill, bounced
addresses and floods."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Mapping
from datetime import timedelta

import pytest
from acks_helpers import NOW, inbound, submission_for
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from notifier.acks import enqueue_acknowledgment
from notifier.message_ids import is_our_message_id, make_message_id
from parsers.formdefs import FormDefinition
from parsers.model import ParsedEmail
from registry.db import transaction
from registry.models import OutboxMessage, Suppression

DOMAIN = "rpa-intake.example.org"


@pytest.fixture
def settings() -> Settings:
    return Settings().replace(acknowledgment={"signing_key": "sixteen-char-key",
                                              "message_id_domain": DOMAIN})


def ack(factory: sessionmaker[Session], email_: ParsedEmail, settings: Settings,
        definitions: Mapping[str, FormDefinition], *, now: object = NOW,
        **kwargs: object) -> OutboxMessage:
    with transaction(factory) as session:
        submission = submission_for(session, email_)
        return enqueue_acknowledgment(session, submission, email_, settings=settings,
                                      definitions=definitions, now=now,  # type: ignore[arg-type]
                                      **kwargs)  # type: ignore[arg-type]


def plain_text(row: OutboxMessage) -> str:
    message = email.message_from_bytes(row.raw or b"", policy=email.policy.default)
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_a_person_gets_a_threaded_signed_acknowledgment(
        session_factory: sessionmaker[Session], settings: Settings,
        definitions: Mapping[str, FormDefinition]) -> None:
    row = ack(session_factory, inbound(), settings, definitions)
    assert row.status == "queued" and row.kind == "ack" and row.recipient == "dana@clinic.example"
    assert is_our_message_id(row.message_id, key="sixteen-char-key", domain=DOMAIN)
    message = email.message_from_bytes(row.raw or b"", policy=email.policy.default)
    assert message["Message-ID"].strip() == f"<{row.message_id}>"
    assert message["In-Reply-To"].startswith("<in") and message["In-Reply-To"].endswith(
        "@clinic.example>")
    assert message["References"].split() == ["<root@clinic.example>", message["In-Reply-To"]]
    assert message["Auto-Submitted"] == "auto-replied"
    assert message["X-Auto-Response-Suppress"] == "All"
    assert message["To"] == "dana@clinic.example"
    assert message["Subject"] == row.subject
    assert row.subject.endswith("] Received: MassHealth RPA Stage I Registration Form — "
                                "Acme Health LLC")
    text = plain_text(row)
    assert "Hello Dana Whitfield," in text and "04-3512345" in text
    assert "Claim Status Inquiry, Member Eligibility Verification" in " ".join(text.split())


@pytest.mark.parametrize(("headers", "sender", "reason"), [
    ({"Auto-Submitted": "auto-replied"}, None, "Auto-Submitted: auto-replied"),
    ({"Precedence": "bulk"}, None, "Precedence: bulk"),
    ({"List-Id": "<list.example.org>"}, None, "mailing list (List-Id)"),
    ({}, "MAILER-DAEMON@mx.example.net", "no-reply sender"),
    ({}, "functional.coordination@example.org", "our own address"),
])
def test_automatic_mail_is_recorded_as_suppressed(
        headers: dict[str, str], sender: str | None, reason: str,
        session_factory: sessionmaker[Session], settings: Settings,
        definitions: Mapping[str, FormDefinition]) -> None:
    email_ = inbound(sender=sender or "Dana <dana@clinic.example>", **headers)
    row = ack(session_factory, email_, settings, definitions)
    assert (row.status, row.reason, row.raw) == ("suppressed", reason, None)
    assert row.subject.startswith("[FC-")  # still says which acknowledgment it would have been


def test_our_own_message_coming_back_is_a_loop(
        session_factory: sessionmaker[Session], settings: Settings,
        definitions: Mapping[str, FormDefinition]) -> None:
    ours = make_message_id("ack-9", key="sixteen-char-key", domain=DOMAIN)
    row = ack(session_factory, inbound(message_id=ours), settings, definitions)
    assert (row.status, row.reason) == ("suppressed", "our own message (a loop)")


def test_a_reply_to_our_acknowledgment_is_acknowledged(
        session_factory: sessionmaker[Session], settings: Settings,
        definitions: Mapping[str, FormDefinition]) -> None:
    ours = make_message_id("ack-9", key="sixteen-char-key", domain=DOMAIN)
    email_ = inbound(subject="Re: [FC-2026-000009-6] Action needed", in_reply_to=ours)
    assert email_.in_reply_to == ours
    row = ack(session_factory, email_, settings, definitions, follow_up=True)
    assert row.status == "queued"
    assert "we have added your new documents" in " ".join(plain_text(row).split())


def test_backfill_sends_nothing_unless_asked(
        session_factory: sessionmaker[Session], settings: Settings,
        definitions: Mapping[str, FormDefinition]) -> None:
    row = ack(session_factory, inbound(), settings, definitions, backfill=True)
    assert (row.status, row.reason) == ("suppressed", "backfill")
    asked = settings.replace(mailbox={"backfill_acknowledge": True})
    assert ack(session_factory, inbound(), asked, definitions, backfill=True).status == "queued"


def test_a_bounced_address_is_left_alone_until_the_suppression_ends(
        session_factory: sessionmaker[Session], settings: Settings,
        definitions: Mapping[str, FormDefinition]) -> None:
    with transaction(session_factory) as session:
        session.add(Suppression(address="dana@clinic.example", reason="bounce", created_at=NOW,
                                until=NOW + timedelta(days=7)))
    row = ack(session_factory, inbound(), settings, definitions)
    assert (row.status, row.reason) == ("suppressed", "address suppressed after a bounce")
    later = ack(session_factory, inbound(), settings, definitions, now=NOW + timedelta(days=8))
    assert later.status == "queued"


def test_a_flood_from_one_sender_is_delayed_never_dropped(
        session_factory: sessionmaker[Session], settings: Settings,
        definitions: Mapping[str, FormDefinition]) -> None:
    """Past 5 per 60 minutes a sender's acknowledgments go in later windows (issue #10,
    item 5: a cap that protects against loops must not silence a person)."""
    rows = [ack(session_factory, inbound(), settings, definitions,
                now=NOW + timedelta(seconds=number)) for number in range(12)]
    assert {row.status for row in rows} == {"queued"}
    waits = [row.next_attempt_at - NOW for row in rows]  # type: ignore[operator]
    assert all(wait < timedelta(minutes=1) for wait in waits[:5])
    assert all(timedelta(minutes=60) <= wait < timedelta(minutes=61) for wait in waits[5:10])
    assert all(timedelta(minutes=120) <= wait < timedelta(minutes=121) for wait in waits[10:])
    assert {row.reason for row in rows[5:]} == {
        "delayed by the per-sender limit (5 per 60 min)"}
    other = ack(session_factory, inbound(sender="ravi@berkshirebilling.example"), settings,
                definitions, now=NOW + timedelta(minutes=1))
    assert other.next_attempt_at == NOW + timedelta(minutes=1)  # the cap is per sender


def test_the_global_cap(session_factory: sessionmaker[Session], settings: Settings,
                        definitions: Mapping[str, FormDefinition]) -> None:
    capped = settings.replace(acknowledgment={"global_limit": 3})
    rows = [ack(session_factory, inbound(sender=f"p{number}@clinic{number}.example"), capped,
                definitions) for number in range(7)]
    assert [row.status for row in rows] == ["queued"] * 7
    assert [row.next_attempt_at for row in rows] == [NOW] * 3 + [
        NOW + timedelta(minutes=60)] * 3 + [NOW + timedelta(minutes=120)]
    assert rows[-1].reason == "delayed by the global limit (3 per 60 min)"
