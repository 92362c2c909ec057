"""Read-side queries of the coordinators' console: the work queue (filtered, searched,
oldest first) and everything one submission's page shows. Bounded: one page of rows, with
the relationships they show loaded in a few queries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, defer, selectinload

from registry.models import (
    COMPLETE,
    INFO_REQUESTED,
    NEEDS_REVIEW,
    Approval,
    AuditEvent,
    Document,
    Organization,
    OutboxMessage,
    RawMessage,
    Submission,
)

# What the queue can show: the first three wait for a coordinator (the default view); the
# last two wait on the provider.
QUEUE_STATUSES = (NEEDS_REVIEW, COMPLETE, "inquiry", "incomplete", INFO_REQUESTED)
WAITING_FOR_COORDINATOR = (NEEDS_REVIEW, COMPLETE)
PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class QueueFilter:
    search: str = ""  # reference, organization, FEIN, NPI, PID/SL or sender
    status: str = ""  # one of QUEUE_STATUSES; "" for what waits for a coordinator
    form_type: str = ""
    offset: int = 0


def queue(session: Session, wanted: QueueFilter) -> tuple[Sequence[Submission], int]:
    """One page of what waits, oldest first, and how many match in all."""
    query = _filtered(select(Submission), wanted)
    total = session.scalar(_filtered(select(func.count(Submission.id)), wanted)) or 0
    rows = session.scalars(
        query.options(selectinload(Submission.organization), selectinload(Submission.problems))
        .order_by(Submission.received_at, Submission.id)
        .offset(max(wanted.offset, 0)).limit(PAGE_SIZE)).all()
    return rows, total


def _filtered(query: Select, wanted: QueueFilter) -> Select:  # type: ignore[type-arg]
    if wanted.status == "inquiry":
        query = query.where(Submission.inquiry == "open")
    elif wanted.status in QUEUE_STATUSES:
        query = query.where(Submission.status == wanted.status)
    else:
        query = query.where(or_(Submission.status.in_(WAITING_FOR_COORDINATOR),
                                Submission.inquiry == "open"))
    if wanted.form_type:
        query = query.where(Submission.form_type == wanted.form_type)
    text = wanted.search.strip()
    if text:
        like = f"%{_escape(text.lower())}%"
        # The organizations first (a small table), then the submissions: a plan that stays
        # fast whatever the planner knows about the tables.
        organizations = select(Organization.id).where(or_(*_organization_matches(text, like)))
        query = query.where(or_(Submission.reference == text.upper(),
                                func.lower(Submission.sender).like(like, escape="\\"),
                                Submission.organization_id.in_(organizations)))
    return query


def _organization_matches(text: str, like: str) -> list[ColumnElement[bool]]:
    digits = re.sub(r"\D", "", text)
    found: list[ColumnElement[bool]] = [func.lower(Organization.legal_name).like(like, escape="\\")]
    if len(digits) >= 5:  # FEIN with or without its dash, NPI, PID/SL
        fein = f"{digits[:2]}-{digits[2:]}" if len(digits) == 9 else digits
        found += [Organization.fein == fein, Organization.npi == digits,
                  Organization.provider_id == digits, Organization.provider_id == text.upper()]
    return found


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True, slots=True)
class SubmissionPage:
    submission: Submission
    messages: Sequence[RawMessage]
    outbox: Sequence[OutboxMessage]
    audit: Sequence[AuditEvent]
    approvals: Sequence[Approval]
    replies: Sequence[Submission]


def submission_page(session: Session, reference: str) -> SubmissionPage | None:
    submission = session.scalars(
        select(Submission).where(Submission.reference == reference.strip().upper())
        .options(selectinload(Submission.documents).selectinload(Document.fields),
                 selectinload(Submission.problems), selectinload(Submission.organization))
    ).first()
    if submission is None:
        return None
    sid = submission.id
    return SubmissionPage(
        submission=submission,
        messages=session.scalars(select(RawMessage).where(RawMessage.submission_id == sid)
                                 .options(defer(RawMessage.raw))  # loaded when first shown
                                 .order_by(RawMessage.id)).all(),
        outbox=session.scalars(select(OutboxMessage).where(OutboxMessage.submission_id == sid)
                               .order_by(OutboxMessage.id)).all(),
        audit=session.scalars(select(AuditEvent).where(AuditEvent.submission_id == sid)
                              .order_by(AuditEvent.at, AuditEvent.id)).all(),
        approvals=session.scalars(select(Approval).where(Approval.submission_id == sid)
                                  .order_by(Approval.id)).all(),
        replies=session.scalars(select(Submission).where(Submission.parent_id == sid)
                                .order_by(Submission.id)).all(),
    )
