"""Bounces that come back to the mailbox: mark the acknowledgment and stop mailing that
address for a while."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from config.settings import Settings
from parsers.dsn import Bounce
from registry.models import BOUNCED, OutboxMessage, Suppression


def record_bounce(session: Session, bounce: Bounce, *, now: datetime,
                  settings: Settings) -> OutboxMessage | None:
    row = session.scalars(select(OutboxMessage).where(
        OutboxMessage.message_id == bounce.original_message_id)).first()
    if row is None or not bounce.permanent:
        return row
    row.status = BOUNCED
    row.reason = f"bounced: {bounce.status or bounce.action}"
    address = bounce.recipient or row.recipient
    session.add(Suppression(
        address=address, reason=f"bounce of outbox message {row.id} ({bounce.status})",
        created_at=now, until=now + timedelta(days=settings.acknowledgment.bounce_suppress_days)))
    return row


def is_suppressed(session: Session, address: str, now: datetime) -> Suppression | None:
    return session.scalars(select(Suppression).where(
        Suppression.address == address,
        (Suppression.until.is_(None)) | (Suppression.until > now))).first()
