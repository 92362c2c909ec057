"""Scanned PDFs: pages rendered (pypdfium2) and read by Tesseract; the words, with their
confidences, go through the same layout pairing. OCR'd values are never fully trusted."""

from __future__ import annotations

import logging
import os

from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Problem, RawDocument, RawField
from parsers.pdf_layout import Word, lines_of, pair_fields

log = logging.getLogger(__name__)
# Tesseract's OpenMP threads fight over two cores and make it five times slower; documents
# are read one at a time anyway.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
DPI = 200  # enough for 9-point form text; 300 dpi costs 2.25x the time
MAX_OCR_CONFIDENCE = 0.95  # an OCR'd value always goes to a person


def ocr_pages(data: bytes, limits: Limits, vocabulary: Vocabulary, pages: int) -> RawDocument:
    review = Problem("ocr", "This document is a scan; its values were read by OCR and a "
                     "coordinator will check them.", None, "review")
    try:
        import pypdfium2
        import pytesseract

        document = pypdfium2.PdfDocument(data)
        fields: list[RawField] = []
        text: list[str] = []
        for number in range(min(len(document), limits.max_pages)):
            image = document[number].render(scale=DPI / 72).to_pil()
            words = _ocr_words(pytesseract, image, limits.ocr_seconds_per_page)
            fields += pair_fields(words, [], vocabulary, source="ocr", page=number)
            text += [" ".join(word.text for word in line) for line in lines_of(words)]
    except Exception as err:
        log.warning("OCR failed: %s", type(err).__name__)
        return RawDocument("ocr", "", pages=pages, problems=(Problem(
            "ocr_failed", "This document is a scan we could not read; a coordinator will "
            "look at it.", None, "review"),))
    return RawDocument("ocr", "\n".join(text)[: limits.max_text_chars],
                       tuple(fields[: limits.max_fields]), pages=pages, problems=(review,))


def _ocr_words(pytesseract: object, image: object, seconds: float) -> list[Word]:
    data = pytesseract.image_to_data(  # type: ignore[attr-defined]
        image, output_type=pytesseract.Output.DICT, timeout=seconds)  # type: ignore[attr-defined]
    scale = 72 / DPI  # back to points, so the layout tolerances hold
    words = []
    for index, text in enumerate(data["text"]):
        confidence = float(data["conf"][index])
        if not text.strip() or confidence < 0:
            continue
        left, top = data["left"][index] * scale, data["top"][index] * scale
        width, height = data["width"][index] * scale, data["height"][index] * scale
        words.append(Word(text.strip(), left, left + width, top, top + height,
                          confidence=min(confidence / 100, MAX_OCR_CONFIDENCE)))
    return words
