"""Scans, one page: the image straightened, its ruled tables and box glyphs found, the
rules erased, the words read (by the caller's OCR engine) and tidied, table cells read as
label | value rows and the rest paired by layout (and read for tables printed without
rules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PIL import Image

from parsers.labels import Vocabulary
from parsers.model import RawField
from parsers.ocr_grid import erase_rules, find_grids, straighten
from parsers.ocr_marks import find_marks
from parsers.ocr_tables import rows_fields, table_rows
from parsers.ocr_text import known_words, tidy_words, with_marks
from parsers.pdf_layout import Word, lines_of, pair_fields
from parsers.text_tables import text_tables

Reader = Callable[[Image.Image], list[Word]]  # words in the image's pixels
CellRows = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class PageReading:
    """One scanned page read: its fields, all its words in points (for the document's
    text) and its ruled tables as rows of cell texts (a Test Scenarios table)."""

    fields: tuple[RawField, ...]
    words: tuple[Word, ...]
    tables: tuple[CellRows, ...]


def read_page(image: Image.Image, read_words: Reader, vocabulary: Vocabulary, *, dpi: float,
              page: int, ceiling: float) -> PageReading:
    image = straighten(image.convert("L"))
    grids = find_grids(image)
    clean = _without_shading(erase_rules(image, grids))
    words = known_words(tidy_words(with_marks(read_words(clean), find_marks(image))),
                          vocabulary)
    tables, outside = table_rows(grids, words, vocabulary)
    unruled = text_tables(lines_of(_scaled(outside, 72 / dpi)))  # before the grids' words join
    fields = []
    for rows, held in tables:
        found = rows_fields(rows, vocabulary, page=page, ceiling=ceiling)
        fields += found
        outside += [] if found else held  # a box that is no form table: read by layout
    scale = 72 / dpi  # back to points, so the layout tolerances hold
    fields += pair_fields(_scaled(outside, scale), [], vocabulary, source="ocr", page=page)
    cells = tuple(tuple(row.cells for row in rows) for rows, _ in tables if len(rows) > 1)
    return PageReading(tuple(fields), tuple(_scaled(words, scale)), cells + tuple(unruled))


def _without_shading(image: Image.Image) -> Image.Image:
    """Light grey (shaded label cells, a scanner's or camera's grey paper) made white, so
    that the text on it stands out; print stays as it is."""
    return image.point(lambda value: 255 if value > _SHADE else value)


_SHADE = 165


def _scaled(words: list[Word], scale: float) -> list[Word]:
    return [replace(word, x0=word.x0 * scale, x1=word.x1 * scale, top=word.top * scale,
                    bottom=word.bottom * scale) for word in words]
