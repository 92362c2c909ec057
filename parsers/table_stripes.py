"""PDF reader, ruled tables: a striped table (a browser's rows shaded one in two, with
no rules) is found by pdfplumber as several tables, one per run of shaded rows, and the
unshaded rows between them are lost. Tables stacked one under the other with the same
columns, a row's height apart, are one table: each gap between them is one of its rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from parsers.layout_words import Word

Cell = tuple[float, float, float, float]
_ALIGN = 1.5  # points two tables' column edges may differ by


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table as pdfplumber gives one: its box and rows of cell boxes."""

    bbox: Cell
    rows: tuple[Row, ...]


def joined_stripes(found: Sequence[Any], words: Sequence[Word]) -> list[Any]:
    """The page's tables, those of one striped table joined (its gaps as rows)."""
    tables: list[Any] = []
    for table in sorted(found, key=lambda item: item.bbox[1]):
        last = tables[-1] if tables else None
        if last is not None and _continues(last, table) and not _crossed(last, table, words):
            tables[-1] = _joined(last, table)
        else:
            tables.append(table)
    return tables


def _columns(table: Any) -> list[tuple[float, float]]:
    full = [row for row in table.rows if all(cell is not None for cell in row.cells)]
    return [(cell[0], cell[2]) for cell in full[-1].cells] if full else []


def _continues(upper: Any, lower: Any) -> bool:
    """Same columns (two or more), and the gap between them none or a row's height."""
    above, below = _columns(upper), _columns(lower)
    if len(above) < 2 or len(above) != len(below) or any(
            abs(a[0] - b[0]) > _ALIGN or abs(a[1] - b[1]) > _ALIGN
            for a, b in zip(above, below, strict=True)):
        return False
    row = median(cell[3] - cell[1] for table in (upper, lower) for item in table.rows
                 for cell in item.cells if cell)
    gap = lower.bbox[1] - upper.bbox[3]
    return -_ALIGN <= gap <= 2 or 0.7 * row <= gap <= 1.3 * row


def _crossed(upper: Any, lower: Any, words: Sequence[Word]) -> bool:
    """Does a word in the gap run across a column edge (a line of the page between two
    tables, not a row of one)?"""
    edges = [x1 for _x0, x1 in _columns(upper)[:-1]]
    return any(upper.bbox[3] <= word.top and word.bottom <= lower.bbox[1] and
               any(word.x0 < edge < word.x1 for edge in edges) for word in words)


def _joined(upper: Any, lower: Any) -> Table:
    rows = [Row(tuple(row.cells)) for row in upper.rows]
    top, bottom = upper.bbox[3], lower.bbox[1]
    if bottom - top > 2:  # the unshaded row between
        rows.append(Row(tuple((x0, top, x1, bottom) for x0, x1 in _columns(upper))))
    rows += [Row(tuple(row.cells)) for row in lower.rows]
    bbox = (min(upper.bbox[0], lower.bbox[0]), upper.bbox[1],
            max(upper.bbox[2], lower.bbox[2]), lower.bbox[3])
    return Table(bbox, tuple(rows))
