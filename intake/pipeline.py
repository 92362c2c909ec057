"""The pipeline driver: the one place that walks a message through every stage.

store raw bytes (interim commit) → count the attempt (interim commit) → read: parse +
extract within the message's budget, isolated (here, or already done by a worker of the
poll's reader pool) → validate + file + enqueue acknowledgment (one durable transaction: it
takes the interim commits before it to disk too, before the mailbox is changed or the
acknowledgment sent).
Expected bad input becomes a problem on the submission; a database that is down or locked
leaves the message where it is for the next cycle; anything else unexpected quarantines the
message with its traceback, and the caller moves on to the next message. A message whose
attempts were interrupted (killed, timed out, database errors) ``mailbox.max_attempts``
times is quarantined instead of being tried again forever.
"""

from __future__ import annotations

import hashlib
import logging
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, defer, sessionmaker

from intake.context import IntakeContext
from intake.filing import file_message
from parsers.headers import message_id_of, parse_address, sanitize_header
from parsers.message_reader import ReadMessage, read_message
from registry.db import transaction
from registry.filing_queries import count_attempt, store_row, stored_row
from registry.models import (
    MSG_CLAIMED,
    MSG_DISCARDED,
    MSG_FILED,
    MSG_QUARANTINED,
    QuarantineEntry,
    RawMessage,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # filed | already | elsewhere (filed by another instance) | quarantined |
    # retry (left in the mailbox)
    reference: str | None = None
    reason: str | None = None


class DatabaseUnavailableError(Exception):
    """The registry cannot be reached or written (down, restarting, locked, disk full): the
    poll stops and the message stays in the mailbox for the next cycle."""


def is_operational(err: BaseException) -> bool:
    """A database error that says nothing about the message: try again later."""
    return isinstance(err, OperationalError) or (
        isinstance(err, DBAPIError) and bool(err.connection_invalidated))


def take_message(factory: sessionmaker[Session], raw: bytes, ctx: IntakeContext, *,
                 mailbox: str, now: datetime) -> Outcome:
    """Store, read and file one message here and now (no mailbox, no reader pool): for
    commands and tests that hand over the bytes themselves."""
    stored = store_message(factory, raw, mailbox=mailbox, now=now)
    if isinstance(stored, Outcome):
        return stored
    return process_stored(factory, stored, ctx, now=now)


@dataclass(frozen=True, slots=True)
class Attempt:
    """A stored message whose attempt was counted: what reading and filing it need."""
    raw_message_id: int
    raw: bytes
    backfill: bool


def process_stored(factory: sessionmaker[Session], raw_message_id: int, ctx: IntakeContext, *,
                   now: datetime) -> Outcome:
    """Read and file one stored message; quarantine it on anything unexpected, leave it for
    the next cycle when the database is unavailable. Safe to call again for a message
    already filed: it returns ``already``."""
    started = begin_attempt(factory, raw_message_id, ctx)
    if isinstance(started, Outcome):
        return started
    ctx.checkpoint("after_store")
    return finish_attempt(factory, started, lambda: read_message(
        started.raw, ctx.definitions, limits=ctx.limits, today=now.date(),
        isolate=ctx.isolate), ctx, now=now)


def finish_attempt(factory: sessionmaker[Session], attempt: Attempt,
                   read: Callable[[], ReadMessage], ctx: IntakeContext, *,
                   now: datetime) -> Outcome:
    """Take the message as ``read`` gives it (here, or from a worker of the pool) and file
    it in one transaction; quarantine it or leave it for later as ``process_stored`` says."""
    try:
        message = read()
        ctx.checkpoint("after_parse")
        with transaction(factory) as session:
            reference = file_message(session, attempt.raw_message_id, message, ctx, now=now,
                                     backfill=attempt.backfill)
            ctx.checkpoint("before_commit")
    except Exception as err:
        if is_operational(err):
            return _retry_later(factory, attempt.raw_message_id, err)
        return quarantine(factory, attempt.raw_message_id, err, now=now)
    ctx.checkpoint("after_commit")
    if reference is None:
        return Outcome("already")
    log.info("filed message %s as %s", attempt.raw_message_id, reference)
    return Outcome("filed", reference=reference)


def store_message(factory: sessionmaker[Session], raw: bytes, *, mailbox: str,
                  now: datetime, backfill_before: str = "",
                  note: Callable[[Session, int], None] | None = None) -> Outcome | int:
    """Durable first, in one commit: the bytes stored (or found stored before) and ``note``
    told the row's id (to record where the message is). A message sent before
    ``backfill_before`` (an ISO date) is stored as backfill. The id, or the outcome when
    there is nothing to do (filed or quarantined before)."""
    digest = hashlib.sha256(raw).hexdigest()
    message_id, sent = _stored_headers(raw)
    backfill = bool(backfill_before and sent and sent < date.fromisoformat(backfill_before))
    values = {"sha256": digest, "message_id": message_id or None, "source": mailbox,
              "size": len(raw), "raw": raw, "received_at": now, "status": MSG_CLAIMED,
              "backfill": backfill}
    with _database():
        try:
            return _store_once(factory, values, note)
        except IntegrityError:  # another run stored the same bytes a moment ago
            return _store_once(factory, values, note)


def _store_once(factory: sessionmaker[Session], values: dict[str, Any],
                note: Callable[[Session, int], None] | None) -> Outcome | int:
    # Interim: the filing's durable commit carries it to disk before the mailbox changes.
    with transaction(factory, durable=False) as session:
        row = stored_row(session, values["sha256"])
        raw_id = row.id if row is not None else store_row(session, **values)
        if note is not None:
            note(session, raw_id)
        if row is not None and row.status == MSG_QUARANTINED:
            return Outcome("quarantined", reason="quarantined earlier")
        if row is not None and row.status == MSG_FILED:
            return Outcome("already", reference=_reference_of(session, row.submission_id))
        return raw_id


def stored_outcome(factory: sessionmaker[Session], raw_message_id: int) -> Outcome | None:
    """What became of a stored message another instance was reading: filed, quarantined,
    or None while it still waits to be read."""
    with _database(), transaction(factory) as session:
        row = session.get(RawMessage, raw_message_id, options=[defer(RawMessage.raw)])
        if row is None or row.status in (MSG_QUARANTINED, MSG_DISCARDED):
            return Outcome("quarantined", reason="quarantined by another instance")
        if row.status == MSG_FILED:
            return Outcome("elsewhere", reference=_reference_of(session, row.submission_id))
        return None


def begin_attempt(factory: sessionmaker[Session], raw_message_id: int, ctx: IntakeContext,
                  raw: bytes | None = None) -> Outcome | Attempt:
    """Count this attempt of a stored message (committed before any work, so a kill counts
    too); the Attempt (with ``raw`` when the caller has the bytes, else the stored ones), or
    the outcome when there is nothing (more) to try. Interim: a power loss may forget it,
    which costs one more attempt; a killed process does not."""
    most = max(1, ctx.settings.mailbox.max_attempts)
    with _database(), transaction(factory, durable=False) as session:
        counted = count_attempt(session, raw_message_id, most=most, with_bytes=raw is None)
        if counted is not None:
            return Attempt(raw_message_id, raw if raw is not None else counted.raw or b"",
                           counted.backfill)
        row = session.get(RawMessage, raw_message_id, options=[defer(RawMessage.raw)])
        if row is None:
            return Outcome("quarantined", reason="raw message not found")
        if row.status == MSG_FILED:
            return Outcome("already", reference=_reference_of(session, row.submission_id))
        gave_up = f"gave up after {row.attempts} interrupted attempts"
        last = f" (last: {row.last_error})" if row.last_error else ""
        error, received_at = RuntimeError(gave_up + last), row.received_at
    return quarantine(factory, raw_message_id, error, now=received_at)


def _retry_later(factory: sessionmaker[Session], raw_message_id: int,
                 err: BaseException) -> Outcome:
    reason = f"{type(err).__name__}: {_one_line(err)}"
    log.warning("message %s left for the next cycle: database unavailable (%s)",
                raw_message_id, type(err).__name__)
    try:
        with transaction(factory) as session:
            row = session.get(RawMessage, raw_message_id)
            if row is not None:
                row.last_error = reason
    except Exception as again:
        if is_operational(again):
            raise DatabaseUnavailableError(reason) from err
        raise
    return Outcome("retry", reason=reason)


@contextmanager
def _database() -> Iterator[None]:
    """Turn an operational database error into DatabaseUnavailableError."""
    try:
        yield
    except Exception as err:
        if is_operational(err):
            raise DatabaseUnavailableError(f"{type(err).__name__}: {_one_line(err)}") from err
        raise


def _one_line(err: BaseException) -> str:
    """An error's text without SQL or parameters (they may quote the message)."""
    orig = getattr(err, "orig", None)
    return sanitize_header(str(orig if orig is not None else err).split("\n")[0], 300)


def quarantine(factory: sessionmaker[Session], raw_message_id: int, err: BaseException, *,
               now: datetime) -> Outcome:
    """Keep the failure as a row with its reason and traceback; the raw bytes stay stored."""
    reason = f"{type(err).__name__}: {_one_line(err)}"
    log.warning("quarantined message %s: %s", raw_message_id, type(err).__name__)
    with _database(), transaction(factory) as session:
        row = session.get(RawMessage, raw_message_id)
        assert row is not None
        row.status = MSG_QUARANTINED
        row.last_error = reason
        headers = _summary_headers(row.raw or b"")
        session.add(QuarantineEntry(
            raw_message_id=row.id, mailbox=row.source, message_id=row.message_id,
            sender=headers[0], subject=headers[1], reason=reason,
            traceback="".join(traceback.format_exception(err)), created_at=now))
    return Outcome("quarantined", reason=reason)


def _reference_of(session: Session, submission_id: int | None) -> str | None:
    from registry.models import Submission

    if submission_id is None:
        return None
    submission = session.get(Submission, submission_id)
    return submission.reference if submission else None


def _stored_headers(raw: bytes) -> tuple[str, date | None]:
    """The Message-ID and the day it was sent, from one parse of the headers."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:256 * 1024])
    message_id = message_id_of(str(headers.get("Message-ID", "") or ""))[:900]
    try:
        return message_id, parsedate_to_datetime(str(headers.get("Date", ""))).date()
    except (TypeError, ValueError, IndexError):
        return message_id, None


def _summary_headers(raw: bytes) -> tuple[str, str]:
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:256 * 1024])
    sender = parse_address(str(headers.get("From", "") or ""))[1]
    return sender, sanitize_header(str(headers.get("Subject", "") or ""), 300)
