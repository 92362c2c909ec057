"""Read-side queries the pipeline, the notifier and the CLI share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session, selectinload

from registry.models import (
    MSG_CLAIMED,
    MSG_FILED,
    Approval,
    Document,
    MailboxState,
    Organization,
    OutboxMessage,
    QuarantineEntry,
    RawMessage,
    Submission,
)


def submission_by_reference(session: Session, reference: str) -> Submission | None:
    return session.scalars(
        select(Submission).where(Submission.reference == reference.strip().upper())
    ).first()


def submission_by_outbox_message_ids(session: Session,
                                     message_ids: Iterable[str]) -> Submission | None:
    """The submission one of our outgoing messages (by Message-ID) belongs to."""
    ids = [item for item in message_ids if item]
    if not ids:
        return None
    row = session.scalars(
        select(OutboxMessage).where(OutboxMessage.message_id.in_(ids),
                                    OutboxMessage.submission_id.is_not(None))
        .order_by(OutboxMessage.id.desc())
    ).first()
    return row.submission if row else None


def approvals_by_number(session: Session, numbers: Iterable[str]) -> dict[str, Approval]:
    wanted = sorted({item for item in numbers if item})
    if not wanted:
        return {}
    rows = session.scalars(
        select(Approval).options(selectinload(Approval.organization))
        .where(Approval.number.in_(wanted))
    )
    return {row.number: row for row in rows if row.number}


def approvals_for_submission(session: Session, submission_id: int) -> list[Approval]:
    return list(session.scalars(
        select(Approval).where(Approval.submission_id == submission_id).order_by(Approval.id)))


# Run for every message filed, so built once (building one costs more than running it).
_BY_IDENTITY = (select(Organization)
                .where(or_(Organization.fein == bindparam("fein"),
                           Organization.provider_id == bindparam("provider_id")))
                .order_by(Organization.id))
_EARLIER_DUPLICATE = (select(Submission)
                      .where(Submission.content_key == bindparam("content_key"),
                             Submission.id != bindparam("exclude_id"),
                             Submission.duplicate_of_id.is_(None))
                      .order_by(Submission.id).limit(1))


def organization_by_identity(session: Session, fein: str | None,
                             provider_id: str | None) -> Organization | None:
    """The organization with this FEIN, else the first with this PID/SL (one query; a
    missing one, None, matches nothing)."""
    if not (fein or provider_id):
        return None
    rows = session.scalars(_BY_IDENTITY, {"fein": fein or None,
                                          "provider_id": provider_id or None}).all()
    return (next((row for row in rows if fein and row.fein == fein), None)
            or next((row for row in rows if provider_id and row.provider_id == provider_id),
                    None))


def earlier_duplicate(session: Session, content_key: str, exclude_id: int) -> Submission | None:
    return session.scalars(_EARLIER_DUPLICATE, {"content_key": content_key,
                                                "exclude_id": exclude_id}).first()


def list_submissions(session: Session, *, status: str | None = None,
                     limit: int | None = None) -> Sequence[Submission]:
    """Every submission (or those with ``status``) with documents, fields and problems: for
    exports, which show all of it. Listings use ``latest_submissions``."""
    query = (select(Submission).options(selectinload(Submission.documents)
                                        .selectinload(Document.fields),
                                        selectinload(Submission.problems))
             .order_by(Submission.id))
    if status:
        query = query.where(Submission.status == status)
    if limit:
        query = query.limit(limit)
    return session.scalars(query).all()


def latest_submissions(session: Session, *, status: str | None = None,
                       limit: int | None = None) -> Sequence[Submission]:
    """The newest ``limit`` submissions (all when None or 0), oldest first, with what a
    listing shows (organization, documents and problems, not the extracted fields)."""
    query = (select(Submission).options(selectinload(Submission.organization),
                                        selectinload(Submission.documents),
                                        selectinload(Submission.problems))
             .order_by(Submission.id.desc()))
    if status:
        query = query.where(Submission.status == status)
    if limit:
        query = query.limit(limit)
    return list(reversed(session.scalars(query).all()))


def count_submissions(session: Session, *, status: str | None = None) -> int:
    query = select(func.count()).select_from(Submission)
    if status:
        query = query.where(Submission.status == status)
    return session.scalar(query) or 0


def waiting_submissions(session: Session, statuses: Iterable[str], *,
                        limit: int | None = None,
                        inquiries: bool = False) -> Sequence[Submission]:
    """Submissions in one of ``statuses`` (and, with ``inquiries``, open inquiries), oldest
    first, with their organization and problems (the review queue and the digest); read by
    the (status, received_at) index."""
    query = (select(Submission).options(selectinload(Submission.organization),
                                        selectinload(Submission.problems))
             .where(_waiting(statuses, inquiries))
             .order_by(Submission.received_at, Submission.id))
    if limit:
        query = query.limit(limit)
    return session.scalars(query).all()


def count_waiting(session: Session, statuses: Iterable[str], *, inquiries: bool = False) -> int:
    return session.scalar(select(func.count()).select_from(Submission)
                          .where(_waiting(statuses, inquiries))) or 0


def _waiting(statuses: Iterable[str], inquiries: bool) -> Any:
    in_status = Submission.status.in_(tuple(statuses))
    return or_(in_status, Submission.inquiry == "open") if inquiries else in_status


def received_by_form(session: Session, start: datetime, end: datetime) -> dict[str, int]:
    """How many submissions arrived in [start, end), by what they are: the main form type,
    "inquiry" (a question from a person), or "no form" (automatic mail, counted apart)."""
    asked = Submission.inquiry.is_not(None)
    rows = session.execute(
        select(Submission.form_type, asked, func.count())
        .where(Submission.received_at >= start, Submission.received_at < end)
        .group_by(Submission.form_type, asked))
    counts: dict[str, int] = {}
    for form_type, inquiry, count in rows:
        kind = form_type or ("inquiry" if inquiry else "no form")
        counts[kind] = counts.get(kind, 0) + int(count)
    return counts


def last_successful_poll(session: Session) -> datetime | None:
    return session.scalar(select(func.max(MailboxState.last_success_at)))


@dataclass(frozen=True, slots=True)
class ReadingBacklog:
    """Stored messages not filed yet (the oldest since when), and how many were filed of
    those stored since ``since``: how far behind intake is, and how fast it goes."""
    waiting: int
    oldest: datetime | None
    filed: int


def reading_backlog(session: Session, *, since: datetime) -> ReadingBacklog:
    waiting, oldest = session.execute(
        select(func.count(), func.min(RawMessage.received_at))
        .where(RawMessage.status == MSG_CLAIMED)).one()
    filed = session.scalar(select(func.count()).select_from(RawMessage).where(
        RawMessage.received_at >= since, RawMessage.status == MSG_FILED)) or 0
    return ReadingBacklog(waiting or 0, oldest, filed)


def open_quarantine_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(QuarantineEntry)
        .where(QuarantineEntry.resolved_at.is_(None))) or 0
