"""One intake cycle: everything waiting in the mailbox, in batches, exactly once.

For each message: size first (oversized → quarantined, never downloaded) → fetch without
changing flags → store raw + where it is (one commit) → read it in a worker of the reader
pool → count the attempt (commit) → file it (one transaction) → once the batch is filed, move
its messages out of the folder (one command). The workers read the next messages while the
driver files one; the durable steps stay in the mailbox's order. One bad message never
stops the batch; a database that is down stops the poll (DatabaseUnavailableError) with
every message not filed left where it was.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from intake.context import IntakeContext, SimulatedCrash
from intake.mailbox import MailboxError, MailSource, MessageRef
from intake.oversized import quarantine_oversized
from intake.pipeline import (
    DatabaseUnavailableError,
    Outcome,
    begin_attempt,
    finish_attempt,
    is_operational,
    store_message,
)
from parsers.headers import sanitize_header
from parsers.reader_pool import PendingRead, ReaderPool
from registry.db import transaction
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
    errors: list[str] = field(default_factory=list)


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
    limit = ctx.settings.mailbox.max_message_bytes
    wanted = []
    for ref in refs:
        report.seen += 1
        if ref.size > limit:
            _guarded(ref, source, report, partial(_quarantine_oversized, factory, source, ref,
                                                  ctx, now_fn, report))
        else:
            wanted.append(ref)
    in_hand: deque[_InHand] = deque()
    done = _Filed()
    try:
        for ref, raw in source.fetch(wanted):
            if should_stop():
                break
            begun = _guarded(ref, source, report, partial(_begin, factory, source, ctx, readers,
                                                          ref, raw, now_fn()))
            if begun is not None:
                in_hand.append(begun)
            while len(in_hand) > readers.lookahead:  # the workers read the next ones
                _finish(factory, source, ctx, in_hand.popleft(), report, done)
        while in_hand:
            _finish(factory, source, ctx, in_hand.popleft(), report, done)
    except DatabaseUnavailableError:
        with contextlib.suppress(MailboxError):  # the database error is the one to report
            done.move(source)  # what was filed leaves the folder even so; the rest stays
        raise
    finally:
        for left in in_hand:  # the poll stopped on a failure: these stay in the mailbox
            if left.reading is not None:
                left.reading.cancel()
    done.move(source)
    _record_moves(factory, source, done, now_fn())
    report.moved += len(done.processed) + len(done.quarantined)


def _begin(factory: sessionmaker[Session], source: MailSource, ctx: IntakeContext,
           readers: ReaderPool, ref: MessageRef, raw: bytes, now: datetime) -> _InHand:
    """Durable first (one commit: the bytes and where they are); then the message goes to
    the reader pool."""
    stored = store_message(factory, raw, mailbox=source.key, now=now,
                           backfill=_is_backfill(raw, ctx.settings.mailbox.backfill_before),
                           note=partial(_record_location, source, ref, now))
    if isinstance(stored, Outcome):
        return _InHand(ref, now, outcome=stored)
    return _InHand(ref, now, raw=raw, raw_message_id=stored,
                   reading=readers.submit(raw, now.date()))


@dataclass
class _Filed:
    """The batch's messages that are filed (or quarantined) and committed: moved out of the
    folder together, one command each way, once the batch is done."""
    processed: list[MessageRef] = field(default_factory=list)
    quarantined: list[MessageRef] = field(default_factory=list)

    def move(self, source: MailSource) -> None:
        source.move_processed(self.processed)
        source.move_quarantine(self.quarantined)


def _finish(factory: sessionmaker[Session], source: MailSource, ctx: IntakeContext,
            item: _InHand, report: PollReport, done: _Filed) -> None:
    _guarded(item.ref, source, report, partial(_file, factory, ctx, item, report, done))


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
    if getattr(source, "tracks_uids", False) and _location(session, source, ref) is None:
        session.add(MessageLocation(mailbox=source.key, uidvalidity=source.uidvalidity,
                                    uid=ref.uid, raw_message_id=raw_message_id, seen_at=now))


def _location(session: Session, source: MailSource, ref: MessageRef) -> MessageLocation | None:
    return session.scalars(select(MessageLocation).where(
        MessageLocation.mailbox == source.key,
        MessageLocation.uidvalidity == source.uidvalidity,
        MessageLocation.uid == ref.uid)).first()


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


def _is_backfill(raw: bytes, before: str) -> bool:
    if not before:
        return False
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:64 * 1024])
    try:
        sent = parsedate_to_datetime(str(headers.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return False
    return sent.date() < date.fromisoformat(before)
