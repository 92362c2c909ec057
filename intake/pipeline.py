"""The pipeline driver: the one place that walks a message through every stage.

store raw bytes (commit) → parse → extract → validate + file + enqueue acknowledgment (one
transaction). Expected bad input becomes a problem on the submission; anything unexpected
quarantines the message with its traceback, and the caller moves on to the next message.
"""

from __future__ import annotations

import hashlib
import logging
import traceback
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from intake.context import IntakeContext
from intake.filing import file_message
from parsers.extract import extract_document
from parsers.headers import message_id_of, parse_address, sanitize_header
from parsers.mime import parse_email
from parsers.model import ExtractedDocument, ParsedEmail
from registry.db import transaction
from registry.models import MSG_CLAIMED, MSG_FILED, MSG_QUARANTINED, QuarantineEntry, RawMessage

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoredMessage:
    raw_message_id: int
    sha256: str
    message_id: str
    new: bool  # False when these bytes (or this Message-ID) were stored before
    status: str


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # filed | already | quarantined
    reference: str | None = None
    reason: str | None = None


def store_raw(factory: sessionmaker[Session], raw: bytes, *, mailbox: str, now: datetime,
              backfill: bool = False) -> StoredMessage:
    """Durable first: keep the bytes and a claim row before anything can fail. The same bytes
    or the same Message-ID stored before return the earlier row (new=False)."""
    digest = hashlib.sha256(raw).hexdigest()
    message_id = _header_message_id(raw)
    with transaction(factory) as session:
        existing = _find_stored(session, digest, message_id)
        if existing is not None:
            return _stored(existing, new=False)
    try:
        with transaction(factory) as session:
            row = RawMessage(sha256=digest, message_id=message_id or None, source=mailbox,
                             size=len(raw), raw=raw, received_at=now, status=MSG_CLAIMED,
                             backfill=backfill)
            session.add(row)
            session.flush()
            return _stored(row, new=True)
    except IntegrityError:  # another run stored the same bytes a moment ago
        with transaction(factory) as session:
            existing = _find_stored(session, digest, message_id)
            assert existing is not None
            return _stored(existing, new=False)


def process_stored(factory: sessionmaker[Session], raw_message_id: int, ctx: IntakeContext, *,
                   now: datetime) -> Outcome:
    """Parse, extract and file one stored message; quarantine it on anything unexpected.
    Safe to call again for a message already filed: it returns ``already``."""
    with transaction(factory) as session:
        row = session.get(RawMessage, raw_message_id)
        if row is None:
            return Outcome("quarantined", reason="raw message not found")
        if row.status == MSG_FILED:
            return Outcome("already", reference=_reference_of(session, row))
        raw, backfill = row.raw or b"", row.backfill
    ctx.checkpoint("after_store")
    try:
        email = parse_email(raw, ctx.limits)
        documents = _extract_all(email, ctx, now)
        ctx.checkpoint("after_parse")
        with transaction(factory) as session:
            reference = file_message(session, raw_message_id, email, documents, ctx,
                                     now=now, backfill=backfill)
            ctx.checkpoint("before_commit")
    except Exception as err:
        return quarantine(factory, raw_message_id, err, now=now)
    ctx.checkpoint("after_commit")
    if reference is None:
        return Outcome("already")
    log.info("filed message %s as %s", raw_message_id, reference)
    return Outcome("filed", reference=reference)


def quarantine(factory: sessionmaker[Session], raw_message_id: int, err: BaseException, *,
               now: datetime) -> Outcome:
    """Keep the failure as a row with its reason and traceback; the raw bytes stay stored."""
    reason = f"{type(err).__name__}: {sanitize_header(str(err), 500)}"
    log.warning("quarantined message %s: %s", raw_message_id, type(err).__name__)
    with transaction(factory) as session:
        row = session.get(RawMessage, raw_message_id)
        assert row is not None
        row.status = MSG_QUARANTINED
        row.attempts += 1
        headers = _summary_headers(row.raw or b"")
        session.add(QuarantineEntry(
            raw_message_id=row.id, mailbox=row.source, message_id=row.message_id,
            sender=headers[0], subject=headers[1], reason=reason,
            traceback="".join(traceback.format_exception(err)), created_at=now))
    return Outcome("quarantined", reason=reason)


def _extract_all(email: ParsedEmail, ctx: IntakeContext, now: datetime) -> list[ExtractedDocument]:
    return [
        extract_document(item.filename, item.data, ctx.definitions, limits=ctx.limits,
                         today=now.date(), isolate=ctx.isolate)
        for item in email.attachments
        if not item.inline
    ]


def _find_stored(session: Session, digest: str, message_id: str) -> RawMessage | None:
    row = session.scalars(select(RawMessage).where(RawMessage.sha256 == digest)).first()
    if row is None and message_id:
        row = session.scalars(select(RawMessage).where(RawMessage.message_id == message_id)
                              .order_by(RawMessage.id)).first()
    return row


def _stored(row: RawMessage, *, new: bool) -> StoredMessage:
    return StoredMessage(row.id, row.sha256, row.message_id or "", new, row.status)


def _reference_of(session: Session, row: RawMessage) -> str | None:
    from registry.models import Submission

    if row.submission_id is None:
        return None
    submission = session.get(Submission, row.submission_id)
    return submission.reference if submission else None


def _header_message_id(raw: bytes) -> str:
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:256 * 1024])
    return message_id_of(str(headers.get("Message-ID", "") or ""))[:900]


def _summary_headers(raw: bytes) -> tuple[str, str]:
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:256 * 1024])
    sender = parse_address(str(headers.get("From", "") or ""))[1]
    return sender, sanitize_header(str(headers.get("Subject", "") or ""), 300)
