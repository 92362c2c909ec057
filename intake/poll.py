"""One intake cycle: everything waiting in the mailbox, in batches, exactly once.

For each batch: size first (oversized → quarantined, never downloaded) → fetch without
changing flags → store each message's raw bytes + where it is (one commit each) → for each
message, in the mailbox's order: lease it (PostgreSQL: another instance may have taken it),
read it in a worker of the reader pool, count the attempt (commit), file it (one
transaction) → wait for the messages another instance is reading → move the batch out of
the folder (one command). The workers read the next messages while the driver files one.
One bad message never stops the batch; a database that is down stops the poll
(DatabaseUnavailableError) with every message not filed left where it was.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from intake.context import IntakeContext, SimulatedCrash
from intake.leases import Leases, leases_for
from intake.mailbox import MailboxError, MailSource, MessageRef
from intake.oversized import quarantine_oversized
from intake.pipeline import (
    DatabaseUnavailableError,
    Outcome,
    begin_attempt,
    finish_attempt,
    is_operational,
    store_message,
    stored_outcome,
)
from parsers.headers import sanitize_header
from parsers.reader_pool import PendingRead, ReaderPool
from registry.db import transaction
from registry.filing_queries import note_location
from registry.models import MailboxState, MessageLocation

log = logging.getLogger(__name__)
_T = TypeVar("_T")


@dataclass
class PollReport:
    seen: int = 0
    filed: int = 0
    already: int = 0
    quarantined: int = 0
    retry: int = 0  # left in the mailbox for the next cycle (database unavailable)
    moved: int = 0
    elsewhere: int = 0  # read and filed by another instance (PostgreSQL), moved by this one
    errors: list[str] = field(default_factory=list)


AWAIT_SECONDS = 0.2  # how often the poller looks whether another instance filed its messages


@dataclass(frozen=True, slots=True)
class _InHand:
    """A message stored: its outcome already, or its bytes being read by the pool."""
    ref: MessageRef
    now: datetime
    outcome: Outcome | None = None
    raw: bytes = b""
    raw_message_id: int | None = None
    reading: PendingRead | None = None


def poll_once(factory: sessionmaker[Session], source: MailSource, ctx: IntakeContext, *,
              now_fn: Callable[[], datetime], should_stop: Callable[[], bool] = lambda: False,
              readers: ReaderPool | None = None) -> PollReport:
    """Take everything waiting in ``source`` (in batches) and return what happened; when
    ``should_stop`` turns true, finish the messages in hand and start no other (the rest
    waits in the mailbox). ``readers``: the service's pool (else one for this call)."""
    report = PollReport()
    try:
        refs = _new_refs(factory, source, ctx, now_fn())
        batch_size = max(1, ctx.settings.mailbox.batch_size)
        with _readers(ctx, readers) as pool:  # its workers start with the first message
            for start in range(0, len(refs), batch_size):
                if should_stop():
                    break
                _poll_batch(factory, source, ctx, pool, refs[start:start + batch_size],
                            report, now_fn, should_stop)
    except MailboxError as err:
        report.errors.append(str(err))
        _record_health(factory, source, now_fn(), error=str(err))
        raise
    except DatabaseUnavailableError as err:
        log.error("poll of %s stopped: the database is unavailable (%s); the messages "
                  "stay in the mailbox", source.key, err)
        raise
    _record_health(factory, source, now_fn(), error=None if not report.retry else
                   f"{report.retry} messages left for the next cycle: database errors")
    return report


def _new_refs(factory: sessionmaker[Session], source: MailSource, ctx: IntakeContext,
              now: datetime) -> list[MessageRef]:
    refs = source.list_refs()
    with transaction(factory) as session:
        state = _state(session, source.key)
        if state.uidvalidity is not None and state.uidvalidity != source.uidvalidity:
            log.warning("UIDVALIDITY of %s changed from %s to %s: rescanning", source.key,
                        state.uidvalidity, source.uidvalidity)
            state.last_uid = 0
        first_run = state.uidvalidity is None
        state.uidvalidity = source.uidvalidity
        if first_run and ctx.settings.mailbox.start_from_now:
            state.last_uid = max((ref.uid for ref in refs), default=0)
            log.info("start from now: leaving %d messages in %s alone", len(refs), source.key)
        skip_below = state.last_uid if ctx.settings.mailbox.start_from_now else 0
    return [ref for ref in refs if ref.uid > skip_below]


@contextmanager
def _readers(ctx: IntakeContext, given: ReaderPool | None) -> Iterator[ReaderPool]:
    if given is not None:
        yield given
        return
    with ReaderPool(ctx.definitions, ctx.limits, workers=ctx.settings.mailbox.reader_workers,
                    isolate=ctx.isolate) as pool:
        yield pool


def _poll_batch(factory: sessionmaker[Session], source: MailSource, ctx: IntakeContext,
                readers: ReaderPool, refs: Sequence[MessageRef], report: PollReport,
                now_fn: Callable[[], datetime], should_stop: Callable[[], bool]) -> None:
    """Store the batch (each message one commit), read and file what this instance leases,
    wait for what another instance leased, then move the batch out of the folder."""
    limit = ctx.settings.mailbox.max_message_bytes
    wanted = []
    for ref in refs:
        report.seen += 1
        if ref.size > limit:
            _guarded(ref, source, report, partial(_quarantine_oversized, factory, source, ref,
                                                  ctx, now_fn, report))
        else:
            wanted.append(ref)
    batch = _Batch(factory, source, ctx, readers, report, leases_for(factory, ctx.settings,
                                                                     now_fn))
    try:
        stored = _store_all(batch, wanted, now_fn, should_stop)
        elsewhere = batch.read_and_file(stored)
        batch.await_others(elsewhere, should_stop)
    except DatabaseUnavailableError:
        with contextlib.suppress(MailboxError):  # the database error is the one to report
            batch.done.move(source)  # what was filed leaves the folder even so; the rest stays
        raise
    batch.done.move(source)
    _record_moves(factory, source, batch.done, now_fn())
    report.moved += len(batch.done.processed) + len(batch.done.quarantined)


def _store_all(batch: _Batch, wanted: Sequence[MessageRef], now_fn: Callable[[], datetime],
               should_stop: Callable[[], bool]) -> list[_InHand]:
    """Durable first: every message of the batch stored before any is read, so that another
    instance can lease some of them (the bytes of a batch arrive in one fetch anyway)."""
    stored = []
    for ref, raw in batch.source.fetch(wanted):
        if should_stop():
            break
        item = _guarded(ref, batch.source, batch.report,
                        partial(_store, batch.factory, batch.source, batch.ctx, ref, raw,
                                now_fn()))
        if item is not None:
            stored.append(item)
    return stored


def _store(factory: sessionmaker[Session], source: MailSource, ctx: IntakeContext,
           ref: MessageRef, raw: bytes, now: datetime) -> _InHand:
    """One commit: the bytes and where they are."""
    stored = store_message(factory, raw, mailbox=source.key, now=now,
                           backfill_before=ctx.settings.mailbox.backfill_before,
                           note=partial(_record_location, source, ref, now))
    if isinstance(stored, Outcome):
        return _InHand(ref, now, outcome=stored)
    return _InHand(ref, now, raw=raw, raw_message_id=stored)


@dataclass
class _Filed:
    """The batch's messages that are filed (or quarantined) and committed: moved out of the
    folder together, one command each way, once the batch is done."""
    processed: list[MessageRef] = field(default_factory=list)
    quarantined: list[MessageRef] = field(default_factory=list)

    def move(self, source: MailSource) -> None:
        source.move_processed(self.processed)
        source.move_quarantine(self.quarantined)


@dataclass
class _Batch:
    """One batch being read and filed: the workers read the next messages while the driver
    files one, in the mailbox's order."""
    factory: sessionmaker[Session]
    source: MailSource
    ctx: IntakeContext
    readers: ReaderPool
    report: PollReport
    leases: Leases
    done: _Filed = field(default_factory=_Filed)

    def read_and_file(self, stored: Sequence[_InHand]) -> list[_InHand]:
        """File what this instance leases; the messages another instance leased first."""
        in_hand: deque[_InHand] = deque()
        elsewhere = []
        try:
            for item in stored:
                if item.outcome is None and not self.leases.take(_id(item)):
                    elsewhere.append(item)
                    continue
                in_hand.append(self._submit(item))
                while len(in_hand) > self.readers.lookahead:  # the workers read the next
                    self._finish(in_hand.popleft())
            while in_hand:
                self._finish(in_hand.popleft())
        finally:
            for left in in_hand:  # the poll stopped on a failure: these stay in the mailbox
                if left.reading is not None:
                    left.reading.cancel()
        return elsewhere

    def await_others(self, items: Sequence[_InHand], should_stop: Callable[[], bool]) -> None:
        """Wait for the messages other instances are reading; take over any whose lease ran
        out (its reader died). What is still being read when asked to stop stays in the
        folder for the next poll."""
        waiting = list(items)
        while waiting and not should_stop():
            busy = self.leases.elsewhere([_id(item) for item in waiting])
            ready = [self._as_stored(item) for item in waiting if _id(item) not in busy]
            waiting = [item for item in waiting if _id(item) in busy]
            if ready:  # filed, quarantined, or free again (and leased by someone else anew)
                waiting += self.read_and_file(ready)
            else:
                time.sleep(AWAIT_SECONDS)

    def _as_stored(self, item: _InHand) -> _InHand:
        """The message as another instance left it: its outcome, or still to be read."""
        outcome = stored_outcome(self.factory, _id(item))
        return item if outcome is None else replace(item, outcome=outcome)

    def _submit(self, item: _InHand) -> _InHand:
        if item.outcome is not None:
            return item
        return replace(item, reading=self.readers.submit(item.raw, item.now.date()))

    def _finish(self, item: _InHand) -> None:
        _guarded(item.ref, self.source, self.report,
                 partial(_file, self.factory, self.ctx, item, self.report, self.done))


def _id(item: _InHand) -> int:
    assert item.raw_message_id is not None  # a stored message still to be read
    return item.raw_message_id


def _file(factory: sessionmaker[Session], ctx: IntakeContext, item: _InHand,
          report: PollReport, done: _Filed) -> None:
    outcome = item.outcome or _read_and_file(factory, ctx, item)
    _count(report, outcome)
    if outcome.status == "retry":
        return  # stays in the folder; the next cycle tries again
    ctx.checkpoint("before_move")
    (done.quarantined if outcome.status == "quarantined" else done.processed).append(item.ref)


def _read_and_file(factory: sessionmaker[Session], ctx: IntakeContext, item: _InHand) -> Outcome:
    """Only the message the driver takes up is an attempt (counted before, so a kill of this
    process counts): the ones the workers read meanwhile are not at risk here."""
    assert item.raw_message_id is not None and item.reading is not None
    started = begin_attempt(factory, item.raw_message_id, ctx, item.raw)
    if isinstance(started, Outcome):
        item.reading.cancel()
        return started
    ctx.checkpoint("after_store")
    return finish_attempt(factory, started, item.reading.result, ctx, now=item.now)


def _guarded(ref: MessageRef, source: MailSource, report: PollReport,
             step: Callable[[], _T]) -> _T | None:
    """The per-message error boundary: one message's failure is logged and the batch goes
    on; the mailbox or the database failing stops the poll."""
    try:
        return step()
    except (SimulatedCrash, MailboxError, DatabaseUnavailableError):
        raise
    except Exception as err:
        if is_operational(err):  # recording a location or a move: the database went away
            raise DatabaseUnavailableError(type(err).__name__) from err
        # The type only: an error's text may quote the message (never log form values).
        log.error("message uid %s of %s failed: %s", ref.uid, source.key, type(err).__name__)
        report.errors.append(f"uid {ref.uid}: {type(err).__name__}")
        return None


def _record_moves(factory: sessionmaker[Session], source: MailSource, done: _Filed,
                  now: datetime) -> None:
    if not getattr(source, "tracks_uids", False) or not (done.processed or done.quarantined):
        return
    uids = [ref.uid for ref in (*done.processed, *done.quarantined)]
    with transaction(factory) as session:
        session.execute(update(MessageLocation).where(
            MessageLocation.mailbox == source.key,
            MessageLocation.uidvalidity == source.uidvalidity,
            MessageLocation.uid.in_(uids)).values(moved_at=now))


def _count(report: PollReport, outcome: Outcome) -> None:
    if outcome.status == "filed":
        report.filed += 1
    elif outcome.status == "elsewhere":
        report.elsewhere += 1
    elif outcome.status == "already":
        report.already += 1
    elif outcome.status == "retry":
        report.retry += 1
    else:
        report.quarantined += 1


def _quarantine_oversized(factory: sessionmaker[Session], source: MailSource, ref: MessageRef,
                          ctx: IntakeContext, now_fn: Callable[[], datetime],
                          report: PollReport) -> None:
    """Too large to download: recorded and its sender told (once), then moved."""
    quarantine_oversized(factory, source, ref, ctx, now_fn())
    report.quarantined += 1
    report.moved += 1
    log.warning("message uid %s of %s is too large (%d bytes): quarantined", ref.uid,
                source.key, ref.size)


def _record_location(source: MailSource, ref: MessageRef, now: datetime, session: Session,
                     raw_message_id: int) -> None:
    if getattr(source, "tracks_uids", False):
        note_location(session, mailbox=source.key, uidvalidity=source.uidvalidity,
                      uid=ref.uid, raw_message_id=raw_message_id, seen_at=now)


def _state(session: Session, key: str) -> MailboxState:
    state = session.scalars(select(MailboxState).where(MailboxState.mailbox == key)).first()
    if state is None:
        state = MailboxState(mailbox=key, last_uid=0)
        session.add(state)
        session.flush()
    return state


def _record_health(factory: sessionmaker[Session], source: MailSource, now: datetime, *,
                   error: str | None) -> None:
    with transaction(factory) as session:
        state = _state(session, source.key)
        if error is None:
            state.last_success_at = now
            state.failing_since = None
        else:
            state.last_error, state.last_error_at = sanitize_header(error, 500), now
            state.failing_since = state.failing_since or now


