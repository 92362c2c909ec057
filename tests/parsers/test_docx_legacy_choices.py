"""Regression: a multiple-choice field made of one legacy FORMCHECKBOX per choice, each
followed by the choice's label, in the value cell of a Word table. The choices were lost
(each box took the row's label, and the choice itself was never read)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def checkbox_runs(number: int, checked: bool) -> list[object]:
    return [parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"><w:ffData>'
                      f'<w:name w:val="Check{number}"/><w:checkBox><w:sizeAuto/>'
                      f'<w:default w:val="{int(checked)}"/></w:checkBox></w:ffData>'
                      f'</w:fldChar></w:r>'),
            parse_xml(f'<w:r {W}><w:instrText> FORMCHECKBOX </w:instrText></w:r>'),
            parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'),
            parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>')]


def test_one_legacy_checkbox_per_choice(definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Organization Legal Name"
    table.cell(0, 1).text = "Acme Health LLC"
    table.cell(1, 0).text = "POSC Transactions Requested"
    cell = table.cell(1, 1)
    choices = [("Member Eligibility Verification", True), ("Claim Status Inquiry", True),
               ("Claim Submission (DDE)", False)]
    for index, (label, checked) in enumerate(choices):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        for run in checkbox_runs(index + 1, checked):
            paragraph._p.append(run)
        paragraph.add_run(" " + label)
    buffer = io.BytesIO()
    document.save(buffer)
    result = extract_document("stage1.docx", buffer.getvalue(), definitions,
                              limits=Limits(ocr=False), today=date(2026, 11, 23), isolate=False)
    assert result.form_type == "stage1"
    assert result.value("transactions") == ["claim_status", "eligibility_inquiry"]
    assert result.value("org_legal_name") == "Acme Health LLC"
