"""DOCX tables with cells merged down (w:vMerge): the merged text stands in every row."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits


def test_a_transaction_merged_over_its_scenarios_counts_for_each(
        definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Test Scenarios")
    rows = [("Scenario ID", "Transaction", "Pass/Fail"), ("S-01", "Claim Submission (DDE)", "Pass"),
            ("S-02", "", "Pass"), ("S-03", "", "Fail"), ("S-04", "Claim Status Inquiry", "Pass")]
    table = document.add_table(rows=len(rows), cols=3)
    for number, row in enumerate(rows):
        for at, text in enumerate(row):
            table.cell(number, at).text = text
    table.cell(1, 1).merge(table.cell(3, 1))
    buffer = io.BytesIO()
    document.save(buffer)
    extracted = extract_document("ts.docx", buffer.getvalue(), definitions, limits=Limits(),
                                 today=date(2026, 12, 2), isolate=False)
    assert extracted.form_type == "test_scenarios"
    assert extracted.facts["passing"] == {"claim_status": 1, "claim_submission": 2}
