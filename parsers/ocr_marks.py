"""Scans: the check boxes printed as glyphs (☐ ☒), which Tesseract reads as "O", "CO", "&"
or drops, found in the page image instead: small squares drawn in dark ink, checked when
their inside is inked."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

INK = 160  # text is printed black; darker than this is ink
SIDE = (12, 36)  # px at 200 dpi: a box glyph of 7 to 18 points
SLACK = 3  # px the edges of a scanned square may wander
EMPTY = 0.04  # share of an empty box's inside inked (scan noise)
CROSSED = 0.7  # share of the diagonals of a box holding an X that are inked
MIN_CROSS = 0.35  # of the inside an X spans at least, each way
FILLED = 0.6  # share of the inside inked above which it is a bold letter (B, D), no box


@dataclass(frozen=True, slots=True)
class Mark:
    x0: int
    x1: int
    top: int
    bottom: int
    checked: bool


def find_marks(image: Image.Image) -> list[Mark]:
    """Every square of SIDE px on the page, as a mark."""
    ink = np.asarray(image) < INK
    edges = _edges(ink)
    marks: list[Mark] = []
    for y, x0, x1 in edges:
        side = x1 - x0
        if any(abs(mark.x0 - x0) <= SLACK and mark.top - SLACK <= y <= mark.bottom
               for mark in marks):
            continue
        bottom = _bottom(edges, y, x0, x1, side)
        if bottom is None or abs(bottom - y - side) > SLACK:
            continue
        bottom = _last_edge_row(edges, bottom, x0, x1)
        if _sides(ink, y, bottom, x0, x1) and _alone(ink, y, bottom, x0, x1):
            checked = _checked(ink[y + 3: bottom - 2, x0 + 3: x1 - 3])
            if checked is not None:
                marks.append(Mark(x0, x1, y, bottom, checked))
    return marks


def _edges(ink: NDArray[np.bool_]) -> list[tuple[int, int, int]]:
    """Horizontal runs of ink as long as a box is wide: (y, x0, x1), top down."""
    padded = np.pad(ink, ((0, 0), (1, 1))).astype(np.int8)
    steps = np.diff(padded, axis=1)
    starts = np.argwhere(steps == 1)
    ends = np.argwhere(steps == -1)  # same order: row by row, left to right
    lengths = ends[:, 1] - starts[:, 1]
    keep = (lengths >= SIDE[0]) & (lengths <= SIDE[1])
    return [(int(y), int(x0), int(x1)) for (y, x0), x1 in zip(starts[keep], ends[keep][:, 1],
                                                              strict=True)]


def _bottom(edges: list[tuple[int, int, int]], top: int, x0: int, x1: int,
            side: int) -> int | None:
    for y, left, right in edges[bisect_left(edges, (top + side - SLACK,)):]:
        if y > top + side + SLACK:
            break
        if abs(left - x0) <= SLACK and abs(right - x1) <= SLACK:
            return y
    return None


def _last_edge_row(edges: list[tuple[int, int, int]], bottom: int, x0: int, x1: int) -> int:
    """The bottom edge's last row: a scan draws a box's edge two or three rows thick, and
    the blank paper round the box starts below all of them."""
    start = bisect_left(edges, (bottom + 1,))
    for y, left, right in edges[start:]:
        if y > bottom + 1:
            break
        if y == bottom + 1 and abs(left - x0) <= SLACK and abs(right - x1) <= SLACK:
            bottom = y
    return bottom


def _sides(ink: NDArray[np.bool_], top: int, bottom: int, x0: int, x1: int) -> bool:
    """Both upright sides inked from top to bottom (an E or a Z has one or none)."""
    def inked(x: int) -> bool:
        column = ink[top: bottom + 1, max(x - 1, 0): x + 2].any(axis=1)
        return bool(column.mean() >= 0.9)
    return inked(x0) and inked(x1 - 1)


def _alone(ink: NDArray[np.bool_], top: int, bottom: int, x0: int, x1: int) -> bool:
    """Blank paper all round, a few px off the square: a letter touches its neighbours."""
    if top < 4 or x0 < 4 or bottom + 5 > ink.shape[0] or x1 + 4 > ink.shape[1]:
        return False
    ring = np.concatenate((ink[top - 4: top - 1, x0 - 2: x1 + 2].ravel(),
                           ink[bottom + 2: bottom + 5, x0 - 2: x1 + 2].ravel(),
                           ink[top: bottom + 1, x0 - 4: x0 - 1].ravel(),
                           ink[top: bottom + 1, x1 + 1: x1 + 4].ravel()))
    return bool(ring.mean() <= 0.03)


def _checked(inside: NDArray[np.bool_]) -> bool | None:
    """False for an empty box, True for one holding an X (both diagonals inked: of the
    box, or of a small X drawn in its middle with paper all round it), None for anything
    else (a B, a D or an O that looked like a square)."""
    if inside.size == 0 or inside.mean() <= EMPTY:
        return None if inside.size == 0 else False
    if inside.mean() > FILLED:
        return None
    if _diagonals(inside) >= CROSSED:
        return True
    rows, columns = np.nonzero(inside)
    free = rows.min() > 0 and columns.min() > 0 and rows.max() < inside.shape[0] - 1 and \
        columns.max() < inside.shape[1] - 1  # paper all round: drawn inside, no letter
    cross = inside[rows.min(): rows.max() + 1, columns.min(): columns.max() + 1]
    if not free or min(cross.shape) < MIN_CROSS * min(inside.shape):
        return None  # a letter's strokes, a speck
    return True if _diagonals(cross) >= CROSSED else None


def _diagonals(cross: NDArray[np.bool_]) -> float:
    """The share of both diagonals of ``cross`` that is inked (give or take a pixel)."""
    height, width = cross.shape
    rows = np.arange(height)
    columns = (rows * (width - 1) / max(height - 1, 1)).round().astype(int)
    grown = cross | np.roll(cross, 1, axis=1) | np.roll(cross, -1, axis=1)
    return float(np.concatenate((grown[rows, columns], grown[rows, width - 1 - columns])).mean())
