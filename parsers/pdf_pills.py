"""PDF reader, choice pills: a browser prints a question's options as rounded rectangles
around their text, the chosen ones filled (often with a check before the text). Each
pill becomes a check box at its left end, checked when filled, so that the one pairing
rule reads them as it reads boxes. Pure: pdfplumber's shapes and words in, Boxes out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsers.layout_words import Box, Word
from parsers.pdf_boxes import MARK_GLYPHS

_LIGHT = 0.75  # a fill this light (mean of its channels) is a field's or page's
# background; a chosen pill is filled with the pills' own strong colour, its text white


def pill_boxes(shapes: Sequence[dict[str, Any]],
               words: Sequence[Word]) -> tuple[list[Box], list[Word]]:
    """The page's pills as boxes, and its words without the check glyphs inside them;
    none unless some pill is filled and some of its colour only outlined (a page of
    plain rounded boxes, or of badges, has no pills)."""
    pills = [(shape, inside) for shape in shapes if _pill_shaped(shape)
             for inside in [[w for w in words if _within(w, shape)]] if _hugs(shape, inside)]
    chosen = [shape for shape, _inside in pills if _filled(shape)]
    if not chosen:
        return [], list(words)
    # options come as a group, some chosen, some only outlined: filled badges alone
    # ("PASS" in a table) are no choices
    filled = {_key(shape) for shape in chosen}
    outlined = {_colour(shape, "stroking_color") for shape, _inside in pills
                if not shape.get("fill") and _key(shape) not in filled}
    colours = {_colour(shape, "non_stroking_color") for shape in chosen} & outlined
    boxes: dict[tuple[int, int], Box] = {}
    glyphs: set[int] = set()
    for shape, inside in pills:
        if not ({_colour(shape, "stroking_color"), _colour(shape, "non_stroking_color")}
                & colours):
            continue  # a value's box, outlined in grey: no option
        key = _key(shape)
        checked = _filled(shape) or (key in boxes and boxes[key].checked)
        first = min(inside, key=lambda w: w.x0)
        if first.text in MARK_GLYPHS and len(inside) > 1:  # the check before the text
            glyphs.add(id(first))
            inside = [w for w in inside if w is not first]
        boxes[key] = _box_before(shape, inside, checked)
    return list(boxes.values()), [w for w in words if id(w) not in glyphs]


def _key(shape: dict[str, Any]) -> tuple[int, int]:
    """Where a pill is: its fill and its outline may be drawn as two shapes."""
    return round(shape["x0"]), round(shape["top"])


def _pill_shaped(shape: dict[str, Any]) -> bool:
    width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
    return 8 <= height <= 30 and width > 1.5 * height


def _hugs(shape: dict[str, Any], inside: Sequence[Word]) -> bool:
    """A pill is as wide as its text and some padding; a heading's bar or a field's box
    runs on far past its text."""
    if not inside:
        return False
    text = max(w.x1 for w in inside) - min(w.x0 for w in inside)
    return shape["x1"] - shape["x0"] < text + 3 * (shape["bottom"] - shape["top"])


def _filled(shape: dict[str, Any]) -> bool:
    color = shape.get("non_stroking_color")
    if not shape.get("fill") or not isinstance(color, (tuple, list)) or len(color) not in (1, 3) \
            or not all(isinstance(c, (int, float)) for c in color):
        return False  # no fill, or a CMYK or pattern fill we do not judge
    return sum(color) / len(color) < _LIGHT


def _colour(shape: dict[str, Any], key: str) -> tuple[float, ...]:
    """A shape's stroke or fill colour, rounded (one pill colour is one colour)."""
    colour = shape.get(key)
    if not isinstance(colour, (tuple, list)):
        return ()
    return tuple(round(c, 2) for c in colour if isinstance(c, (int, float)))


def _within(word: Word, shape: dict[str, Any]) -> bool:
    return shape["x0"] - 1 <= word.x0 and word.x1 <= shape["x1"] + 1 and \
        shape["top"] - 1 <= word.top and word.bottom <= shape["bottom"] + 1


def _box_before(shape: dict[str, Any], inside: Sequence[Word], checked: bool) -> Box:
    """A box in the pill's left padding, on the line of its text."""
    first = min(inside, key=lambda w: w.x0)
    size = first.bottom - first.top
    right = max(shape["x0"] + 1, first.x0 - 1)
    return Box(right - size, right, first.top, first.bottom, checked)
