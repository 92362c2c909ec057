"""Comb boxes in Word: a value typed one character per table cell after its label, the
characters as plain text, as legacy FORMTEXT fields (maxLength 1, empty ones showing the
en-space default) or as one content control per cell. Each cell was read as a value of its
own (the PID/SL "1", labelled by the character before it), so the forms told invalid_*."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml

from parsers.docx_char_cells import join_char_cells
from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
EMPTY = "\u2002" * 5


def legacy(char: str, number: int) -> str:
    return (f'<w:r {W}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text{number}"/>'
            '<w:textInput><w:maxLength w:val="1"/></w:textInput></w:ffData></w:fldChar></w:r>'
            f'<w:r {W}><w:instrText> FORMTEXT </w:instrText></w:r>'
            f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r {W}><w:t xml:space="preserve">{char or EMPTY}</w:t></w:r>'
            f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>')


def control(char: str, number: int) -> str:
    return (f'<w:sdt {W}><w:sdtPr><w:alias w:val="Zip_{number}"/><w:tag w:val="Zip_{number}"/>'
            f'<w:text/></w:sdtPr><w:sdtContent><w:r><w:t>{char}</w:t></w:r></w:sdtContent>'
            '</w:sdt>')


def _form(holder: str) -> bytes:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    rows = [("Organization Legal Name", None), ("MassHealth Provider ID/Service Location "
            "(PID/SL)", "110045498A"), ("ZIP Code", "02360-"), ("Number of Bots Requested",
            " 2"), ("Federal Employer Identification Number (FEIN)", "69-9501557")]
    table = document.add_table(rows=len(rows), cols=14)
    for number, (label, chars) in enumerate(rows):
        cells = table.rows[number].cells
        cells[0].text = label
        if chars is None:
            merged = cells[1].merge(cells[13])
            merged.text = "Acme Health LLC"
            continue
        for at in range(13):
            char = chars[at] if at < len(chars) else ""
            char = "" if char == " " else char
            paragraph = cells[at + 1].paragraphs[0]
            if holder == "text" or (char in "-/" and char):
                paragraph.add_run(char)
            elif holder == "legacy":
                for run in parse_xml(f"<w:p {W}>{legacy(char, number * 20 + at)}</w:p>"):
                    paragraph._p.append(run)
            elif char:
                paragraph._p.append(parse_xml(control(char, at)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _check(holder: str, definitions: dict[str, FormDefinition]) -> None:
    result = extract_document("stage1.docx", _form(holder), definitions,
                              limits=Limits(ocr=False), today=date(2026, 11, 23), isolate=False)
    assert result.form_type == "stage1"
    assert result.value("org_legal_name") == "Acme Health LLC"
    assert result.value("provider_id") == "110045498A"
    assert result.value("zip") == "02360"
    assert result.value("bot_count") == 2
    assert result.value("fein") == "69-9501557"
    assert not [item.code for item in result.problems if item.code.startswith("invalid")]


def test_characters_typed_in_cells(definitions: dict[str, FormDefinition]) -> None:
    _check("text", definitions)


def test_characters_in_legacy_fields(definitions: dict[str, FormDefinition]) -> None:
    _check("legacy", definitions)


def test_characters_in_content_controls(definitions: dict[str, FormDefinition]) -> None:
    _check("control", definitions)


def test_not_a_comb() -> None:
    def is_label(text: str) -> bool:
        return text in {"Bot Hosting", "ZIP Code"}
    grid = ("Bot Hosting", "", "X", "")  # a choice grid's mark column stays a mark
    assert join_char_cells(grid, is_label) == grid
    digits = ("Claim Status Inquiry", "5", "4", "1")  # a scenario summary row
    assert join_char_cells(digits, is_label) == digits
    assert join_char_cells(("ZIP Code", "0", "1", "8", "4", "4", "-", "", ""), is_label) == \
        ("ZIP Code", "01844")


def test_a_checkbox_cell_is_no_character() -> None:
    """A row "I attest ... | [checkbox control] | (note)" keeps its control (it was unwrapped
    as if it held a character, and the box was lost)."""
    from lxml import etree

    from parsers.docx_char_cells import flatten_char_rows
    w14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    row = etree.fromstring(
        f'<w:tr {W} {w14}><w:tc><w:p><w:r><w:t>I attest</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:sdt><w:sdtPr><w:tag w:val="attest"/><w14:checkbox/></w:sdtPr>'
        '<w:sdtContent><w:r><w:sym w:font="Wingdings" w:char="00FE"/></w:r></w:sdtContent>'
        '</w:sdt></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>')
    flatten_char_rows(row, lambda text: text == "I attest")
    assert row.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdt") \
        is not None
