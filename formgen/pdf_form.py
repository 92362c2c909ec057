"""The agency's PDF forms, drawn with reportlab: fillable (AcroForm widgets) or flattened
(values printed where the widgets would be, check marks drawn as an X in a box).

Both modes share one page layout: agency header, title, instructions, section bars, printed
labels beside (or above) each field, and the form code and page number in the footer.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FieldDef, FormDefinition

NAVY = Color(0.06, 0.18, 0.37)
FIELD_FILL = Color(0.93, 0.95, 1.0)
LEFT, RIGHT, TOP, BOTTOM = 54, 558, 740, 72
VALUE_X = 262
REVISION = "Rev. 07/2022"


def fillable_pdf(definition: FormDefinition, values: Mapping[str, Any] | None = None, *,
                 names: str = "canonical", layout: str = "beside", compress: bool = True) -> bytes:
    """A fillable AcroForm PDF; filled when ``values`` (canonical) are given. Uncompressed
    (``compress=False``) for formgen.prefill_template, which fills a copy by substitution."""
    return _FormPage(definition, values or {}, fillable=True, names=names, layout=layout,
                     compress=compress).draw()


def flattened_pdf(definition: FormDefinition, values: Mapping[str, Any], *,
                  layout: str = "beside") -> bytes:
    """The same form printed to PDF: no fields left, values only as page text."""
    return _FormPage(definition, values, fillable=False, names="canonical", layout=layout).draw()


class _FormPage:
    def __init__(self, definition: FormDefinition, values: Mapping[str, Any], *, fillable: bool,
                 names: str, layout: str, compress: bool = True) -> None:
        self.definition, self.values = definition, values
        self.fillable, self.opaque, self.above = fillable, names == "opaque", layout == "above"
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=LETTER, pageCompression=1 if compress else 0)
        self.canvas.setTitle(definition.title)
        self.canvas.setAuthor("MassHealth")
        self.page, self.y, self.counter = 1, TOP, 0

    def draw(self) -> bytes:
        self._header(first=True)
        section = None
        for field in self.definition.fields:
            if field.section != section:
                section = field.section
                self._section(section)
            self._field(field)
        self._signature_line()
        self._footer()
        self.canvas.save()
        return self.buffer.getvalue()

    # page furniture -----------------------------------------------------------------
    def _header(self, *, first: bool) -> None:
        c = self.canvas
        c.setFillColor(NAVY)
        c.setFont("Helvetica", 8)
        c.drawString(LEFT, 760, "Commonwealth of Massachusetts  |  Executive Office of Health "
                                "and Human Services")
        c.setFont("Helvetica-Bold", 11)
        c.drawRightString(RIGHT, 760, "MassHealth")
        c.setStrokeColor(NAVY)
        c.setLineWidth(1.5)
        c.line(LEFT, 752, RIGHT, 752)
        c.setFillColor(black)
        self.y = 732
        if first:
            self._title()

    def _title(self) -> None:
        c = self.canvas
        c.setFont("Helvetica-Bold", 14)
        for line in _wrap(self.definition.title, 62):
            c.drawString(LEFT, self.y, line)
            self.y -= 18
        c.setFont("Helvetica", 8.5)
        for line in _wrap(self.definition.instructions, 118):
            c.drawString(LEFT, self.y, line)
            self.y -= 11
        self.y -= 6

    def _footer(self) -> None:
        c = self.canvas
        c.setFont("Helvetica", 8)
        c.setFillColor(black)
        code = self.definition.form_code or "RPA"
        c.drawString(LEFT, 40, f"{code}  {REVISION}")
        c.drawCentredString(306, 40, self.definition.title[:70])
        c.drawRightString(RIGHT, 40, f"Page {self.page}")

    def _room(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self._footer()
            self.canvas.showPage()
            self.page += 1
            self._header(first=False)

    def _section(self, title: str) -> None:
        self._room(40)
        c = self.canvas
        self.y -= 6
        c.setFillColor(NAVY)
        c.rect(LEFT, self.y - 4, RIGHT - LEFT, 16, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(LEFT + 6, self.y + 1, title.upper())
        c.setFillColor(black)
        self.y -= 24

    # fields -----------------------------------------------------------------------------
    def _field(self, field: FieldDef) -> None:
        if field.type in {"set", "choice"} and field.choices:
            self._choices(field)
        elif field.type == "checkbox":
            self._room(30)
            self._box(self._name(field.key), LEFT, self.y - 2, bool(self.values.get(field.key)))
            self._label(field.label, LEFT + 16, self.y, bold=True)
            self.y -= 24
        else:
            self._text_field(field)

    def _text_field(self, field: FieldDef) -> None:
        self._room(36 if self.above else 24)
        label_y = self.y
        if self.above:
            self._label(field.label, LEFT, label_y)
            self.y -= 13
            x, width = LEFT, RIGHT - LEFT
        else:
            self._label(field.label, LEFT, label_y)
            x, width = VALUE_X, RIGHT - VALUE_X
        text = _display(field, self.values.get(field.key))
        if self.fillable:
            self.canvas.acroForm.textfield(
                name=self._name(field.key), tooltip=field.label, x=x, y=self.y - 4,
                width=width, height=15, value=text, fontSize=9, borderWidth=0.5,
                borderColor=NAVY, fillColor=FIELD_FILL, textColor=black, forceBorder=True)
        else:
            self.canvas.setStrokeColor(NAVY)
            self.canvas.setLineWidth(0.5)
            self.canvas.line(x, self.y - 5, x + width, self.y - 5)
            self.canvas.setFont("Helvetica", 9.5)
            self.canvas.drawString(x + 3, self.y - 2, text)  # a few points off the baseline
        self.y -= 22

    def _choices(self, field: FieldDef) -> None:
        self._room(30)
        self._label(field.label, LEFT, self.y, bold=True)
        self.y -= 16
        selected = self.values.get(field.key)
        chosen = set(selected) if isinstance(selected, list | tuple) else {selected}
        columns = 2
        for index, choice in enumerate(field.choices):
            if index % columns == 0:
                self._room(18)
            x = LEFT + 12 + (index % columns) * 250
            name = self._name(f"{field.key}.{choice.key}") if field.type == "set" else None
            if field.type == "set":
                self._box(name or "", x, self.y - 2, choice.key in chosen)
            else:
                self._radio(field.key, choice.key, x, self.y - 2, choice.key in chosen)
            self._label(choice.label, x + 16, self.y)
            if index % columns == columns - 1 or index == len(field.choices) - 1:
                self.y -= 17
        self.y -= 6

    def _box(self, name: str, x: float, y: float, checked: bool) -> None:
        if self.fillable:
            self.canvas.acroForm.checkbox(name=name, x=x, y=y, size=10, checked=checked,
                                          buttonStyle="check", borderColor=NAVY,
                                          fillColor=white, borderWidth=0.8, forceBorder=True)
            return
        self.canvas.setStrokeColor(black)
        self.canvas.setLineWidth(0.8)
        self.canvas.rect(x, y, 10, 10, stroke=1, fill=0)
        if checked:
            self.canvas.line(x + 2, y + 2, x + 8, y + 8)
            self.canvas.line(x + 2, y + 8, x + 8, y + 2)

    def _radio(self, group: str, value: str, x: float, y: float, selected: bool) -> None:
        if not self.fillable:
            self._box("", x, y, selected)
            return
        name = self._name(group, remember=group)
        self.counter += 1
        export = f"Choice{self.counter}" if self.opaque else value
        self.canvas.acroForm.radio(name=name, value=export, selected=selected, x=x, y=y,
                                   size=10, buttonStyle="circle", borderColor=NAVY,
                                   fillColor=white, borderWidth=0.8, forceBorder=True)

    def _signature_line(self) -> None:
        if "signer_name" not in self.definition.keys:
            return
        self._room(40)
        self.y -= 14
        self.canvas.setLineWidth(0.7)
        self.canvas.line(LEFT, self.y, LEFT + 250, self.y)
        self._label("Signature of Authorized Signatory", LEFT, self.y - 11)
        self.y -= 24

    def _label(self, text: str, x: float, y: float, *, bold: bool = False) -> None:
        self.canvas.setFillColor(black)
        self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        for offset, line in enumerate(_wrap(text, 44 if x < VALUE_X and not bold else 100)):
            self.canvas.drawString(x, y - offset * 10, line)
        if len(_wrap(text, 44 if x < VALUE_X and not bold else 100)) > 1:
            self.y -= 10 * (len(_wrap(text, 44)) - 1)

    _group_names: dict[str, str]

    def _name(self, key: str, remember: str | None = None) -> str:
        """Canonical keys, or opaque names (Text1, Check Box2...) as in old revisions."""
        if not self.opaque:
            return key
        cache = self.__dict__.setdefault("_group_names", {})
        if remember and remember in cache:
            return cache[remember]
        self.counter += 1
        kind = "Text" if "." not in key and remember is None else "Check Box"
        name = f"Group{self.counter}" if remember else f"{kind}{self.counter}"
        if remember:
            cache[remember] = name
        return name


def _display(field: FieldDef, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if field.type == "date" and isinstance(value, str) and len(value) == 10:
        return date.fromisoformat(value).strftime("%m/%d/%Y")
    return str(value)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
