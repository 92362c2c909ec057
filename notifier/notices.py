"""Coordinator notices: a decision told to the organization's contact, in the same thread as
the submission and its acknowledgment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.compose import compose_message
from notifier.message_ids import make_message_id
from notifier.outbox import enqueue
from notifier.render import render_pair
from notifier.views import short
from parsers.headers import is_addr_spec, sanitize_header
from registry.documents import main_values
from registry.models import SUPPRESSED, Approval, OutboxMessage, Submission

SUBJECTS = {"approved": "Approved", "rejected": "Not approved",
            "info_requested": "Information requested", "inquiry_reply": "Reply"}
FORM_NAMES = {"stage1": "Stage I Registration", "stage2": "Stage II Registration",
              "stage2_grandfathered": "Stage II Registration (Grandfathered Entities)",
              "modification": "Modification Request", "annual_validation": "Annual Validation"}


@dataclass(frozen=True, slots=True)
class NoticeView:
    reference: str
    decision: str
    form_name: str
    organization: str
    contact_name: str
    number: str | None
    user_ids: tuple[str, ...]
    reason: str
    next_validation: str | None


def enqueue_notice(session: Session, submission: Submission, decision: str, *,
                   settings: Settings, now: datetime, approval: Approval | None = None,
                   reason: str = "") -> OutboxMessage:
    view = _view(submission, decision, approval, reason)
    text, html = render_pair(f"notice_{decision}", {"notice": view},
                             templates_dir=settings.acknowledgment.templates_dir)
    subject = sanitize_header(f"[{view.reference}] {SUBJECTS[decision]}: {view.form_name}"
                              f"{' — ' + view.organization if view.organization else ''}", 900)
    recipient = _recipient(submission)
    ack = settings.acknowledgment
    message_id = make_message_id(f"notice-{submission.id}", key=ack.signing_key,
                                 domain=ack.message_id_domain)
    if not recipient:  # neither the form's contact nor the sender is a plain address
        return enqueue(session, kind="notice", recipient="(none)", subject=subject, raw=None,
                       message_id=message_id, now=now, submission_id=submission.id,
                       status=SUPPRESSED, reason="no usable address for the contact")
    thread = [item for item in (submission.message_id, _last_ack_id(session, submission)) if item]
    raw = compose_message(sender=settings.smtp.from_address, sender_name=settings.smtp.from_name,
                          recipient=recipient, subject=subject, text=text, html=html,
                          message_id=message_id, date=now,
                          in_reply_to=thread[-1] if thread else None, references=thread,
                          reply_to=settings.smtp.reply_to or None, auto_submitted=False)
    return enqueue(session, kind="notice", recipient=recipient, subject=subject, raw=raw,
                   message_id=message_id, now=now, submission_id=submission.id)


def _view(submission: Submission, decision: str, approval: Approval | None,
          reason: str) -> NoticeView:
    values = main_values(submission)
    return NoticeView(
        reference=submission.reference or "", decision=decision,
        form_name=FORM_NAMES.get(submission.form_type or "",
                                 "your email" if decision == "inquiry_reply" else "registration"),
        organization=short(values.get("org_legal_name") or ""),
        contact_name=short(values.get("contact_name") or submission.sender_name or "", 80),
        number=approval.number if approval else None,
        user_ids=tuple(approval.rpa_user_ids or ()) if approval else (),
        reason=reason,
        next_validation=approval.validation_due.isoformat()
        if approval and approval.validation_due else None)


def _recipient(submission: Submission) -> str:
    """The organization's contact from the form, else the sender; "" when neither is a
    plain address (a form value is sender text: it never becomes a header as it is)."""
    contact = str(main_values(submission).get("contact_email") or "").strip().lower()
    for address in (contact, submission.sender):
        if is_addr_spec(address):
            return address
    return ""




def _last_ack_id(session: Session, submission: Submission) -> str | None:
    return session.scalar(select(OutboxMessage.message_id).where(
        OutboxMessage.submission_id == submission.id, OutboxMessage.kind == "ack")
        .order_by(OutboxMessage.id.desc()).limit(1))
