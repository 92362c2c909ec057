"""Mail-merged DOCX: every value is the cached result of a { MERGEFIELD ... } complex field
and every choice mark a nested { IF { MERGEFIELD ... } = "Y" "☒" "☐" }. The rows holding
them were skipped as "form field" rows and no value came back; the nested field's own
result ("Y") also read as text before the mark. A field's shown text is its result."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml
from lxml import etree

from parsers.docx_field_codes import drop_field_codes
from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{URI}"'


def _run(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def _char(kind: str) -> str:
    return _run(f'<w:fldChar w:fldCharType="{kind}"/>')


def merge_field(name: str, result: str) -> str:
    return (_char("begin") + _run(f'<w:instrText xml:space="preserve"> MERGEFIELD {name} '
                                  r'\* MERGEFORMAT </w:instrText>') + _char("separate") +
            _run(f'<w:t xml:space="preserve">{result}</w:t>') + _char("end"))


def if_mark(name: str, ticked: bool) -> str:
    """{ IF { MERGEFIELD name } = "Y" "☒" "☐" } with its cached results."""
    return (_char("begin") + _run('<w:instrText xml:space="preserve"> IF </w:instrText>') +
            merge_field(name, "Y" if ticked else "N") +
            _run('<w:instrText xml:space="preserve"> = "Y" "☒" "☐" </w:instrText>') +
            _char("separate") + _run(f"<w:t>{'☒' if ticked else '☐'}</w:t>") + _char("end"))


def _fill(cell: object, runs: str) -> None:
    paragraph = parse_xml(f"<w:p {W}>{runs}</w:p>")
    cell._tc.remove(cell.paragraphs[0]._p)  # type: ignore[attr-defined]
    cell._tc.append(paragraph)  # type: ignore[attr-defined]


def _merged_form() -> bytes:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    table = document.add_table(rows=4, cols=2)
    table.cell(0, 0).text = "Organization Legal Name"
    _fill(table.cell(0, 1), merge_field("OrgLegalName", "Acme Health LLC"))
    table.cell(1, 0).text = "City"
    _fill(table.cell(1, 1), '<w:fldSimple w:instr=" MERGEFIELD City "><w:r><w:t>Salem'
                            '</w:t></w:r></w:fldSimple>')
    table.cell(2, 0).text = "POSC Transactions Requested"
    _fill(table.cell(2, 1), if_mark("Tx_Elig", True) +
          _run('<w:t xml:space="preserve"> Member Eligibility Verification   </w:t>') +
          if_mark("Tx_Claim", False) + _run('<w:t xml:space="preserve"> Claim Status '
                                            'Inquiry</w:t>'))
    table.cell(3, 0).text = "Number of Bots Requested"
    _fill(table.cell(3, 1), merge_field("BotCount", "2"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_merge_field_results_are_the_values(definitions: dict[str, FormDefinition]) -> None:
    result = extract_document("stage1.docx", _merged_form(), definitions,
                              limits=Limits(ocr=False), today=date(2026, 11, 23), isolate=False)
    assert result.form_type == "stage1"
    assert result.value("org_legal_name") == "Acme Health LLC"
    assert result.value("city") == "Salem"
    assert result.value("bot_count") == 2
    assert result.value("transactions") == ["eligibility_inquiry"]


def test_nested_field_in_an_instruction_is_code() -> None:
    root = etree.fromstring(f"<w:p {W}>{if_mark('X', True)}<w:r><w:t> Yes</w:t></w:r></w:p>")
    assert "".join(root.itertext(f"{{{URI}}}t")) == "Y☒ Yes"
    drop_field_codes(root)
    assert "".join(root.itertext(f"{{{URI}}}t")) == "☒ Yes"
    assert len(root.findall(f".//{{{URI}}}fldChar")) == 3  # the IF field itself stays
