"""An Annual Validation that arrives is matched to the registration's validation cycle: by
the thread (a reply to our request or a reminder) or by the Stage II number it cites. Once
matched, no more reminders go out for that year."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from parsers.model import ParsedEmail
from registry.models import AuditEvent, Submission, ValidationCycle
from registry.registrations import registration_by_number
from registry.validation_cycles import cycle_by_message_ids, open_cycle_for

FORM = "annual_validation"


def match_validation(session: Session, submission: Submission, email: ParsedEmail, *,
                     now: datetime) -> ValidationCycle | None:
    """Record that ``submission`` answers a validation cycle, if it holds an Annual
    Validation that belongs to one."""
    values = _validation_values(submission)
    if values is None:
        return None
    cycle = _by_number(session, values) or cycle_by_message_ids(
        session, [email.in_reply_to or "", *email.references])
    if cycle is None or cycle.received_at is not None:
        return cycle
    cycle.received_at, cycle.submission_id = now, submission.id
    session.add(AuditEvent(at=now, actor="intake", action="validation_received",
                           submission_id=submission.id,
                           detail={"registration": cycle.registration.number,
                                   "year": cycle.year}))
    return cycle


def _validation_values(submission: Submission) -> dict[str, object] | None:
    for document in submission.documents:
        if document.form_type == FORM:
            return {item.key: item.value for item in document.fields}
    return None


def _by_number(session: Session, values: dict[str, object]) -> ValidationCycle | None:
    number = str(values.get("stage2_approval_number") or "")
    registration = registration_by_number(session, number) if number else None
    if registration is None:
        return None
    year = values.get("validation_year")
    return open_cycle_for(session, registration, int(year) if isinstance(year, int) else None)
