"""The demo's sample mailbox: realistic submissions made from the project's own forms.

Day 1: a complete Stage I (fillable PDF), an incomplete Stage I (DOCX), a late grandfathered
Stage II (flattened PDF with its three documents), a question with no form, and an
out-of-office reply. Day 2: a Stage II that cites the Stage I approved on day 1 but lacks its
Test Scenarios, which arrive in a reply to the acknowledgment.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from formgen.docx_form import docx_form
from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf, flattened_pdf
from formgen.samples import sample_scenarios, sample_values
from formgen.supporting import scenario_results_document, systems_design_document
from parsers.formdefs import FormDefinition

MAILBOX = "functional.coordination@example.org"
PDF, DOCX = "application/pdf", (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")

Mail = tuple[str, bytes]  # file name, raw message


def day_one(defs: Mapping[str, FormDefinition], start: datetime) -> list[Mail]:
    acme = sample_values("stage1", seed=1)
    berkshire = sample_values("stage1", seed=2, omit=("fein", "signer_title"), attest=False)
    cape = sample_values("stage2_grandfathered", seed=3)
    return [
        ("01-acme-stage1.eml", _mail(acme, "Stage I registration - " + acme["org_legal_name"],
                                     start, 1, [("Stage I form.pdf",
                                                 fillable_pdf(defs["stage1"], acme), PDF)])),
        ("02-berkshire-stage1.eml", _mail(
            berkshire, "RPA Stage I form", start, 2,
            [("MassHealth RPA Stage I.docx", docx_form(defs["stage1"], berkshire), DOCX)])),
        ("03-cape-grandfathered.eml", _mail(
            cape, "Grandfathered bot registration", start, 3,
            [("Stage II grandfathered (scan copy).pdf", flattened_pdf(
                defs["stage2_grandfathered"], cape), PDF),
             *_supporting(defs, cape)])),
        ("04-pioneer-question.eml", build_email(
            sender="Dana Whitfield <dana.whitfield@pioneervalleyclinic.example>", to=MAILBOX,
            subject="Question about registering our bot",
            body="Hello,\n\nWe use UiPath to check member eligibility. Which form do we need "
                 "to send first?\n\nThanks,\nDana",
            message_id="demo-4@pioneervalleyclinic.example", date=start + timedelta(minutes=4))),
        ("05-out-of-office.eml", build_email(
            sender="Marcus Lee <marcus.lee@acmehealth.example>", to=MAILBOX,
            subject="Automatic reply: RPA registration",
            body="I am out of the office until Monday with limited access to email.",
            message_id="demo-5@acmehealth.example", date=start + timedelta(minutes=5),
            extra_headers={"Auto-Submitted": "auto-replied",
                           "X-Auto-Response-Suppress": "All"})),
    ]


def day_two(defs: Mapping[str, FormDefinition], start: datetime, stage1_number: str) -> list[Mail]:
    acme = sample_values("stage2", seed=1, stage1_approval_number=stage1_number)
    attachments = [("Stage II form.pdf", fillable_pdf(defs["stage2"], acme), PDF),
                   *_supporting(defs, acme)[:2]]
    return [("06-acme-stage2.eml", _mail(acme, "Stage II registration", start, 6, attachments))]


def follow_up(defs: Mapping[str, FormDefinition], when: datetime, *, subject: str,
              in_reply_to: str) -> Mail:
    """Acme's reply to the Stage II acknowledgment, with the missing Test Scenarios."""
    acme = sample_values("stage2", seed=1)
    scenarios = scenario_results_document(acme["org_legal_name"],
                                        sample_scenarios(acme["transactions"]), fmt="docx")
    raw = build_email(
        sender=_sender(acme), to=MAILBOX, subject="Re: " + subject,
        body="Hello,\n\nAttached are our test scenarios.\n\nRegards,\n" + acme["contact_name"],
        attachments=[("Test Scenarios.docx", scenarios, DOCX)],
        message_id="demo-7@acmehealth.example", in_reply_to=in_reply_to,
        references=[in_reply_to], date=when)
    return "07-acme-follow-up.eml", raw


def _supporting(defs: Mapping[str, FormDefinition],
                values: dict[str, Any]) -> list[tuple[str, bytes, str]]:
    org, transactions = values["org_legal_name"], values["transactions"]
    agreement = {key: values[key] for key in ("org_legal_name", "signer_name", "signer_title",
                                              "signature_date")}
    return [
        ("Signed RPA Agreement.pdf", fillable_pdf(defs["rpa_agreement"], agreement), PDF),
        ("Systems Design.pdf", systems_design_document(org, transactions, fmt="pdf"), PDF),
        ("Test Scenarios.docx", scenario_results_document(
            org, sample_scenarios(transactions), fmt="docx"), DOCX),
    ]


def _mail(values: dict[str, Any], subject: str, start: datetime, number: int,
          attachments: list[tuple[str, bytes, str]]) -> bytes:
    return build_email(
        sender=_sender(values), to=MAILBOX, subject=subject,
        body=f"Hello,\n\nPlease find our {subject.lower()} attached.\n\n"
             f"Regards,\n{values['contact_name']}\n{values.get('contact_title', '')}",
        attachments=attachments, message_id=f"demo-{number}@{_domain(values)}",
        date=start + timedelta(minutes=number))


def _sender(values: dict[str, Any]) -> str:
    return f"{values['contact_name']} <{values['contact_email']}>"


def _domain(values: dict[str, Any]) -> str:
    return str(values["contact_email"]).rpartition("@")[2]
