"""Every form type, filled in every shape real submissions arrive in (made by formgen from
the definitions), is classified and gives back every field exactly; a scan is routed to
review with most of its fields found."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from unhurried import UNHURRIED

from formgen.docx_form import docx_form
from formgen.pdf_form import fillable_pdf, flattened_pdf
from formgen.samples import sample_values
from formgen.scan import scanned_pdf
from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

TODAY = date(2026, 11, 23)
FORMS = ["stage1", "stage2", "stage2_grandfathered", "modification", "annual_validation",
         "rpa_agreement"]
Shape = Callable[[FormDefinition, dict[str, Any]], bytes]
SHAPES: dict[str, tuple[str, Shape]] = {
    "fillable": ("pdf", lambda d, v: fillable_pdf(d, v)),
    "opaque-names": ("pdf", lambda d, v: fillable_pdf(d, v, names="opaque")),
    "flattened": ("pdf", lambda d, v: flattened_pdf(d, v)),
    "flattened-label-above": ("pdf", lambda d, v: flattened_pdf(d, v, layout="above")),
    "docx-content-controls": ("docx", lambda d, v: docx_form(d, v, style="content_controls")),
    "docx-legacy-fields": ("docx", lambda d, v: docx_form(d, v, style="legacy_fields")),
    "docx-typed-table": ("docx", lambda d, v: docx_form(d, v, style="table")),
    "docx-paragraphs": ("docx", lambda d, v: docx_form(d, v, style="paragraphs")),
}
CASES = [(form, shape, 1) for form in FORMS for shape in SHAPES] + \
    [("stage1", shape, seed) for shape in SHAPES for seed in (2, 3)]


@pytest.mark.parametrize(("form_type", "shape", "seed"), CASES)
def test_every_field_comes_back(definitions: dict[str, FormDefinition], form_type: str,
                                shape: str, seed: int) -> None:
    suffix, make = SHAPES[shape]
    values = sample_values(form_type, seed=seed)
    document = extract_document(f"form.{suffix}", make(definitions[form_type], values),
                                definitions, limits=Limits(ocr=False), today=TODAY,
                                isolate=False)
    assert document.form_type == form_type
    signed = {"signed": True} if form_type == "rpa_agreement" else {}  # SPEC §2.9
    assert document.values() == {**values, **signed}
    assert document.problems == ()


def test_an_incomplete_form_names_what_is_missing(
        definitions: dict[str, FormDefinition]) -> None:
    values = sample_values("stage1", seed=2, omit=("fein",), attest=False)
    document = extract_document("s1.docx", docx_form(definitions["stage1"], values),
                                definitions, limits=Limits(ocr=False), today=TODAY,
                                isolate=False)
    codes = {(problem.code, problem.field) for problem in document.problems}
    assert ("missing_required", "fein") in codes
    assert ("attestation_missing", "attest") in codes


@pytest.mark.slow
def test_a_scan_goes_to_review_with_most_fields(definitions: dict[str, FormDefinition]) -> None:
    values = sample_values("stage1", seed=1)
    document = extract_document("scan.pdf", scanned_pdf(definitions["stage1"], values),
                                definitions, limits=UNHURRIED, today=TODAY, isolate=False)
    assert (document.form_type, document.method) == ("stage1", "ocr")
    found = document.values()
    right = sum(1 for key, value in values.items() if found.get(key) == value)
    assert right >= 0.6 * len(values)
    assert all(item.confidence < 1 for item in document.fields)
    assert any(problem.severity == "review" for problem in document.problems)
