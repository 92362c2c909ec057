"""The registration database: SQLAlchemy 2.0 models.

One row per raw message (stored before anything else), per submission, per document, per
extracted field and per problem; plus the mailbox state, the outbox, suppressions,
quarantine, organizations, approvals and the audit log. Schema changes go through Alembic
(registry/migrations); never edit a table here without a migration.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Submission statuses (SPEC §3).
RECEIVED, COMPLETE, INCOMPLETE, NEEDS_REVIEW = "received", "complete", "incomplete", "needs_review"
APPROVED, REJECTED, INFO_REQUESTED = "approved", "rejected", "info_requested"
DUPLICATE, NO_FORM = "duplicate", "no_form"
DECIDED = frozenset({APPROVED, REJECTED})  # a coordinator's final word: never re-evaluated

# Raw message statuses.
MSG_CLAIMED, MSG_FILED = "claimed", "filed"
MSG_QUARANTINED, MSG_DISCARDED = "quarantined", "discarded"

# Outbox statuses (SPEC §5 acknowledgment.status).
QUEUED, SENT, FAILED, BOUNCED, SUPPRESSED = "queued", "sent", "failed", "bounced", "suppressed"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class RawMessage(Base):
    """The bytes of an inbound message, stored (and committed) before any parsing."""

    __tablename__ = "raw_messages"
    __table_args__ = (Index("ix_raw_messages_received_at", "received_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    source: Mapped[str] = mapped_column(String(200))  # mailbox key, e.g. imap://user@host/INBOX
    size: Mapped[int] = mapped_column(Integer)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)  # None once purged by retention
    received_at: Mapped[datetime] = mapped_column(DateTime)  # when we stored it (UTC)
    status: Mapped[str] = mapped_column(String(20), default=MSG_CLAIMED, index=True)
    backfill: Mapped[bool] = mapped_column(Boolean, default=False)
    # The submission this message was filed into (plain column: a foreign key here would
    # make a cycle with submissions.raw_message_id).
    submission_id: Mapped[int | None] = mapped_column(Integer, index=True)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # processing starts
    last_error: Mapped[str | None] = mapped_column(Text)  # why the last attempt did not file
    # Message-IDs are not unique in the wild: a copy is the same Message-ID with the same
    # fingerprint (sender and attachments); another sender reusing an id is filed on its own.
    fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)
    # Who is reading it right now (PostgreSQL, several instances): stored messages are work
    # any instance may take; a lease that runs out (its holder died) frees the message.
    lease_owner: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime)


class MailboxState(Base):
    """Per folder: the UIDVALIDITY we know and the health of the last poll."""

    __tablename__ = "mailbox_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(200), unique=True)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    failing_since: Mapped[datetime | None] = mapped_column(DateTime)
    alert_sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuthStatus(Base):
    """Per login (imap, smtp, graph): since when it has failed and why, for health and the
    administrator's alerts; cleared by the next success."""

    __tablename__ = "auth_status"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    failing_since: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime)
    alert_sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class MessageLocation(Base):
    """Where a raw message was seen: (mailbox, UIDVALIDITY, UID) → raw message."""

    __tablename__ = "message_locations"
    __table_args__ = (UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_location"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(200))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    raw_message_id: Mapped[int | None] = mapped_column(ForeignKey("raw_messages.id"))
    seen_at: Mapped[datetime] = mapped_column(DateTime)
    moved_at: Mapped[datetime | None] = mapped_column(DateTime)


class Organization(Base):
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    legal_name: Mapped[str] = mapped_column(String(300))
    fein: Mapped[str | None] = mapped_column(String(10), unique=True)
    provider_id: Mapped[str | None] = mapped_column(String(10), index=True)
    npi: Mapped[str | None] = mapped_column(String(10))
    email_domain: Mapped[str | None] = mapped_column(String(255), index=True)
    contact_email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Submission(Base):
    """One inbound email (follow-ups in its thread add documents to it)."""

    __tablename__ = "submissions"
    __table_args__ = (Index("ix_submissions_status_received_at", "status", "received_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(40), unique=True)
    # None for a message too large to download: only its headers were ever read
    raw_message_id: Mapped[int | None] = mapped_column(ForeignKey("raw_messages.id"))
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    sender: Mapped[str] = mapped_column(String(320), index=True)
    sender_name: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(998), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default=RECEIVED, index=True)
    form_type: Mapped[str | None] = mapped_column(String(40))  # the main form, if any
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    content_key: Mapped[str | None] = mapped_column(String(64), index=True)  # for duplicates
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    backfill: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    # A human's message with no form (SPEC: "correspondence and inquiries"): open | answered;
    # None for everything else, automatic mail included.
    inquiry: Mapped[str | None] = mapped_column(String(20), index=True)

    documents: Mapped[list[Document]] = relationship(
        back_populates="submission", order_by="Document.id", cascade="all, delete-orphan")
    problems: Mapped[list[ProblemRow]] = relationship(
        back_populates="submission", order_by="ProblemRow.id", cascade="all, delete-orphan")
    organization: Mapped[Organization | None] = relationship()
    parent: Mapped[Submission | None] = relationship(
        remote_side="Submission.id", foreign_keys=[parent_id])
    duplicate_of: Mapped[Submission | None] = relationship(
        remote_side="Submission.id", foreign_keys=[duplicate_of_id])


class Document(Base):
    """One attachment of a submission, classified and extracted."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    raw_message_id: Mapped[int] = mapped_column(ForeignKey("raw_messages.id"))
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # sniffed file kind
    form_type: Mapped[str] = mapped_column(String(40))
    form_version: Mapped[str | None] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(20))
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    added_at: Mapped[datetime] = mapped_column(DateTime)

    submission: Mapped[Submission] = relationship(back_populates="documents")
    fields: Mapped[list[ExtractedFieldRow]] = relationship(
        back_populates="document", order_by="ExtractedFieldRow.id", cascade="all, delete-orphan")


class ExtractedFieldRow(Base):
    __tablename__ = "extracted_fields"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    raw_value: Mapped[str] = mapped_column(Text)
    value: Mapped[Any] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(20))
    confidence: Mapped[float] = mapped_column(Float)
    # where it was read: {"page": 1-based, "box": [x0, top, x1, bottom] in points}, or None
    spot: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    document: Mapped[Document] = relationship(back_populates="fields")


class ProblemRow(Base):
    __tablename__ = "problems"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    code: Mapped[str] = mapped_column(String(60))
    field: Mapped[str | None] = mapped_column(String(60))
    message: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(10), default="error")

    submission: Mapped[Submission] = relationship(back_populates="problems")
    document: Mapped[Document | None] = relationship()


class Approval(Base):
    """A coordinator's approval: the facts later forms are validated against."""

    __tablename__ = "approvals"
    __table_args__ = (Index("ix_approvals_validation_due", "validation_due"),
                      Index("ix_approvals_submission_id", "submission_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    # stage1 | stage2 | modification | annual_validation
    kind: Mapped[str] = mapped_column(String(30))
    number: Mapped[str | None] = mapped_column(String(20), unique=True)  # RPA1-/RPA2-YYYY-NNNNN
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    transactions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    screens_per_session: Mapped[int | None] = mapped_column(Integer)
    rpa_user_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    approved_at: Mapped[datetime] = mapped_column(DateTime)
    approved_by: Mapped[str] = mapped_column(String(200))
    validation_due: Mapped[date | None] = mapped_column(Date)  # stage2: a year after approval

    organization: Mapped[Organization | None] = relationship()


class OutboxMessage(Base):
    """A message waiting to leave (or that left): written in the filing transaction."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_kind_created_at", "kind", "created_at"),
                      Index("ix_outbox_recipient_created_at", "recipient", "created_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # ack | notice | digest | alert
    dedupe_key: Mapped[str | None] = mapped_column(String(300), unique=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(320), index=True)
    subject: Mapped[str] = mapped_column(String(998))
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)  # the rendered message, sent as is
    status: Mapped[str] = mapped_column(String(20), default=QUEUED, index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)

    submission: Mapped[Submission | None] = relationship()


class DeliveryAttempt(Base):
    __tablename__ = "delivery_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    result: Mapped[str] = mapped_column(String(20))  # sent | temporary | permanent
    detail: Mapped[str] = mapped_column(Text, default="")


class Suppression(Base):
    """An address we must not mail for a while (bounces), with its reason."""

    __tablename__ = "suppressions"
    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(320), index=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    until: Mapped[datetime | None] = mapped_column(DateTime)


class QuarantineEntry(Base):
    """A message that could not be filed, with the reason and traceback; retry or discard."""

    __tablename__ = "quarantine"
    id: Mapped[int] = mapped_column(primary_key=True)
    raw_message_id: Mapped[int | None] = mapped_column(ForeignKey("raw_messages.id"))
    mailbox: Mapped[str] = mapped_column(String(200))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(998))
    sender: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(String(998))
    reason: Mapped[str] = mapped_column(Text)
    traceback: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))  # retried | discarded


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_submission_at", "submission_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ServiceState(Base):
    """Small named facts the service keeps between runs (e.g. last digest date)."""

    __tablename__ = "service_state"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# Registrations of record (issue 14): one per approved Stage II or grandfathered Stage II, its
# history of changes, and the yearly validation cycle with the requests and reminders sent.
REG_ACTIVE, REG_RETIRED = "active", "retired"
REG_OVERDUE, REG_OUT_OF_COMPLIANCE = "validation_overdue", "out_of_compliance"
REGISTRATION_STATUSES = (REG_ACTIVE, REG_RETIRED, REG_OVERDUE, REG_OUT_OF_COMPLIANCE)


class Registration(Base):
    """An approved bot registration: what MassHealth has on file, kept current by approved
    modifications and validations (the approvals behind it are in ``changes``)."""

    __tablename__ = "registrations"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # the RPA2 approval number
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"),
                                                        index=True)
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    stage1_number: Mapped[str | None] = mapped_column(String(20))
    grandfathered: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(30), default=REG_ACTIVE, index=True)
    bot_names: Mapped[list[Any]] = mapped_column(JSON, default=list)
    rpa_user_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)  # active User IDs
    retired_user_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    transactions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    screens_per_session: Mapped[int | None] = mapped_column(Integer)
    rpa_tool_name: Mapped[str | None] = mapped_column(String(200))
    rpa_tool_vendor: Mapped[str | None] = mapped_column(String(200))
    rpa_tool_version: Mapped[str | None] = mapped_column(String(100))
    hosting: Mapped[str | None] = mapped_column(String(30))
    contact_name: Mapped[str | None] = mapped_column(String(300))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    organization_block: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    approved_at: Mapped[datetime] = mapped_column(DateTime)
    last_validated_at: Mapped[date | None] = mapped_column(Date)
    validation_due: Mapped[date | None] = mapped_column(Date, index=True)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    organization: Mapped[Organization | None] = relationship()
    changes: Mapped[list[RegistrationChange]] = relationship(
        back_populates="registration", order_by="RegistrationChange.id",
        cascade="all, delete-orphan")


class RegistrationChange(Base):
    """One change of a registration, with the submission and decision behind it."""

    __tablename__ = "registration_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    kind: Mapped[str] = mapped_column(String(30))  # approved | modification | validation | ...
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    actor: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field: [before, after]

    registration: Mapped[Registration] = relationship(back_populates="changes")


class ValidationCycle(Base):
    """A registration's annual validation for one year: requested, received, validated."""

    __tablename__ = "validation_cycles"
    __table_args__ = (UniqueConstraint("registration_id", "year", name="uq_validation_cycle"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    due: Mapped[date] = mapped_column(Date)
    requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    validated_at: Mapped[datetime | None] = mapped_column(DateTime)
    overdue_at: Mapped[datetime | None] = mapped_column(DateTime)

    registration: Mapped[Registration] = relationship()
    notices: Mapped[list[ValidationNotice]] = relationship(
        back_populates="cycle", order_by="ValidationNotice.id", cascade="all, delete-orphan")


class ValidationNotice(Base):
    """A validation request or reminder sent for a cycle; one per step (idempotence)."""

    __tablename__ = "validation_notices"
    __table_args__ = (UniqueConstraint("cycle_id", "step", name="uq_validation_notice"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("validation_cycles.id"), index=True)
    step: Mapped[str] = mapped_column(String(30))  # request | before:30 | after:7 ...
    message_id: Mapped[str] = mapped_column(String(300), index=True)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))
    sent_at: Mapped[datetime] = mapped_column(DateTime)

    cycle: Mapped[ValidationCycle] = relationship(back_populates="notices")


# Console roles (issue 12): viewers read, coordinators decide, admins also manage.
VIEWER, COORDINATOR, ADMIN = "viewer", "coordinator", "admin"
ROLES = (VIEWER, COORDINATOR, ADMIN)


class ConsoleUser(Base):
    """A local account of the web console; the password is an argon2 hash, never stored."""

    __tablename__ = "console_users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20), default=VIEWER)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)


class LoginAttempt(Base):
    """Every sign-in attempt, kept for the audit and for rate limiting."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_name_at", "name", "at"),
                      Index("ix_login_attempts_client_at", "client", "at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    name: Mapped[str] = mapped_column(String(100))
    client: Mapped[str] = mapped_column(String(64))  # the remote address
    success: Mapped[bool] = mapped_column(Boolean)
    detail: Mapped[str] = mapped_column(String(200), default="")
