"""Acknowledgments: decided, rendered and queued inside the filing transaction. Automatic
mail, our own mail, backfill and bounced addresses are recorded as suppressed with their
reason, never sent. A person's acknowledgment past a rate cap (per sender, or overall) is
delayed to a later window, never dropped: a backlog of 300 providers all hear back."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ScalarSelect, bindparam, exists, func, select
from sqlalchemy.orm import Session

from config.settings import Settings
from notifier.compose import compose_message
from notifier.message_ids import is_our_message_id, make_message_id
from notifier.outbox import enqueue
from notifier.render import render_acknowledgment
from notifier.views import ack_view
from parsers.automatic import automatic_reason
from parsers.formdefs import FormDefinition
from parsers.model import ParsedEmail
from registry.models import QUEUED, SUPPRESSED, OutboxMessage, Submission, Suppression

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
    reason = unwanted_reason(email, settings=settings, backfill=backfill)
    counts = None if reason else window_counts(session, recipient, settings, now)
    if counts is not None and counts.suppressed:
        reason = "address suppressed after a bounce"
    send_at, delayed = send_after(counts, settings, now) if counts and not reason else (now, None)
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
                   reason=reason or delayed, not_before=send_at, flush=False)


def unwanted_reason(email: ParsedEmail, *, settings: Settings, backfill: bool) -> str | None:
    """Why no acknowledgment goes, from the message alone: automatic mail, our own mail, a
    backfill (a bounced address is in the database: ``window_counts``)."""
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
    return None


@dataclass(frozen=True, slots=True)
class WindowCounts:
    """What the database says about acknowledging a sender now."""
    suppressed: bool  # a bounce suppressed the address
    per_sender: int  # acknowledgments to the sender queued within its window
    overall: int  # acknowledgments to anyone queued within the global window


def window_counts(session: Session, sender: str, settings: Settings,
                  now: datetime) -> WindowCounts:
    """The suppression and both caps' counts in one query (three were one each)."""
    ack = settings.acknowledgment
    row = session.execute(_WINDOW_COUNTS, {
        "sender": sender, "now": now,
        "sender_since": now - timedelta(minutes=ack.per_sender_window_minutes),
        "overall_since": now - timedelta(minutes=ack.global_window_minutes)}).one()
    return WindowCounts(bool(row[0]), int(row[1] or 0), int(row[2] or 0))


def send_after(counts: WindowCounts, settings: Settings,
               now: datetime) -> tuple[datetime, str | None]:
    """When a person's message may go, and why it waits: the n-th message over a cap in
    its window goes n // limit windows later (the limits are per window, not dropped)."""
    ack = settings.acknowledgment
    caps = (
        (counts.per_sender, ack.per_sender_limit, ack.per_sender_window_minutes,
         "per-sender limit"),
        (counts.overall, ack.global_limit, ack.global_window_minutes, "global limit"),
    )
    send_at, why = now, None
    for queued, limit, minutes, name in caps:
        window = timedelta(minutes=minutes)
        slot = queued // max(1, limit)
        if slot and now + slot * window > send_at:
            send_at = now + slot * window
            why = f"delayed by the {name} ({limit} per {minutes} min)"
    return send_at, why


def _queued_since(since: str, *, per_sender: bool) -> ScalarSelect[int]:
    query = select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.kind == "ack", OutboxMessage.created_at >= bindparam(since),
        OutboxMessage.status != SUPPRESSED)
    if per_sender:
        query = query.where(OutboxMessage.recipient == bindparam("sender"))
    return query.scalar_subquery()


# Asked for every acknowledgment, so built once (building it costs more than running it).
_WINDOW_COUNTS = select(
    exists().where(Suppression.address == bindparam("sender"),
                   Suppression.until.is_(None) | (Suppression.until > bindparam("now"))),
    _queued_since("sender_since", per_sender=True),
    _queued_since("overall_since", per_sender=False))
