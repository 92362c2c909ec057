"""Oversized messages (over mailbox.max_message_bytes): never downloaded; the headers and the
reason become a quarantine entry and the sender gets one notice, then the message moves to
the quarantine folder.

Idempotent: a run that dies (or loses the connection) between the commit and the MOVE leaves
the message in the folder, and the next run only moves it. A message is the same when its
(UIDVALIDITY, UID) matches (IMAP), or its Message-ID does (a maildir, or after a UIDVALIDITY
change). Overlapping runs wait on the mailbox's state row, so a sender is told once: the
message becomes a submission with a "too large" problem, acknowledged as any other."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from intake.context import IntakeContext
from intake.filing import file_too_large
from intake.mailbox import MailSource, MessageRef
from parsers.limits import LimitExceededError
from parsers.message_reader import MessageTooSlowError, parse_within_budget
from parsers.mime import NotAnEmailError
from parsers.model import ParsedEmail
from registry.db import transaction
from registry.models import MailboxState, QuarantineEntry

MAX_HEADER_BYTES = 256 * 1024
UNKNOWN = ParsedEmail(message_id="", subject="", from_address="", from_name="", to=(),
                      date=None, in_reply_to="", references=(), return_path=None,
                      auto_headers=(), content_type="", body_text="", attachments=())


def quarantine_oversized(factory: sessionmaker[Session], source: MailSource, ref: MessageRef,
                         ctx: IntakeContext, now: datetime) -> None:
    """Record the message and tell its sender (once), then move it out of the folder."""
    email = _headers(source, ref, ctx)
    with transaction(factory) as session:
        _lock_mailbox(session, source)
        if not _recorded(session, source, ref, email.message_id):
            _record(session, source, ref, email, ctx, now)
    ctx.checkpoint("before_move")
    source.move_quarantine([ref])


def _headers(source: MailSource, ref: MessageRef, ctx: IntakeContext) -> ParsedEmail:
    """The message's headers, parsed under the same budget as a whole message; headers that
    cannot be parsed (none at all, or hostile) leave a message with no sender to tell."""
    head = source.fetch_headers(ref)[:MAX_HEADER_BYTES]
    try:
        return parse_within_budget(head + b"\r\n\r\n", ctx.limits, isolate=ctx.isolate)
    except (NotAnEmailError, LimitExceededError, MessageTooSlowError):
        return UNKNOWN


def _record(session: Session, source: MailSource, ref: MessageRef, email: ParsedEmail,
            ctx: IntakeContext, now: datetime) -> None:
    file_too_large(session, email, size=ref.size, ctx=ctx, now=now)
    session.add(QuarantineEntry(
        mailbox=source.key, uidvalidity=source.uidvalidity, uid=ref.uid,
        message_id=email.message_id or None, sender=email.from_address or None,
        subject=email.subject, created_at=now,
        reason=f"too large: {ref.size} bytes (over mailbox.max_message_bytes)"))


def _lock_mailbox(session: Session, source: MailSource) -> None:
    """The first statement: overlapping runs on this mailbox wait here (a row lock on
    PostgreSQL, the write lock on SQLite), so the check and the insert below are one step."""
    session.execute(update(MailboxState).where(MailboxState.mailbox == source.key)
                    .values(mailbox=MailboxState.mailbox))


def _recorded(session: Session, source: MailSource, ref: MessageRef, message_id: str) -> bool:
    """An entry for this very message exists (too large: no raw bytes), open or resolved."""
    same = []
    if _tracks_uids(source):
        same.append(and_(QuarantineEntry.uidvalidity == source.uidvalidity,
                         QuarantineEntry.uid == ref.uid))
    if message_id:
        same.append(QuarantineEntry.message_id == message_id)
    if not same:
        return False
    return session.scalars(select(QuarantineEntry.id).where(
        QuarantineEntry.mailbox == source.key, QuarantineEntry.raw_message_id.is_(None),
        or_(*same))).first() is not None


def _tracks_uids(source: MailSource) -> bool:
    return bool(getattr(source, "tracks_uids", False))
