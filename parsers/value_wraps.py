"""Page layout pairing: a value typed after its label's colon that wraps onto the lines
under it, each starting where the value started ("Organization Legal Name: Nexus Health
Data Exchange" over "Corp.", a list one item per line under its first item). In a page
of two columns, or a narrow column, this happens well before the page's right margin."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.layout_columns import other_column
from parsers.layout_words import Word, segments_of

_ALIGN = 2.0  # points a wrapped line's start may be off the value's start


def value_start(segment: Sequence[Word]) -> Word | None:
    """The first word of the value in a "Label: value" segment: the word after the one
    that ends with the colon."""
    for index, word in enumerate(segment[:-1]):
        if word.text.endswith(":"):
            return segment[index + 1]
    return None


def hung_lines(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
               take: Callable[[Sequence[Word]], str]) -> list[str]:
    """The value's lines under line ``number`` that start at its value's left edge, with
    nothing of the label's column left of them, one line apart; ``take`` reads one (""
    for a label, a mark or a heading, which ends the value)."""
    start = value_start(segment)
    if start is None:
        return []
    found: list[str] = []
    previous = start
    for line in lines[number + 1: number + 21]:
        if other_column(line, segment):
            continue  # a line of the other column, set in between
        parts = segments_of(line)
        own = next((part for part in parts if abs(part[0].x0 - start.x0) < _ALIGN), None)
        height = previous.bottom - previous.top
        if own is None or own[0].top - previous.bottom > 0.8 * height + 2 or any(
                segment[0].x0 - 3 <= part[0].x0 < own[0].x0 for part in parts):
            break
        text = take(own)
        if not text:
            break
        found.append(text)
        previous = own[0]
    return found
