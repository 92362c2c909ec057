"""Scanned PDFs: pages rendered (pypdfium2) and read by the OCR engine the limits name
(ocr_engines); ruled tables are read cell by cell (ocr_page), the other words, with their
confidences, go through the same layout pairing. OCR'd values are never fully trusted."""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable
from typing import Any

from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Problem, RawDocument
from parsers.ocr_engines import MAX_CONFIDENCE, OcrEngineError, engine, rapid_installed
from parsers.ocr_page import PageReading, read_page
from parsers.pdf_layout import lines_of

log = logging.getLogger(__name__)
DPI = 200  # enough for 9-point form text; 300 dpi costs 2.25x the time for no field gained
FAST_AFTER = 0.75  # of the document's time, after which pages are read by the fast engine
UPRIGHT = 0.85  # of the ceiling: a page whose words read less surely may be upside down
MIN_DPI = 150  # a scan of less is drawn at this (boxes and rules keep their size in pixels)
REVIEW = Problem("ocr", "This document is a scan; its values were read by OCR and a "
                 "coordinator will check them.", None, "review")
FAILED = Problem("ocr_failed", "This document is a scan we could not read; a coordinator "
                 "will look at it.", None, "review")


def ocr_pages(data: bytes, limits: Limits, vocabulary: Vocabulary, pages: int) -> RawDocument:
    """Every page (up to ``limits.max_pages``) OCR'd within ``limits.ocr_seconds_per_page``;
    a page that times out is left out and named in a problem."""
    engine(limits.ocr_engine)  # an unknown name is our bug: it fails here
    try:
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
    except Exception as err:  # pdfium refuses the file
        log.warning("OCR unavailable: %s", type(err).__name__)
        return RawDocument("ocr", "", pages=pages, problems=(FAILED,))
    readings: list[PageReading] = []
    problems = [REVIEW]
    started = time.monotonic()
    for number in range(min(len(document), limits.max_pages)):
        name = _engine_for(limits, time.monotonic() - started, number)
        reading = _page(document[number], number, name, limits, vocabulary)
        if reading is None:
            problems.append(_page_failed(number))
        else:
            readings.append(reading)
    document.close()
    text = [" ".join(word.text for word in line) for reading in readings
            for line in lines_of(list(reading.words))]
    fields = [item for reading in readings for item in reading.fields]
    return RawDocument("ocr", "\n".join(text)[: limits.max_text_chars],
                       tuple(fields[: limits.max_fields]),
                       tables=tuple(table for reading in readings for table in reading.tables),
                       pages=pages, problems=tuple(problems))


def _page(page: Any, number: int, name: str, limits: Limits,
          vocabulary: Vocabulary) -> PageReading | None:
    """One page drawn and read; None when pdfium cannot draw it or the engine fails."""
    try:
        image = _drawn(page)
    except Exception as err:  # a page pdfium cannot draw: the library's error
        log.warning("page %d could not be drawn: %s", number + 1, type(err).__name__)
        return None
    read = engine(name)
    try:  # our own reading of the page is outside: its bugs are not the file's fault
        return _read_upright(image, lambda image: read_page(
            image, lambda clean: read(clean, limits.ocr_seconds_per_page), vocabulary,
            dpi=DPI, page=number, ceiling=MAX_CONFIDENCE))
    except OcrEngineError as err:
        log.warning("OCR of page %d failed: %s", number + 1, err)
        return None


def _read_upright(image: Any, read: Callable[[Any], PageReading]) -> PageReading:
    """The page as it is, or turned half round when it reads as garbage (a sheet fed
    upside down): an engine reads upside-down print with a median confidence near 0.65,
    upright print near its ceiling. The turned reading is kept only if it reads surer."""
    reading = read(image)
    if _sureness(reading) >= UPRIGHT * MAX_CONFIDENCE:
        return reading
    turned = read(image.rotate(180))
    return turned if _sureness(turned) > _sureness(reading) else reading


def _sureness(reading: PageReading) -> float:
    return statistics.median(word.confidence for word in reading.words) \
        if reading.words else 0.0


def _engine_for(limits: Limits, elapsed: float, pages_read: int) -> str:
    """The engine the limits name while the document's time allows another page at the
    pace so far; Tesseract (four times faster, fewer fields right) for the pages after,
    so that a long scan is read to its end instead of timing out."""
    pace = elapsed / pages_read if pages_read else 0.0
    if limits.ocr_engine == "rapidocr" and (not rapid_installed() or elapsed + 1.5 * pace >
                                            FAST_AFTER * limits.seconds_per_document):
        return "tesseract"
    return limits.ocr_engine


def _drawn(page: Any) -> Any:
    """The page at DPI; a scan of less drawn at its own resolution first and then scaled
    up with a Lanczos filter (pdfium's own scaling of a 150 dpi scan blurs its strokes)."""
    from PIL import Image

    native = page_dpi(page)
    image = page.render(scale=native / 72).to_pil()
    if native >= DPI:
        return image
    width, height = page.get_size()  # points
    size = (round(width * DPI / 72), round(height * DPI / 72))
    return image.resize(size, Image.Resampling.LANCZOS)


def page_dpi(page: Any) -> float:
    """The resolution to draw a page at: its scan's own when that is below DPI (a 150 dpi
    scan drawn at 200 dpi is resampled by a step that blurs every stroke), else DPI."""
    import pypdfium2.raw as pdfium_c

    width = max(((image.get_px_size()[0], image.get_bounds()) for image in
                 page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)),
                key=lambda item: item[0], default=None)
    if width is None or width[1][2] - width[1][0] < 72:  # no image, or a small one
        return DPI
    native = width[0] / ((width[1][2] - width[1][0]) / 72)
    return max(MIN_DPI, min(DPI, native))


def _page_failed(number: int) -> Problem:
    return Problem("ocr_page_failed", f"Page {number + 1} of this scan could not be read; a "
                   "coordinator will look at it.", None, "review")
