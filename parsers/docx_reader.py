"""DOCX reader: content controls, legacy form fields, label | value tables and "Label: value"
paragraphs, read with lxml over the package's XML (body, headers, footers). Macros in .docm
files are never touched; zip bombs are refused before anything is decompressed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from lxml import etree

from parsers.docx_boxes import control_box
from parsers.docx_char_cells import flatten_char_rows, join_char_cells
from parsers.docx_field_codes import drop_field_codes
from parsers.docx_fields import legacy_fields
from parsers.docx_paragraphs import paragraph_fields
from parsers.docx_xml import NS, W14, W, node_text, shown_characters, val
from parsers.glyphs import is_placeholder
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Method, Problem, RawDocument, RawField
from parsers.typed_fields import marked_items, table_fields, value_fields

_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


class DocxError(Exception):
    """The package cannot be read; the message is for the provider."""


def read_docx(data: bytes, limits: Limits, vocabulary: Vocabulary) -> RawDocument:
    """Every field the document holds; a problem instead of an exception for bad input."""
    try:
        parts = _xml_parts(data, limits)
    except DocxError as err:
        return RawDocument(method="none", text="", problems=(
            Problem("unreadable_file", str(err)),))
    fields: list[RawField] = []
    tables: list[Table] = []
    texts: list[str] = []
    for root in parts:
        flatten_char_rows(root, vocabulary.is_field_label)
        fields += _content_controls(root)
        fields += legacy_fields(root)
        found_fields, found_tables = _tables(root, vocabulary)
        fields += found_fields
        tables += found_tables
        texts.append(node_text(root))
    fields += paragraph_fields(parts, vocabulary)
    text = "\n".join(texts)[: limits.max_text_chars]
    return RawDocument(method=_method(fields), text=text, fields=tuple(fields[: limits.max_fields]),
                       tables=tuple(tables))


def _xml_parts(data: bytes, limits: Limits) -> list[etree._Element]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise DocxError("The Word file is damaged and cannot be opened; please resend it "
                        "as PDF or DOCX.") from err
    with archive:
        members = archive.infolist()
        _check_bomb(members, limits)
        names = sorted((item.filename for item in members if _PARTS.match(item.filename)),
                       key=lambda name: (not name.endswith("document.xml"), name))
        if "word/document.xml" not in names:
            raise DocxError("The file is not a Word document; please resend it as PDF or DOCX.")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        try:
            return [shown_characters(drop_field_codes(etree.fromstring(archive.read(name),
                                                                      parser)))
                    for name in names]
        except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile, RuntimeError) as err:
            raise DocxError("The Word file is damaged and cannot be read; please resend it "
                            "as PDF or DOCX.") from err


def _check_bomb(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = sum(item.file_size for item in members)
    packed = max(1, sum(item.compress_size for item in members))
    if any(item.flag_bits & 0x1 for item in members):
        raise DocxError("The Word file is encrypted; please resend it without a password.")
    if total > limits.max_decompressed_bytes or total / packed > limits.max_compression_ratio:
        raise DocxError("The Word file expands to more data than we accept; please resend "
                        "it as PDF.")


def _content_controls(root: etree._Element) -> Iterator[RawField]:
    for sdt in root.iter(f"{{{W}}}sdt"):
        props = sdt.find("w:sdtPr", NS)
        if props is None or props.find("w:docPartObj", NS) is not None:
            continue
        tag, alias = val(props, "w:tag"), val(props, "w:alias")
        if sdt.find(f".//{{{W}}}tc") is not None or \
                (not (tag or alias) and sdt.find(f".//{{{W}}}sdt") is not None):
            continue  # a wrapper around table rows (read as a table), or around controls
        value = _control_value(sdt, props)
        if value is None:
            continue
        box = isinstance(value, bool)
        # a box's choice is the text beside it ("☒ Claim Status Inquiry", "Cloud ☐")
        beside, question = control_box(sdt, _left_cell(sdt)) if box else ("", "")
        label = alias or (question if box else _label_before(sdt))
        # An untitled control is named by its label; an untitled box by its choice.
        name = tag or alias or beside or label
        if name:
            yield RawField(name=name, label=label, value=value, source="content_control",
                           export_value=_list_value(props, value), beside=beside)


def _control_value(sdt: etree._Element, props: etree._Element) -> str | bool | None:
    checkbox = props.find("w14:checkbox", NS)
    if checkbox is not None:
        state = checkbox.find("w14:checked", NS)
        return state is not None and state.get(f"{{{W14}}}val", "0") in {"1", "true", "on"}
    content = sdt.find("w:sdtContent", NS)
    if content is None or props.find("w:showingPlcHdr", NS) is not None:
        return ""
    shown = node_text(content)
    if is_placeholder(shown):  # "Click or tap here to enter text." without its flag
        return ""
    date = props.find("w:date", NS)
    if date is not None and date.get(f"{{{W}}}fullDate"):
        return str(date.get(f"{{{W}}}fullDate"))[:10]
    return shown


def _list_value(props: etree._Element, value: str | bool) -> str:
    """A dropdown's stored value for the item shown (``PR`` for "MassHealth Provider"): the
    shown text is what the provider chose; the stored value is a second reading of it."""
    if isinstance(value, bool):
        return ""
    for kind in ("w:dropDownList", "w:comboBox"):
        for item in props.findall(f"{kind}/w:listItem", NS):
            if item.get(f"{{{W}}}displayText", "").strip() == value.strip():
                return item.get(f"{{{W}}}value") or ""
    return ""


def _label_before(node: etree._Element) -> str:
    """The printed label: the text before the control in its paragraph, or the left cell."""
    paragraph = next(node.iterancestors(f"{{{W}}}p"), None)
    if paragraph is not None:
        before = "".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t")
                         if node not in t.iterancestors())
        if before.strip():
            return before.strip().rstrip(":")
    return _left_cell(node)


def _left_cell(node: etree._Element) -> str:
    """The text of the cell left of the node's cell (its row's label)."""
    cell = next(node.iterancestors(f"{{{W}}}tc"), None)
    if cell is not None and cell.getprevious() is not None:
        return node_text(cell.getprevious()).strip().rstrip(":")
    return ""


Table = tuple[tuple[str, ...], ...]


def _tables(root: etree._Element, vocabulary: Vocabulary) -> tuple[list[RawField], list[Table]]:
    """Typed form tables give fields (rows holding form fields are read as those); every
    table is also kept as rows (a Test Scenarios table)."""
    fields: list[RawField] = []
    tables = []
    for table in root.iter(f"{{{W}}}tbl"):
        # rows and cells may sit inside content controls (a repeating section, a row control)
        nodes = [row for row in table.iter(f"{{{W}}}tr") if _owner(row, "tbl") is table]
        rows = [tuple(_cell_text(cell).strip() for cell in row.iter(f"{{{W}}}tc")
                      if _owner(cell, "tr") is row) for row in nodes]
        typed = [join_char_cells(row, vocabulary.is_field_label)
                 for row, node in zip(rows, nodes, strict=True) if not _has_form_field(node)]
        label = _label_above(table, vocabulary) if len(typed) == 1 == len(typed[0]) else ""
        if label:  # an answer box: a one-cell table under its label
            fields += value_fields(label, typed[0][0], "table_cell", vocabulary)
        fields += table_fields(typed, vocabulary, "table_cell")
        tables.append(tuple(_merged_down(rows, nodes)))
    return fields, tables


def _merged_down(rows: list[tuple[str, ...]], nodes: list[etree._Element]
                 ) -> list[tuple[str, ...]]:
    """A cell merged down over the rows under it (``w:vMerge``, one Transaction over its
    scenarios) holds its text in every row it spans, as the reader of the page sees it."""
    merged: list[tuple[str, ...]] = []
    for row, node in zip(rows, nodes, strict=True):
        cells = [cell for cell in node.iter(f"{{{W}}}tc") if _owner(cell, "tr") is node]
        above = merged[-1] if merged else ()
        merged.append(tuple(above[at] if at < len(above) and _continues(cell) else text
                            for at, (cell, text) in enumerate(zip(cells, row, strict=True))))
    return merged


def _continues(cell: etree._Element) -> bool:
    merge = cell.find("w:tcPr/w:vMerge", NS)
    return merge is not None and merge.get(f"{{{W}}}val", "continue") == "continue"


def _label_above(table: etree._Element, vocabulary: Vocabulary) -> str:
    """The field label in the paragraph just before a table, if it is one."""
    before = table.getprevious()
    text = node_text(before).strip().rstrip(":") if before is not None and \
        before.tag == f"{{{W}}}p" else ""
    return text if text and vocabulary.is_field_label(text) else ""


def _owner(node: etree._Element, tag: str) -> etree._Element | None:
    """The nearest enclosing element of a kind (a row's table, a cell's row), whatever
    content controls lie between (a repeating section, a row control)."""
    return next(node.iterancestors(f"{{{W}}}{tag}"), None)


def _has_form_field(row: etree._Element) -> bool:
    """Rows holding a content control or a legacy field in a cell are read as such, not as
    text (a control around the whole row is only a wrapper)."""
    return row.find(".//w:tc//w:sdt", NS) is not None or \
        row.find(".//w:ffData", NS) is not None  # a merge field's result is text


def _method(fields: list[RawField]) -> Method:
    sources = {item.source for item in fields}
    order: tuple[tuple[str, Method], ...] = (
        ("content_control", "content_controls"), ("legacy_field", "legacy_fields"),
        ("table_cell", "tables"), ("paragraph", "paragraphs"))
    for source, method in order:
        if source in sources:
            return method
    return "none"


def _cell_text(cell: etree._Element) -> str:
    """A table cell's own text. A table nested in it is read as a table of its own, so its
    labels and values are not the cell's value too; but one that only lists marked
    choices ("☒ | MassHealth Provider" row by row) is the cell's answer, a line a row."""
    own = node_text(cell, [paragraph for paragraph in cell.iter(f"{{{W}}}p")
                       if _owner(paragraph, "tc") is cell])
    for nested in cell.iter(f"{{{W}}}tbl"):
        if _owner(nested, "tc") is cell:
            lines = [" ".join(_cell_text(item).strip() for item in row.iter(f"{{{W}}}tc")
                              if _owner(item, "tr") is row)
                     for row in nested.iter(f"{{{W}}}tr") if _owner(row, "tbl") is nested]
            if lines and all(marked_items(line) for line in lines):
                own = "\n".join([own.strip(), *lines]).strip()
    return own


