"""Scans of ruled forms: OCR'd words put into the cells of the tables found on the page
(ocr_grid), and the label | value rows read by ``typed_fields.table_fields``; the words
outside every table are left for the layout pairing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from parsers.glyphs import CHECKED_MARK, UNCHECKED_MARK
from parsers.labels import Vocabulary
from parsers.model import RawField
from parsers.ocr_grid import Grid
from parsers.ocr_text import fixed_label
from parsers.pdf_layout import Word, cell_text, unwrapped_cell
from parsers.typed_fields import marked_items, table_fields


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    confidence: float  # the least sure word of the row


Table = tuple[list[Row], list[Word]]  # a grid's rows of cell texts, and its words


def table_rows(grids: Sequence[Grid], words: Sequence[Word],
               vocabulary: Vocabulary) -> tuple[list[Table], list[Word]]:
    """Each grid's rows of cell texts (a merged cell's text in its top-left cell, the others
    empty, its wrapped lines unwrapped as a printed table's are) with the words in it, and
    the words that fall in no grid. Word positions are in the grid's pixels."""
    cells: list[dict[tuple[int, int], list[Word]]] = [{} for _ in grids]
    outside = []
    for word in words:
        x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        for number, grid in enumerate(grids):
            cell = grid.cell(x, y)
            if cell is not None:
                cells[number].setdefault(cell, []).append(word)
                break
        else:
            outside.append(word)
    return [(_rows(grid, held, vocabulary), [word for cell in held.values() for word in cell])
            for grid, held in zip(grids, cells, strict=True)], outside


def _rows(grid: Grid, held: dict[tuple[int, int], list[Word]],
          vocabulary: Vocabulary) -> list[Row]:
    rows = []
    for row in range(len(grid.ys) - 1):
        words = [held.get((row, column), []) for column in range(len(grid.xs) - 1)]
        rows.append(Row(tuple(unwrapped_cell(cell_text(cell), vocabulary) for cell in words),
                        min((word.confidence for cell in words for word in cell), default=1.0)))
    return rows


def rows_fields(rows: Sequence[Row], vocabulary: Vocabulary, *, page: int,
                ceiling: float) -> list[RawField]:
    """The fields of one table, label by label (a label with the rows that continue it),
    each as sure as its least sure word and never more than ``ceiling``."""
    fields: list[RawField] = []
    for group in _label_groups([_marked_label(row, vocabulary) for row in rows]):
        confidence = min(min(row.confidence for row in group), ceiling)
        fields += [replace(field, confidence=confidence, page=page)
                   for field in table_fields([row.cells for row in group], vocabulary,
                                             source="ocr")]
    return fields


def _marked_label(row: Row, vocabulary: Vocabulary) -> Row:
    """``☒ I attest …`` alone across a row is the label and its box: ``I attest … | ☒``;
    a label cell misread in a known way is put right."""
    first, rest = row.cells[0] if row.cells else "", row.cells[1:]
    items = marked_items(first)
    if items is not None and len(items) == 1 and items[0][1] and not any(rest):
        mark = CHECKED_MARK if items[0][0] else UNCHECKED_MARK
        return Row((fixed_label(items[0][1], vocabulary), mark, *rest[1:]), row.confidence)
    label = fixed_label(" ".join(first.split()), vocabulary) if first else first
    return Row((label, *rest), row.confidence)


def _label_groups(rows: list[Row]) -> list[list[Row]]:
    groups: list[list[Row]] = []
    for row in rows:
        if groups and row.cells and not row.cells[0].strip():
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups
