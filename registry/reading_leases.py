"""Reading leases: a stored message that is not filed yet is work any instance may take.

With PostgreSQL several instances share a backlog: the mailbox's poller stores the messages,
and every instance (the poller too) leases the ones it will read and file, in a short
transaction with ``FOR UPDATE SKIP LOCKED``, so two instances never lease the same message.
A lease runs for about one message's reading budget; one that runs out (its holder died or
hangs) frees the message for anyone. Filing itself stays exactly once by its own claim
(intake/filing.py); a lease only keeps two instances from doing the same work.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select, update
from sqlalchemy.orm import Session

from registry.models import MSG_CLAIMED, RawMessage


def this_owner() -> str:
    """The lease holder's name for this process (shown to an administrator, never secret)."""
    return f"{socket.gethostname()[:80]}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class Lease:
    owner: str
    now: datetime
    until: datetime


def lease_these(session: Session, ids: Sequence[int], lease: Lease) -> list[int]:
    """Lease those of ``ids`` that wait and are free (or ours already); the ids leased."""
    if not ids:
        return []
    return _lease(session, _free(lease).where(RawMessage.id.in_(ids)), lease)


def lease_waiting(session: Session, lease: Lease, *, limit: int) -> list[int]:
    """Lease up to ``limit`` free waiting messages, the newest first: the poller works from
    the oldest, so a helping instance takes the other end of the backlog."""
    query = _free(lease).order_by(RawMessage.id.desc()).limit(limit)
    return _lease(session, query, lease)


def leased_elsewhere(session: Session, ids: Sequence[int], lease: Lease) -> list[int]:
    """Those of ``ids`` still waiting under someone else's lease that has not run out."""
    if not ids:
        return []
    return list(session.scalars(select(RawMessage.id).where(
        RawMessage.id.in_(ids), RawMessage.status == MSG_CLAIMED,
        RawMessage.lease_owner != lease.owner, RawMessage.lease_until > lease.now)))


def _free(lease: Lease) -> Select[Any]:
    return select(RawMessage.id).where(
        RawMessage.status == MSG_CLAIMED,
        or_(RawMessage.lease_until.is_(None), RawMessage.lease_until <= lease.now,
            RawMessage.lease_owner == lease.owner))


def _lease(session: Session, query: Select[Any], lease: Lease) -> list[int]:
    # Rows another transaction is leasing right now are skipped, not waited for (PostgreSQL;
    # SQLite has one writer and one instance, and ignores the clause).
    ids = list(session.scalars(query.with_for_update(skip_locked=True)))
    if ids:
        session.execute(update(RawMessage).where(RawMessage.id.in_(ids))
                        .values(lease_owner=lease.owner, lease_until=lease.until))
    return ids
