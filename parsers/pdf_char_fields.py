"""Fillable forms that build a code as ONE-CHARACTER FIELDS in a row (a FEIN as nine fields
``ein_digito_1`` .. ``ein_digito_9`` with a printed "-" between the second and third): the
row is one field again, named by its common stem, its value the characters joined with the
separators printed between the boxes, so the label beside the first box names it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers.glyphs import CODE_SEPARATORS
from parsers.layout_words import Word
from parsers.pdf_fields import Widget

SEPARATORS = CODE_SEPARATORS | {"–"}  # an en dash is read as "-"
NUMBERED = re.compile(r"^(.*?)[_\-. ]?\d+$")
ROW = 2.0  # points the boxes' bottoms may differ on one row
REACH = 1.5  # box widths between two boxes of one row, at most


def joined_characters(widgets: list[Widget], words_of: Callable[[int], list[Word]],
                      height_of: Callable[[int], float]) -> list[Widget]:
    """The widgets with each row of numbered one-character text fields as one widget
    (``words_of``/``height_of``: a page's words top-down, and its height; read only for a
    page with such a row)."""
    out: list[Widget] = []
    index = 0
    while index < len(widgets):
        end = index + 1
        while end < len(widgets) and _next_cell(widgets[end - 1], widgets[end]):
            end += 1
        run = widgets[index:end]
        if len(run) >= 3 and _one_character(run[0]):
            page = run[0].page
            shown = page >= 0
            out.append(_joined(run, words_of(page) if shown else [],
                               height_of(page) if shown else 0.0))
        else:
            out.append(widgets[index])
            end = index + 1
        index = end
    return out


def _one_character(widget: Widget) -> bool:
    return widget.field_type == "/Tx" and widget.rect is not None and \
        isinstance(widget.value, str) and len(widget.value.strip()) <= 1 and \
        NUMBERED.match(widget.name) is not None


def _next_cell(last: Widget, widget: Widget) -> bool:
    """The widget is the next box of the row: same stem, same page and line, just right."""
    if not (_one_character(last) and _one_character(widget)) or last.page != widget.page:
        return False
    first, second = NUMBERED.match(last.name), NUMBERED.match(widget.name)
    assert first and second and last.rect and widget.rect
    width = last.rect[2] - last.rect[0]
    return first.group(1) == second.group(1) and abs(last.rect[1] - widget.rect[1]) < ROW \
        and 0 <= widget.rect[0] - last.rect[2] <= REACH * width


def _joined(run: Sequence[Widget], words: list[Word], height: float) -> Widget:
    """One widget for the row: characters joined, with a separator printed in a gap."""
    text = ""
    for number, widget in enumerate(run):
        assert widget.rect is not None
        if number and text:
            left = run[number - 1].rect
            assert left is not None
            text += _separator(words, left[2], widget.rect[0],
                               height - widget.rect[3], height - widget.rect[1])
        text += str(widget.value).strip()
    stem = NUMBERED.match(run[0].name)
    rects = [widget.rect for widget in run if widget.rect is not None]
    rect = (min(r[0] for r in rects), min(r[1] for r in rects),
            max(r[2] for r in rects), max(r[3] for r in rects))
    return replace(run[0], name=stem.group(1) if stem else run[0].name,
                   value=text.strip("".join(SEPARATORS)), rect=rect)


def _separator(words: list[Word], x0: float, x1: float, top: float, bottom: float) -> str:
    for word in words:
        middle = (word.x0 + word.x1) / 2
        if word.text in SEPARATORS and x0 - 1 <= middle <= x1 + 1 and \
                word.top < bottom and word.bottom > top:
            return "-" if word.text == "–" else word.text
    return ""
