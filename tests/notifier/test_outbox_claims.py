"""Two senders at once never claim the same outbox row: on PostgreSQL the due rows are taken
with FOR UPDATE SKIP LOCKED (a row another sender is claiming is skipped, not waited for);
everywhere a claimed row stays leased until its delivery is recorded."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from notifier.outbox import enqueue
from notifier.sender import _claim_due
from registry.db import transaction
from registry.models import OutboxMessage

NOW = datetime(2026, 11, 23, 12, 0)


def queue(factory: sessionmaker[Session], count: int) -> list[int]:
    with transaction(factory) as session:
        rows = [enqueue(session, kind="ack", recipient=f"p{n}@example.org", subject="s",
                        raw=b"x", message_id=f"<m{n}@example.org>", now=NOW)
                for n in range(count)]
        session.flush()
        return [row.id for row in rows]


def test_claimed_rows_are_not_claimed_again(session_factory: sessionmaker[Session]) -> None:
    ids = queue(session_factory, 4)
    assert _claim_due(session_factory, NOW, 3) == ids[:3]
    assert _claim_due(session_factory, NOW, 3) == ids[3:]
    assert _claim_due(session_factory, NOW, 3) == []


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_rows_another_sender_is_claiming_are_skipped(
        session_factory: sessionmaker[Session]) -> None:
    ids = queue(session_factory, 4)
    with session_factory() as other:  # another sender, inside its claiming transaction
        locked = other.scalars(select(OutboxMessage.id).order_by(OutboxMessage.id).limit(2)
                               .with_for_update()).all()
        assert list(locked) == ids[:2]
        assert _claim_due(session_factory, NOW, 10) == ids[2:]  # no wait, no overlap
        other.rollback()
    assert _claim_due(session_factory, NOW, 10) == ids[:2]
