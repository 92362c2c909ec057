"""PDF reader, ruled tables: a header printed in its own band just above the grid (a shaded
strip drawn apart from the ruled rows, so the table finder leaves it out). The line right
above the grid, closer than one row's height, with words over three or more of its columns,
is the table's header row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsers.layout_words import Word, join

_MIN_COLUMNS = 3


def header_above(table: Any, words: Sequence[Word]) -> list[str | None] | None:
    """The header cells printed over the columns of pdfplumber's ``table``, or None."""
    cells = table.rows[0].cells if table.rows else []
    spans = [cell for cell in cells if cell is not None]
    if len(spans) < _MIN_COLUMNS:
        return None
    top = min(cell[1] for cell in spans)
    height = max(cell[3] for cell in spans) - top
    left, right = min(cell[0] for cell in spans), max(cell[2] for cell in spans)
    above = [w for w in words if top - height <= w.top and w.bottom <= top
             and left <= (w.x0 + w.x1) / 2 <= right]
    found = [None if cell is None else join(sorted(
        (w for w in above if cell[0] <= (w.x0 + w.x1) / 2 <= cell[2]),
        key=lambda w: (round(w.top), w.x0))) for cell in cells]
    return found if sum(bool(text) for text in found) >= _MIN_COLUMNS else None
