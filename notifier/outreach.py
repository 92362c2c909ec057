"""Annual validation outreach, the message side: the request (with the pre-filled Annual
Validation form attached as PDF and DOCX) and its reminders, rendered from templates and
queued in the outbox, each in the registration's own validation thread."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.compose import compose_message
from notifier.message_ids import make_message_id
from notifier.outbox import enqueue
from notifier.render import render_pair
from parsers.headers import sanitize_header
from registry.models import QUEUED, OutboxMessage

KIND = "validation"
PDF_TYPE = ("application", "pdf")
DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


@dataclass(frozen=True, slots=True)
class OutreachView:
    """What a validation request or reminder says (all sender-independent registry data)."""

    number: str
    organization: str
    contact_name: str
    year: int
    due: str  # e.g. "March 31, 2027"
    user_ids: tuple[str, ...]
    tool: str
    transactions: tuple[str, ...]
    step: str  # request | before:N | after:N
    attached: bool

    @property
    def late(self) -> bool:
        return self.step.startswith("after:")


@dataclass(frozen=True, slots=True)
class OutreachMail:
    recipient: str
    view: OutreachView
    pdf: bytes | None = None
    docx: bytes | None = None
    thread: tuple[str, ...] = ()  # earlier messages of this validation thread


def outreach_subject(view: OutreachView) -> str:
    what = ("Annual Validation requested" if view.step == "request"
            else "Reminder: Annual Validation overdue" if view.late
            else "Reminder: Annual Validation due")
    return sanitize_header(f"[{view.number}] {what} for {view.year} — {view.organization}", 900)


def render_outreach(view: OutreachView, settings: Settings) -> tuple[str, str]:
    name = "validation_request" if view.step == "request" else "validation_reminder"
    return render_pair(name, {"v": view}, templates_dir=settings.acknowledgment.templates_dir)


@dataclass(frozen=True, slots=True)
class ComposedMail:
    recipient: str
    subject: str
    message_id: str
    raw: bytes


def compose_outreach(mail: OutreachMail, *, settings: Settings, now: datetime) -> ComposedMail:
    """The whole message, forms attached (no session: the outreach builds these in parallel)."""
    view = mail.view
    text, html = render_outreach(view, settings)
    subject = outreach_subject(view)
    ack = settings.acknowledgment
    message_id = make_message_id(f"validation-{view.number}-{view.year}",
                                 key=ack.signing_key, domain=ack.message_id_domain)
    raw = compose_message(sender=settings.smtp.from_address, sender_name=settings.smtp.from_name,
                          recipient=mail.recipient, subject=subject, text=text, html=html,
                          message_id=message_id, date=now,
                          in_reply_to=mail.thread[-1] if mail.thread else None,
                          references=mail.thread, reply_to=settings.smtp.reply_to or None,
                          auto_submitted=False,  # not a reply: RFC 3834's auto-generated
                          extra_headers=(("Auto-Submitted", "auto-generated"),))
    return ComposedMail(mail.recipient, subject, message_id,
                        _with_forms(raw, view, mail.pdf, mail.docx))


def enqueue_outreach(session: Session, mail: OutreachMail, *, settings: Settings,
                     now: datetime, dedupe_key: str) -> OutboxMessage:
    """Queue one request or reminder (once per ``dedupe_key``)."""
    return enqueue_composed(session, compose_outreach(mail, settings=settings, now=now),
                            now=now, dedupe_key=dedupe_key)


def enqueue_composed(session: Session, composed: ComposedMail, *, now: datetime,
                     dedupe_key: str) -> OutboxMessage:
    return enqueue(session, kind=KIND, recipient=composed.recipient, subject=composed.subject,
                   raw=composed.raw, message_id=composed.message_id, now=now,
                   dedupe_key=dedupe_key)


def outbox_row(composed: ComposedMail, *, now: datetime, dedupe_key: str) -> OutboxMessage:
    """The row ``enqueue`` would add, for bulk inserts (the caller handles a clash of keys)."""
    return OutboxMessage(kind=KIND, recipient=composed.recipient, subject=composed.subject,
                         raw=composed.raw, message_id=composed.message_id, created_at=now,
                         dedupe_key=dedupe_key, status=QUEUED, next_attempt_at=now)


def _with_forms(raw: bytes, view: OutreachView, pdf: bytes | None, docx: bytes | None) -> bytes:
    """The composed message wrapped in multipart/mixed with the forms attached. Built by
    hand (the composed text and HTML part is kept byte for byte): re-parsing and re-folding
    the whole message with the email package costs more than the forms themselves."""
    files = [(data, ctype, f"Annual-Validation-{view.year}-{view.number}.{suffix}")
             for data, ctype, suffix in ((pdf, PDF_TYPE, "pdf"), (docx, DOCX_TYPE, "docx"))
             if data is not None]
    if not files:
        return raw
    nl = b"\r\n" if b"\r\n" in raw[:4000] else b"\n"
    head, _sep, body = raw.partition(nl + nl)
    fields = _header_fields(head.split(nl), nl)
    inner = [item for item in fields if item.lower().startswith(_PART_HEADERS)]
    outer = [item for item in fields if item not in inner]
    boundary = b"=_rpa_attachments_" + secrets.token_hex(12).encode("ascii")
    parts = [nl.join(inner) + nl + nl + body.rstrip(b"\r\n") + nl]
    parts += [_attachment(data, ctype, name, nl) for data, ctype, name in files]
    mixed = b"".join(b"--" + boundary + nl + part for part in parts) + b"--" + boundary + b"--" + nl
    return (nl.join(outer) + nl + b'Content-Type: multipart/mixed; boundary="' + boundary + b'"'
            + nl + nl + mixed)


_PART_HEADERS = (b"content-type:", b"content-transfer-encoding:")


def _header_fields(lines: list[bytes], nl: bytes) -> list[bytes]:
    fields: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += nl + line
        else:
            fields.append(line)
    return fields


def _attachment(data: bytes, ctype: tuple[str, str], name: str, nl: bytes) -> bytes:
    kind = f"{ctype[0]}/{ctype[1]}".encode("ascii")
    safe = sanitize_header(name, 200).replace('"', "").encode("ascii", "replace")
    flat = base64.b64encode(data)
    encoded = b"".join(flat[start:start + 76] + nl for start in range(0, len(flat), 76))
    return (b"Content-Type: " + kind + b'; name="' + safe + b'"' + nl
            + b"Content-Transfer-Encoding: base64" + nl
            + b'Content-Disposition: attachment; filename="' + safe + b'"' + nl + nl + encoded)


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"
