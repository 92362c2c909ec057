"""Helpers for the registry-of-record tests: file forms through the real pipeline (store,
process) and approve them as a coordinator would."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_scenarios, sample_values
from formgen.supporting import scenario_results_document, systems_design_document
from intake.context import IntakeContext
from intake.decisions import approve
from intake.pipeline import take_message
from registry.db import transaction

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SENDER = "Alice Nguyen <alice.nguyen@acmehealth.example>"
_counter = [0]


def form_mail(attachments: list[tuple[str, bytes, str]], subject: str = "Forms", *,
              sender: str = SENDER, in_reply_to: str | None = None) -> bytes:
    _counter[0] += 1
    return build_email(sender=sender, to="functional.coordination@example.org",
                       subject=subject, body="Please see the attached.",
                       attachments=attachments, message_id=f"reg-{_counter[0]}@test.example",
                       in_reply_to=in_reply_to, references=[in_reply_to] if in_reply_to else [],
                       date=datetime(2026, 11, 23, 9, tzinfo=UTC))


def file_raw(factory: sessionmaker[Session], ctx: IntakeContext, raw: bytes,
             now: datetime) -> str:
    reference = take_message(factory, raw, ctx, mailbox="test", now=now).reference
    assert reference
    return reference


def stage2_mail(ctx: IntakeContext, stage1_number: str, *, seed: int = 1,
                sender: str = SENDER, **overrides: Any) -> bytes:
    """A Stage II citing ``stage1_number`` with its three supporting documents."""
    defs = ctx.definitions
    values = sample_values("stage2", seed=seed, stage1_approval_number=stage1_number,
                           **overrides)
    agreement = {k: values[k] for k in ("org_legal_name", "signer_name", "signer_title",
                                         "signature_date")}
    scenarios = scenario_results_document(values["org_legal_name"],
                                          sample_scenarios(values["transactions"]), fmt="docx")
    return form_mail([
        ("stage2.pdf", fillable_pdf(defs["stage2"], values), PDF),
        ("agreement.pdf", fillable_pdf(defs["rpa_agreement"], agreement), PDF),
        ("design.pdf", systems_design_document(values["org_legal_name"],
                                               values["transactions"]), PDF),
        ("scenarios.docx", scenarios, DOCX)], "Stage II", sender=sender)


def approved_registration(factory: sessionmaker[Session], ctx: IntakeContext, now: datetime,
                          user_ids: tuple[str, ...] = ("RPAU0001", "RPAU0002")) -> str:
    """A Stage I and its Stage II filed and approved; returns the RPA2 number."""
    defs = ctx.definitions
    stage1 = fillable_pdf(defs["stage1"], sample_values("stage1", seed=1))
    reference = file_raw(factory, ctx, form_mail([("stage1.pdf", stage1, PDF)]), now)
    with transaction(factory) as session:
        number = approve(session, reference, actor="pat", now=now, settings=ctx.settings).number
    assert number
    reference2 = file_raw(factory, ctx, stage2_mail(ctx, number,
                                                    user_ids_requested=len(user_ids)), now)
    with transaction(factory) as session:
        stage2 = approve(session, reference2, actor="pat", now=now, settings=ctx.settings,
                         user_ids=list(user_ids))
    assert stage2.number
    return stage2.number


def file_and_approve(factory: sessionmaker[Session], ctx: IntakeContext, form_type: str,
                     values: dict[str, Any], now: datetime, *, force: bool = False) -> str:
    pdf = fillable_pdf(ctx.definitions[form_type], values)
    reference = file_raw(factory, ctx, form_mail([(f"{form_type}.pdf", pdf, PDF)]), now)
    with transaction(factory) as session:
        approve(session, reference, actor="pat", now=now, settings=ctx.settings, force=force)
    return reference
