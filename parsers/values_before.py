"""Rows set right to left: the value first, at the left, and its label last on the line,
set against the right margin ("Nashoba Valley Home Care, LLC ...... Organization Legal
Name"). A label at the right margin with nothing after it takes the one segment before it
on its line when that is nobody's value yet and no label, mark or heading (the pairing's
own test, passed in as ``take``). A pairing by position: never a sure value."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.layout_words import Word, segments_of

_MARGIN = 40.0  # points from the page's rightmost text that are its right margin


def value_before(line: Sequence[Word], segment: Sequence[Word], right: float,
                 take: Callable[[Sequence[Word]], str]) -> str:
    """The value set before a label that ends its line at the right margin, or ""."""
    parts = segments_of(line)
    before = [part for part in parts if part[-1].x1 < segment[0].x0]
    if segment[-1].x1 < right - _MARGIN or len(before) != 1 or \
            any(part[0].x0 > segment[-1].x1 for part in parts):
        return ""
    return take(before[0])


def unpaired_before(line: Sequence[Word], segment: Sequence[Word],
                    paired: Callable[[Sequence[Word]], bool]) -> bool:
    """Is there text before the label on its line that ``paired`` says is nobody's value
    and no label? Then the label's blank is not sure: that text may be its value."""
    return any(part[-1].x1 < segment[0].x0 and not paired(part) for part in segments_of(line))
