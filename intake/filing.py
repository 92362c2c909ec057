"""Filing: one parsed email and its extracted documents become a submission (or join one),
are validated against the registry, and get their acknowledgment queued — all inside the
caller's single transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from intake.context import IntakeContext
from intake.facts import registry_facts
from intake.inquiries import mark_inquiry
from intake.threading import ThreadMatch, find_thread
from intake.validation_match import match_validation
from notifier.acks import enqueue_acknowledgment
from notifier.bounces import record_bounce
from notifier.references import make_reference
from parsers.message_reader import ReadMessage
from parsers.model import ExtractedDocument, ParsedEmail
from parsers.rules import evaluate_submission
from parsers.sniff import sniff
from registry.documents import add_documents, document_from_row, problem_row
from registry.filing_queries import claim_message, earlier_copy, link_message
from registry.models import (
    DECIDED,
    DUPLICATE,
    AuditEvent,
    Organization,
    ProblemRow,
    Submission,
)
from registry.queries import earlier_duplicate, organization_by_identity

REGISTRATION_FORMS = ("stage1", "stage2", "stage2_grandfathered", "modification",
                      "annual_validation")


def file_message(session: Session, raw_message_id: int, read: ReadMessage,
                 ctx: IntakeContext, *, now: datetime, backfill: bool = False) -> str | None:
    """File the message; return the submission's reference, or None when another run filed
    this message first (the claim below makes filing happen exactly once)."""
    email, documents = read.email, read.documents
    mark = fingerprint(email)
    claimed = claim_message(session, raw_message_id, mark, now)
    if claimed is None:
        return None
    copy = (earlier_copy(session, raw_message_id, claimed.message_id, mark)
            if claimed.message_id else None)
    if copy is not None:  # the same message again (another folder, another Received line)
        link_message(session, raw_message_id, copy)
        return None
    thread = find_thread(session, email, ctx.settings)
    target = _merge_target(session, thread)
    if target is not None:
        submission, action = target, "follow_up"
    else:
        submission = _new_submission(session, raw_message_id, email, now, backfill,
                                     parent=thread.submission if thread else None)
        action = "received"
    _add_documents(session, submission, email, documents, raw_message_id, now)
    if action == "received":
        submission.reference = make_reference(submission.id, now.year)  # the id makes it
    # What follows is written by one flush, at the commit: its lookups read nothing this
    # transaction has pending (a bounce's suppression aside, flushed at once).
    with session.no_autoflush:
        _judge_and_acknowledge(session, submission, raw_message_id, read, ctx, now=now,
                               backfill=backfill, follow_up=action == "follow_up")
    return submission.reference


def _judge_and_acknowledge(session: Session, submission: Submission, raw_message_id: int,
                           read: ReadMessage, ctx: IntakeContext, *, now: datetime,
                           backfill: bool, follow_up: bool) -> None:
    email = read.email
    # A new submission is judged on the documents as read; a follow-up on all it holds.
    evaluate(session, submission, ctx, now=now, documents=None if follow_up else read.documents)
    match_validation(session, submission, email, now=now)  # issue 14: validation replies
    link_message(session, raw_message_id, submission.id)
    session.add(AuditEvent(at=now, actor="intake", action="follow_up" if follow_up else
                           "received", submission_id=submission.id,
                           detail={"raw_message_id": raw_message_id,
                                   "documents": len(read.documents)}))
    if read.bounce is not None:
        record_bounce(session, read.bounce, now=now, settings=ctx.settings)
        session.flush()  # the address it suppresses counts for the acknowledgment below
    enqueue_acknowledgment(session, submission, email, settings=ctx.settings,
                           definitions=ctx.definitions, now=now, backfill=backfill,
                           follow_up=follow_up)
    mark_inquiry(submission, email, ctx.settings)


def file_too_large(session: Session, email: ParsedEmail, *, size: int, ctx: IntakeContext,
                   now: datetime) -> Submission:
    """A message too large to download is still a submission (no documents, one problem):
    its sender gets the usual acknowledgment, with a reference to reply to with smaller
    files, and coordinators see it. A reply re-evaluates it and the problem goes."""
    limit = ctx.settings.mailbox.max_message_bytes
    submission = Submission(
        raw_message_id=None, message_id=email.message_id or None, sender=email.from_address,
        sender_name=email.from_name, subject=email.subject, received_at=now, updated_at=now,
        status="no_form")
    session.add(submission)
    session.flush()
    submission.reference = make_reference(submission.id, now.year)
    submission.problems.append(ProblemRow(
        code="too_large", severity="error", message=(
            f"Your email ({max(1, size // 1_000_000)} MB) is larger than the "
            f"{limit // 1_000_000} MB this mailbox accepts, so it could not be processed. "
            "Please send the forms again as PDF or DOCX files in smaller emails (for example "
            "one form per email, and scans at 200 dpi in black and white).")))
    session.add(AuditEvent(at=now, actor="intake", action="too_large",
                           submission_id=submission.id, detail={"size": size}))
    enqueue_acknowledgment(session, submission, email, settings=ctx.settings,
                           definitions=ctx.definitions, now=now)
    return submission


def fingerprint(email: ParsedEmail) -> str:
    """Who sent it and what it carries: a Message-ID merges copies only when these match."""
    parts = [email.from_address, *sorted(item.sha256 for item in email.attachments)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _merge_target(session: Session, thread: ThreadMatch | None) -> Submission | None:
    """The submission a same-party reply joins (and re-evaluates), while it is still open.
    A decided one (approved, rejected) is closed: the reply opens a new submission linked to
    it, so the decision stands and what the reply brings is evaluated and put before a
    coordinator on its own (as SPEC §3 does for a [REF] from someone else)."""
    if thread is None or not thread.follow_up:
        return None
    # Lock and re-read: a decision committed since the thread was found must win (PostgreSQL;
    # on SQLite the filing transaction already holds the write lock).
    session.refresh(thread.submission, with_for_update=True)
    return None if thread.submission.status in DECIDED else thread.submission


def _new_submission(session: Session, raw_message_id: int, email: ParsedEmail,
                    now: datetime, backfill: bool, *,
                    parent: Submission | None) -> Submission:
    """Written with its documents (their flush gives it the id its reference is made of).
    Its collections start loaded and empty, so adding to them asks the database nothing."""
    submission = Submission(
        raw_message_id=raw_message_id, message_id=email.message_id or None,
        sender=email.from_address, sender_name=email.from_name, subject=email.subject,
        received_at=now, updated_at=now, backfill=backfill, parent=parent,
        documents=[], problems=[])
    session.add(submission)
    return submission


def _add_documents(session: Session, submission: Submission, email: ParsedEmail,
                   documents: Sequence[ExtractedDocument], raw_message_id: int,
                   now: datetime) -> None:
    attachments = {item.sha256: item for item in email.attachments}
    sized = []
    for document in documents:
        attachment = attachments.get(document.sha256)
        sized.append((document, attachment.kind if attachment else sniff(b""),
                      len(attachment.data) if attachment else 0))
    add_documents(session, submission, sized, raw_message_id=raw_message_id, now=now)


def evaluate(session: Session, submission: Submission, ctx: IntakeContext, *,
             now: datetime, documents: Sequence[ExtractedDocument] | None = None) -> None:
    """(Re-)validate a submission from all its documents (``documents``: those, already in
    memory, when they are all it has); set status, organization, duplicate link and the
    submission-level problems."""
    if documents is None:
        session.flush()
        documents = [document_from_row(row, submission.problems)
                     for row in submission.documents]
    facts = registry_facts(session, documents, submission)
    verdict = evaluate_submission(documents, facts, received_on=submission.received_at.date(),
                                  today=now.date())
    submission.problems = [item for item in submission.problems if item.document is not None]
    submission.problems.extend(problem_row(problem) for problem in verdict.problems)
    submission.status = verdict.status
    submission.form_type = verdict.main_form_type
    submission.late = verdict.late
    submission.updated_at = now
    main = _main_document(documents, verdict.main_form_type)
    if main is not None:
        submission.organization = _organization(session, main, submission, now)
        _mark_duplicate(session, submission, main)


def _main_document(documents: Sequence[ExtractedDocument],
                   form_type: str | None) -> ExtractedDocument | None:
    return next((item for item in documents if item.form_type == form_type), None)


def _organization(session: Session, main: ExtractedDocument, submission: Submission,
                  now: datetime) -> Organization | None:
    fein, provider_id = main.value("fein"), main.value("provider_id")
    name = main.value("org_legal_name")
    if not (fein or provider_id) or not name:
        return submission.organization
    organization = organization_by_identity(session, fein, provider_id)
    if organization is None:
        organization = Organization(legal_name=name, fein=fein, provider_id=provider_id,
                                    npi=main.value("npi"), created_at=now)
        session.add(organization)
    organization.contact_email = main.value("contact_email") or organization.contact_email
    domain = submission.sender.rpartition("@")[2].lower() if "@" in submission.sender else ""
    organization.email_domain = organization.email_domain or domain or None
    return organization


def _mark_duplicate(session: Session, submission: Submission, main: ExtractedDocument) -> None:
    """Same organization, same form type, same normalized fields: a duplicate."""
    if main.form_type not in REGISTRATION_FORMS:
        return
    content = json.dumps([main.form_type, sorted(main.values().items())], sort_keys=True,
                         default=str)
    submission.content_key = hashlib.sha256(content.encode()).hexdigest()
    original = earlier_duplicate(session, submission.content_key, submission.id)
    if original is not None:
        submission.duplicate_of = original
        submission.status = DUPLICATE
