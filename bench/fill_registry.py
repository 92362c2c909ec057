"""Fill a migrated registry with a year of realistic history, fast (bulk inserts with explicit
ids, sequences moved on afterwards): organizations, raw messages (purged bytes), submissions
in every status, one document each with its extracted fields, problems, approvals with
validation dates, and the acknowledgment of each in the outbox. Used by bench_queries.py."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session

from notifier.references import make_reference
from registry.models import (
    Approval,
    Document,
    ExtractedFieldRow,
    Organization,
    OutboxMessage,
    ProblemRow,
    RawMessage,
    Submission,
)

# Most of a year's submissions are decided; a few per cent wait (SPEC §3 statuses).
STATUSES = (("approved", 69), ("rejected", 5), ("duplicate", 5), ("no_form", 15),
            ("incomplete", 3), ("info_requested", 1), ("needs_review", 1), ("complete", 1))
FORMS = ("stage1", "stage2", "stage2_grandfathered", "modification", "annual_validation")
FIELDS = ("org_legal_name", "fein", "provider_id", "npi", "contact_name", "contact_email",
          "contact_phone", "street", "city", "zip", "signer_name", "signature_date")
CHUNK = 5_000
TABLES = (Organization, RawMessage, Submission, Document, ExtractedFieldRow, ProblemRow,
          Approval, OutboxMessage)


def fill(engine: Engine, count: int, *, now: datetime, organizations: int = 2_000,
         seed: int = 15, progress: Callable[[str], None] = print) -> None:
    """Add ``count`` submissions (and everything around them) received over the year before
    ``now``; about 270 of them a day, so the last day looks like a busy one."""
    rng = random.Random(seed)
    with Session(engine) as session:
        start = {table: (session.scalar(select(func.max(table.id))) or 0) for table in TABLES}
        if start[Organization] < organizations:
            _bulk(session, Organization, [_organization(n, now)
                                          for n in range(start[Organization] + 1,
                                                         organizations + 1)])
        for offset in range(0, count, CHUNK):
            _chunk(session, rng, start, offset, min(CHUNK, count - offset), count, now,
                   organizations)
            session.commit()
            progress(f"  filled {offset + min(CHUNK, count - offset):,} of {count:,}")
        _move_sequences(session)
        session.commit()


def _chunk(session: Session, rng: random.Random, start: dict[Any, int], offset: int,
           size: int, count: int, now: datetime, organizations: int) -> None:
    rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in TABLES[1:]}
    for index in range(offset, offset + size):
        number = start[Submission] + index + 1
        received = now - timedelta(days=365 * (count - index) / count,
                                   seconds=rng.randint(0, 3600))
        status = _status(rng)
        _submission_rows(rows, rng, number, start, index, status, received, organizations)
    for table, values in rows.items():
        _bulk(session, table, values)


def _submission_rows(rows: dict[Any, list[dict[str, Any]]], rng: random.Random, number: int,
                     start: dict[Any, int], index: int, status: str, received: datetime,
                     organizations: int) -> None:
    org = rng.randint(1, organizations)
    form = None if status == "no_form" else rng.choice(FORMS)
    sender = f"contact{org}@org{org}.example"
    raw_id, doc_id = start[RawMessage] + index + 1, start[Document] + index + 1
    rows[RawMessage].append(dict(
        id=raw_id, sha256=hashlib.sha256(f"bench-{number}".encode()).hexdigest(),
        message_id=f"<bench-{number}@org{org}.example>", source="imap://bench", size=48_000,
        raw=None, received_at=received, status="filed", submission_id=number,
        processed_at=received, attempts=1))
    rows[Submission].append(dict(
        id=number, reference=make_reference(number, received.year), raw_message_id=raw_id,
        message_id=f"<bench-{number}@org{org}.example>", sender=sender,
        sender_name=f"Contact {org}", subject=f"{form or 'Question'} for org {org}",
        received_at=received, updated_at=received, status=status, form_type=form,
        organization_id=org if form else None,
        content_key=hashlib.sha256(f"content-{number}".encode()).hexdigest() if form else None,
        decided_at=received + timedelta(days=2) if status in {"approved", "rejected"} else None,
        decided_by="coordinator" if status in {"approved", "rejected"} else None))
    if form:
        _document_rows(rows, rng, number, doc_id, raw_id, start, index, form, received)
    if status in {"incomplete", "needs_review", "info_requested"}:
        for code in ("missing_field", "missing_document")[:rng.randint(1, 2)]:
            rows[ProblemRow].append(dict(submission_id=number, document_id=None, code=code,
                                         field="fein", message="FEIN is missing",
                                         severity="error"))
    if status == "approved" and form in {"stage1", "stage2"}:
        rows[Approval].append(dict(
            kind=form, number=f"RPA{form[-1]}-{received.year}-{number:06d}",
            organization_id=org, submission_id=number, transactions=["claim_status"],
            screens_per_session=6, rpa_user_ids=[], approved_at=received,
            approved_by="coordinator",
            validation_due=(received + timedelta(days=365)).date() if form == "stage2" else None))
    rows[OutboxMessage].append(dict(
        kind="ack", submission_id=number, recipient=sender, subject="Received",
        message_id=f"<ack-{number}@bench.example>", raw=b"x" * 2_000, status="sent",
        attempts=1, created_at=received, next_attempt_at=None, sent_at=received))


def _document_rows(rows: dict[Any, list[dict[str, Any]]], rng: random.Random, number: int,
                   doc_id: int, raw_id: int, start: dict[Any, int], index: int, form: str,
                   received: datetime) -> None:
    rows[Document].append(dict(
        id=doc_id, submission_id=number, raw_message_id=raw_id, filename=f"{form}.pdf",
        sha256=hashlib.sha256(f"doc-{number}".encode()).hexdigest(), size=40_000, kind="pdf",
        form_type=form, form_version="2024-01", method="acroform", facts={},
        added_at=received))
    for key in FIELDS:
        value = f"{key} of {number}"
        rows[ExtractedFieldRow].append(dict(document_id=doc_id, key=key, raw_value=value,
                                            value=value, source="acroform",
                                            confidence=1.0))


def _status(rng: random.Random) -> str:
    names, weights = zip(*STATUSES, strict=True)
    return rng.choices(names, weights=weights)[0]


def _organization(number: int, now: datetime) -> dict[str, Any]:
    return dict(id=number, legal_name=f"Organization {number} LLC",
                fein=f"04-{number:07d}", provider_id=f"11{number:07d}A", npi=None,
                email_domain=f"org{number}.example",
                contact_email=f"contact{number}@org{number}.example", created_at=now)


def _bulk(session: Session, table: Any, values: list[dict[str, Any]]) -> None:
    if values:
        session.execute(insert(table), values)


def _move_sequences(session: Session) -> None:
    """Explicit ids leave PostgreSQL's sequences behind; the filing after us needs them on."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        name = table.__tablename__
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 1) FROM {name}))"))
