"""Threading headers are message ids as mail clients read them: never RFC 2047 encoded
words, folded only between ids (issue #10, item 1: Outlook's long ids)."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

import pytest
from rfc5322 import STRICT_IDS, raw_header

from notifier.compose import compose_message, id_header

OUTLOOK = "BN8PR12MB07CFCDF9DEC0C750194D0123456789@BN8PR12MB0739.namprd12.prod.outlook.com"
GMAIL = "CAGk6i7rY+3tZ=vQ_x-Jp0aB0c9d8e7f6g5h4j3k2l1@mail.gmail.com"
APPLE = "2B6E0C8A-4F1D-4C3A-9E55-7A1B2C3D4E5F@clinic.example"


@pytest.mark.parametrize("parent", [OUTLOOK, GMAIL, APPLE])
def test_threading_headers_parse_as_message_ids(parent: str) -> None:
    raw = compose_message(
        sender="fc@example.org", sender_name="MassHealth RPA Functional Coordination",
        recipient="provider@clinic.example", subject="Re: Stage I  [FC-2026-000001-7]",
        text="Body", html="<p>Body</p>", date=datetime(2026, 11, 23, tzinfo=UTC),
        message_id="rpa.ack-1-0a1b2c3d4e5f.0123456789abcdef0123@rpa-intake.example.org",
        in_reply_to=parent, references=[GMAIL, APPLE, OUTLOOK, parent])
    for name in ("Message-ID", "In-Reply-To", "References"):
        value = raw_header(raw, name)
        assert value is not None and "=?" not in value
        assert STRICT_IDS.match(value), (name, value)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["In-Reply-To"] == f"<{parent}>"
    assert parsed["References"].split()[-1] == f"<{parent}>"
    assert parsed["Message-ID"].startswith("<rpa.ack-1-")


def test_folding_happens_only_between_ids() -> None:
    value = id_header("References", [OUTLOOK, GMAIL, APPLE])
    lines = value.rstrip("\r\n").split("\r\n")
    assert len(lines) == 3 and all(line.count("<") == 1 for line in lines)


def test_ids_that_are_not_ids_are_left_out() -> None:
    raw = compose_message(
        sender="fc@example.org", sender_name="FC", recipient="provider@clinic.example",
        subject="Hi", text="Body", html=None, date=datetime(2026, 11, 23, tzinfo=UTC),
        message_id="m1@rpa.example", in_reply_to="x\r\nBcc: victim@evil.example",
        references=["no-at-sign", "a b@c", GMAIL])
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"In-Reply-To" not in head and b"victim" not in head
    assert (raw_header(raw, "References") or "").strip() == f"<{GMAIL}>"


def test_a_recipient_that_is_not_a_plain_address_is_refused() -> None:
    with pytest.raises(ValueError):
        compose_message(sender="fc@example.org", sender_name="FC",
                        recipient="a@b.example>\r\nRCPT TO:<victim@evil.example",
                        subject="Hi", text="Body", html=None, message_id="m1@rpa.example",
                        date=datetime(2026, 11, 23, tzinfo=UTC))
