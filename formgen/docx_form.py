"""The agency's DOCX forms: content controls (the current version), legacy Word form fields
(older revisions), or the values typed by hand into a label | value table or as
"Label: value" paragraphs."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor
from docx.table import _Cell

from formgen.pdf_form import REVISION, _display
from parsers.formdefs import FieldDef, FormDefinition

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NSDECL = f'xmlns:w="{W}" xmlns:w14="{W14}"'
STYLES = ("content_controls", "legacy_fields", "table", "paragraphs")


def docx_form(definition: FormDefinition, values: Mapping[str, Any] | None = None, *,
              style: str = "content_controls") -> bytes:
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    values = values or {}
    document = Document()
    _heading(document, definition)
    counter = [0]
    if style == "paragraphs":
        for field in definition.fields:
            document.add_paragraph(f"{field.label}: {_typed(field, values.get(field.key))}")
    else:
        section = None
        table = None
        for field in definition.fields:
            if field.section != section or table is None:
                section = field.section
                title = document.add_paragraph()
                run = title.add_run(section.upper())
                run.bold = True
                run.font.color.rgb = RGBColor(0x10, 0x2E, 0x5E)
                table = document.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            row = table.add_row().cells
            row[0].text = field.label
            _value_cell(row[1], field, values.get(field.key), style, counter)
    _footer(document, definition)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _heading(document: Any, definition: FormDefinition) -> None:
    agency = document.add_paragraph("Commonwealth of Massachusetts | Executive Office of Health "
                                    "and Human Services | MassHealth")
    agency.runs[0].font.size = Pt(8)
    title = document.add_paragraph()
    run = title.add_run(definition.title)
    run.bold, run.font.size = True, Pt(15)
    if definition.instructions:
        document.add_paragraph(definition.instructions).runs[0].font.size = Pt(9)


def _footer(document: Any, definition: FormDefinition) -> None:
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"{definition.form_code or 'RPA'}  {REVISION}    {definition.title}"


def _value_cell(cell: _Cell, field: FieldDef, value: Any, style: str, counter: list[int]) -> None:
    paragraph = cell.paragraphs[0]
    if style == "table":
        paragraph.text = _typed(field, value)
        return
    if field.type in {"set", "choice"} and field.choices and style == "content_controls" \
            and field.type == "set":
        chosen = set(value or ())
        for index, choice in enumerate(field.choices):
            target = paragraph if index == 0 else cell.add_paragraph()
            target._p.append(_checkbox_sdt(f"{field.key}.{choice.key}", choice.label,
                                           choice.key in chosen))
            target.add_run(" " + choice.label)
        return
    if style == "content_controls":
        paragraph._p.append(_sdt(field, value))
    else:
        counter[0] += 1
        for run in _legacy_runs(field, value, counter[0]):
            paragraph._p.append(run)


def _typed(field: FieldDef, value: Any) -> str:
    """What a person types: check marks for choices, US dates, commas for lists."""
    if field.type in {"set", "choice"} and field.choices:
        chosen = set(value) if isinstance(value, list | tuple) else {value}
        return "  ".join(("☒ " if choice.key in chosen else "☐ ") + choice.label
                         for choice in field.choices)
    if field.type == "checkbox":
        return "☒ Yes" if value else "☐ Yes"
    return _display(field, value)


def _sdt(field: FieldDef, value: Any) -> Any:
    shown = _display(field, value) if value is not None else ""
    placeholder = "" if shown else "<w:showingPlcHdr/>"
    kind = ""
    if field.type == "date":
        full = f' w:fullDate="{value}T00:00:00Z"' if value else ""
        kind = f'<w:date{full}><w:dateFormat w:val="M/d/yyyy"/></w:date>'
    elif field.type == "checkbox":
        return _checkbox_sdt(field.key, field.label, bool(value))
    elif field.type in {"choice", "yesno"}:
        items = ([(c.label, c.key) for c in field.choices] if field.choices
                 else [("Yes", "yes"), ("No", "no")])
        if field.type == "choice" and value is not None:
            shown = next((label for label, key in items if key == value), shown)
        kind = "<w:dropDownList>" + "".join(
            f'<w:listItem w:displayText="{_xml(label)}" w:value="{_xml(key)}"/>'
            for label, key in items) + "</w:dropDownList>"
    else:
        kind = "<w:text/>"
    text = _xml(shown or "Click or tap here to enter text.")
    return parse_xml(
        f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{_xml(field.label)}"/>'
        f'<w:tag w:val="{field.key}"/>{placeholder}{kind}</w:sdtPr>'
        f'<w:sdtContent><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:sdtContent></w:sdt>')


def _checkbox_sdt(tag: str, alias: str, checked: bool) -> Any:
    mark = "☒" if checked else "☐"
    return parse_xml(
        f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="{_xml(alias)}"/><w:tag w:val="{tag}"/>'
        f'<w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        f'<w14:checkedState w14:val="2612"/><w14:uncheckedState w14:val="2610"/>'
        f'</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{mark}</w:t></w:r></w:sdtContent>'
        f'</w:sdt>')


def _legacy_runs(field: FieldDef, value: Any, number: int) -> list[Any]:
    """FORMTEXT / FORMCHECKBOX / FORMDROPDOWN as Word writes them: begin (with ffData),
    instruction, separate, result, end."""
    if field.type == "checkbox":
        data = (f'<w:name w:val="Check{number}"/><w:checkBox><w:sizeAuto/>'
                f'<w:default w:val="{int(bool(value))}"/></w:checkBox>')
        instruction, result = "FORMCHECKBOX", ""
    elif field.type in {"choice", "yesno"} and not (field.type == "choice" and not field.choices):
        entries = ["(select)", *([c.label for c in field.choices] if field.choices
                                 else ["Yes", "No"])]
        shown = _display(field, value)
        if field.type == "choice":
            shown = next((c.label for c in field.choices if c.key == value), "")
        index = entries.index(shown) if shown in entries else 0
        data = (f'<w:name w:val="Dropdown{number}"/><w:ddList><w:result w:val="{index}"/>'
                + "".join(f'<w:listEntry w:val="{_xml(e)}"/>' for e in entries) + "</w:ddList>")
        instruction, result = "FORMDROPDOWN", ""
    else:
        data = f'<w:name w:val="Text{number}"/><w:textInput/>'
        instruction, result = "FORMTEXT", _display(field, value) or "\u2002" * 5
    runs = [f'<w:r {NSDECL}><w:fldChar w:fldCharType="begin"><w:ffData>{data}</w:ffData>'
            f'</w:fldChar></w:r>',
            f'<w:r {NSDECL}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
            f'<w:r {NSDECL}><w:fldChar w:fldCharType="separate"/></w:r>']
    if result:
        runs.append(f'<w:r {NSDECL}><w:t xml:space="preserve">{_xml(result)}</w:t></w:r>')
    runs.append(f'<w:r {NSDECL}><w:fldChar w:fldCharType="end"/></w:r>')
    return [parse_xml(item) for item in runs]


def _xml(text: str) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
