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
MIN_COMB = 40  # px: two boxes of a comb side by side
COMB_BOX = (14, 50)  # px: the height of a comb's box (7 to 18 points at 200 dpi)
COMB_PITCH = 1.6  # of a box's height: the widest step from one box of a comb to the next
RULE_WIDTH = 8  # px: the thickest rule (a 2 pt border, widened 2 px by _thick); more
# is a filled area (a watermark's letters, a band)
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
    rows = [rule for rule in rows if not _shaded_words(rule, columns)]
    return [grid for grid in (_grid(span, rows, columns) for span in _spans(columns))
            if grid is not None]


def _shaded_words(rule: Rule, columns: list[Rule]) -> bool:
    """A stroke thicker than any rule that does not run from a vertical rule to another is
    a line of bold words on a shaded header band (the band's grey, near LINE_GRAY in a
    noisy scan, joins the letters): no row edge, and not to be erased with its words."""
    if rule.width <= RULE_WIDTH:
        return False
    crossing = [column.at for column in columns
                if column.start - MERGE <= rule.at <= column.end + MERGE]
    return not all(any(abs(at - end) <= MERGE for at in crossing)
                   for end in (rule.start, rule.end))


def erase_rules(image: Image.Image, grids: Iterable[Grid]) -> Image.Image:
    """A copy with the tables' rules painted white, so that borders do not read as ``|``,
    ``_`` or ``[`` and Tesseract sees each cell's text as a block of its own."""
    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for grid in grids:  # a filled area (a watermark's letters) keeps the text over it
        for rule in (rule for rule in grid.rows if rule.width <= RULE_WIDTH):
            half = rule.width / 2 + 1
            draw.rectangle((rule.start, rule.at - half, rule.end, rule.at + half), fill=255)
        for rule in (rule for rule in grid.columns if rule.width <= RULE_WIDTH):
            half = rule.width / 2 + 1
            draw.rectangle((rule.at - half, rule.start, rule.at + half, rule.end), fill=255)
    return clean


def erase_combs(image: Image.Image) -> Image.Image:
    """A copy with the comb boxes' lines painted white: a code typed one character per
    box (a FEIN, a ZIP) is read as its characters, which the engine does not see inside
    the boxes. A comb is two rules a box's height apart, joined by three or more strokes
    from one to the other about a box's height apart, paper in between; a letter never
    spans from rule to rule, a table row's cells are wider, a band is dark all over."""
    gray = np.asarray(image)
    dark = _thick(gray, axis=0) < LINE_GRAY
    rules = sorted(_rules(_runs(dark, MIN_COMB), MIN_COMB), key=lambda rule: rule.at)
    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for top, bottom in _rule_pairs(rules):
        start, end = max(top.start, bottom.start), min(top.end, bottom.end)
        band = gray[int(top.at): int(bottom.at) + 1, start: end] < LINE_GRAY
        strokes = np.nonzero(band.mean(axis=0) >= 0.9)[0]
        groups = _groups(strokes)
        steps = np.diff([group[0] for group in groups])
        height = bottom.at - top.at
        if len(groups) < 3 or band.mean() > 0.4 or \
                not 0.6 * height <= np.median(steps) <= COMB_PITCH * height:
            continue  # a dark band's letters; a table row, whose cells are wider
        for rule in (top, bottom):
            half = rule.width / 2 + 1
            draw.rectangle((start, rule.at - half, end, rule.at + half), fill=255)
        for x in strokes:
            draw.line((start + int(x), top.at, start + int(x), bottom.at), fill=255, width=3)
    return clean


def _rule_pairs(rules: list[Rule]) -> list[tuple[Rule, Rule]]:
    """Rules one above the other a box's height apart, side by side for MIN_COMB px."""
    return [(top, bottom) for index, top in enumerate(rules) for bottom in rules[index + 1:]
            if COMB_BOX[0] <= bottom.at - top.at <= COMB_BOX[1] and
            min(top.end, bottom.end) - max(top.start, bottom.start) >= MIN_COMB]


def _groups(columns: NDArray[np.intp]) -> list[list[int]]:
    """Neighbouring column indexes as one stroke each."""
    groups: list[list[int]] = []
    for column in columns.tolist():
        if groups and column - groups[-1][-1] <= 2:
            groups[-1].append(column)
        else:
            groups.append([column])
    return groups


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
            for first, last, start, end in pieces]


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
