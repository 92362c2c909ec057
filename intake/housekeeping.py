"""Housekeeping: raw message bytes are dropped after the retention period (the filed
submission, its documents and fields stay); resolved quarantine entries are pruned."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from config.settings import Settings
from registry.models import MSG_FILED, QuarantineEntry, RawMessage


def run_housekeeping(session: Session, *, now: datetime, settings: Settings) -> int:
    cutoff = now - timedelta(days=settings.service.raw_retention_days)
    purged = session.execute(
        update(RawMessage)
        .where(RawMessage.status == MSG_FILED, RawMessage.processed_at < cutoff,
               RawMessage.raw.is_not(None))
        .values(raw=None)).rowcount  # type: ignore[attr-defined]
    session.execute(delete(QuarantineEntry).where(QuarantineEntry.resolved_at < cutoff))
    return int(purged or 0)
