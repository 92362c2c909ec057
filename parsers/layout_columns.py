"""Columns of a printed page for the layout pairing: a page set in two text columns whose
lines do not align (newspaper columns) interleaves its lines, so the line under a label
may belong to the other column; these helpers find the label's own next line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from parsers.layout_words import Word, mark

_OTHER_GAP = 60.0  # points right of a label's end where the next column's text starts


def other_column(line: Sequence[Word], segment: Sequence[Word]) -> bool:
    """Is every word of ``line`` in another column than ``segment``: wholly left of it, or
    starting well right of its end?"""
    return all(word.x1 < segment[0].x0 - 3 for word in line) or \
        all(word.x0 > segment[-1].x1 + _OTHER_GAP for word in line)


def next_in_column(lines: Sequence[Sequence[Word]], number: int,
                   segment: Sequence[Word], reach: int = 6) -> int | None:
    """The index of the first line after ``number`` that is not wholly in another column
    (within ``reach`` lines), or None."""
    for index in range(number + 1, min(len(lines), number + 1 + reach)):
        if not other_column(lines[index], segment) and \
                not _wrapped_neighbours(lines[index], segment):
            return index
    return None


def _wrapped_neighbours(line: Sequence[Word], segment: Sequence[Word]) -> bool:
    """A row of boxed fields whose labels wrap onto a second line ("MassHealth Provider
    ID/Service" over "Location (PID/SL)"): under a one-line label between them, that line
    holds only its neighbours' label ends, nothing under the label itself."""
    return all(word.x1 < segment[0].x0 - 3 or word.x0 > segment[-1].x1 + 3 for word in line) \
        and any(word.x1 < segment[0].x0 - 3 for word in line) and \
        any(word.x0 > segment[-1].x1 + 3 for word in line)


def label_columns(starts: Sequence[float]) -> frozenset[int]:
    """The left edges (rounded) at which two or more field labels of a page start: the
    columns of a page set in columns of label-over-value fields."""
    counts = Counter(round(x) for x in starts)
    return frozenset(x for x, count in counts.items() if count >= 2)


def at_label_column(segment: Sequence[Word], columns: frozenset[int]) -> bool:
    """Does ``segment`` start at one of those columns (so it is not a value beside a label
    of another column)?"""
    return any(abs(segment[0].x0 - x) < 2 for x in columns)


def marks_beside(line: Sequence[Word], segment: Sequence[Word],
                 columns: frozenset[int]) -> bool:
    """Check marks after the label on its line, before the next column of labels (the
    marks there answer a question of that column)."""
    end = segment[-1].x1
    edge = min((x for x in columns if x > end), default=float("inf")) - 2
    return any(mark(word) is not None for word in line if end < word.x0 < edge)
