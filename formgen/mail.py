"""Test and demo emails: stdlib email, deterministic when Message-ID and Date are given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime


def build_email(*, sender: str, to: str, subject: str, body: str,
                attachments: Sequence[tuple[str, bytes, str]] = (),
                message_id: str | None = None, in_reply_to: str | None = None,
                references: Sequence[str] = (), date: datetime | None = None,
                extra_headers: Mapping[str, str] | None = None) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date or datetime(2026, 11, 2, 14, 0, tzinfo=UTC))
    message["Message-ID"] = f"<{message_id or 'sample@example.org'}>"
    if in_reply_to:
        message["In-Reply-To"] = f"<{in_reply_to}>"
    if references:
        message["References"] = " ".join(f"<{item}>" for item in references)
    for name, value in (extra_headers or {}).items():
        message[name] = value
    message.set_content(body)
    for filename, data, content_type in attachments:
        maintype, _, subtype = content_type.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()
