"""DOCX paragraphs outside tables (docx_reader): "Label: value" lines, a label alone on its
line with its value on the lines under it, marked choices under their question, and when
a label with nothing under it is surely a blank field."""

from __future__ import annotations

from lxml import etree

from parsers.docx_xml import MC, NS, W, holds_text_box, own_text
from parsers.glyphs import ends_with_separator, typed_items
from parsers.labels import Vocabulary, section_heading
from parsers.model import RawField
from parsers.typed_fields import marked_items, marked_line_fields, value_fields


def paragraph_fields(parts: list[etree._Element], vocabulary: Vocabulary) -> list[RawField]:
    """Fields typed as paragraphs (outside tables), part by part (body, headers, footers)."""
    fields = []
    for root in parts:
        reader = _Paragraphs(vocabulary)
        for paragraph in root.iter(f"{{{W}}}p"):
            if paragraph.find(f".//{{{W}}}ffData") is not None:
                fields += reader.stop()  # a legacy field's paragraph: that reader's own
            elif next(paragraph.iterancestors(f"{{{W}}}tc"), None) is None and \
                    not _fallback_copy(paragraph):
                line = own_text(paragraph).strip()
                if line or not holds_text_box(paragraph):
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


def _fallback_copy(paragraph: etree._Element) -> bool:
    """A paragraph of the older copy Word keeps of a DrawingML text box (mc:Fallback, a
    VML twin of the wps:txbx), read once already."""
    return any(ancestor.tag == f"{{{MC}}}Fallback" for ancestor in paragraph.iterancestors())


def _boxed(paragraph: etree._Element) -> bool:
    """Typed in a text box (VML v:textbox or DrawingML wps:txbx, both w:txbxContent) or
    in a frame (w:framePr): an answer box under its label paragraph."""
    return paragraph.find("w:pPr/w:framePr", NS) is not None or any(
        ancestor.tag == f"{{{W}}}txbxContent" for ancestor in paragraph.iterancestors())


def _styled_heading(paragraph: etree._Element) -> bool:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    name = (style.get(f"{{{W}}}val") or "") if style is not None else ""
    return name.lower().startswith(("heading", "title", "berschrift"))
