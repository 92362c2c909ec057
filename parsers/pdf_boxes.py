"""PDF reader, printed check boxes: small squares drawn on the page, and whether something
is drawn or typed inside them (an X or a check of lines or curves, a radio button's dot, an
"X" or "✓" glyph). Pure: pdfplumber's object dictionaries and words in, Boxes out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsers.pdf_layout import Box, Word
from parsers.vector_ticks import drawn_tick

MARK_GLYPHS = {"X", "x", "✓", "✔", "✗", "✘", "/", "■", "●"}
_BORDER = 0.75  # a shape this large against its box is a border or a ring, not a mark
_MAX_BOXES = 500


def drawn_boxes(rects: Sequence[dict[str, Any]], lines: Sequence[dict[str, Any]],
                curves: Sequence[dict[str, Any]],
                words: Sequence[Word]) -> tuple[list[Box], list[Word]]:
    """The page's boxes, and its words without the glyphs typed inside a box."""
    # a browser draws its native boxes and radio buttons as curves (rounded squares, rings)
    squares = _outermost([shape for shape in (*rects, *curves) if _square(shape)])
    squares = _without_combs(squares)[:_MAX_BOXES]
    typed = {id(word): square for word in words if word.text in MARK_GLYPHS
             for square in squares if _within(_word_box(word), square, margin=2)}
    boxes = []
    for square in squares:
        marked = any(_diagonal(line, square) for line in lines) or \
            any(_mark_shape(curve, square, _BORDER) or drawn_tick(curve, square)
                for curve in curves) or \
            any(_mark_shape(rect, square, 0.6) for rect in rects if rect.get("fill")) or \
            any(found is square for found in typed.values())
        boxes.append(Box(square["x0"], square["x1"], square["top"], square["bottom"], marked))
    return boxes, [word for word in words if id(word) not in typed]


def _square(shape: dict[str, Any]) -> bool:
    width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
    return 5 <= width <= 16 and abs(width - height) < 2


def _without_combs(squares: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Squares drawn edge to edge in a row are the cells of a comb (one character per
    box), not check boxes: a row of check boxes has its options' text between them. (A
    box drawn twice, outline over fill, shares its own edges: no neighbour.)"""
    lefts = {(round(square["top"]), round(square["x0"]) + step)
             for square in squares for step in (-1, 0, 1)}
    rights = {(round(square["top"]), round(square["x1"]) + step)
              for square in squares for step in (-1, 0, 1)}
    return [square for square in squares
            if (round(square["top"]), round(square["x1"])) not in lefts
            and (round(square["top"]), round(square["x0"])) not in rights]


def _outermost(squares: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A box drawn with an inner bevel is one box."""
    return [square for square in squares
            if not any(other is not square and other["width"] > square["width"]
                       and _within(square, other, margin=1) for other in squares)]


def _diagonal(stroke: dict[str, Any], box: dict[str, Any]) -> bool:
    """A slanted line inside the box (a border is level or upright)."""
    return _within(stroke, box, margin=1) and stroke["x1"] - stroke["x0"] > 2 and \
        stroke["bottom"] - stroke["top"] > 2


def _mark_shape(shape: dict[str, Any], box: dict[str, Any], largest: float) -> bool:
    """A check drawn as curves, a radio button's dot or a filled square: inside the box
    and clearly smaller than it (a radio button's ring or an inner border is no mark)."""
    if shape is box or not _within(shape, box, margin=1):
        return False
    width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
    size = box["x1"] - box["x0"]
    return 0.2 * size < max(width, height) < largest * size


def _word_box(word: Word) -> dict[str, float]:
    return {"x0": word.x0, "x1": word.x1, "top": word.top, "bottom": word.bottom}


def _within(inner: dict[str, Any], outer: dict[str, Any], *, margin: float) -> bool:
    return (outer["x0"] - margin <= inner["x0"] and inner["x1"] <= outer["x1"] + margin
            and outer["top"] - margin <= inner["top"]
            and inner["bottom"] <= outer["bottom"] + margin)
