"""Scanned PDFs: pages rendered (pypdfium2) and read by the OCR engine the limits name
(ocr_engines); ruled tables are read cell by cell (ocr_page), the other words, with their
confidences, go through the same layout pairing. OCR'd values are never fully trusted."""

from __future__ import annotations

import logging

from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Problem, RawDocument, RawField
from parsers.ocr_engines import MAX_CONFIDENCE, OcrEngineError, engine
from parsers.ocr_page import read_page
from parsers.pdf_layout import Word, lines_of

log = logging.getLogger(__name__)
DPI = 200  # enough for 9-point form text; 300 dpi costs 2.25x the time for no field gained
REVIEW = Problem("ocr", "This document is a scan; its values were read by OCR and a "
                 "coordinator will check them.", None, "review")
FAILED = Problem("ocr_failed", "This document is a scan we could not read; a coordinator "
                 "will look at it.", None, "review")


def ocr_pages(data: bytes, limits: Limits, vocabulary: Vocabulary, pages: int) -> RawDocument:
    """Every page (up to ``limits.max_pages``) OCR'd within ``limits.ocr_seconds_per_page``;
    a page that times out is left out and named in a problem."""
    try:
        import pypdfium2

        read = engine(limits.ocr_engine)
        document = pypdfium2.PdfDocument(data)
    except Exception as err:  # no engine, or pdfium refuses the file
        log.warning("OCR unavailable: %s", type(err).__name__)
        return RawDocument("ocr", "", pages=pages, problems=(FAILED,))
    fields: list[RawField] = []
    text: list[str] = []
    tables: list[tuple[tuple[str, ...], ...]] = []
    problems = [REVIEW]
    for number in range(min(len(document), limits.max_pages)):
        try:
            image = document[number].render(scale=DPI / 72).to_pil()
        except Exception as err:  # a page pdfium cannot draw: the library's error
            log.warning("page %d could not be drawn: %s", number + 1, type(err).__name__)
            problems.append(_page_failed(number))
            continue
        try:  # our own reading of the page is outside: its bugs are not the file's fault
            reading = read_page(
                image, lambda clean: read(clean, limits.ocr_seconds_per_page),
                vocabulary, dpi=DPI, page=number, ceiling=MAX_CONFIDENCE)
        except OcrEngineError as err:
            log.warning("OCR of page %d failed: %s", number + 1, err)
            problems.append(_page_failed(number))
            continue
        fields += reading.fields
        tables += reading.tables
        text += [" ".join(word.text for word in line) for line in lines_of(list(reading.words))]
    document.close()
    return RawDocument("ocr", "\n".join(text)[: limits.max_text_chars],
                       tuple(fields[: limits.max_fields]), tables=tuple(tables), pages=pages,
                       problems=tuple(problems))


def _page_failed(number: int) -> Problem:
    return Problem("ocr_page_failed", f"Page {number + 1} of this scan could not be read; a "
                   "coordinator will look at it.", None, "review")
