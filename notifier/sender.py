"""The outbox sender: claim due rows, send each with its stored bytes (the same Message-ID on
every try), record every attempt, back off on temporary failures, give up on permanent
ones or after the retry period."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Select, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from notifier.smtp import PermanentDeliveryError, TemporaryDeliveryError
from parsers.headers import is_addr_spec
from registry.db import transaction
from registry.models import FAILED, QUEUED, SENT, DeliveryAttempt, OutboxMessage

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=1)


class Transport(Protocol):
    def send(self, raw: bytes, *, sender: str, recipients: list[str]) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class FlushReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def flush_outbox(factory: sessionmaker[Session], transport: Transport, *, now: datetime,
                 settings: Settings, limit: int = 100) -> FlushReport:
    """Send everything due at ``now``, claimed ``limit`` rows at a time (a backlog's
    acknowledgments all go in one flush), over one connection."""
    counts = {"sent": 0, "retried": 0, "failed": 0}
    try:
        while claimed := _claim_due(factory, now, limit):
            for row_id in claimed:
                counts[_deliver(factory, transport, row_id, now, settings)] += 1
            if len(claimed) < limit:
                break
    finally:
        transport.close()  # one connection per flush
    return FlushReport(**counts)


def _claim_due(factory: sessionmaker[Session], now: datetime, limit: int) -> list[int]:
    """Lease due rows so that a second sender running at the same time skips them. On
    PostgreSQL in one statement pair: the due rows are locked with FOR UPDATE SKIP LOCKED
    (another sender's candidates are skipped, never waited for) and leased in the same
    transaction; elsewhere one conditional update per row."""
    with transaction(factory) as session:
        due = _due(now)
        if session.get_bind().dialect.name == "postgresql":
            ids = list(session.scalars(due.limit(limit).with_for_update(skip_locked=True)))
            if ids:
                session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids))
                                .values(claimed_until=now + LEASE))
            return ids
        candidates = session.scalars(due.limit(limit)).all()
    claimed = []
    for row_id in candidates:
        with transaction(factory) as session:
            result = session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == row_id, OutboxMessage.status == QUEUED,
                       or_(OutboxMessage.claimed_until.is_(None),
                           OutboxMessage.claimed_until < now))
                .values(claimed_until=now + LEASE))
            if result.rowcount:  # type: ignore[attr-defined]
                claimed.append(row_id)
    return claimed


def _due(now: datetime) -> Select[int]:
    """The ids of queued rows due at ``now`` and not leased by a sender, oldest first."""
    return (select(OutboxMessage.id)
            .where(OutboxMessage.status == QUEUED,
                   or_(OutboxMessage.next_attempt_at.is_(None),
                       OutboxMessage.next_attempt_at <= now),
                   or_(OutboxMessage.claimed_until.is_(None),
                       OutboxMessage.claimed_until < now))
            .order_by(OutboxMessage.id))


def _deliver(factory: sessionmaker[Session], transport: Transport, row_id: int,
             now: datetime, settings: Settings) -> str:
    with transaction(factory) as session:
        row = session.get(OutboxMessage, row_id)
        assert row is not None
        raw, recipient = row.raw or b"", row.recipient
    if not is_addr_spec(recipient):  # never hand SMTP an envelope address we did not parse
        return _record(factory, row_id, now, "permanent", "invalid recipient address", settings)
    try:
        transport.send(raw, sender=settings.smtp.from_address, recipients=[recipient])
    except PermanentDeliveryError as err:
        return _record(factory, row_id, now, "permanent", str(err), settings)
    except TemporaryDeliveryError as err:
        return _record(factory, row_id, now, "temporary", str(err), settings)
    except Exception as err:  # a broken transport must not leave the row claimed
        log.warning("outbox message %s: transport error %s", row_id, type(err).__name__)
        return _record(factory, row_id, now, "temporary", f"{type(err).__name__}: {err}"[:500],
                       settings)
    return _record(factory, row_id, now, "sent", "", settings)


def _record(factory: sessionmaker[Session], row_id: int, now: datetime, result: str,
            detail: str, settings: Settings) -> str:
    with transaction(factory) as session:
        row = session.get(OutboxMessage, row_id)
        assert row is not None
        row.attempts += 1
        row.claimed_until = None
        session.add(DeliveryAttempt(outbox_id=row.id, at=now, result=result, detail=detail))
        if result == "sent":
            row.status, row.sent_at, row.next_attempt_at = SENT, now, None
            return "sent"
        row.last_error = detail
        give_up = now - row.created_at >= timedelta(hours=settings.acknowledgment.retry_for_hours)
        if result == "permanent" or give_up:
            row.status, row.next_attempt_at = FAILED, None
            row.reason = "permanent failure" if result == "permanent" else "retries exhausted"
            log.warning("outbox message %s failed: %s", row.id, row.reason)
            return "failed"
        row.next_attempt_at = now + min(timedelta(minutes=2 ** (row.attempts - 1)), MAX_BACKOFF)
        return "retried"
