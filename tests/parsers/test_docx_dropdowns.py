"""DOCX dropDownList content controls: the item shown is the answer; its stored value (an
opaque code such as ``RE``) is only a second reading of it."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _dropdown(tag: str, shown: str, items: dict[str, str]) -> str:
    entries = "".join(f'<w:listItem w:displayText="{text}" w:value="{value}"/>'
                      for text, value in items.items())
    return (f'<w:sdt {W}><w:sdtPr><w:tag w:val="{tag}"/><w:dropDownList>{entries}'
            f'</w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:t>{shown}</w:t></w:r>'
            "</w:sdtContent></w:sdt>")


def test_a_dropdown_with_coded_values_gives_the_choice_shown(
        definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    paragraph = document.add_paragraph("Organization Type: ")
    paragraph._p.append(parse_xml(_dropdown("org_type", "Relationship Entity", {
        "MassHealth Provider": "PR", "Business Partner": "BP", "Relationship Entity": "RE"})))
    buffer = io.BytesIO()
    document.save(buffer)
    extracted = extract_document("cc.docx", buffer.getvalue(), definitions, limits=Limits(),
                                 today=date(2026, 12, 2), isolate=False)
    assert extracted.values()["org_type"] == "relationship_entity"
    assert not [item for item in extracted.problems if item.field == "org_type" and
                item.code.startswith("invalid")]
