"""`rpa-intake forms blank` output sent back as it is: no values, and every form type
"incomplete" (every field confidently blank), never "needs_review" or a heading as a value."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from config.settings import FORMS_DIR
from formgen.blank import write_blank_forms
from parsers.extract import extract_document
from parsers.formdefs import FormDefinition, load_definitions
from parsers.limits import Limits
from parsers.rules import RegistryFacts, evaluate_submission

TODAY = date(2026, 11, 23)
KINDS = [(form_type, suffix) for form_type in sorted(load_definitions(FORMS_DIR))
         for suffix in ("pdf", "docx")]


@pytest.fixture(scope="module")
def blank_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("blank")
    write_blank_forms(load_definitions(FORMS_DIR), out)
    return out


@pytest.mark.parametrize(("form_type", "suffix"), KINDS)
def test_a_blank_form_gives_no_values_and_is_incomplete(
        blank_dir: Path, definitions: dict[str, FormDefinition], form_type: str,
        suffix: str) -> None:
    path = blank_dir / f"{form_type}.{suffix}"
    document = extract_document(path.name, path.read_bytes(), definitions,
                                limits=Limits(ocr=False), today=TODAY, isolate=False)
    assert document.form_type == form_type
    assert document.values() in ({}, {"signed": False})
    verdict = evaluate_submission([document], RegistryFacts(), received_on=TODAY, today=TODAY)
    assert verdict.status == "incomplete", [p for p in document.problems]
