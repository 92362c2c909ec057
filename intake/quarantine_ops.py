"""Quarantine operations for the CLI: list, retry (file again from the stored bytes) and
discard. A retried IMAP message stays in the quarantine folder; the registry is the record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.cli import UsageError
from intake.context import IntakeContext
from intake.pipeline import Outcome, process_stored
from registry.db import transaction
from registry.models import MSG_CLAIMED, MSG_DISCARDED, QuarantineEntry, RawMessage


def list_entries(session: Session, *, include_resolved: bool = False) -> Sequence[QuarantineEntry]:
    query = select(QuarantineEntry).order_by(QuarantineEntry.id)
    if not include_resolved:
        query = query.where(QuarantineEntry.resolved_at.is_(None))
    return session.scalars(query).all()


def retry(factory: sessionmaker[Session], entry_id: int, ctx: IntakeContext, *,
          now: datetime) -> Outcome:
    with transaction(factory) as session:
        entry = _open_entry(session, entry_id)
        if entry.raw_message_id is None:
            raise UsageError(f"quarantine entry {entry_id} was never downloaded (too large); "
                             "raise mailbox.max_message_bytes and move it back to the inbox")
        raw = session.get(RawMessage, entry.raw_message_id)
        assert raw is not None
        raw.status = MSG_CLAIMED
        entry.resolved_at, entry.resolution = now, "retried"
        raw_id = raw.id
    return process_stored(factory, raw_id, ctx, now=now)


def discard(factory: sessionmaker[Session], entry_id: int, *, now: datetime) -> None:
    with transaction(factory) as session:
        entry = _open_entry(session, entry_id)
        entry.resolved_at, entry.resolution = now, "discarded"
        if entry.raw_message_id is not None:
            raw = session.get(RawMessage, entry.raw_message_id)
            if raw is not None:
                raw.status = MSG_DISCARDED


def _open_entry(session: Session, entry_id: int) -> QuarantineEntry:
    entry = session.get(QuarantineEntry, entry_id)
    if entry is None or entry.resolved_at is not None:
        raise UsageError(f"no open quarantine entry {entry_id}")
    return entry
