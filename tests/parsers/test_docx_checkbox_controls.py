"""DOCX checkbox content controls (``w14:checkbox``) drawn with Wingdings symbols, tagged
``transactions0``.. in a label | control | hint table: each box's choice is the text beside
it. A ticked box whose choice cannot be read leaves the field unread (a coordinator's
review), never a sure blank told to the provider as missing."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.model import ExtractedDocument

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def _box(tag: str, checked: bool) -> str:
    char = "00FE" if checked else "00A8"
    return (f'<w:sdt {W}><w:sdtPr><w:tag w:val="{tag}"/><w14:checkbox>'
            f'<w14:checked w14:val="{int(checked)}"/>'
            '<w14:checkedState w14:val="00FE" w14:font="Wingdings"/>'
            '<w14:uncheckedState w14:val="00A8" w14:font="Wingdings"/></w14:checkbox>'
            '</w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="Wingdings" '
            f'w:hAnsi="Wingdings"/></w:rPr><w:sym w:font="Wingdings" w:char="{char}"/>'
            "</w:r></w:sdtContent></w:sdt>")


def _text(tag: str, value: str) -> str:
    return (f'<w:sdt {W}><w:sdtPr><w:tag w:val="{tag}"/><w:text/></w:sdtPr><w:sdtContent>'
            f"<w:r><w:t>{value}</w:t></w:r></w:sdtContent></w:sdt>")


def _choices(cell: object, tag: str, options: list[tuple[str, bool]]) -> None:
    """One paragraph of boxes, each followed by its choice and a line break."""
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    for number, (text, checked) in enumerate(options):
        paragraph._p.append(parse_xml(_box(f"{tag}{number}", checked)))
        paragraph.add_run(f" {text}" if text else "")
        paragraph.add_run().add_break()


def _extract(definitions: dict[str, FormDefinition],
             transactions: list[tuple[str, bool]]) -> ExtractedDocument:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "Organization Legal Name"
    table.cell(0, 1).paragraphs[0]._p.append(parse_xml(_text("orglegalname", "Acme Health LLC")))
    table.cell(0, 2).text = "as registered"
    table.cell(1, 0).text = "POSC Transactions Requested"
    _choices(table.cell(1, 1), "transactions", transactions)
    table.cell(1, 2).text = "tick all that apply"
    table.cell(2, 0).text = "Bot Hosting"
    _choices(table.cell(2, 1), "hosting", [("On-Premises", False), ("Cloud", True)])
    buffer = io.BytesIO()
    document.save(buffer)
    return extract_document("boxes.docx", buffer.getvalue(), definitions, limits=Limits(),
                            today=date(2026, 12, 2), isolate=False)


def test_each_box_is_the_choice_beside_it(definitions: dict[str, FormDefinition]) -> None:
    document = _extract(definitions, [("Member Eligibility Verification", True),
                                      ("Claim Status Inquiry", False),
                                      ("Prior Authorization Request", True)])
    values = document.values()
    assert values["transactions"] == ["eligibility_inquiry", "prior_authorization"]
    assert values["hosting"] == "cloud"
    assert values["org_legal_name"] == "Acme Health LLC"
    assert not [item for item in document.problems if item.field == "transactions"]


def test_a_ticked_box_without_a_readable_choice_is_not_a_blank(
        definitions: dict[str, FormDefinition]) -> None:
    document = _extract(definitions, [("", True), ("Claim Status Inquiry", False)])
    assert "transactions" not in document.values()
    about = [item for item in document.problems if item.field == "transactions"]
    assert about and all(item.severity == "review" for item in about)
    assert about[0].code == "unreadable"
