"""PDF reader, printed check boxes: a check mark drawn as strokes, not typed. A writer may
draw the tick of a ticked box as an open polyline or curve (no glyph, no fill), often
as large as the box and poking out of it a little; a box's ring or inner border is a
closed shape, so an open stroke across most of the box is a mark whatever its size."""

from __future__ import annotations

from math import dist
from typing import Any

_SPAN = 0.4  # of the box's size a tick reaches across, at least
_OUT = 2.0  # points a tick's stroke may stick out of its box


def drawn_tick(shape: dict[str, Any], box: dict[str, Any]) -> bool:
    """Is ``shape`` (a pdfplumber curve or line) an open, unfilled stroke inside ``box``
    spanning most of it?"""
    points = shape.get("pts") or []
    size = box["x1"] - box["x0"]
    if shape is box or shape.get("fill") or len(points) < 3 or \
            dist(points[0], points[-1]) < 0.3 * size:
        return False  # a dot, a filled square, a ring or a border: closed shapes
    inside = box["x0"] - _OUT <= shape["x0"] and shape["x1"] <= box["x1"] + _OUT and \
        box["top"] - _OUT <= shape["top"] and shape["bottom"] <= box["bottom"] + _OUT
    width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
    return inside and min(width, height) > _SPAN * size
