"""Shape classes of issue #11, each a general rule: legacy FORMCHECKBOX groups inline and
one per paragraph (choice sets and yes/no pairs), Word placeholders as blanks, labels with
"–", "=", a tab or a dot leader before the value, a required-field asterisk, check marks in
symbol fonts, and blank forms that give no values."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from test_docx_legacy_choices import checkbox_runs

from parsers.extract import extract_document, vocabulary_for
from parsers.formdefs import FormDefinition
from parsers.glyphs import canonical_mark, is_placeholder, mark_state, strip_separator
from parsers.limits import Limits

TODAY = date(2026, 11, 23)


def _extract(document: object, definitions: dict[str, FormDefinition], name: str = "f.docx"):
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return extract_document(name, buffer.getvalue(), definitions, limits=Limits(ocr=False),
                            today=TODAY, isolate=False)


def _boxes(paragraph: object, choices: list[tuple[str, bool]], start: int) -> None:
    for index, (label, checked) in enumerate(choices):
        for run in checkbox_runs(start + index, checked):
            paragraph._p.append(run)  # type: ignore[attr-defined]
        paragraph.add_run(f" {label}   ")  # type: ignore[attr-defined]


def test_legacy_boxes_inline_after_the_question(definitions) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage II Registration Form")
    document.add_paragraph("Organization Legal Name: Acme Health LLC")
    _boxes(document.add_paragraph("Organization Type: "),
           [("MassHealth Provider", False), ("Business Partner", True),
            ("Relationship Entity", False)], 1)
    _boxes(document.add_paragraph("Testing completed in the MassHealth Trading Partner "
                                  "Testing Environment: "), [("Yes", True), ("No", False)], 4)
    result = _extract(document, definitions)
    assert (result.value("org_type"), result.value("testing_completed")) == (
        "business_partner", True)


def test_legacy_boxes_one_per_paragraph_under_the_question(definitions) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage II Registration Form")
    document.add_paragraph("Supporting Documentation Enclosed")
    for number, (label, checked) in enumerate([("RPA Agreement", True),
                                               ("Systems Design Documentation", False),
                                               ("Test Scenarios", True)]):
        _boxes(document.add_paragraph(), [(label, checked)], 10 + number)
    document.add_paragraph("Testing completed in the MassHealth Trading Partner Testing "
                           "Environment")
    _boxes(document.add_paragraph(), [("Yes", False)], 20)
    _boxes(document.add_paragraph(), [("No", True)], 21)
    result = _extract(document, definitions)
    assert result.value("docs_enclosed") == ["rpa_agreement", "test_scenarios"]
    assert result.value("testing_completed") is False


@pytest.mark.parametrize("separator", [" – ", " = ", "\t", " ........ ", " - ", ": "])
def test_typed_paragraph_separators(definitions, separator: str) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    document.add_paragraph(f"Organization Legal Name{separator}Acme Health LLC")
    document.add_paragraph(f"RPA Tool Vendor{separator}UiPath, Inc.")
    result = _extract(document, definitions)
    assert (result.value("org_legal_name"), result.value("rpa_tool_vendor")) == (
        "Acme Health LLC", "UiPath, Inc.")


@pytest.mark.parametrize("placeholder", ["Click or tap here to enter text.", "Choose an item.",
                                         "Click or tap to enter a date."])
def test_a_word_placeholder_in_a_table_is_an_empty_cell(definitions, placeholder) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Organization Legal Name", "Acme Health LLC"
    table.cell(1, 0).text, table.cell(1, 1).text = "RPA Tool Vendor", placeholder
    result = _extract(document, definitions)
    assert result.value("rpa_tool_vendor") is None
    assert ("missing_required", "rpa_tool_vendor", "error") in {
        (p.code, p.field, p.severity) for p in result.problems}  # an empty cell: sure


@pytest.mark.parametrize(("glyph", "font", "state"), [
    ("\uf0fe", "", True), ("\uf0a8", "", False), ("\uf078", "", True),
    ("þ", "Wingdings", True), ("¨", "Wingdings-Regular", False), ("4", "ZapfDingbats", True),
    ("o", "ZapfDingbats", False), ("✔", "", True), ("☐", "", False), ("o", "Helvetica", None),
    ("þ", "Helvetica", None)])
def test_check_marks_in_any_font(glyph: str, font: str, state: bool | None) -> None:
    assert mark_state(canonical_mark(glyph, font)) is state


@pytest.mark.parametrize(("text", "value"), [
    ("* Acme", "Acme"), ("*", ""), ("– Acme", "Acme"), ("= 12", "12"), (".... Acme", "Acme"),
    (": Acme", "Acme"), ("Acme", "Acme"), ("- Acme - Health", "Acme - Health")])
def test_separators(text: str, value: str) -> None:
    assert strip_separator(text) == value


def test_placeholders() -> None:
    assert is_placeholder("Click or tap here to enter text.") and is_placeholder("____")
    assert not is_placeholder("Acme")
    assert is_placeholder("No answer")  # a response printout's unanswered question


def test_a_heading_is_never_a_value(definitions) -> None:
    vocabulary = vocabulary_for(definitions)
    assert vocabulary.is_heading("BOT DETAILS") and vocabulary.is_heading("Section 2")
    assert not vocabulary.is_heading("Organization Legal Name")
    assert vocabulary.is_label_start("The RPA information on file with MassHealth")
