"""Values typed after their label that go on under their own first word: a list one
item per line ("Bot Name(s): MVB-PA-1" over "MVB-PA-2"), or a description wrapped at the
value's left edge rather than the label's. A line joins the value when it starts at
that edge with nothing left of it, in the same type, close under the line before, and
is no label, mark or heading (the pairing's own test, passed in as ``take``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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


def lines_under(lines: Sequence[Sequence[Word]], number: int, first: Word,
                take: Callable[[Sequence[Word]], str]) -> list[str]:
    """The texts of the lines after ``number`` that continue a value starting at
    ``first``; ``take`` gives "" for a segment that is no value (and marks it used)."""
    found: list[str] = []
    previous = first
    for line in lines[number + 1: number + 1 + _MOST_LINES]:
        start = segments_of(line)[0]
        height = previous.bottom - previous.top
        if abs(start[0].x0 - first.x0) >= _EDGE or \
                start[0].top - previous.bottom > 0.8 * height + 2 or \
                abs(start[0].bottom - start[0].top - height) > 0.15 * height:
            break
        text = take(start)
        if not text:
            break
        found.append(text)
        previous = start[0]
    return found
