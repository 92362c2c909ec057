"""Converting between extracted documents (parsers' value types) and their rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parsers.model import ExtractedDocument, FieldValue, Problem
from registry.models import Document, ExtractedFieldRow, ProblemRow, Submission


def add_document(submission: Submission, document: ExtractedDocument, *, raw_message_id: int,
                 kind: str, size: int, now: datetime) -> Document:
    """Attach an extracted document (with its fields and document problems) to a submission."""
    row = Document(
        raw_message_id=raw_message_id, filename=document.filename, sha256=document.sha256,
        size=size, kind=kind, form_type=document.form_type, form_version=document.form_version,
        method=document.method, facts=dict(document.facts), added_at=now,
        fields=[
            ExtractedFieldRow(key=item.key, raw_value=item.raw, value=item.value,
                              source=item.source, confidence=item.confidence)
            for item in document.fields
        ],
    )
    submission.documents.append(row)
    for problem in document.problems:
        submission.problems.append(problem_row(problem, document=row))
    return row


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
                       source=item.source, confidence=item.confidence)  # type: ignore[arg-type]
            for item in row.fields
        ),
        problems=tuple(
            Problem(code=item.code, message=item.message, field=item.field,
                    severity=item.severity)  # type: ignore[arg-type]
            for item in problems if item.document_id == row.id or item.document is row
        ),
        facts=dict(row.facts or {}),
    )
