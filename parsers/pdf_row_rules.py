"""Ruled tables that pdfplumber's lattice misses or misreads, from browsers and
spreadsheets: rows ruled by one short rule per cell with no vertical rules at all (a
browser's `border-bottom` on each cell), whose columns are where those rules meet; and
a spreadsheet's header cell whose wrapped text runs over into the row below it, printed
over that row's own text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from parsers.layout_words import Word

_SNAP = 1.5  # points within which two rule ends are one junction
_MIN_ROWS = 3  # rules at least, sharing a junction, for it to be a column edge
_MIN_COLUMNS = 3


def ruled_tables(page: Any) -> list[Any]:
    """pdfplumber's tables of the page; where rows are ruled cell by cell under them (or
    alone), the table read with those junctions as its columns instead."""
    found = list(page.find_tables())
    edges = _junctions(page.horizontal_edges)
    if len(edges) < _MIN_COLUMNS + 1:
        return found
    gridded = [table for table in page.find_tables({
        "vertical_strategy": "explicit", "explicit_vertical_lines": edges,
        "horizontal_strategy": "lines"}) if len(table.rows) >= 2]
    longer = [table for table in gridded if _longer(table, found)]
    return [table for table in found if not any(_overlap(table.bbox, other.bbox)
                                                for other in longer)] + longer


def _junctions(edges: Sequence[dict[str, Any]]) -> list[float]:
    """The x where one horizontal rule ends and the next one on its line begins (and the
    ends of such runs), shared by several ruled lines."""
    rows: dict[int, list[tuple[float, float]]] = {}
    for edge in edges:
        rows.setdefault(round(float(edge["top"])), []).append((float(edge["x0"]),
                                                                float(edge["x1"])))
    counts: Counter[int] = Counter()
    for pieces in rows.values():
        pieces.sort()
        meets = [left for (_, left), (right, _) in pairwise(pieces)
                 if abs(right - left) <= _SNAP]
        if meets:
            counts.update({round(x) for x in (pieces[0][0], *meets, pieces[-1][1])})
    return sorted(float(x) for x, count in counts.items() if count >= _MIN_ROWS)


def _longer(table: Any, found: Sequence[Any]) -> bool:
    """Does the gridded table read rows the lattice missed: where it found no table, or
    only a header row (its cells boxed, the rows under it ruled cell by cell)? Where the
    lattice read rows of its own (bands of boxed fields), it stands."""
    overlapping = [other for other in found if _overlap(table.bbox, other.bbox)]
    return len(table.rows) > 2 and all(len(other.rows) == 1 for other in overlapping)


def _overlap(first: Sequence[float], second: Sequence[float]) -> bool:
    return first[0] < second[2] and second[0] < first[2] and \
        first[1] < second[3] and second[1] < first[3]


def cell_words(rows: Sequence[Sequence[Any]], words: Sequence[Word]
               ) -> list[list[list[Word] | None]]:
    """The words of each cell (by their middle), a header's wrapped text run over into the
    row below given back to its own cell."""
    found = [[None if cell is None else
              [w for w in words if cell[0] <= (w.x0 + w.x1) / 2 <= cell[2]
               and cell[1] <= (w.top + w.bottom) / 2 <= cell[3]] for cell in row]
             for row in rows]
    for upper, lower in pairwise(found):
        _give_back(upper, lower)
    return found


def merged_down(cells: Sequence[Sequence[Any]], texts: Sequence[Sequence[str | None]]
                ) -> list[list[str | None]]:
    """The rows' texts with each place a cell above covers (pdfplumber gives None there)
    holding that cell's text: a cell spans the rows whose middle its box reaches."""
    merged = [list(row) for row in texts]
    for number, row in enumerate(cells):
        for column, cell in enumerate(row):
            if cell is None:
                continue
            for below in range(number + 1, len(cells)):
                place = cells[below][column] if column < len(cells[below]) else 0
                middle = _row_middle(cells[below])
                if place is not None or middle is None or middle > cell[3]:
                    break
                merged[below][column] = texts[number][column]
    return merged


def _row_middle(row: Sequence[Any]) -> float | None:
    boxes = [cell for cell in row if cell is not None]
    return (min(cell[1] for cell in boxes) + min(cell[3] for cell in boxes)) / 2 \
        if boxes else None


def _give_back(upper: list[list[Word] | None], lower: list[list[Word] | None]) -> None:
    """Words of the lower row printed over another of its words, in the upper row's font
    (not the lower row's), overflowed from the cell above: moved back there."""
    above, below = _font(upper), _font(lower)
    if above == below or len(upper) != len(lower):
        return
    for top_cell, cell in zip(upper, lower, strict=True):
        if top_cell is None or cell is None:
            continue
        over = [w for w in cell if w.font == above and
                any(o is not w and o.font == below and _overprinted(w, o) for o in cell)]
        top_cell += over
        cell[:] = [w for w in cell if all(w is not o for o in over)]


def _font(row: Sequence[Sequence[Word] | None]) -> str:
    fonts = Counter(word.font for cell in row if cell for word in cell)
    return fonts.most_common(1)[0][0] if fonts else ""


def _overprinted(word: Word, other: Word) -> bool:
    return word.x0 < other.x1 and other.x0 < word.x1 and \
        word.top < other.bottom and other.top < word.bottom
