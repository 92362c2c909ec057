"""Values typed after their label that go on under their own first word: a list one item
per line ("Bot Name(s): MVB-PA-1" over "MVB-PA-2"), or a text wrapped at the value's left
edge rather than the label's ("Organization Legal Name: Nexus Health Data Exchange" over
"Corp."). In a page of two columns, or a narrow column, this happens well before the
page's right margin. A line joins the value when a segment of it starts at that edge with
nothing of the label's column left of it, in the same type, close under the line before,
and is no label, mark or heading (the pairing's own test, passed in as ``take``); a line
wholly in another column, set in between, is passed over."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.layout_columns import other_column
from parsers.layout_words import Word, segments_of

_EDGE = 3.0  # points a continued line's start may be off the value's left edge
_MOST_LINES = 20


def value_start(segment: Sequence[Word], value: str) -> Word | None:
    """The first word of ``value`` typed at the end of ``segment`` (after its label)."""
    count = len(value.split())
    if not count or count >= len(segment):
        return None
    first = segment[-count]
    return first if value.startswith(first.text) else None


def lines_under(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                first: Word, take: Callable[[Sequence[Word]], str]) -> list[str]:
    """The texts of the lines after ``number`` that continue a value of ``segment``
    starting at ``first``; ``take`` gives "" for a segment that is no value (and marks it
    used)."""
    found: list[str] = []
    previous = first
    for line in lines[number + 1: number + 1 + _MOST_LINES]:
        if other_column(line, segment):
            continue
        own = _continuing(segments_of(line), segment, first, previous)
        text = take(own) if own is not None else ""
        if own is None or not text:
            break
        found.append(text)
        previous = own[0]
    return found


def _continuing(parts: Sequence[Sequence[Word]], segment: Sequence[Word], first: Word,
                previous: Word) -> Sequence[Word] | None:
    """The part of a line that goes on with the value: at its left edge, nothing of the
    label's column before it, one line under ``previous`` in the same type."""
    own = next((part for part in parts if abs(part[0].x0 - first.x0) < _EDGE), None)
    height = previous.bottom - previous.top
    if own is None or own[0].top - previous.bottom > 0.8 * height + 2 or \
            abs(own[0].bottom - own[0].top - height) > 0.15 * height or \
            any(segment[0].x0 - 3 <= part[0].x0 < own[0].x0 for part in parts):
        return None
    return own
