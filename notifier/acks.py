"""Acknowledgments: decided, rendered and queued inside the filing transaction. Automatic
mail, our own mail, backfill and bounced addresses are recorded as suppressed with their
reason, never sent. A person's acknowledgment past a rate cap (per sender, or overall) is
delayed to a later window, never dropped: a backlog of 300 providers all hear back."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.bounces import is_suppressed
from notifier.compose import compose_message
from notifier.message_ids import is_our_message_id, make_message_id
from notifier.outbox import enqueue
from notifier.render import render_acknowledgment
from notifier.views import ack_view
from parsers.automatic import automatic_reason
from parsers.formdefs import FormDefinition
from parsers.model import ParsedEmail
from registry.models import QUEUED, SUPPRESSED, OutboxMessage, Submission

log = logging.getLogger(__name__)


def enqueue_acknowledgment(session: Session, submission: Submission, email: ParsedEmail, *,
                           settings: Settings, definitions: Mapping[str, FormDefinition],
                           now: datetime, backfill: bool = False,
                           follow_up: bool = False) -> OutboxMessage:
    """Queue (or record as suppressed) the acknowledgment of ``email`` for ``submission``."""
    ack = settings.acknowledgment
    message_id = make_message_id(f"ack-{submission.id}", key=ack.signing_key,
                                 domain=ack.message_id_domain)
    rendered = render_acknowledgment(ack_view(submission, definitions=definitions,
                                              follow_up=follow_up),
                                     templates_dir=ack.templates_dir)
    recipient = email.from_address
    reason = suppression_reason(session, email, settings=settings, now=now, backfill=backfill)
    send_at, delayed = (now, None) if reason else send_after(session, recipient, settings, now)
    raw = None
    if reason is None:
        raw = compose_message(
            sender=settings.smtp.from_address, sender_name=settings.smtp.from_name,
            recipient=recipient, subject=rendered.subject, text=rendered.text,
            html=rendered.html, message_id=message_id, date=now,
            in_reply_to=email.message_id or None,
            references=[*email.references, email.message_id],
            reply_to=settings.smtp.reply_to or None)
    else:
        log.info("acknowledgment for %s suppressed: %s", submission.reference, reason)
    return enqueue(session, kind="ack", recipient=recipient or "(none)",
                   subject=rendered.subject, raw=raw, message_id=message_id, now=now,
                   submission_id=submission.id, status=SUPPRESSED if reason else QUEUED,
                   reason=reason or delayed, not_before=send_at)


def suppression_reason(session: Session, email: ParsedEmail, *, settings: Settings,
                       now: datetime, backfill: bool) -> str | None:
    own = {settings.smtp.from_address, *settings.digest.recipients}
    reason = automatic_reason(email, own_addresses=own)
    if reason:
        return reason
    ack = settings.acknowledgment
    if email.message_id and is_our_message_id(email.message_id, key=ack.signing_key,
                                              domain=ack.message_id_domain):
        return "our own message (a loop)"
    if backfill and not settings.mailbox.backfill_acknowledge:
        return "backfill"
    if is_suppressed(session, email.from_address, now) is not None:
        return "address suppressed after a bounce"
    return None


def send_after(session: Session, sender: str, settings: Settings,
               now: datetime) -> tuple[datetime, str | None]:
    """When a person's message may go, and why it waits: the n-th message over a cap in
    its window goes n // limit windows later (the limits are per window, not dropped)."""
    ack = settings.acknowledgment
    caps = (
        (sender, ack.per_sender_limit, ack.per_sender_window_minutes, "per-sender limit"),
        (None, ack.global_limit, ack.global_window_minutes, "global limit"),
    )
    send_at, why = now, None
    for who, limit, minutes, name in caps:
        window = timedelta(minutes=minutes)
        slot = _queued_since(session, now - window, who) // max(1, limit)
        if slot and now + slot * window > send_at:
            send_at = now + slot * window
            why = f"delayed by the {name} ({limit} per {minutes} min)"
    return send_at, why


def _queued_since(session: Session, since: datetime, sender: str | None) -> int:
    query = select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.kind == "ack", OutboxMessage.created_at >= since,
        OutboxMessage.status != SUPPRESSED)
    if sender is not None:
        query = query.where(OutboxMessage.recipient == sender)
    return session.scalar(query) or 0
