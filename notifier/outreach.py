"""Annual validation outreach, the message side: the request (with the pre-filled Annual
Validation form attached as PDF and DOCX) and its reminders, rendered from templates and
queued in the outbox, each in the registration's own validation thread."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.compose import compose_message
from notifier.message_ids import make_message_id
from notifier.outbox import enqueue
from notifier.render import render_pair
from parsers.headers import sanitize_header
from registry.models import OutboxMessage

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


def enqueue_outreach(session: Session, mail: OutreachMail, *, settings: Settings,
                     now: datetime, dedupe_key: str) -> OutboxMessage:
    """Queue one request or reminder (once per ``dedupe_key``)."""
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
                          auto_submitted=True)
    raw = _with_forms(raw, view, mail.pdf, mail.docx)
    return enqueue(session, kind="validation", recipient=mail.recipient, subject=subject,
                   raw=raw, message_id=message_id, now=now, dedupe_key=dedupe_key)


def _with_forms(raw: bytes, view: OutreachView, pdf: bytes | None, docx: bytes | None) -> bytes:
    if pdf is None and docx is None:
        return raw
    message = email.message_from_bytes(raw, policy=email.policy.SMTP)
    stem = f"Annual-Validation-{view.year}-{view.number}"
    for data, (maintype, subtype), suffix in ((pdf, PDF_TYPE, "pdf"), (docx, DOCX_TYPE, "docx")):
        if data is not None:
            message.add_attachment(data, maintype=maintype, subtype=subtype,  # type: ignore[union-attr]
                                   filename=f"{stem}.{suffix}")
    return message.as_bytes()


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"
