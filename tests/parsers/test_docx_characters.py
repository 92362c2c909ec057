"""Characters Word keeps as elements of a run (independent11 n01–n03): a non-breaking
hyphen (``w:noBreakHyphen``) in a FEIN, a phone, an approval number or a date shows as "-"
and an optional hyphen (``w:softHyphen``) shows nothing inside a line. Read as nothing,
"83‑2394656" became "832394656" (invalid FEIN) and "11‑12‑2026" an invalid date, told to
the provider."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NBH = "<w:noBreakHyphen/>"


def _runs(text: str) -> str:
    """``text`` as runs, each "-" a non-breaking hyphen of its own and each "~" a soft one."""
    parts = []
    for piece in text.replace("-", f"\x00{NBH}\x00").replace("~", "\x00<w:softHyphen/>\x00") \
            .split("\x00"):
        inner = piece if piece.startswith("<w:") else \
            f'<w:t xml:space="preserve">{piece}</w:t>' if piece else ""
        parts.append(f"<w:r>{inner}</w:r>" if inner else "")
    return "".join(parts)


def _cell(cell: object, text: str) -> None:
    paragraph = parse_xml(f'<w:p xmlns:w="{URI}">{_runs(text)}</w:p>')
    cell._tc.remove(cell.paragraphs[0]._p)  # type: ignore[attr-defined]
    cell._tc.append(paragraph)  # type: ignore[attr-defined]


def _stage2g(definition: FormDefinition) -> bytes:
    document = Document()
    document.add_paragraph(definition.title)
    rows = [("Organization Legal Name", "Mount Wachusett Vis~iting Nurse Association"),
            ("Federal Employer Identification Number (FEIN)", "83-2394656"),
            ("Primary Contact Telephone", "978-555-0142"),
            ("Date Bot Became Operational on the POSC", "08-03-2020"),
            ("Date Signed", "11-12-2026")]
    table = document.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        _cell(row.cells[1], value)
    document.add_paragraph("RPA-S2G")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_non_breaking_hyphens_show_as_hyphens(definitions: dict[str, FormDefinition]) -> None:
    data = _stage2g(definitions["stage2_grandfathered"])
    document = extract_document("s2g.docx", data, definitions, limits=Limits(),
                                today=date(2026, 12, 3), isolate=False)
    values = document.values()
    assert values["fein"] == "83-2394656"
    assert values["contact_phone"] == "978-555-0142"
    assert values["operational_since"] == "2020-08-03"
    assert values["signature_date"] == "2026-11-12"
    assert values["org_legal_name"] == "Mount Wachusett Visiting Nurse Association"
    assert not [problem for problem in document.problems
                if problem.field in ("fein", "signature_date", "operational_since")]
