"""Outgoing messages built apart from transport: text + HTML alternatives, threading
headers, auto-reply markers; every header value sanitized before it is set.

Message-ID, In-Reply-To and References are written here, not by the email package: its
folding turns a long id (Outlook's are) into an RFC 2047 encoded word, which no client reads
as a message id. Ours are folded only between ids, never inside one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from functools import lru_cache

from parsers.headers import is_addr_spec, sanitize_header


def compose_message(*, sender: str, sender_name: str, recipient: str, subject: str, text: str,
                    html: str | None, message_id: str, date: datetime,
                    in_reply_to: str | None = None, references: Sequence[str] = (),
                    reply_to: str | None = None, auto_submitted: bool = True,
                    extra_headers: Sequence[tuple[str, str]] = ()) -> bytes:
    message = EmailMessage(policy=_POLICY)
    message["From"] = formataddr((_text(sender_name, 200), _address(sender)))
    message["To"] = _address(recipient)
    message["Subject"] = _text(subject, 900)
    message["Date"] = format_datetime(date if date.tzinfo else date.astimezone())
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
    return _threading_headers(message_id, in_reply_to, references) + message.as_bytes()


class _ParsedOnce(HeaderRegistry):
    """Parsed header values are immutable objects: the ones every message repeats (From,
    Auto-Submitted, the text parts' MIME headers) are parsed once, not once per message."""

    def __call__(self, name: str, value: str) -> BaseHeader:
        if name.lower() in _REPEATED:
            return _parsed(self, name, value)
        return super().__call__(name, value)


_REPEATED = frozenset({"from", "reply-to", "auto-submitted", "x-auto-response-suppress",
                       "mime-version", "content-type", "content-transfer-encoding"})


@lru_cache(maxsize=256)
def _parsed(registry: HeaderRegistry, name: str, value: str) -> BaseHeader:
    return HeaderRegistry.__call__(registry, name, value)  # type: ignore[no-any-return]


# Lines up to RFC 5322's hard limit of 998: no header folded onto a continuation line
# unless it must be (Outlook showed a folded From: oddly).
_POLICY = SMTP.clone(max_line_length=998, header_factory=_ParsedOnce())


def _threading_headers(message_id: str, in_reply_to: str | None,
                       references: Sequence[str]) -> bytes:
    own = _msg_id(message_id)
    if own is None:
        raise ValueError("our own Message-ID is not a valid msg-id")
    lines = [id_header("Message-ID", [own])]
    parent = _msg_id(in_reply_to or "")
    if parent:
        lines.append(id_header("In-Reply-To", [parent]))
    ids = [item for item in map(_msg_id, references) if item]
    chain = list(reversed(dict.fromkeys(reversed(ids))))  # each once, at its latest place
    if chain:  # RFC 5322 §3.6.4: keep the first (the thread's root) and the latest ones
        lines.append(id_header("References", chain[:1] + chain[1:][-19:]))
    return "".join(lines).encode("ascii")


def id_header(name: str, ids: Sequence[str]) -> str:
    """``Name: <a@b>`` with further ids on continuation lines once a line passes 78
    characters: folding only between ids (RFC 5322 §2.2.3)."""
    line, lines = f"{name}:", []
    for item in ids:
        token = f"<{item}>"
        if len(line) > len(name) + 1 and len(line) + 1 + len(token) > 78:
            lines.append(line)
            line = ""
        line += f" {token}"
    return "\r\n".join([*lines, line]) + "\r\n"


_ID_PART = r"[\x21-\x3b\x3d\x3f\x41-\x7e]{1,450}"  # printable ASCII but < > @
_MSG_ID = re.compile(f"^{_ID_PART}@{_ID_PART}$")


def _msg_id(value: str) -> str | None:
    """A msg-id without its angle brackets, or None when it is not one (RFC 5322 §3.6.4,
    loosely: printable ASCII, one '@', no '<' or '>', nothing that could end the header)."""
    token = value.strip().strip("<>")
    return token if _MSG_ID.match(token) else None


def _text(value: str, max_len: int) -> str:
    """A header value as plain text. The email package decodes RFC 2047 encoded words in
    values it is given (and this CPython lets a decoded CR/LF through), so decode first,
    strip control characters, and break any encoded-word opener that is left."""
    return sanitize_header(value, max_len, decode=True).replace("=?", "= ?")


def _address(value: str) -> str:
    """An address we write into a header (and the outbox hands to SMTP as the envelope):
    only a plain addr-spec, never repaired into one."""
    if not is_addr_spec(value):
        raise ValueError("not a plain address")
    return value
