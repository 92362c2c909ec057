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
from parsers.glyphs import ends_with_separator, is_placeholder, typed_items
from parsers.labels import Vocabulary, section_heading
from parsers.limits import Limits
from parsers.model import Method, Problem, RawDocument, RawField
from parsers.typed_fields import marked_items, marked_line_fields, table_fields, value_fields

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = {"w": W, "w14": W14}
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
        texts.append(_text(root))
    fields += _paragraph_fields(parts, vocabulary)
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
            return [drop_field_codes(etree.fromstring(archive.read(name), parser))
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
        tag, alias = _val(props, "w:tag"), _val(props, "w:alias")
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
    shown = _text(content)
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
        return _text(cell.getprevious()).strip().rstrip(":")
    return ""


Table = tuple[tuple[str, ...], ...]
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


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
    text = _text(before).strip().rstrip(":") if before is not None and \
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


def _paragraph_fields(parts: list[etree._Element], vocabulary: Vocabulary) -> list[RawField]:
    """Fields typed as paragraphs (outside tables), part by part (body, headers, footers)."""
    fields = []
    for root in parts:
        reader = _Paragraphs(vocabulary)
        for paragraph in root.iter(f"{{{W}}}p"):
            if paragraph.find(f".//{{{W}}}ffData") is not None:
                fields += reader.stop()  # a legacy field's paragraph: that reader's own
            elif next(paragraph.iterancestors(f"{{{W}}}tc"), None) is None and \
                    not _fallback_copy(paragraph):
                line = _own_text(paragraph).strip()
                if line or not _holds_text_box(paragraph):
                    heading, boxed = _styled_heading(paragraph), _boxed(paragraph)
                    for item in typed_items(line):
                        fields += reader.read(f"§ {item}" if heading else item, boxed=boxed)
        fields += reader.flush()
    return fields


class _Paragraphs:
    """"Label: value" lines (several on one line too); a label alone on its line takes the
    lines under it as its value (up to a blank line, a heading or the next label), or the
    marked choices under it ("POSC Transactions:" then "[X] Claim Status Inquiry")."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.label, self.waiting, self.lines = "", False, []  # type: tuple[str, bool, list[str]]

    def read(self, line: str, *, boxed: bool = False) -> list[RawField]:
        """One paragraph; ``boxed`` when it is typed in a text box or frame (an answer box:
        a short word in capitals there is a value, "MA", never a heading)."""
        if self.waiting and self._value_line(line, boxed):
            self.lines.append(line)
            return []
        if not line and self.waiting and not self.lines:
            return []  # a blank line between a label and its value
        fields = self._left_empty(line, boxed) + self.flush()
        pairs = self.vocabulary.split_pairs(line) if ":" in line else []
        if len(pairs) > 1:  # "City: Boston   State: MA   ZIP Code: 02111"
            self.label = pairs[-1][0]
            return fields + [item for pair in pairs
                             for item in value_fields(*pair, "paragraph", self.vocabulary)]
        split = None if marked_items(line) else _paragraph_label(line, self.vocabulary)
        if split is not None:
            self.label, self.waiting = split[0], not split[1]
            return fields + (value_fields(split[0], split[1], "paragraph", self.vocabulary)
                           if split[1] else [])
        if marked_items(line):
            return fields + marked_line_fields(line, self.label, self.vocabulary, "paragraph")
        if line and not _option(line, self.vocabulary):  # an unmarked option keeps its label
            self.label = ""  # prose or a heading: the marks that follow answer nothing
        return fields

    def _left_empty(self, line: str, boxed: bool) -> list[RawField]:
        """A label alone on its line, the next line a label or a heading: surely empty."""
        if not (self.waiting and not self.lines and self.label) or not (
                _heading(line, boxed) or _paragraph_label(line, self.vocabulary) is not None):
            return []
        return [RawField(name=self.label, label=self.label, value="", source="paragraph",
                         understood=True)]

    def stop(self) -> list[RawField]:
        """A paragraph read by another reader: what was collected ends, no label goes on."""
        fields = self.flush()
        self.label = ""
        return fields

    def flush(self) -> list[RawField]:
        """The value lines collected under a lone label."""
        taken = self.waiting and self.lines and \
            not self.vocabulary.prose_value(self.label, self.lines[0])
        fields = value_fields(self.label, "\n".join(self.lines), "paragraph", self.vocabulary) \
            if taken else []
        if self.lines:
            self.label = ""
        self.waiting, self.lines = False, []
        return fields

    def _value_line(self, line: str, boxed: bool) -> bool:
        return bool(line) and len(self.lines) < 20 and not _heading(line, boxed) and \
            not marked_items(line) and _paragraph_label(line, self.vocabulary) is None and \
            len(self.vocabulary.split_pairs(line) if ":" in line else []) < 2


def _paragraph_label(line: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """(label, value) of "Label: value", or (label, "") of a line that is only a label."""
    if vocabulary.is_field_label(line):  # a label alone, unless a heading ("ATTESTATION")
        return (line.rstrip(" :"), "") if line.endswith(":") or not _heading(line) else None
    split = vocabulary.split_label(line)
    if split is None or not vocabulary.is_field_label(split[0]):
        return None
    between = line[len(split[0]): len(line) - len(split[1])]
    explicit = ":" in line or ends_with_separator(split[0]) or "\t" in between
    return split if explicit else None  # "Label: value", "Label – value", "Label⇥value"


def _option(line: str, vocabulary: Vocabulary) -> bool:
    return vocabulary.is_choice_label(line)


def _heading(line: str, boxed: bool = False) -> bool:
    """A section heading: styled as one (marked "§" by the caller), "Section 2"/"Part B
    ...", or outside answer boxes a few words in capitals ("BOT DETAILS")."""
    return line.startswith("§ ") or section_heading(line) or (
        not boxed and line.isupper() and not any(char.isdigit() for char in line) and
        len(line.split()) <= 6)


def _holds_text_box(paragraph: etree._Element) -> bool:
    """The paragraph a text box is anchored in: its own text is read, then the box's
    paragraphs one by one, in document order."""
    return paragraph.find(f".//{{{W}}}p") is not None


def _fallback_copy(paragraph: etree._Element) -> bool:
    """A paragraph of the older copy Word keeps of a DrawingML text box (mc:Fallback, a
    VML twin of the wps:txbx), read once already."""
    return any(ancestor.tag == f"{{{MC}}}Fallback" for ancestor in paragraph.iterancestors())


def _boxed(paragraph: etree._Element) -> bool:
    """Typed in a text box (VML v:textbox or DrawingML wps:txbx, both w:txbxContent) or
    in a frame (w:framePr): an answer box under its label paragraph."""
    return paragraph.find("w:pPr/w:framePr", NS) is not None or any(
        ancestor.tag == f"{{{W}}}txbxContent" for ancestor in paragraph.iterancestors())


def _own_text(paragraph: etree._Element) -> str:
    """A paragraph's text without the text boxes anchored in it (read on their own)."""
    if not _holds_text_box(paragraph):
        return _text(paragraph)
    own = [item for item in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br")
           if next(item.iterancestors(f"{{{W}}}p"), None) is paragraph]
    return "".join(item.text or "" if item.tag == f"{{{W}}}t" else
                   "\n" if item.tag == f"{{{W}}}br" else "\t" for item in own)


def _styled_heading(paragraph: etree._Element) -> bool:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    name = (style.get(f"{{{W}}}val") or "") if style is not None else ""
    return name.lower().startswith(("heading", "title", "berschrift"))


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
    own = _text(cell, [paragraph for paragraph in cell.iter(f"{{{W}}}p")
                       if _owner(paragraph, "tc") is cell])
    for nested in cell.iter(f"{{{W}}}tbl"):
        if _owner(nested, "tc") is cell:
            lines = [" ".join(_cell_text(item).strip() for item in row.iter(f"{{{W}}}tc")
                              if _owner(item, "tr") is row)
                     for row in nested.iter(f"{{{W}}}tr") if _owner(row, "tbl") is nested]
            if lines and all(marked_items(line) for line in lines):
                own = "\n".join([own.strip(), *lines]).strip()
    return own


def _text(node: etree._Element, paragraphs: list[etree._Element] | None = None) -> str:
    """Paragraph texts joined by newlines, a line break as a newline, a tab as a tab."""
    if paragraphs is None:
        paragraphs = list(node.iter(f"{{{W}}}p")) or [node]  # inline controls: only runs
    lines = []
    for paragraph in paragraphs:
        parts = []
        for item in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"):
            parts.append(item.text or "" if item.tag == f"{{{W}}}t" else
                         "\n" if item.tag == f"{{{W}}}br" else "\t")
        lines.append("".join(parts))
    return "\n".join(lines)


def _val(node: etree._Element, path: str) -> str:
    found = node.find(path, NS)
    return (found.get(f"{{{W}}}val") or "").strip() if found is not None else ""
