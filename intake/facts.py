"""Registry facts for the submission rules: the approvals a submission's forms cite, looked
up here so that the rules in parsers/ stay pure."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsers.model import ExtractedDocument
from parsers.registry_facts import (
    RegistrationFact,
    RegistryFacts,
    Stage1Approval,
    Stage2Approval,
)
from parsers.rules import SUPPORTING, main_form_type
from registry.models import Approval, Registration, Submission
from registry.queries import approvals_by_number
from registry.registrations import registrations_by_numbers


def registry_facts(session: Session, documents: Sequence[ExtractedDocument],
                   submission: Submission) -> RegistryFacts:
    """The Stage I and Stage II approvals cited by ``documents`` (all of the submission's
    documents, follow-ups included, so no earlier documents need passing)."""
    cited = [str(value) for document in documents
             for value in (document.value("stage1_approval_number"),
                           document.value("stage2_approval_number")) if value]
    approvals = approvals_by_number(session, cited)
    records = registrations_by_numbers(session, cited)
    alone = main_form_type(documents) in SUPPORTING  # only then are open Stage IIs asked
    return RegistryFacts(
        open_stage2_references=_open_stage2(session, submission) if alone else (),
        stage1_approvals={number: _stage1(row) for number, row in approvals.items()
                          if row.kind == "stage1"},
        stage2_approvals={number: _stage2(row, records.get(number))
                          for number, row in approvals.items() if row.kind == "stage2"},
        registrations={number: _record(row) for number, row in records.items()},
    )


def _open_stage2(session: Session, submission: Submission) -> tuple[str, ...]:
    """Undecided Stage II submissions from the sender's domain (for a lone supporting
    document to point to)."""
    domain = submission.sender.rpartition("@")[2].lower()
    if not domain:
        return ()
    rows = session.scalars(
        select(Submission.reference).where(
            Submission.form_type.in_(("stage2", "stage2_grandfathered")),
            Submission.status.in_(("incomplete", "needs_review", "info_requested")),
            Submission.sender.like(f"%@{domain}"), Submission.id != submission.id)
        .order_by(Submission.received_at).limit(3))
    return tuple(item for item in rows if item)


def _stage1(row: Approval) -> Stage1Approval:
    organization = row.organization
    return Stage1Approval(
        number=row.number or "",
        fein=organization.fein if organization else None,
        provider_id=organization.provider_id if organization else None,
        transactions=frozenset(row.transactions or ()),
    )


def _stage2(row: Approval, record: Registration | None = None) -> Stage2Approval:
    """The Stage II approval, with what its registration of record now allows."""
    organization = row.organization
    return Stage2Approval(
        number=row.number or "",
        fein=organization.fein if organization else None,
        provider_id=organization.provider_id if organization else None,
        screens_per_session=record.screens_per_session if record else row.screens_per_session,
        rpa_user_ids=tuple((record.rpa_user_ids if record else row.rpa_user_ids) or ()),
    )


def _record(row: Registration) -> RegistrationFact:
    return RegistrationFact(
        number=row.number, status=row.status, rpa_user_ids=tuple(row.rpa_user_ids or ()),
        retired_user_ids=tuple(row.retired_user_ids or ()),
        transactions=frozenset(row.transactions or ()),
        screens_per_session=row.screens_per_session)
