"""The listing queries read only what they show: the waiting ones by status (oldest first, a
limit), the newest submissions (oldest first among them), counts by form type in SQL; the
indexes of migration 0015 exist on both databases."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from registry.db import transaction
from registry.models import RawMessage, Submission
from registry.queries import (
    count_submissions,
    count_waiting,
    latest_submissions,
    received_by_form,
    waiting_submissions,
)

T0 = datetime(2026, 11, 1, 9, 0)
SHAPES = [("approved", "stage1"), ("incomplete", "stage2"), ("no_form", None),
          ("needs_review", "stage1"), ("complete", "modification"), ("no_form", "")]


def add_submissions(factory: sessionmaker[Session]) -> None:
    with transaction(factory) as session:
        for number, (status, form) in enumerate(SHAPES):
            raw = RawMessage(sha256=f"{number:064d}", source="test", size=1, raw=b"x",
                             received_at=T0, status="filed")
            session.add(raw)
            session.flush()
            # received in reverse order of id: "oldest first" must follow received_at
            session.add(Submission(raw_message_id=raw.id, sender=f"s{number}@example.org",
                                   received_at=T0 - timedelta(hours=number),
                                   updated_at=T0, status=status, form_type=form,
                                   reference=f"REF-{number}"))


def test_waiting_submissions_by_status_oldest_first(
        session_factory: sessionmaker[Session]) -> None:
    add_submissions(session_factory)
    waiting = ("incomplete", "needs_review", "complete")
    with session_factory() as session:
        rows = waiting_submissions(session, waiting)
        assert [row.reference for row in rows] == ["REF-4", "REF-3", "REF-1"]
        assert [row.reference for row in waiting_submissions(session, waiting, limit=2)] \
            == ["REF-4", "REF-3"]
        assert count_waiting(session, waiting) == 3


def test_latest_submissions_and_counts(session_factory: sessionmaker[Session]) -> None:
    add_submissions(session_factory)
    with session_factory() as session:
        assert [row.reference for row in latest_submissions(session, limit=2)] \
            == ["REF-4", "REF-5"]
        assert len(latest_submissions(session)) == len(SHAPES)
        assert [row.reference for row in latest_submissions(session, status="no_form")] \
            == ["REF-2", "REF-5"]
        assert count_submissions(session) == 6 and count_submissions(session,
                                                                     status="no_form") == 2
        counts = received_by_form(session, T0 - timedelta(days=1), T0 + timedelta(hours=1))
    assert counts == {"stage1": 2, "stage2": 1, "modification": 1, "no form": 2}


def test_the_indexes_for_a_growing_registry_exist(engine: Engine) -> None:
    names = {table: {index["name"] for index in inspect(engine).get_indexes(table)}
             for table in ("submissions", "outbox", "approvals", "raw_messages")}
    assert "ix_submissions_status_received_at" in names["submissions"]
    assert {"ix_outbox_kind_created_at", "ix_outbox_recipient_created_at"} <= names["outbox"]
    assert {"ix_approvals_validation_due", "ix_approvals_submission_id"} <= names["approvals"]
    assert "ix_raw_messages_received_at" in names["raw_messages"]
