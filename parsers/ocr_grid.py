"""Scans, before OCR: the page straightened (the skew that makes the ruled lines best
aligned) and the ruled tables found in it (long dark horizontal and vertical strokes), as
grids of rows and columns with their merged cells. Pure numpy over a grayscale image."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

MAX_SKEW = 2.5  # degrees; a page fed crooked by more than this is not straightened
LINE_GRAY = 210  # table rules scan as light gray, 1-2 px wide: darker than this is ink
MIN_RULE = 60  # px (0.3 in at 200 dpi): no letter has a stroke this long
MERGE = 6  # px: rules (or their ends) this close are one
# px: a rule is a stroke; a band as thick as this is an area (a watermark's letter, a
# filled bar), and erasing it as a rule would wipe the text over it
MAX_WIDTH = 12
Bools = NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Rule:
    """A straight line: ``at`` is its y (horizontal) or x (vertical), from ``start`` to
    ``end`` along it, ``width`` px thick."""

    at: float
    start: int
    end: int
    width: int = 1


@dataclass(frozen=True, slots=True)
class Grid:
    """One ruled table: row edges ``ys`` and column edges ``xs`` (px, top-down), with the
    rules that draw it, so a cell knows whether it runs on into the next row or column."""

    ys: tuple[float, ...]
    xs: tuple[float, ...]
    rows: tuple[Rule, ...]
    columns: tuple[Rule, ...]

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """The (row, column) of the cell holding the point, moved to its merged cell's top
        left; None outside the table."""
        row = _index(self.ys, y)
        column = _index(self.xs, x)
        if row is None or column is None:
            return None
        while row > 0 and not self._ruled(self.rows, self.ys[row], self._middle(self.xs, column)):
            row -= 1
        while column > 0 and not self._ruled(self.columns, self.xs[column],
                                             self._middle(self.ys, row)):
            column -= 1
        return row, column

    @staticmethod
    def _middle(edges: tuple[float, ...], index: int) -> float:
        return (edges[index] + edges[index + 1]) / 2

    @staticmethod
    def _ruled(rules: tuple[Rule, ...], at: float, along: float) -> bool:
        return any(abs(rule.at - at) <= MERGE and rule.start - MERGE <= along <= rule.end + MERGE
                   for rule in rules)


def _index(edges: tuple[float, ...], value: float) -> int | None:
    for index in range(len(edges) - 1):
        if edges[index] <= value < edges[index + 1]:
            return index
    return None


def straighten(image: Image.Image) -> Image.Image:
    """The page rotated by the angle (0.1° steps) that makes its rows of ink sharpest."""
    small = image.reduce(2)  # half size: the angle comes out the same, four times faster
    if not (np.asarray(small) < 128).any():
        return image
    angles = [step / 10 for step in range(int(-MAX_SKEW * 10), int(MAX_SKEW * 10) + 1)]
    best = max(angles, key=lambda angle: (_sharpness(small, angle), -abs(angle)))
    if best == 0:
        return image
    return image.rotate(best, resample=Image.Resampling.BILINEAR, fillcolor=255)


def _sharpness(small: Image.Image, angle: float) -> float:
    rotated = small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=255)
    profile = (np.asarray(rotated) < 128).sum(axis=1).astype(np.float64)
    return float((np.diff(profile) ** 2).sum())


def find_grids(image: Image.Image) -> list[Grid]:
    """The ruled tables of a straightened page."""
    gray = np.asarray(image)
    rows = _rules(_runs(_thick(gray, axis=0) < LINE_GRAY, MIN_RULE), MIN_RULE)
    columns = _rules(_runs(_thick(gray, axis=1).T < LINE_GRAY, MIN_RULE), MIN_RULE)
    return [grid for grid in (_grid(span, rows, columns) for span in _spans(columns))
            if grid is not None]


def erase_rules(image: Image.Image, grids: Iterable[Grid]) -> Image.Image:
    """A copy with the tables' rules painted white, so that borders do not read as ``|``,
    ``_`` or ``[`` and Tesseract sees each cell's text as a block of its own."""
    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for grid in grids:
        for rule in grid.rows:
            half = rule.width / 2 + 1
            draw.rectangle((rule.start, rule.at - half, rule.end, rule.at + half), fill=255)
        for rule in grid.columns:
            half = rule.width / 2 + 1
            draw.rectangle((rule.at - half, rule.start, rule.at + half, rule.end), fill=255)
    return clean


def _thick(gray: NDArray[np.uint8], axis: int) -> NDArray[np.uint8]:
    """The darkest of each pixel and its two neighbours across the line's direction: a thin
    gray rule, blurred over two pixels by the scan, reads as one dark stroke."""
    padded = np.pad(gray, [(1, 1) if axis == dim else (0, 0) for dim in range(2)], mode="edge")
    if axis == 0:
        return np.minimum(np.minimum(padded[:-2], padded[1:-1]), padded[2:])
    return np.minimum(np.minimum(padded[:, :-2], padded[:, 1:-1]), padded[:, 2:])


def _runs(dark: Bools, length: int) -> Bools:
    """Pixels inside a horizontal run of ``length`` px at least 90 % dark (JPEG noise and
    a slight residual skew leave gaps in a rule)."""
    counts = np.cumsum(np.pad(dark, ((0, 0), (1, 0))).astype(np.int32), axis=1)
    starts = (counts[:, length:] - counts[:, :-length]) >= int(0.9 * length)
    started = np.cumsum(np.pad(starts, ((0, 0), (1, 0))).astype(np.int32), axis=1)
    index = np.arange(dark.shape[1])
    high = np.minimum(index + 1, starts.shape[1])
    low = np.clip(index - length + 1, 0, starts.shape[1])
    covered: Bools = (started[:, high] - started[:, low]) > 0
    return covered & dark


def _rules(mask: Bools, length: int) -> list[Rule]:
    """Runs of the mask, row by row, joined into rules across neighbouring rows."""
    pieces: list[list[int]] = []  # [first row, last row, start, end]
    for y in np.nonzero(mask.any(axis=1))[0]:
        edges = np.diff(np.concatenate(([0], mask[y].astype(np.int8), [0])))
        for start, end in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0], strict=True):
            if end - start >= length:
                _join_piece(pieces, int(y), int(start), int(end))
    return [Rule((first + last) / 2, start, end, last - first + 1)
            for first, last, start, end in pieces if last - first < MAX_WIDTH]


def _join_piece(pieces: list[list[int]], y: int, start: int, end: int) -> None:
    for piece in pieces:
        if y - piece[1] <= 2 and start <= piece[3] + MERGE and end >= piece[2] - MERGE:
            piece[1], piece[2], piece[3] = y, min(piece[2], start), max(piece[3], end)
            return
    pieces.append([y, y, start, end])


def _spans(columns: list[Rule]) -> list[tuple[int, int]]:
    """Stretches of the page covered by vertical rules: one per table."""
    spans: list[list[int]] = []
    for rule in sorted(columns, key=lambda item: item.start):
        if spans and rule.start <= spans[-1][1] + MERGE:
            spans[-1][1] = max(spans[-1][1], rule.end)
        else:
            spans.append([rule.start, rule.end])
    return [(start, end) for start, end in spans]


def _grid(span: tuple[int, int], rows: list[Rule], columns: list[Rule]) -> Grid | None:
    top, bottom = span
    inside_columns = [rule for rule in columns
                      if rule.start >= top - MERGE and rule.end <= bottom + MERGE]
    xs = _edges(rule.at for rule in inside_columns)
    if len(xs) < 2:
        return None
    inside_rows = [rule for rule in rows if top - MERGE <= rule.at <= bottom + MERGE
                   and rule.end > xs[0] and rule.start < xs[-1]]
    ys = _edges(rule.at for rule in inside_rows)
    if len(xs) < 2 or len(ys) < 2:
        return None
    return Grid(tuple(ys), tuple(xs), tuple(inside_rows), tuple(inside_columns))


def _edges(positions: Iterable[float]) -> list[float]:
    """Positions closer than MERGE px are one edge."""
    edges: list[list[float]] = []
    for at in sorted(positions):
        if edges and at - edges[-1][-1] <= MERGE:
            edges[-1].append(at)
        else:
            edges.append([at])
    return [sum(group) / len(group) for group in edges]
