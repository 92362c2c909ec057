"""The SPEC §5 export shape of a submission (``submissions export`` and ``show``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from registry.models import Document, OutboxMessage, Submission


def submission_json(session: Session, submission: Submission) -> dict[str, Any]:
    return {
        "reference": submission.reference,
        "message_id": submission.message_id,
        "sender": submission.sender,
        "subject": submission.subject,
        "received_at": _iso(submission.received_at),
        "status": submission.status,
        "form_type": submission.form_type,
        "organization": submission.organization.legal_name if submission.organization else None,
        "late": submission.late,
        "duplicate_of": submission.duplicate_of.reference if submission.duplicate_of else None,
        "documents": [document_json(row, submission) for row in submission.documents],
        "problems": [
            {"code": row.code, "field": row.field, "message": row.message,
             "severity": row.severity}
            for row in submission.problems if row.document_id is None
        ],
        "acknowledgment": acknowledgment_json(session, submission),
        "thread": thread_references(session, submission),
    }


def document_json(row: Document, submission: Submission) -> dict[str, Any]:
    return {
        "filename": row.filename,
        "sha256": row.sha256,
        "form_type": row.form_type,
        "form_version": row.form_version,
        "method": row.method,
        "fields": {item.key: item.value for item in row.fields},
        "field_sources": {item.key: {"source": item.source,
                                     "confidence": round(item.confidence, 3)}
                          for item in row.fields},
        "problems": [
            {"code": item.code, "field": item.field, "message": item.message,
             "severity": item.severity}
            for item in submission.problems if item.document_id == row.id
        ],
    }


def acknowledgment_json(session: Session, submission: Submission) -> dict[str, Any] | None:
    row = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.submission_id == submission.id, OutboxMessage.kind == "ack")
        .order_by(OutboxMessage.id.desc())
    ).first()
    if row is None:
        return None
    return {"status": row.status, "reason": row.reason, "message_id": row.message_id,
            "sent_at": _iso(row.sent_at), "attempts": row.attempts}


def thread_references(session: Session, submission: Submission) -> list[str]:
    """References of the submissions linked to this one (its parent and its children)."""
    linked = session.scalars(
        select(Submission).where(or_(Submission.parent_id == submission.id,
                                     Submission.id == submission.parent_id))
        .order_by(Submission.id)
    )
    return [row.reference for row in linked if row.reference and row.id != submission.id]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + ("" if value.tzinfo else "Z") if value else None
