"""The SPEC §5 export shape of a submission (``submissions export`` and ``show``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from registry.documents import main_values
from registry.models import Approval, Document, OutboxMessage, Submission


def submission_json(session: Session, submission: Submission) -> dict[str, Any]:
    return {
        "reference": submission.reference,
        "message_id": submission.message_id,
        "sender": submission.sender,
        "subject": submission.subject,
        "received_at": _iso(submission.received_at),
        "status": submission.status,
        "form_type": submission.form_type,
        "organization": organization_name(submission),
        "late": submission.late,
        "duplicate_of": submission.duplicate_of.reference if submission.duplicate_of else None,
        "documents": [document_json(row, submission) for row in submission.documents],
        # Every problem the acknowledgment names: the submission's and its documents'.
        "problems": [
            {"code": row.code, "field": row.field, "message": row.message,
             "severity": row.severity,
             "document": row.document.filename if row.document is not None else None}
            for row in submission.problems
        ],
        "decision": decision_json(session, submission),
        "acknowledgment": acknowledgment_json(session, submission),
        "thread": thread_references(session, submission),
    }


def organization_name(submission: Submission) -> str | None:
    """The organization of record, else the legal name its main form gives (an incomplete
    form without FEIN or PID/SL makes no organization row, but the acknowledgment names it)."""
    if submission.organization is not None:
        return submission.organization.legal_name
    name = main_values(submission).get("org_legal_name")
    return str(name) if name else None


def decision_json(session: Session, submission: Submission) -> dict[str, Any] | None:
    if submission.decided_at is None:
        return None
    approvals = session.scalars(select(Approval).where(Approval.submission_id == submission.id)
                                .order_by(Approval.id)).all()
    return {
        "status": submission.status, "decided_by": submission.decided_by,
        "decided_at": _iso(submission.decided_at), "reason": submission.decision_reason,
        "approvals": [{"kind": row.kind, "number": row.number,
                       "rpa_user_ids": list(row.rpa_user_ids or []),
                       "validation_due": row.validation_due.isoformat()
                       if row.validation_due else None} for row in approvals],
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
                                     "confidence": round(item.confidence, 3),
                                     **(item.spot or {})}
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
