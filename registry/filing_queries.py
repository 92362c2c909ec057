"""The raw-message statements run once per message (store, its location, count the
attempt, claim, earlier copy, link), and so built once: building a statement costs more CPU
than SQLite takes to run it. Table statements, not ORM ones: each needs a few columns, not
the object (whose bytes a backlog never needs to load again)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from registry.models import MSG_FILED, MessageLocation, RawMessage

_RAW = cast(Table, RawMessage.__table__)
_LOCATIONS = cast(Table, MessageLocation.__table__)
_STORED = (select(_RAW.c.id, _RAW.c.status, _RAW.c.submission_id)
           .where(_RAW.c.sha256 == bindparam("digest")))
_STORE = insert(_RAW).returning(_RAW.c.id)
_LOCATION_KNOWN = (select(_LOCATIONS.c.id)
                   .where(_LOCATIONS.c.mailbox == bindparam("mailbox"),
                          _LOCATIONS.c.uidvalidity == bindparam("uidvalidity"),
                          _LOCATIONS.c.uid == bindparam("uid")))
_NOTE_LOCATION = insert(_LOCATIONS)
_CLAIM = (update(_RAW)
          .where(_RAW.c.id == bindparam("raw_id"), _RAW.c.status != MSG_FILED)
          .values(status=MSG_FILED, processed_at=bindparam("now", type_=_RAW.c.processed_at.type),
                  last_error=None,
                  fingerprint=bindparam("print"))
          .returning(_RAW.c.message_id))
_EARLIER_COPY = (select(_RAW.c.submission_id)
                 .where(_RAW.c.message_id == bindparam("message_id"),
                        _RAW.c.id != bindparam("raw_id"),
                        _RAW.c.fingerprint == bindparam("print"),
                        _RAW.c.status == MSG_FILED, _RAW.c.submission_id.is_not(None))
                 .order_by(_RAW.c.id).limit(1))
_COUNT_ATTEMPT = (update(_RAW)
                  .where(_RAW.c.id == bindparam("raw_id"), _RAW.c.status != MSG_FILED,
                         _RAW.c.attempts < bindparam("most"))
                  .values(attempts=_RAW.c.attempts + 1))
_COUNTED = {False: _COUNT_ATTEMPT.returning(_RAW.c.backfill),
            True: _COUNT_ATTEMPT.returning(_RAW.c.backfill, _RAW.c.raw)}
_LINK = (update(_RAW).where(_RAW.c.id == bindparam("raw_id"))
         .values(submission_id=bindparam("submission_id")))


def stored_row(session: Session, digest: str) -> Row[Any] | None:
    """The message stored with these bytes before (``id``, ``status``, ``submission_id``)."""
    return cast("Row[Any] | None", session.execute(_STORED, {"digest": digest}).first())


def store_row(session: Session, **values: Any) -> int:
    """A new raw message row; its id."""
    return cast(int, session.execute(_STORE, values).scalar_one())


def note_location(session: Session, *, mailbox: str, uidvalidity: int, uid: int,
                  raw_message_id: int, seen_at: datetime) -> None:
    """Where a stored message is, unless that is known already (seen there before)."""
    where = {"mailbox": mailbox, "uidvalidity": uidvalidity, "uid": uid}
    if session.execute(_LOCATION_KNOWN, where).first() is None:
        session.execute(_NOTE_LOCATION, {**where, "raw_message_id": raw_message_id,
                                        "seen_at": seen_at})


def claim_message(session: Session, raw_message_id: int, fingerprint: str,
                  now: datetime) -> Row[Any] | None:
    """Mark the message filed (with its fingerprint) unless someone already did: the claimed
    row (its ``message_id``), or None when it was filed before. Concurrent runs block on
    this row (PostgreSQL) or the write lock (SQLite)."""
    return session.execute(_CLAIM, {"raw_id": raw_message_id, "now": now,
                                    "print": fingerprint}).first()


def count_attempt(session: Session, raw_message_id: int, *, most: int,
                  with_bytes: bool) -> Row[Any] | None:
    """One more attempt of a message not filed and tried fewer than ``most`` times: its
    ``backfill`` (and ``raw`` when asked), or None when that is not the case."""
    return session.execute(_COUNTED[with_bytes],
                           {"raw_id": raw_message_id, "most": most}).first()


def earlier_copy(session: Session, raw_message_id: int, message_id: str,
                 fingerprint: str) -> int | None:
    """The submission an earlier copy (same Message-ID and fingerprint) was filed into."""
    return session.scalar(_EARLIER_COPY, {"message_id": message_id, "raw_id": raw_message_id,
                                          "print": fingerprint})


def link_message(session: Session, raw_message_id: int, submission_id: int) -> None:
    session.execute(_LINK, {"raw_id": raw_message_id, "submission_id": submission_id})
