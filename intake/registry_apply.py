"""Approvals applied to the registrations of record: an approved Stage II (or grandfathered
Stage II) becomes a registration, an approved modification changes it (a retirement retires
its User IDs), an approved annual validation closes the year's cycle and moves the due date."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.documents import main_values
from registry.models import Approval, Registration, Submission, ValidationCycle
from registry.queries import approvals_by_number
from registry.registrations import (
    ChangeContext,
    RegistrationError,
    apply_modification,
    create_registration,
    record_validation,
    registration_by_number,
)


class ApplyError(Exception):
    """The approval cannot be applied to the registration on file."""


def apply_approval(session: Session, submission: Submission, approval: Approval, *,
                   actor: str, now: Any) -> Registration | None:
    """Apply ``approval`` (already added to the session) to the registry of record."""
    session.flush()
    values = main_values(submission)
    who = ChangeContext(actor=actor, now=now, submission_id=submission.id,
                        approval_id=approval.id, organization_id=approval.organization_id
                        or submission.organization_id, validation_due=approval.validation_due)
    kind = submission.form_type or ""
    if kind in {"stage2", "stage2_grandfathered"}:
        return create_registration(
            session, number=approval.number or "", stage2=values,
            stage1=_stage1_values(session, values), user_ids=list(approval.rpa_user_ids or []),
            grandfathered=kind == "stage2_grandfathered", who=who)
    registration = registration_for(session, submission, values)
    if registration is None:
        return None
    try:
        if kind == "modification":
            apply_modification(registration, values, who)
        elif kind == "annual_validation":
            _validated(session, registration, submission, values, who)
    except RegistrationError as err:
        raise ApplyError(str(err)) from err
    return registration


def registration_for(session: Session, submission: Submission,
                     values: dict[str, Any]) -> Registration | None:
    """The registration a modification or validation cites, or (for a reply in an outreach
    thread) the one whose validation cycle it was matched to."""
    number = str(values.get("stage2_approval_number") or "")
    found = registration_by_number(session, number) if number else None
    if found is not None:
        return found
    cycle = session.scalars(select(ValidationCycle).where(
        ValidationCycle.submission_id == submission.id)).first()
    return cycle.registration if cycle else None


def _validated(session: Session, registration: Registration, submission: Submission,
               values: dict[str, Any], who: ChangeContext) -> None:
    year = int(values.get("validation_year") or who.now.year)
    record_validation(registration, year=year, who=who)
    cycle = session.scalars(select(ValidationCycle).where(
        ValidationCycle.registration_id == registration.id,
        ValidationCycle.year == year)).first()
    if cycle is not None:
        cycle.validated_at = who.now
        cycle.received_at = cycle.received_at or submission.received_at
        cycle.submission_id = cycle.submission_id or submission.id
    stage2 = session.get(Approval, registration.approval_id) if registration.approval_id else None
    if stage2 is not None:  # the approval row keeps the due date older readers use
        stage2.validation_due = registration.validation_due


def _stage1_values(session: Session, stage2: dict[str, Any]) -> dict[str, Any]:
    number = str(stage2.get("stage1_approval_number") or "")
    stage1 = approvals_by_number(session, [number]).get(number) if number else None
    if stage1 is None:
        return {}
    submission = session.get(Submission, stage1.submission_id)
    values = main_values(submission) if submission else {}
    if stage1.screens_per_session is not None:
        values.setdefault("screens_per_session", stage1.screens_per_session)
    return values


def reopen_validation(session: Session, submission: Submission) -> None:
    """A rejected Annual Validation was not a validation: its cycle waits again (and the
    reminders resume)."""
    for cycle in session.scalars(select(ValidationCycle).where(
            ValidationCycle.submission_id == submission.id,
            ValidationCycle.validated_at.is_(None))):
        cycle.received_at, cycle.submission_id = None, None
