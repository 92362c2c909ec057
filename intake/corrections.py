"""A coordinator's correction of an extracted field: the new value is normalized as the
form definition says, the old and new values go to the audit log, and the submission's rules
are evaluated again (status, problems). The CLI and the web console both call this."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from intake.context import IntakeContext
from intake.decisions import DecisionError
from intake.filing import evaluate
from parsers.normalize import normalize_value
from parsers.rules_document import problems_about
from registry.documents import problem_row
from registry.models import DECIDED, AuditEvent, ExtractedFieldRow, Submission

SOURCE = "coordinator"  # the source of a corrected value


def correct_field(session: Session, field_id: int, raw: str, *, actor: str, now: datetime,
                  ctx: IntakeContext) -> ExtractedFieldRow:
    """Set one extracted field to ``raw`` (as typed by the coordinator) and re-evaluate."""
    row = session.get(ExtractedFieldRow, field_id)
    if row is None:
        raise DecisionError(f"no extracted field {field_id}")
    submission = row.document.submission
    if submission.status in DECIDED:
        raise DecisionError(f"{submission.reference} is {submission.status}; its fields stay "
                            "as they were decided")
    value = _normalized(row, raw.strip(), ctx)
    old = {"raw": row.raw_value, "value": row.value, "source": row.source}
    row.raw_value, row.value, row.source, row.confidence = raw.strip(), value, SOURCE, 1.0
    _drop_field_problems(submission, row)
    _check_again(submission, row, ctx, now)
    session.add(AuditEvent(at=now, actor=actor, action="field_corrected",
                           submission_id=submission.id,
                           detail={"field": row.key, "document": row.document.filename,
                                   "old": old, "new": {"raw": row.raw_value, "value": value}}))
    evaluate(session, submission, ctx, now=now)
    return row


def _normalized(row: ExtractedFieldRow, raw: str, ctx: IntakeContext) -> object:
    definition = ctx.definitions.get(row.document.form_type)
    if definition is None or row.key not in definition.keys:
        return raw or None
    field = definition.field(row.key)
    typed: str | bool | tuple[str, ...] = raw
    if field.type == "checkbox":
        typed = raw.lower() in {"yes", "true", "checked", "x", "1", "on"}
    result = normalize_value(field, typed)
    if result.problem is not None:
        raise DecisionError(f"{field.label}: {result.problem.message}")
    if result.value is None and field.required:
        raise DecisionError(f"{field.label} is required; it cannot be emptied")
    return list(result.value) if isinstance(result.value, tuple) else result.value


def _check_again(submission: Submission, row: ExtractedFieldRow, ctx: IntakeContext,
                 now: datetime) -> None:
    """The form's own rules on the corrected value (a date that makes a grandfathered bot
    ineligible, bot names against the count): what the extraction checked, checked again."""
    definition = ctx.definitions.get(row.document.form_type)
    if definition is None or row.key not in definition.keys:
        return
    values = {item.key: item.value for item in row.document.fields}
    for problem in problems_about(definition, values, row.key, today=now.date()):
        submission.problems.append(problem_row(problem, document=row.document))


def _drop_field_problems(submission: Submission, row: ExtractedFieldRow) -> None:
    """The document's own problems about this field are settled by the correction."""
    submission.problems = [item for item in submission.problems
                           if not (item.document is row.document and item.field == row.key)]
