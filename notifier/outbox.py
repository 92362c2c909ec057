"""The outbox: messages written in the same transaction as the work that caused them, sent
later by notifier.sender. A dedupe key makes an enqueue happen at most once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from registry.models import QUEUED, OutboxMessage


def enqueue(session: Session, *, kind: str, recipient: str, subject: str, raw: bytes | None,
            message_id: str, now: datetime, submission_id: int | None = None,
            dedupe_key: str | None = None, status: str = QUEUED,
            reason: str | None = None, not_before: datetime | None = None,
            flush: bool = True) -> OutboxMessage:
    """Add an outgoing message (sent from ``not_before``, default now); with a
    ``dedupe_key`` already used, return that row. ``flush=False``: the row gets its id with
    the caller's next flush or commit (for callers that need no id now)."""
    existing = _by_key(session, dedupe_key)
    if existing is not None:
        return existing
    row = OutboxMessage(kind=kind, recipient=recipient, subject=subject, raw=raw,
                        message_id=message_id, created_at=now, submission_id=submission_id,
                        dedupe_key=dedupe_key, status=status, reason=reason,
                        next_attempt_at=(not_before or now) if status == QUEUED else None)
    if not dedupe_key:
        session.add(row)
        if flush:
            session.flush()
        return row
    return _insert_once(session, row)


def _insert_once(session: Session, row: OutboxMessage) -> OutboxMessage:
    """Insert in a savepoint: when another transaction committed the same key since our
    select, only the savepoint is rolled back and the caller's work goes on."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        existing = _by_key(session, row.dedupe_key)
        if existing is None:
            raise
        return existing
    return row


def _by_key(session: Session, dedupe_key: str | None) -> OutboxMessage | None:
    if not dedupe_key:
        return None
    return session.scalars(
        select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key)).first()


def list_outbox(session: Session, status: str | None = None) -> Sequence[OutboxMessage]:
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if status:
        query = query.where(OutboxMessage.status == status)
    return session.scalars(query).all()
