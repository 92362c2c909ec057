"""Helping with a backlog: an instance that does not poll (another holds the mailbox's
lock) reads and files messages the poller stored, from the newest end of the backlog while
the poller works from the oldest (PostgreSQL, ``mailbox.share_reading``). Each message is
leased first (registry/reading_leases.py), read in this instance's reader pool and filed
with the same two steps the poller uses; the poller moves it out of the folder afterwards.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from intake.context import IntakeContext
from intake.leases import Leases
from intake.pipeline import DatabaseUnavailableError, Outcome, begin_attempt, finish_attempt
from parsers.reader_pool import PendingRead, ReaderPool
from registry.db import transaction
from registry.models import RawMessage

IDLE_SECONDS = 1.0  # how often a helping instance looks for stored messages to read


def help_with_reading(factory: sessionmaker[Session], ctx: IntakeContext, readers: ReaderPool,
                      leases: Leases, *, seconds: float, stop: threading.Event,
                      now_fn: Callable[[], datetime]) -> int:
    """For up to ``seconds`` (or until ``stop``): lease waiting messages, a few at a time,
    and file them. Returns how many this instance filed."""
    deadline, filed = time.monotonic() + seconds, 0
    while not stop.is_set() and time.monotonic() < deadline:
        ids = leases.take_waiting(max(1, readers.workers))
        if not ids:
            stop.wait(min(IDLE_SECONDS, max(0.0, deadline - time.monotonic())))
            continue
        now = now_fn()
        readings = [(raw_message_id, raw, readers.submit(raw, now.date()))
                    for raw_message_id, raw in _stored_bytes(factory, ids)]
        filed += sum(_file_one(factory, ctx, raw_message_id, raw, reading, now).status == "filed"
                     for raw_message_id, raw, reading in readings)
    return filed


def _stored_bytes(factory: sessionmaker[Session], ids: list[int]) -> list[tuple[int, bytes]]:
    with transaction(factory) as session:
        rows = session.execute(select(RawMessage.id, RawMessage.raw)
                               .where(RawMessage.id.in_(ids)).order_by(RawMessage.id)).all()
    return [(row.id, row.raw or b"") for row in rows]


def _file_one(factory: sessionmaker[Session], ctx: IntakeContext, raw_message_id: int,
              raw: bytes, reading: PendingRead, now: datetime) -> Outcome:
    """Count the attempt, then file (the poller's two steps): a message that fails is
    quarantined by ``finish_attempt`` and the others go on; a database that is down ends the
    help."""
    try:
        started = begin_attempt(factory, raw_message_id, ctx, raw)
        if isinstance(started, Outcome):
            reading.cancel()
            return started
        outcome = finish_attempt(factory, started, reading.result, ctx, now=now)
    except DatabaseUnavailableError:
        reading.cancel()
        raise
    return outcome
