"""Coordinator decisions: approve (Stage I number, Stage II RPA User IDs, modification,
annual validation), reject, request information. Each moves the status, is audited, and
queues a notice to the organization's contact in the submission's thread."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.decision_checks import DecisionInputError, check_user_ids, clean_reason
from intake.registry_apply import ApplyError, apply_approval, reopen_validation
from notifier.notices import enqueue_notice
from registry.documents import main_values
from registry.models import (
    APPROVED,
    COMPLETE,
    INCOMPLETE,
    INFO_REQUESTED,
    NEEDS_REVIEW,
    REJECTED,
    Approval,
    AuditEvent,
    Submission,
)
from registry.queries import approvals_by_number, submission_by_reference

DECIDABLE = {COMPLETE, INCOMPLETE, NEEDS_REVIEW, INFO_REQUESTED}
PREFIX = {"stage1": "RPA1", "stage2": "RPA2", "stage2_grandfathered": "RPA2"}


class DecisionError(Exception):
    """The decision cannot be taken; the message says why, for the coordinator."""


def approve(session: Session, reference: str, *, actor: str, now: datetime, settings: Any,
            user_ids: list[str] | None = None, force: bool = False) -> Approval:
    submission = _decidable(session, reference)
    if submission.status != COMPLETE and not force:
        raise DecisionError(f"{reference} is {submission.status}; check it and use --force "
                            "to approve anyway")
    kind = submission.form_type or ""
    if kind not in {"stage1", "stage2", "stage2_grandfathered", "modification",
                    "annual_validation"}:
        raise DecisionError(f"{reference} holds no registration form to approve")
    values = main_values(submission)
    if kind in {"stage2", "stage2_grandfathered"}:
        user_ids = _checked(check_user_ids, values, user_ids or [])
    approval = Approval(
        kind="stage2" if kind == "stage2_grandfathered" else kind,
        number=_next_number(session, PREFIX[kind], now.year) if kind in PREFIX else None,
        organization=submission.organization, submission_id=submission.id,
        transactions=list(values.get("transactions") or []),
        screens_per_session=values.get("screens_per_session"),
        rpa_user_ids=list(user_ids or []), approved_at=now, approved_by=actor,
        validation_due=_year_later(now.date()) if kind in PREFIX and kind != "stage1" else None)
    session.add(approval)
    _apply_to_stage2(session, kind, values, now)
    try:  # the registry of record (issue 14)
        apply_approval(session, submission, approval, actor=actor, now=now)
    except ApplyError as err:
        raise DecisionError(str(err)) from err
    _decide(session, submission, APPROVED, actor, now, {"number": approval.number,
                                                        "user_ids": user_ids or []})
    session.flush()
    enqueue_notice(session, submission, "approved", settings=settings, now=now,
                   approval=approval)
    return approval


def approve_stage1(session: Session, reference: str, *, actor: str, now: datetime,
                   settings: Any = None) -> Approval:
    from config.settings import Settings

    return approve(session, reference, actor=actor, now=now, settings=settings or Settings())


def reject(session: Session, reference: str, *, reason: str, actor: str, now: datetime,
           settings: Any) -> Submission:
    submission = _decidable(session, reference)
    reason = _checked(clean_reason, reason, "a reason")
    _decide(session, submission, REJECTED, actor, now, {"reason": reason}, reason=reason)
    reopen_validation(session, submission)  # issue 14: reminders resume
    enqueue_notice(session, submission, "rejected", settings=settings, now=now, reason=reason)
    return submission


def request_info(session: Session, reference: str, *, message: str, actor: str, now: datetime,
                 settings: Any) -> Submission:
    submission = _decidable(session, reference)
    message = _checked(clean_reason, message, "a message")
    _decide(session, submission, INFO_REQUESTED, actor, now, {"message": message},
            reason=message)
    enqueue_notice(session, submission, "info_requested", settings=settings, now=now,
                   reason=message)
    return submission


def _checked(check: Any, *args: Any) -> Any:
    try:
        return check(*args)
    except DecisionInputError as err:
        raise DecisionError(str(err)) from err


def _decidable(session: Session, reference: str) -> Submission:
    submission = submission_by_reference(session, reference)
    if submission is None:
        raise DecisionError(f"no submission with reference {reference}")
    if submission.status not in DECIDABLE:
        raise DecisionError(f"{reference} is {submission.status}; nothing to decide")
    return submission


def _decide(session: Session, submission: Submission, status: str, actor: str, now: datetime,
            detail: dict[str, Any], reason: str | None = None) -> None:
    previous = submission.status
    submission.status, submission.decided_at, submission.decided_by = status, now, actor
    submission.decision_reason = reason
    submission.updated_at = now
    session.add(AuditEvent(at=now, actor=actor, action=status, submission_id=submission.id,
                           detail={"from": previous, **detail}))


def _next_number(session: Session, prefix: str, year: int) -> str:
    """``RPA1-2026-00001``: the next number of the year (the unique constraint guards races)."""
    pattern = f"{prefix}-{year}-%"
    last = session.scalar(select(func.max(Approval.number)).where(Approval.number.like(pattern)))
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}-{year}-{sequence:05d}"




def _apply_to_stage2(session: Session, kind: str, values: dict[str, Any], now: datetime) -> None:
    """An approved modification changes what the Stage II approval allows; an approved
    annual validation moves its next validation a year on."""
    number = str(values.get("stage2_approval_number") or "")
    stage2 = approvals_by_number(session, [number]).get(number)
    if stage2 is None:
        return
    if kind == "modification" and values.get("new_screens_per_session"):
        stage2.screens_per_session = int(values["new_screens_per_session"])
    if kind == "annual_validation":
        stage2.validation_due = _year_later(now.date())


def _year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
