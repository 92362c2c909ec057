"""Operator actions on the outbox: send a waiting or given-up message at the next flush."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from registry.models import FAILED, QUEUED, AuditEvent, OutboxMessage


class OutboxError(Exception):
    """The outbox row cannot be retried; the message says why."""


def retry_now(session: Session, row_id: int, *, now: datetime, actor: str) -> OutboxMessage:
    """Queue the row again, due now (same Message-ID, so a late first copy is no duplicate)."""
    row = session.get(OutboxMessage, row_id)
    if row is None:
        raise OutboxError(f"no outbox message {row_id}")
    if row.status not in {QUEUED, FAILED} or row.raw is None:
        raise OutboxError(f"outbox message {row_id} is {row.status}; only queued or failed "
                          "messages are sent again")
    row.status, row.next_attempt_at, row.claimed_until = QUEUED, now, None
    session.add(AuditEvent(at=now, actor=actor, action="outbox_retry",
                           submission_id=row.submission_id, detail={"outbox_id": row.id}))
    return row
