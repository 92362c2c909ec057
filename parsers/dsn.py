"""Bounces: delivery status notifications (RFC 3464) and the common non-standard ones, read
for the Message-ID of the message that bounced and the address that failed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import message_from_bytes
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32

from parsers.headers import message_id_of, parse_address, sanitize_header

_BOUNCE_SUBJECT = re.compile(r"undeliver|delivery (status notification|has failed|failure)|"
                             r"mail delivery (failed|subsystem)|returned mail|failure notice",
                             re.IGNORECASE)
_ORIGINAL_ID = re.compile(r"^(?:x-original-)?message-id:\s*(<[^>\s]+>)",
                          re.IGNORECASE | re.MULTILINE)
_STATUS = re.compile(r"\b([245])\.\d{1,3}\.\d{1,3}\b")


@dataclass(frozen=True, slots=True)
class Bounce:
    original_message_id: str
    recipient: str
    action: str  # failed | delayed | ...
    status: str  # e.g. 5.1.1
    permanent: bool


def parse_dsn(raw: bytes) -> Bounce | None:
    """A Bounce when ``raw`` is a bounce that names the original Message-ID, else None."""
    if not _may_be_bounce(BytesHeaderParser(policy=compat32).parsebytes(raw[:256 * 1024])):
        return None  # most mail: the headers say so, the body is not parsed again
    message = message_from_bytes(raw[:2_000_000], policy=compat32)
    fields = _delivery_status(message)
    original = _original_message_id(message)
    if not original:
        return None
    status = fields.get("status", "") or _first_status(message)
    action = fields.get("action", "failed" if status.startswith("5") or not status else "")
    recipient = parse_address(fields.get("final-recipient", "").split(";")[-1])[1] or \
        parse_address(str(message.get("X-Failed-Recipients", "")))[1]
    return Bounce(original, recipient, action.lower() or "failed", status,
                  permanent=action.lower() == "failed" and not status.startswith("4"))


def _may_be_bounce(message: Message) -> bool:
    is_report = (message.get_content_type() == "multipart/report"
                 and str(message.get_param("report-type", "")).lower() == "delivery-status")
    return is_report or bool(_BOUNCE_SUBJECT.search(str(message.get("Subject", ""))))


def _delivery_status(message: Message) -> dict[str, str]:
    fields: dict[str, str] = {}
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for block in part.get_payload() or []:
            if isinstance(block, Message):
                for key, value in block.items():
                    fields.setdefault(key.lower(), sanitize_header(str(value), 300))
    return fields


def _original_message_id(message: Message) -> str:
    header = message_id_of(str(message.get("X-Original-Message-ID", "")))
    if header:
        return header
    for part in message.walk():
        if part.get_content_type() in {"message/rfc822", "text/rfc822-headers"}:
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                found = message_id_of(str(inner[0].get("Message-ID", "")))
                if found:
                    return found
            text = part.as_string() if not isinstance(inner, str) else inner
            match = _ORIGINAL_ID.search(text)
            if match:
                return message_id_of(match.group(1))
    match = _ORIGINAL_ID.search(_text_of(message))
    return message_id_of(match.group(1)) if match else ""


def _first_status(message: Message) -> str:
    match = _STATUS.search(_text_of(message))
    return match.group(0) if match else ""


def _text_of(message: Message) -> str:
    chunks = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                chunks.append(payload.decode("utf-8", "replace"))
    return "\n".join(chunks)[:500_000]
