"""PDF reader: AcroForm fields first (pypdf walk; opaque names get the printed label beside
their widget), then XFA datasets, then the page layout (flattened or printed forms), then
OCR for scans. Bad input gives a problem, never an exception."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Problem, RawDocument, RawField
from parsers.pdf_fields import Widget, walk_fields
from parsers.pdf_layout import Box, Word, label_near, lines_of, pair_fields
from parsers.pdf_xfa import xfa_fields

log = logging.getLogger(__name__)
# pypdf warns about every odd font or xref; nobody can act on that, and it floods the log.
logging.getLogger("pypdf").setLevel(logging.ERROR)
RESEND = "please resend it as an unprotected PDF or as DOCX."


def read_pdf(data: bytes, limits: Limits, vocabulary: Vocabulary) -> RawDocument:
    if len(data) > limits.max_attachment_bytes:
        return _failed("too_large", f"The PDF is larger than we accept; {RESEND}")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return _failed("encrypted_file", f"The PDF is password-protected; {RESEND}")
        if len(reader.pages) > limits.max_pages:
            return _failed("too_large", f"The PDF has more than {limits.max_pages} pages.")
        widgets = walk_fields(reader, limits.max_fields)
        xfa = xfa_fields(reader) if not _has_values(widgets) else []
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError,
            AttributeError, IndexError) as err:
        log.debug("pypdf could not read the file: %s", type(err).__name__)
        return _failed("unreadable_file", f"The PDF is damaged and cannot be read; {RESEND}")
    pages = _page_words(data, limits, reader)
    text = _text(pages, reader, limits)
    signed = any(widget.signed for widget in widgets)
    if _has_values(widgets):
        fields = [_raw_field(widget, pages, vocabulary)
                  for widget in _one_per_radio_group(widgets)
                  if widget.field_type != "/Sig"]
        return RawDocument("acroform", text, tuple(fields), pages=len(reader.pages),
                           signed=signed)
    if xfa:
        return RawDocument("xfa", text, tuple(xfa), pages=len(reader.pages))
    if any(page.words for page in pages):
        fields = [item for number, page in enumerate(pages)
                  for item in pair_fields(page.words, page.boxes, vocabulary, source="layout",
                                          page=number)]
        return RawDocument("layout", text, tuple(fields), tables=_tables(data, limits),
                           pages=len(reader.pages), signed=signed)
    return _ocr(data, limits, vocabulary, len(reader.pages))


def _one_per_radio_group(widgets: list[Widget]) -> list[Widget]:
    """A radio group is one field: keep its selected button (or its first, when none is)."""
    selected = {widget.name for widget in widgets if widget.radio and widget.value}
    kept, seen = [], set()
    for widget in widgets:
        if widget.radio:
            if widget.name in seen or (widget.name in selected and not widget.value):
                continue
            seen.add(widget.name)
        kept.append(widget)
    return kept


def _has_values(widgets: list[Widget]) -> bool:
    return any(widget.value not in ("", False, ()) for widget in widgets)


@dataclass(frozen=True, slots=True)
class PageLayout:
    words: list[Word]
    boxes: list[Box]
    height: float


def _raw_field(widget: Widget, pages: list[PageLayout], vocabulary: Vocabulary) -> RawField:
    label = ""
    if widget.rect is not None and 0 <= widget.page < len(pages):
        page = pages[widget.page]
        x0, y0, x1, y1 = widget.rect  # PDF space: origin bottom left
        label = label_near(page.words, (x0, page.height - y1, x1, page.height - y0),
                           vocabulary)
    return RawField(name=widget.name, value=widget.value, source="acroform", label=label,
                    export_value=widget.export_value, page=max(widget.page, 0))


def _page_words(data: bytes, limits: Limits, reader: PdfReader) -> list[PageLayout]:
    """Words and drawn boxes of every page, via pdfplumber (pdfminer); none if it fails."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [PageLayout(_words(page), _boxes(page), float(page.height))
                    for page in pdf.pages[: limits.max_pages]]
    except Exception as err:
        log.debug("pdfplumber could not read the pages: %s", type(err).__name__)
        return [PageLayout([], [], float(page.mediabox.height)) for page in reader.pages]


def _words(page: Any) -> list[Word]:
    words = page.extract_words(keep_blank_chars=False, extra_attrs=["fontname"])
    return [Word(item["text"], float(item["x0"]), float(item["x1"]), float(item["top"]),
                 float(item["bottom"]), font=str(item.get("fontname", "")))
            for item in words]


def _boxes(page: Any) -> list[Box]:
    """Small squares drawn on the page, checked when a line or curve crosses inside."""
    squares = [rect for rect in page.rects
               if 5 <= rect["width"] <= 16 and abs(rect["width"] - rect["height"]) < 2]
    strokes = [*page.lines, *page.curves]
    boxes = []
    for rect in squares[:500]:
        crossed = any(_crosses(stroke, rect) for stroke in strokes)
        boxes.append(Box(rect["x0"], rect["x1"], rect["top"], rect["bottom"], crossed))
    return boxes


def _crosses(stroke: dict[str, float], rect: dict[str, float]) -> bool:
    """A diagonal stroke (not a border) inside the box: the box is ticked."""
    inside = (rect["x0"] - 1 <= stroke["x0"] and stroke["x1"] <= rect["x1"] + 1
              and rect["top"] - 1 <= stroke["top"] and stroke["bottom"] <= rect["bottom"] + 1)
    return inside and stroke["x1"] - stroke["x0"] > 2 and stroke["bottom"] - stroke["top"] > 2


def _text(pages: list[PageLayout], reader: PdfReader, limits: Limits) -> str:
    lines = [" ".join(word.text for word in line) for page in pages
             for line in lines_of(page.words)]
    text = "\n".join(lines)
    if not text.strip():
        try:
            text = "\n".join(page.extract_text() or "" for page in reader.pages[: limits.max_pages])
        except Exception:
            text = ""
    return text[: limits.max_text_chars]


def _tables(data: bytes, limits: Limits) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Ruled tables (e.g. the Test Scenarios table) as rows of cell texts."""
    found = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages[: limits.max_pages]:
                for table in page.extract_tables():
                    found.append(tuple(tuple((cell or "").strip() for cell in row)
                                       for row in table))
    except Exception:
        return ()
    return tuple(found)


def _ocr(data: bytes, limits: Limits, vocabulary: Vocabulary, pages: int) -> RawDocument:
    if not limits.ocr:
        return RawDocument("none", "", pages=pages, problems=(Problem(
            "no_text", "The PDF has no text we can read (a scan?); a coordinator will "
            "look at it.", None, "review"),))
    from parsers.pdf_ocr import ocr_pages

    return ocr_pages(data, limits, vocabulary, pages)


def _failed(code: str, message: str) -> RawDocument:
    return RawDocument("none", "", problems=(Problem(code, message),))
