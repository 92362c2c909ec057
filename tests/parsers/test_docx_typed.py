"""DOCX forms typed by hand: a label on a line of its own with its value on the next, and
an address block with its labels in a row above the values."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits


def _values(document: Document, definitions: dict[str, FormDefinition]) -> dict[str, object]:
    buffer = io.BytesIO()
    document.save(buffer)
    extracted = extract_document("typed.docx", buffer.getvalue(), definitions, limits=Limits(),
                                 today=date(2026, 11, 23), isolate=False)
    assert extracted.form_type == "annual_validation"
    return extracted.values()


def test_labels_above_their_values(definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Annual Validation")
    for line in ("Organization Legal Name", "Acme Health LLC", "Stage II Approval Number:",
                 "RPA2-2025-00012", "Validation Year", "2026", "Section 2", "RPA User ID(s)",
                 "[X] Yes", "City"):
        document.add_paragraph(line)
    values = _values(document, definitions)
    assert values["org_legal_name"] == "Acme Health LLC"
    assert values["stage2_approval_number"] == "RPA2-2025-00012"
    assert values["validation_year"] == 2026
    assert "rpa_user_ids" not in values  # a mark is not a list of IDs
    assert "city" not in values


def test_an_address_block_with_labels_over_values(
        definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Annual Validation")
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(table.rows, (("Street Address", "City", "State", "ZIP Code"),
                                      ("1 Main St", "Boston", "MA", "02111"),
                                      ("Validation Year", "2026", "", "")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    values = _values(document, definitions)
    assert (values["street"], values["city"], values["state"], values["zip"]) == \
        ("1 Main St", "Boston", "MA", "02111")
    assert values["validation_year"] == 2026


def test_several_labels_on_one_line(definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Annual Validation")
    document.add_paragraph("City: Boston    State: MA    ZIP Code: 02111")
    document.add_paragraph("Validation Year: 2026")
    values = _values(document, definitions)
    assert (values["city"], values["state"], values["zip"], values["validation_year"]) == \
        ("Boston", "MA", "02111", 2026)
