"""Scanned PDFs: pages rendered (pypdfium2) and read by Tesseract; ruled tables are read
cell by cell (ocr_page), the other words, with their confidences, go through the same
layout pairing. OCR'd values are never fully trusted."""

from __future__ import annotations

import logging
import os
from typing import Any

from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Problem, RawDocument, RawField
from parsers.ocr_page import read_page
from parsers.pdf_layout import Word, lines_of

log = logging.getLogger(__name__)
# Tesseract's OpenMP threads fight over two cores and make it five times slower; documents
# are read one at a time anyway.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
DPI = 200  # enough for 9-point form text; 300 dpi costs 2.25x the time for no field gained
MAX_OCR_CONFIDENCE = 0.95  # an OCR'd value always goes to a person
REVIEW = Problem("ocr", "This document is a scan; its values were read by OCR and a "
                 "coordinator will check them.", None, "review")
FAILED = Problem("ocr_failed", "This document is a scan we could not read; a coordinator "
                 "will look at it.", None, "review")


def ocr_pages(data: bytes, limits: Limits, vocabulary: Vocabulary, pages: int) -> RawDocument:
    """Every page (up to ``limits.max_pages``) OCR'd within ``limits.ocr_seconds_per_page``;
    a page that times out is left out and named in a problem."""
    try:
        import pypdfium2
        import pytesseract

        document = pypdfium2.PdfDocument(data)
    except Exception as err:  # no engine, or pdfium refuses the file
        log.warning("OCR unavailable: %s", type(err).__name__)
        return RawDocument("ocr", "", pages=pages, problems=(FAILED,))
    fields: list[RawField] = []
    text: list[str] = []
    problems = [REVIEW]
    for number in range(min(len(document), limits.max_pages)):
        try:
            image = document[number].render(scale=DPI / 72).to_pil()
        except Exception as err:  # a page pdfium cannot draw: the library's error
            log.warning("page %d could not be drawn: %s", number + 1, type(err).__name__)
            problems.append(_page_failed(number))
            continue
        try:  # our own reading of the page is outside: its bugs are not the file's fault
            page_fields, words = read_page(
                image, lambda clean: _words(pytesseract, clean, limits.ocr_seconds_per_page),
                vocabulary, dpi=DPI, page=number, ceiling=MAX_OCR_CONFIDENCE)
        except OcrEngineError as err:
            log.warning("OCR of page %d failed: %s", number + 1, err)
            problems.append(_page_failed(number))
            continue
        fields += page_fields
        text += [" ".join(word.text for word in line) for line in lines_of(words)]
    document.close()
    return RawDocument("ocr", "\n".join(text)[: limits.max_text_chars],
                       tuple(fields[: limits.max_fields]), pages=pages, problems=tuple(problems))


class OcrEngineError(Exception):
    """Tesseract failed on a page (a timeout, a crash of the engine)."""


def _page_failed(number: int) -> Problem:
    return Problem("ocr_page_failed", f"Page {number + 1} of this scan could not be read; a "
                   "coordinator will look at it.", None, "review")


def _words(pytesseract: Any, image: Any, seconds: float) -> list[Word]:
    """Tesseract's words, in the image's pixels."""
    try:
        data = pytesseract.image_to_data(image, output_type=pytesseract.Output.DICT,
                                         timeout=seconds)
    except Exception as err:  # the engine's errors (RuntimeError on a timeout, ...)
        raise OcrEngineError(type(err).__name__) from err
    words = []
    for index, text in enumerate(data["text"]):
        confidence = float(data["conf"][index])
        if not text.strip() or confidence < 0:
            continue
        left, top = data["left"][index], data["top"][index]
        width, height = data["width"][index], data["height"][index]
        words.append(Word(text.strip(), left, left + width, top, top + height,
                          confidence=min(confidence / 100, MAX_OCR_CONFIDENCE)))
    return words
