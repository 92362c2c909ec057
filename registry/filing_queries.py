"""The raw-message statements of the filing transaction (claim, earlier copy, link), run
once per message and so built once: building a statement costs more CPU than SQLite takes
to run it. Table statements, not ORM ones: filing needs three columns, not the object."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, select, update
from sqlalchemy.orm import Session

from registry.models import MSG_FILED, RawMessage

_RAW = cast(Table, RawMessage.__table__)
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
