"""PDF reader: AcroForm fields first (pypdf walk; opaque names get the printed label beside
their widget), then XFA datasets, then the page layout (flattened or printed forms), then
OCR for scans. Bad input gives a problem, never an exception."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import pdfplumber
from pypdf import PdfReader

from parsers.glyphs import CHECKED_MARK, LEADER, UNCHECKED_MARK, canonical_marks
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Problem, RawDocument, RawField
from parsers.page_breaks import carried_values
from parsers.pdf_annotations import annotation_words, inked
from parsers.pdf_blanks import blank_boxes
from parsers.pdf_boxes import drawn_boxes
from parsers.pdf_button_rows import box_rows, one_per_radio_group
from parsers.pdf_buttons import coded, printed_choice
from parsers.pdf_captions import captioned
from parsers.pdf_char_fields import joined_characters
from parsers.pdf_combs import comb_words
from parsers.pdf_fields import Widget, walk_fields
from parsers.pdf_flattened import partly_flattened
from parsers.pdf_headings import light_ink
from parsers.pdf_labels import label_near, question_near
from parsers.pdf_layout import (
    Box,
    Word,
    cell_text,
    lines_of,
    pair_fields,
    unwrapped_cell,
)
from parsers.pdf_pills import pill_boxes
from parsers.pdf_quicktext import quick_page_text
from parsers.pdf_row_rules import cell_words, ruled_tables
from parsers.pdf_watermarks import without_watermarks
from parsers.pdf_xfa import xfa_fields
from parsers.table_frames import frame_table
from parsers.table_headers import header_above
from parsers.table_stripes import joined_stripes
from parsers.text_tables import text_tables
from parsers.typed_fields import table_fields

log = logging.getLogger(__name__)
# pypdf warns about every odd font or xref; nobody can act on that, and it floods the log.
logging.getLogger("pypdf").setLevel(logging.ERROR)
RESEND = "please resend it as an unprotected PDF or as DOCX."


def read_pdf(data: bytes, limits: Limits, vocabulary: Vocabulary) -> RawDocument:
    """The fields and text of one PDF; a broken, encrypted or oversized file gives a
    RawDocument with method "none" and a problem the provider can act on."""
    if len(data) > limits.max_attachment_bytes:
        return _failed("too_large", f"The PDF is larger than we accept; {RESEND}")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _decrypted(reader):
            return _failed("encrypted_file", f"The PDF is password-protected; {RESEND}")
        if len(reader.pages) > limits.max_pages:
            return _failed("too_large", f"The PDF has more than {limits.max_pages} pages; "
                           "please send only the form itself.")
        widgets = walk_fields(reader, limits.max_fields)
        xfa = xfa_fields(reader, limits.max_fields) if not _has_values(widgets) else []
    except Exception as err:  # hostile bytes make pypdf raise almost anything
        log.debug("pypdf could not read the file: %s", type(err).__name__)
        return _failed("unreadable_file", f"The PDF is damaged and cannot be read; {RESEND}")
    if not reader.pages:
        return _failed("unreadable_file", f"The PDF has no pages we can read; {RESEND}")
    with _Pages(data, reader, limits, vocabulary) as pages:
        if _has_values(widgets):
            return _acroform(widgets, pages, vocabulary, len(reader.pages))
        text = pages.text(range(pages.count))
        if xfa:
            return RawDocument("xfa", text, tuple(xfa), pages=len(reader.pages))
        if text.strip():
            fields = _layout_fields(pages, vocabulary)
            if _fillable(widgets) and not _any_value(fields):  # a blank form sent back
                return _acroform(widgets, pages, vocabulary, len(reader.pages))
            return RawDocument("layout", text, tuple(fields[: limits.max_fields]),
                               tables=_tables(pages, vocabulary),
                               pages=len(reader.pages),
                               signed=any(widget.signed for widget in widgets)
                               or inked(pages))
    return _ocr(data, limits, vocabulary, len(reader.pages))


def _acroform(widgets: list[Widget], pages: _Pages, vocabulary: Vocabulary,
              count: int) -> RawDocument:
    """Fields by name; the page layout is read only where a name says nothing (Text1), and
    for the first page's title and form code."""
    widgets = joined_characters(widgets, pages.words, pages.height)  # FEIN in 9 fields
    rows = box_rows(widgets)
    fields = [_raw_field(widget, pages, vocabulary, rows)
              for widget in one_per_radio_group(widgets)
              if widget.field_type not in ("/Sig", "/Push")]
    text = pages.quick_text()
    flat = partly_flattened(text, fields, vocabulary)
    # the page print answers what no widget does (mapping), never as a sure blank
    printed = [replace(item, understood=False)
               for item in (_layout_fields(pages, vocabulary) if flat else [])]
    return RawDocument("acroform", text, (*fields, *printed), pages=count,
                       tables=_tables(pages, vocabulary) if flat else (),
                       signed=any(widget.signed for widget in widgets))


def _layout_fields(pages: _Pages, vocabulary: Vocabulary) -> list[RawField]:
    carried = carried_values([pages.words(n) for n in range(pages.count)], vocabulary)
    return [item for number in range(pages.count)
            for item in _page_fields(pages, number, carried[number], vocabulary)]


def _fillable(widgets: list[Widget]) -> bool:
    return any(widget.field_type not in ("/Sig", "/Push") for widget in widgets)


def _any_value(fields: list[RawField]) -> bool:
    """Did the page show anything filled in (text, or a checked box)?"""
    return any(item.value is True or (isinstance(item.value, str) and item.value.strip())
               or (isinstance(item.value, tuple) and item.value) for item in fields)


def _has_values(widgets: list[Widget]) -> bool:
    return any(widget.value not in ("", False, ()) for widget in widgets)


class _Pages:
    """The pages as pdfplumber reads them, each read only when first asked for."""

    def __init__(self, data: bytes, reader: PdfReader, limits: Limits,
                 vocabulary: Vocabulary) -> None:
        self.reader, self.count = reader, min(len(reader.pages), limits.max_pages)
        self.limits, self.vocabulary = limits, vocabulary
        self._data = data
        self._layouts: dict[int, tuple[list[Word], list[Box], float]] = {}
        self._tables: dict[int, list[tuple[tuple[float, float, float, float],
                                           list[list[str | None]]]]] = {}
        self._pdf: Any = None
        self._opened = False

    def __enter__(self) -> _Pages:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._pdf is not None:
            self._pdf.close()

    @property
    def plumber(self) -> Any:
        """pdfplumber's view, opened on first use (fillable forms rarely need it)."""
        if not self._opened:
            self._opened = True
            try:
                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            except Exception as err:
                log.debug("pdfplumber could not open the file: %s", type(err).__name__)
        return self._pdf

    def _layout(self, number: int) -> tuple[list[Word], list[Box], float]:
        if number not in self._layouts:
            self._layouts[number] = self._read(number)
        return self._layouts[number]

    def _read(self, number: int) -> tuple[list[Word], list[Box], float]:
        """The page's words and drawn boxes; pdfminer's errors on an odd page (caught at
        the library calls) give an empty page, our own code's errors go up."""
        if self.plumber is None:
            return [], [], float(self.reader.pages[number].mediabox.height)
        try:
            page = self.plumber.pages[number]
            rects, lines, curves = page.rects, page.lines, page.curves
            found, height = _plumber_words(page), float(page.height)
        except Exception as err:  # pdfminer raises many kinds on odd files
            log.debug("page %d unreadable: %s", number, type(err).__name__)
            return [], [], float(self.reader.pages[number].mediabox.height)
        # a viewer's Fill & Sign text is typed text of the page
        typed = _words(found) + annotation_words(self.reader.pages[number], height)
        boxes, words = drawn_boxes(rects, lines, curves, typed)
        pills, words = pill_boxes([*rects, *curves], words)
        blanks, words = blank_boxes(lines, words, self.vocabulary.is_box_option)
        return captioned(comb_words(words), lines), boxes + pills + blanks, height

    def tables(self, number: int, vocabulary: Vocabulary
               ) -> list[tuple[tuple[float, float, float, float], list[list[str | None]]]]:
        """The page's ruled tables: bounding box (top-down) and rows of cell texts."""
        if number not in self._tables:
            self._tables[number] = []
            try:
                found = ruled_tables(self.plumber.pages[number]) if self.plumber else []
            except Exception as err:  # pdfminer raises many kinds on odd files
                log.debug("tables of page %d unreadable: %s", number, type(err).__name__)
                found = []
            marks = [Word(CHECKED_MARK if box.checked else UNCHECKED_MARK, box.x0, box.x1,
                          box.top, box.bottom) for box in self.boxes(number)]
            words = [*self.words(number), *marks]
            self._tables[number] = [(tuple(table.bbox), _cell_texts(table, words, vocabulary))
                                    for table in joined_stripes(found, words)
                                    if not frame_table(table, words, vocabulary)]
        return self._tables[number]

    def words(self, number: int) -> list[Word]:
        return self._layout(number)[0]

    def boxes(self, number: int) -> list[Box]:
        return self._layout(number)[1]

    def height(self, number: int) -> float:
        return self._layout(number)[2]

    def text(self, numbers: Iterable[int]) -> str:
        lines = [" ".join(word.text for word in line) for number in numbers
                 if number < self.count for line in lines_of(self.words(number))]
        text = "\n".join(lines)
        if not text.strip():  # pdfminer saw nothing: ask pypdf
            try:
                text = "\n".join(self.reader.pages[n].extract_text() or ""
                                 for n in numbers if n < self.count)
            except Exception:
                text = ""
        return text[: self.limits.max_text_chars]

    def quick_text(self) -> str:
        """The text for classification, without a layout (a form's title and code need
        none): the first page, where the title is, and the last, where the form code may
        be printed only once."""
        numbers = sorted({0, self.count - 1})
        text = "\n".join(self._page_text(number) for number in numbers)
        return text[: self.limits.max_text_chars] if text.strip() else self.text(numbers)

    def _page_text(self, number: int) -> str:
        try:
            page = self.reader.pages[number]
            return quick_page_text(page) or page.extract_text() or ""
        except Exception:  # pypdf raises many kinds on odd content streams
            return ""


Rect = tuple[float, float, float, float]


def _raw_field(widget: Widget, pages: _Pages, vocabulary: Vocabulary,
               rows: dict[int, Rect]) -> RawField:
    """A widget with the printed label beside it when its name says nothing; for a box
    whose own label is only a choice ("Yes"), the question its row of boxes answers."""
    label = beside = ""
    if _self_explaining(widget.name, vocabulary):
        return RawField(name=widget.name, value=widget.value, source="acroform",
                        export_value=widget.export_value, page=max(widget.page, 0),
                        beside=_coded_choice(widget, pages, vocabulary),
                        tooltip=widget.tooltip)
    if widget.rect is not None and 0 <= widget.page < pages.count:
        words, height = pages.words(widget.page), pages.height(widget.page)
        label = label_near(words, _top_down(widget.rect, height), vocabulary)
        if widget.field_type == "/Btn" and not vocabulary.is_field_label(label):
            row = _top_down(rows.get(id(widget), widget.rect), height)
            question = question_near(words, row, vocabulary)
            if question:
                label, beside = question, label
    named = vocabulary.is_field_label(label)
    tooltip, choice = _tooltip_label(widget.tooltip, vocabulary) if not named else ("", "")
    if tooltip and (vocabulary.is_field_label(tooltip) or not label):
        # the designer's tooltip names the field when the page does not
        box = widget.field_type == "/Btn"
        label, beside = tooltip, (choice or beside or label) if box else ""
    return RawField(name=widget.name, value=widget.value, source="acroform", label=label,
                    export_value=widget.export_value, page=max(widget.page, 0), beside=beside,
                    tooltip=widget.tooltip)


def _coded_choice(widget: Widget, pages: _Pages, vocabulary: Vocabulary) -> str:
    """For a ticked or selected button exporting a code (/MHP), the choice it stands for;
    the page is read only for such a button."""
    if not coded(widget, vocabulary):
        return ""
    shown = 0 <= widget.page < pages.count
    words = pages.words(widget.page) if shown else []
    return printed_choice(widget, words, pages.height(widget.page) if shown else 0.0,
                          vocabulary)


def _tooltip_label(tooltip: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """A tooltip's label, and what follows it: help ("National Provider Identifier (NPI)
    - 10 digits") or, for a box, its choice ("POSC Transactions: Claim Status Inquiry")."""
    split = vocabulary.split_label(tooltip) if tooltip else None
    if not vocabulary.is_field_label(tooltip) and split and vocabulary.is_field_label(split[0]):
        return split[0], split[1].strip(" -:.")
    return tooltip, ""


def _top_down(rect: Rect, height: float) -> Rect:
    """PDF space (origin bottom left) to page space (origin top left)."""
    x0, y0, x1, y1 = rect
    return x0, height - y1, x1, height - y0


def _self_explaining(name: str, vocabulary: Vocabulary) -> bool:
    """A name like ``org_legal_name`` or ``transactions.claim_status`` needs no label."""
    parts = [part for part in name.split(".") if part]
    return bool(parts) and vocabulary.is_label(parts[-2] if len(parts) > 1 else parts[-1])


def _plumber_words(page: Any) -> list[dict[str, Any]]:
    # A gap of a sixth of the type size parts two words even with no space between them
    # (text set glyph by glyph); letters of one word touch.
    # A watermark's letters are no text of the form.
    return list(without_watermarks(page).extract_words(
        keep_blank_chars=False, extra_attrs=["fontname", "non_stroking_color"],
        x_tolerance_ratio=0.16))


def _words(words: list[dict[str, Any]]) -> list[Word]:
    """pdfplumber's words as ours, check-mark glyphs of any font as ☒ or ☐, and a dot
    leader run into its label and value ("Name......Acme") cut out of the word."""
    return [piece for item in words for piece in _leader_split(Word(
        canonical_marks(item["text"], str(item.get("fontname", ""))), float(item["x0"]),
        float(item["x1"]), float(item["top"]), float(item["bottom"]),
        font=str(item.get("fontname", "")), light=light_ink(item.get("non_stroking_color"))))]


def _leader_split(word: Word) -> list[Word]:
    """The parts of a word around its dot leaders, placed in proportion to their letters
    (the leader becomes a gap, which parts a label from its value)."""
    parts = [(found.start(), found.end()) for found in LEADER.finditer(word.text)]
    if not parts:
        return [word]
    width = (word.x1 - word.x0) / max(len(word.text), 1)
    pieces, start = [], 0
    for begin, end in [*parts, (len(word.text), len(word.text))]:
        if word.text[start:begin].strip():
            pieces.append(replace(word, text=word.text[start:begin].strip(),
                                  x0=word.x0 + start * width, x1=word.x0 + begin * width))
        start = end
    return pieces


def _tables(pages: _Pages, vocabulary: Vocabulary) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Ruled tables (e.g. the Test Scenarios table) as rows of cell texts, and the tables
    printed without rules among the rest of each page's lines."""
    found: list[tuple[tuple[str, ...], ...]] = []
    for number in range(pages.count):
        ruled = pages.tables(number, vocabulary)
        found += [tuple(tuple((cell or "").strip() for cell in row) for row in rows)
                  for _bbox, rows in ruled]
        areas = [bbox for bbox, _rows in ruled]
        found += text_tables(lines_of([w for w in pages.words(number)
                                       if not _inside(w.x0, w.top, w.x1, w.bottom, areas)]))
    return tuple(found)


def _cell_texts(table: Any, words: list[Word],
                vocabulary: Vocabulary) -> list[list[str | None]]:
    """The table's rows of cell texts, read from the page's words and its drawn check
    boxes (as ☒ and ☐), so that a box ticked with drawn lines counts in a cell too; a
    header printed in a band above the grid first."""
    header = header_above(table, words)
    return [*([header] if header else []), *(
        [None if cell is None else unwrapped_cell(cell_text(cell), vocabulary) for cell in row]
        for row in cell_words([row.cells for row in table.rows], words))]


def _page_fields(pages: _Pages, number: int, words: list[Word],
                 vocabulary: Vocabulary) -> list[RawField]:
    """A printed page (its words, with a value carried over a page break moved under its
    label): ruled label | value tables cell by cell, the rest by layout."""
    fields: list[RawField] = []
    ruled: list[tuple[float, float, float, float]] = []
    for bbox, rows in pages.tables(number, vocabulary):
        found = table_fields(rows, vocabulary, "table_cell")
        if found:
            fields += [replace(item, page=number) for item in found]
            ruled.append(bbox)
    words = [w for w in words if not _inside(w.x0, w.top, w.x1, w.bottom, ruled)]
    boxes = [b for b in pages.boxes(number) if not _inside(b.x0, b.top, b.x1, b.bottom, ruled)]
    return fields + pair_fields(words, boxes, vocabulary, source="layout", page=number)


def _inside(x0: float, top: float, x1: float, bottom: float,
            areas: list[tuple[float, float, float, float]]) -> bool:
    middle_x, middle_y = (x0 + x1) / 2, (top + bottom) / 2
    return any(a[0] <= middle_x <= a[2] and a[1] <= middle_y <= a[3] for a in areas)


def _ocr(data: bytes, limits: Limits, vocabulary: Vocabulary, pages: int) -> RawDocument:
    if not limits.ocr:
        return RawDocument("none", "", pages=pages, problems=(Problem(
            "no_text", "The PDF has no text we can read (a scan?); a coordinator will "
            "look at it.", None, "review"),))
    from parsers.pdf_ocr import ocr_pages

    return ocr_pages(data, limits, vocabulary, pages)


def _decrypted(reader: PdfReader) -> bool:
    """Files locked only against editing open with the empty user password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unknown or unsupported cipher
        return False


def _failed(code: str, message: str) -> RawDocument:
    return RawDocument("none", "", problems=(Problem(code, message),))
