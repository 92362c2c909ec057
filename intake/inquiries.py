"""Inquiries: a message with no form from a person (not an auto-reply, bounce or list) is a
question for the coordinators. It waits in the queue until a coordinator answers it; the
answer goes out through the outbox in the message's thread, and closes the inquiry."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from config.settings import Settings
from intake.decision_checks import DecisionInputError, clean_reason
from intake.decisions import DecisionError
from notifier.notices import enqueue_notice
from parsers.automatic import automatic_reason
from parsers.model import ParsedEmail
from registry.models import NO_FORM, AuditEvent, Submission
from registry.queries import submission_by_reference

OPEN, ANSWERED = "open", "answered"


def mark_inquiry(submission: Submission, email: ParsedEmail, settings: Settings) -> None:
    """Called at filing: a formless message from a human opens an inquiry."""
    if submission.status != NO_FORM or submission.inquiry is not None:
        return
    own = {settings.smtp.from_address, *settings.digest.recipients}
    if automatic_reason(email, own_addresses=own) is None and email.from_address:
        submission.inquiry = OPEN


def answer_inquiry(session: Session, reference: str, *, text: str, actor: str, now: datetime,
                   settings: Settings) -> Submission:
    submission = submission_by_reference(session, reference)
    if submission is None:
        raise DecisionError(f"no submission with reference {reference}")
    if submission.inquiry != OPEN:
        raise DecisionError(f"{reference} is no open inquiry")
    try:
        answer = clean_reason(text, "an answer")
    except DecisionInputError as err:
        raise DecisionError(str(err)) from err
    submission.inquiry = ANSWERED
    submission.decided_at, submission.decided_by, submission.decision_reason = now, actor, answer
    submission.updated_at = now
    session.add(AuditEvent(at=now, actor=actor, action="inquiry_answered",
                           submission_id=submission.id, detail={"answer": answer}))
    enqueue_notice(session, submission, "inquiry_reply", settings=settings, now=now,
                   reason=answer)
    return submission
