"""Bounces read from sample files: RFC 3464 reports (returned message or headers only) and
the common non-standard ones; read receipts and people's mail are not bounces."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.dsn import parse_dsn

DATA = Path(__file__).resolve().parents[1] / "data" / "notifier" / "dsn"
OURS = "@rpa-intake.example.org"

BOUNCES = [
    # file, original Message-ID (local part), recipient, action, status, permanent
    ("postfix_failed_rfc822.eml", "rpa.ack-42-", "dana@clinic.example", "failed", "5.1.1",
     True),
    ("sendmail_delayed_headers.eml", "rpa.ack-43-", "ravi@berkshirebilling.example", "delayed",
     "4.4.7", False),
    ("exchange_undeliverable_text.eml", "rpa.ack-44-", "", "failed", "5.1.10", True),
    ("gmail_dsn_failure.eml", "rpa.ack-45-", "alice@acmehealth.example", "failed", "5.1.1",
     True),
    ("exim_delivery_failed.eml", "rpa.ack-46-", "dana.whitfield@pioneervalleyclinic.example",
     "failed", "5.1.1", True),
    ("x_original_message_id.eml", "rpa.ack-47-", "it@hospital.example", "failed", "5.7.1",
     True),
]


@pytest.mark.parametrize(("name", "original", "recipient", "action", "status", "permanent"),
                         BOUNCES)
def test_bounces(name: str, original: str, recipient: str, action: str, status: str,
                 permanent: bool) -> None:
    bounce = parse_dsn((DATA / name).read_bytes())
    assert bounce is not None
    assert bounce.original_message_id.startswith(original)
    assert bounce.original_message_id.endswith(OURS)
    assert (bounce.recipient, bounce.action, bounce.status, bounce.permanent) == (
        recipient, action, status, permanent)


@pytest.mark.parametrize("name", ["mdn_read_receipt.eml", "person_mentions_undeliverable.eml"])
def test_not_bounces(name: str) -> None:
    assert parse_dsn((DATA / name).read_bytes()) is None


@pytest.mark.parametrize("raw", [b"", b"\x00\xff garbage", b"Subject: Undeliverable\r\n\r\n",
                                 b"Content-Type: multipart/report; report-type=delivery-status"
                                 b"; boundary=x\r\n\r\n--x\r\n"])
def test_broken_input_is_no_bounce(raw: bytes) -> None:
    assert parse_dsn(raw) is None


def test_header_values_from_a_bounce_are_single_lines() -> None:
    raw = (DATA / "postfix_failed_rfc822.eml").read_bytes().replace(
        b"Final-Recipient: rfc822; Dana@Clinic.example",
        b"Final-Recipient: rfc822; dana@clinic.example\r\n\tBcc: x@evil.example")
    bounce = parse_dsn(raw)
    assert bounce is not None and "\n" not in bounce.recipient and "\r" not in bounce.status
