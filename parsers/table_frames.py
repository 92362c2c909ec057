"""PDF reader, ruled tables: which "tables" pdfplumber finds are only page furniture. A
browser draws a page's background, its question cards and their rules as rectangles and
curves; the table finder makes cells of them, each holding several questions. Such a cell
is no label | value cell (its value would take the next questions' labels with it): the
page is read by its layout instead."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsers.labels import Vocabulary
from parsers.layout_words import Word, join, lines_of


def frame_table(table: Any, words: Sequence[Word], vocabulary: Vocabulary) -> bool:
    """Does some cell of pdfplumber's ``table`` hold two or more field labels, each with
    something else above it (the region of several fields, not one field's cell; a label
    wrapped onto two lines, "(FEIN)" under its name, is one)?"""
    return any(_labels(_inside(cell, words), vocabulary) >= 2
               for row in table.rows for cell in row.cells if cell is not None)


def _inside(cell: tuple[float, float, float, float], words: Sequence[Word]) -> list[Word]:
    x0, top, x1, bottom = cell
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1
            and top <= (w.top + w.bottom) / 2 <= bottom]


def _labels(words: Sequence[Word], vocabulary: Vocabulary) -> int:
    """The runs of label lines among the cell's lines."""
    labelled = [vocabulary.is_field_label(join(line)) for line in lines_of(words)]
    return sum(1 for number, label in enumerate(labelled)
               if label and (number == 0 or not labelled[number - 1]))
