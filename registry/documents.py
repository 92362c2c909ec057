"""Converting between extracted documents (parsers' value types) and their rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from parsers.model import ExtractedDocument, FieldValue, Problem, spot_from_json
from registry.db import scrub_nul
from registry.models import Document, ExtractedFieldRow, ProblemRow, Submission

_FIELDS = cast(Table, ExtractedFieldRow.__table__)  # a Core INSERT: no ORM bookkeeping


def add_documents(session: Session, submission: Submission,
                  documents: Sequence[tuple[ExtractedDocument, str, int]], *,
                  raw_message_id: int, now: datetime) -> list[Document]:
    """Attach extracted documents (each with its sniffed kind and size) to a submission,
    with their fields and document problems. The submission and the documents are written
    in one flush (their ids); the field rows in one INSERT without RETURNING (one statement
    per row otherwise on SQLite), and given to the documents as their loaded collection."""
    rows = [_document_row(document, raw_message_id=raw_message_id, kind=kind, size=size,
                          now=now) for document, kind, size in documents]
    submission.documents.extend(rows)
    session.flush()
    fields = [[_field_values(row.id, item) for item in document.fields]
              for row, (document, _, _) in zip(rows, documents, strict=True)]
    if any(fields):
        session.execute(insert(_FIELDS), [item for group in fields for item in group])
    for row, group, (document, _, _) in zip(rows, fields, documents, strict=True):
        set_committed_value(row, "fields", [ExtractedFieldRow(**item) for item in group])
        submission.problems.extend(problem_row(problem, document=row)
                                   for problem in document.problems)
    return rows


def _document_row(document: ExtractedDocument, *, raw_message_id: int, kind: str, size: int,
                  now: datetime) -> Document:
    return Document(
        raw_message_id=raw_message_id, filename=document.filename, sha256=document.sha256,
        size=size, kind=kind, form_type=document.form_type, form_version=document.form_version,
        method=document.method, facts=dict(document.facts), added_at=now)


def _field_values(document_id: int, item: FieldValue) -> dict[str, Any]:
    """A field row's columns, scrubbed of NUL as the flush hook scrubs ORM objects."""
    return {"document_id": document_id, "key": scrub_nul(item.key),
            "raw_value": scrub_nul(item.raw), "value": scrub_nul(item.value),
            "source": item.source, "confidence": item.confidence,
            "spot": item.spot.as_json() if item.spot is not None else None}


def main_values(submission: Submission) -> dict[str, Any]:
    """The canonical values of the submission's main form (its registration form)."""
    for document in submission.documents:
        if document.form_type == submission.form_type:
            return {item.key: item.value for item in document.fields}
    return {}


def problem_row(problem: Problem, *, document: Document | None = None) -> ProblemRow:
    return ProblemRow(code=problem.code, field=problem.field, message=problem.message,
                      severity=problem.severity, document=document)


def document_from_row(row: Document, problems: list[ProblemRow]) -> ExtractedDocument:
    """Rebuild the value type from a stored document (re-evaluation after a follow-up)."""
    return ExtractedDocument(
        filename=row.filename, sha256=row.sha256, form_type=row.form_type,
        form_version=row.form_version, method=row.method,  # type: ignore[arg-type]
        fields=tuple(
            FieldValue(key=item.key, raw=item.raw_value, value=item.value,
                       source=item.source, confidence=item.confidence,  # type: ignore[arg-type]
                       spot=spot_from_json(item.spot))
            for item in row.fields
        ),
        problems=tuple(
            Problem(code=item.code, message=item.message, field=item.field,
                    severity=item.severity)  # type: ignore[arg-type]
            for item in problems if item.document_id == row.id or item.document is row
        ),
        facts=dict(row.facts or {}),
    )
