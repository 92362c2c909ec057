"""A printed Test Scenarios table whose Pass/Fail cell is merged over the scenarios of one
transaction with the same result (independent11 m01, e01: reportlab SPAN, as Word and
Excel print merged cells): PASSED counted for the first row only. A cell merged down
counts for every row it spans, as ``w:vMerge`` in a DOCX already did."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

HEADER = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result",
          "Pass/Fail"]


def _scenarios() -> bytes:
    rows = [HEADER]
    for number in range(1, 6):
        transaction = "Claim Status Inquiry" if number <= 3 else "Claim Adjustment/Void"
        rows.append([f"TC-0{number}", transaction, "Claim Search > Claim Detail",
                     "Status returned", "As expected", ""])
    rows[1][5], rows[4][5] = "PASSED", "FAILED"
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("SPAN", (5, 1), (5, 3)), ("SPAN", (5, 4), (5, 5)),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    out = io.BytesIO()
    title = Paragraph("Test Scenarios – Claim Status Bot", getSampleStyleSheet()["Title"])
    SimpleDocTemplate(out, pagesize=landscape(letter), invariant=1).build([title, table])
    return out.getvalue()


def test_a_merged_pass_cell_counts_for_every_row_it_spans(
        definitions: dict[str, FormDefinition]) -> None:
    document = extract_document("scenarios.pdf", _scenarios(), definitions, limits=Limits(),
                                today=date(2026, 12, 3), isolate=False)
    assert document.form_type == "test_scenarios"
    assert document.value("scenario_pass_counts") == {"claim_status": 3,
                                                      "claim_adjustment": 0}
