"""Tables printed without rules (columns only aligned, rows perhaps only shaded): a run of
lines of three segments or more whose segment starts line up. The columns are the left
edges shared by two lines or more of the run; a line with nothing in the first column goes
on the row above it (a wrapped cell). Gives rows of cell texts, as ruled tables do."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from parsers.layout_words import Word, join, segments_of

_MIN_COLUMNS = 3
_MIN_LINES = 3
_ALIGN = 3.0  # points a column's left edges may differ by
_LINE_GAP = 2.5  # line heights between two lines of one table, at most


def text_tables(lines: Sequence[Sequence[Word]]) -> list[tuple[tuple[str, ...], ...]]:
    """The unruled tables among a page's lines, each as rows of cell texts."""
    return [table for run in _runs(lines) if (table := _table(run))]


def _runs(lines: Sequence[Sequence[Word]]) -> list[list[Sequence[Word]]]:
    """Runs of consecutive lines of several segments each, close under one another."""
    runs: list[list[Sequence[Word]]] = []
    current: list[Sequence[Word]] = []
    for line in lines:
        wide = len(segments_of(line)) >= _MIN_COLUMNS - 1
        if wide and current and _close(current[-1], line):
            current.append(line)
            continue
        if len(current) >= _MIN_LINES:
            runs.append(current)
        current = [line] if wide else []
    if len(current) >= _MIN_LINES:
        runs.append(current)
    return runs


def _close(above: Sequence[Word], below: Sequence[Word]) -> bool:
    height = max(word.bottom - word.top for word in above)
    return below[0].top - max(word.bottom for word in above) < _LINE_GAP * height


def _columns(run: Sequence[Sequence[Word]]) -> list[float]:
    """Left edges at which segments of two lines or more start."""
    starts = Counter(round(item[0].x0) for line in run for item in segments_of(line))
    columns: list[float] = []
    for x in sorted(x for x, count in starts.items() if count >= 2):
        if not columns or x - columns[-1] > _ALIGN:
            columns.append(float(x))
    return columns


def _table(run: Sequence[Sequence[Word]]) -> tuple[tuple[str, ...], ...]:
    columns = _columns(run)
    if len(columns) < _MIN_COLUMNS:
        return ()
    rows: list[list[list[Word]]] = []
    for line in run:
        cells: list[list[Word]] = [[] for _ in columns]
        for word in line:
            at = max((index for index, x in enumerate(columns) if x <= word.x0 + _ALIGN),
                     default=0)
            cells[at].append(word)
        if cells[0] or not rows:
            rows.append(cells)
        else:  # a wrapped cell: the line goes on the row above
            for index, words in enumerate(cells):
                rows[-1][index] += words
    if len(rows) < 2:
        return ()
    return tuple(tuple(join(words) for words in row) for row in rows)
