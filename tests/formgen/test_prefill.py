"""The pre-filled Annual Validation: made from a template by substitution (fast), it reads
back exactly like the form drawn in full, in PDF and DOCX; text the template cannot carry
(beyond printable ASCII) is drawn in full; the request mail carries both files intact."""

from __future__ import annotations

import email
import email.policy
from datetime import date, datetime

import pytest

from config.settings import Settings
from formgen.pdf_form import fillable_pdf
from formgen.prefill import FormJob, make_prefilled, prefill_values
from formgen.prefill_template import FormTemplate, TemplateError
from formgen.samples import sample_values
from notifier.outreach import OutreachMail, OutreachView, compose_outreach
from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

TODAY = date(2027, 11, 1)


def _values(definitions: dict[str, FormDefinition], seed: int, **org: str) -> dict[str, object]:
    organization = {**sample_values("stage1", seed=seed), **org}
    return prefill_values(definitions["annual_validation"], organization,
                          number="RPA2-2026-00007", user_ids=["RPAU0001", "RPAU (2)\\x"],
                          year=2027)


def _read(definitions: dict[str, FormDefinition], name: str, data: bytes) -> dict[str, object]:
    document = extract_document(name, data, definitions, limits=Limits(ocr=False), today=TODAY,
                                isolate=False)
    assert document.form_type == "annual_validation"
    return document.values()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_template_forms_read_back_like_drawn_ones(definitions: dict[str, FormDefinition],
                                                  seed: int) -> None:
    values = _values(definitions, seed)
    forms = make_prefilled(definitions["annual_validation"], FormJob("k", values), docx=True)
    assert forms.docx is not None
    drawn = _read(definitions, "drawn.pdf", fillable_pdf(definitions["annual_validation"],
                                                         values))
    for name, data in (("filled.pdf", forms.pdf), ("filled.docx", forms.docx)):
        read = _read(definitions, name, data)
        assert read == drawn
        assert {key: read.get(key) for key in values} == values


def test_text_beyond_ascii_is_drawn_in_full(definitions: dict[str, FormDefinition]) -> None:
    values = _values(definitions, 1, org_legal_name="Société Générale de Santé")
    definition = definitions["annual_validation"]
    with pytest.raises(TemplateError):
        FormTemplate(definition, values, docx=False).fill(values, definition)
    forms = make_prefilled(definition, FormJob("k", values), docx=True)
    assert _read(definitions, "f.pdf", forms.pdf)["org_legal_name"] == "Société Générale de Santé"


def test_request_mail_carries_both_forms(definitions: dict[str, FormDefinition]) -> None:
    values = _values(definitions, 1)
    forms = make_prefilled(definitions["annual_validation"], FormJob("k", values), docx=True)
    view = OutreachView("RPA2-2026-00007", "Acme <Health>", "Alice", 2027, "November 23, 2027",
                        ("RPAU0001",), "UiPath", ("Claim Status Inquiry",), "request", True)
    composed = compose_outreach(OutreachMail("alice@acme.example", view, forms.pdf, forms.docx),
                                settings=Settings(), now=datetime(2027, 9, 27, 14))
    message = email.message_from_bytes(composed.raw, policy=email.policy.default)
    assert message["Auto-Submitted"] == "auto-generated"
    assert [part.get_content() for part in message.iter_attachments()] == [forms.pdf, forms.docx]
    html = message.get_body(("html",)).get_content()
    assert "Acme &lt;Health&gt;" in html and "<Health>" not in html
    assert not any(part.defects for part in message.walk())
