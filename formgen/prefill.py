"""The Annual Validation form pre-filled from the registry (fillable PDF and DOCX): the
organization block, the Stage II approval number, the RPA User IDs and the validation year
set; the yes/no questions and the attestation left for the provider. Filled from a template
per shape of form (formgen.prefill_template), drawn in full when that cannot be done."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from formgen.docx_form import docx_form
from formgen.pdf_form import fillable_pdf
from formgen.prefill_template import FormTemplate, TemplateError, shape_of
from parsers.formdefs import FormDefinition

FORM_TYPE = "annual_validation"
LEFT_FOR_PROVIDER = frozenset({"info_current", "unapproved_changes", "attest", "signer_name",
                               "signer_title", "signature_date"})


@dataclass(frozen=True, slots=True)
class FormJob:
    key: str  # what the caller matches results by (e.g. the registration number)
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PrefilledForms:
    key: str
    pdf: bytes
    docx: bytes | None


def prefill_values(definition: FormDefinition, organization: Mapping[str, Any], *,
                   number: str, user_ids: Sequence[str], year: int) -> dict[str, Any]:
    """The values the registry knows, limited to the form's fields and never the answers."""
    known = {**organization, "stage2_approval_number": number,
             "rpa_user_ids": list(user_ids), "validation_year": year}
    keys = {field.key for field in definition.fields} - LEFT_FOR_PROVIDER
    return {key: value for key, value in known.items()
            if key in keys and value not in (None, "", [])}


def make_prefilled(definition: FormDefinition, job: FormJob, *, docx: bool) -> PrefilledForms:
    """One registration's forms: filled from a cached template of their shape, or drawn in
    full when the values cannot be substituted (e.g. text beyond printable ASCII)."""
    try:
        pdf, document = _template(definition, job.values, docx).fill(job.values, definition)
        return PrefilledForms(job.key, pdf, document)
    except TemplateError:
        return PrefilledForms(job.key, fillable_pdf(definition, job.values),
                              docx_form(definition, job.values) if docx else None)


_TEMPLATES: dict[tuple[Any, ...], FormTemplate] = {}


def _template(definition: FormDefinition, values: Mapping[str, Any],
              docx: bool) -> FormTemplate:
    key = (definition.form_type, definition.form_code, docx, shape_of(definition, values))
    if key not in _TEMPLATES:
        if len(_TEMPLATES) > 64:
            _TEMPLATES.clear()
        _TEMPLATES[key] = FormTemplate(definition, values, docx=docx)
    return _TEMPLATES[key]
