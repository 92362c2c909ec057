"""PDF reader: AcroForm fields first (pypdf walk; opaque names get the printed label beside
their widget), then XFA datasets, then the page layout (flattened or printed forms), then
OCR for scans. Bad input gives a problem, never an exception."""

from __future__ import annotations

import io
import logging
from dataclasses import replace

from pypdf import PdfReader

from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Problem, RawDocument, RawField
from parsers.page_breaks import carried_values
from parsers.pdf_annotations import inked
from parsers.pdf_button_rows import box_rows, one_per_radio_group
from parsers.pdf_buttons import coded, printed_choice
from parsers.pdf_char_fields import joined_characters
from parsers.pdf_fields import Widget, walk_fields
from parsers.pdf_flattened import partly_flattened
from parsers.pdf_invisible import invisible_text_only
from parsers.pdf_labels import label_near, question_near
from parsers.pdf_layout import (
    Word,
    lines_of,
    pair_fields,
)
from parsers.pdf_pages import Pages
from parsers.pdf_xfa import xfa_fields
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
    with Pages(data, reader, limits, vocabulary) as pages:
        if _has_values(widgets):
            return _acroform(widgets, pages, vocabulary, len(reader.pages))
        text = pages.text(range(pages.count))
        if xfa:
            return RawDocument("xfa", text, tuple(xfa), pages=len(reader.pages))
        if text.strip() and not _searchable_scan(pages):
            fields = _layout_fields(pages, vocabulary)
            if _fillable(widgets) and not _any_value(fields):  # a blank form sent back
                return _acroform(widgets, pages, vocabulary, len(reader.pages))
            return RawDocument("layout", text, tuple(fields[: limits.max_fields]),
                               tables=_tables(pages, vocabulary),
                               pages=len(reader.pages),
                               signed=any(widget.signed for widget in widgets)
                               or inked(pages))
    return _ocr(data, limits, vocabulary, len(reader.pages))


def _acroform(widgets: list[Widget], pages: Pages, vocabulary: Vocabulary,
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


def _layout_fields(pages: Pages, vocabulary: Vocabulary) -> list[RawField]:
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


Rect = tuple[float, float, float, float]


def _raw_field(widget: Widget, pages: Pages, vocabulary: Vocabulary,
               rows: dict[int, Rect]) -> RawField:
    """A widget with the printed label beside it when its name says nothing; for a box
    whose own label is only a choice ("Yes"), the question its row of boxes answers."""
    label = beside = ""
    if _self_explaining(widget.name, vocabulary):
        return RawField(name=widget.name, value=widget.value, source="acroform",
                        export_value=widget.export_value, page=max(widget.page, 0),
                        beside=_coded_choice(widget, pages, vocabulary),
                        tooltip=widget.tooltip, spot=pages.spot(widget.page, widget.rect))
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
                    tooltip=widget.tooltip, spot=pages.spot(widget.page, widget.rect))


def _coded_choice(widget: Widget, pages: Pages, vocabulary: Vocabulary) -> str:
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


def _tables(pages: Pages, vocabulary: Vocabulary) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Ruled tables (e.g. the Test Scenarios table) as rows of cell texts, and the tables
    printed without rules among the rest of each page's lines."""
    found: list[tuple[tuple[str, ...], ...]] = []
    for number in range(pages.count):
        ruled = pages.tables(number, vocabulary)
        found += [tuple(tuple((cell or "").strip() for cell in row) for row in table.merged)
                  for table in ruled]
        areas = [table.bbox for table in ruled]
        found += text_tables(lines_of([w for w in pages.words(number)
                                       if not _inside(w.x0, w.top, w.x1, w.bottom, areas)]))
    return tuple(found)


def _page_fields(pages: Pages, number: int, words: list[Word],
                 vocabulary: Vocabulary) -> list[RawField]:
    """A printed page (its words, with a value carried over a page break moved under its
    label): ruled label | value tables cell by cell, the rest by layout."""
    fields: list[RawField] = []
    ruled: list[tuple[float, float, float, float]] = []
    for bbox, rows, _merged in pages.tables(number, vocabulary):
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


def _searchable_scan(pages: Pages) -> bool:
    """Every page an image with the scanner's invisible OCR text over it."""
    return all(invisible_text_only(pages.reader.pages[number]) for number in range(pages.count))


def _decrypted(reader: PdfReader) -> bool:
    """Files locked only against editing open with the empty user password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unknown or unsupported cipher
        return False


def _failed(code: str, message: str) -> RawDocument:
    return RawDocument("none", "", problems=(Problem(code, message),))
