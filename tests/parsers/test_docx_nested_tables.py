"""DOCX forms built of nested tables (set 9's nt1, nt2, bl2 shape): a section table whose
cell holds the label | value table, whose choice cells hold a table of mark | option
rows. A nested table is read as a table of its own (its labels were taken into the outer
cell's value), a nested list of marked choices is its cell's answer, and an empty cell
beside its label is a sure blank (a required one is told missing)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.table import _Cell

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.model import ExtractedDocument


def _rows(cell: _Cell, rows: list[tuple[str, ...]]) -> None:
    table = cell.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for at, text in enumerate(row):
            cells[at].text = text


def _form(definitions: dict[str, FormDefinition], fein: str) -> ExtractedDocument:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    section = document.add_table(rows=2, cols=1)
    section.rows[0].cells[0].text = "Organization"
    inner = section.rows[1].cells[0].add_table(rows=0, cols=2)
    for label, value in (("Organization Legal Name", "Fall River Community Dental Center"),
                         ("Doing Business As (DBA)", "FRCDC"), ("Organization Type", ""),
                         ("Federal Employer Identification Number (FEIN)", fein)):
        cells = inner.add_row().cells
        cells[0].text = label
        if value:
            cells[1].text = value
        if label == "Organization Type":
            _rows(cells[1], [("☒", "MassHealth Provider"), ("☐", "Business Partner"),
                             ("☐", "Relationship Entity")])
    buffer = io.BytesIO()
    document.save(buffer)
    return extract_document("nested.docx", buffer.getvalue(), definitions,
                            limits=Limits(), today=date(2026, 12, 2), isolate=False)


def test_nested_tables_are_read_cell_by_cell(definitions: dict[str, FormDefinition]) -> None:
    values = _form(definitions, "20-3308166").values()
    assert values["org_legal_name"] == "Fall River Community Dental Center"
    assert values["org_dba"] == "FRCDC"
    assert values["org_type"] == "provider"
    assert values["fein"] == "20-3308166"


def test_an_empty_cell_beside_its_label_is_a_sure_blank(
        definitions: dict[str, FormDefinition]) -> None:
    found = _form(definitions, "")
    assert [(item.code, item.severity) for item in found.problems if item.field == "fein"] \
        == [("missing_required", "error")]
