"""Outgoing messages built apart from transport: text + HTML alternatives, threading
headers, auto-reply markers; every header value sanitized before it is set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr

from parsers.headers import sanitize_header


def compose_message(*, sender: str, sender_name: str, recipient: str, subject: str, text: str,
                    html: str | None, message_id: str, date: datetime,
                    in_reply_to: str | None = None, references: Sequence[str] = (),
                    reply_to: str | None = None, auto_submitted: bool = True,
                    extra_headers: Sequence[tuple[str, str]] = ()) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = formataddr((_text(sender_name, 200), _address(sender)))
    message["To"] = _address(recipient)
    message["Subject"] = _text(subject, 900)
    message["Date"] = format_datetime(date if date.tzinfo else date.astimezone())
    message["Message-ID"] = f"<{_token(message_id)}>"
    if in_reply_to:
        message["In-Reply-To"] = f"<{_token(in_reply_to)}>"
    chain = [_token(item) for item in references if item]
    if chain:
        message["References"] = " ".join(f"<{item}>" for item in chain[-20:])
    if reply_to:
        message["Reply-To"] = _address(reply_to)
    if auto_submitted:
        message["Auto-Submitted"] = "auto-replied"
        message["X-Auto-Response-Suppress"] = "All"
    for name, value in extra_headers:
        message[sanitize_header(name, 60).replace(" ", "-")] = _text(value, 500)
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message.as_bytes()


def _text(value: str, max_len: int) -> str:
    """A header value as plain text. The email package decodes RFC 2047 encoded words in
    values it is given (and this CPython lets a decoded CR/LF through), so decode first,
    strip control characters, and break any encoded-word opener that is left."""
    return sanitize_header(value, max_len, decode=True).replace("=?", "= ?")


def _address(value: str) -> str:
    return sanitize_header(value, 320).replace(" ", "").replace("<", "").replace(">", "")


def _token(message_id: str) -> str:
    return sanitize_header(message_id, 900).replace(" ", "").strip("<>")
