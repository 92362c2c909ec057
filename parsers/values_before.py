"""Rows set right to left: the value first, at the left, and its label last on the line,
set against the right margin ("Nashoba Valley Home Care, LLC ...... Organization Legal
Name"). A label at the right margin with nothing after it takes the one segment before it
on its line when that is nobody's value yet and no label, mark or heading (the pairing's
own test, passed in as ``take``); a value wrapped in its column goes on at its left edge on
the lines under it that hold no label of their own (the next row has one). A check mark
set before a label at the right margin answers that label. A pairing by position: never a
sure value."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.continued_values import lines_under
from parsers.layout_words import Word, segments_of, unwrapped

_MARGIN = 40.0  # points from the page's rightmost text that are its right margin
_FLUSH = 1.5  # points apart that two line ends are set flush


def value_before(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                 right: float, take: Callable[[Sequence[Word]], str],
                 labelled: Callable[[Sequence[Word]], bool]) -> str:
    """The value set before a label that ends its line at the right margin, with the
    lines it wraps onto, or ""."""
    before = _before(lines[number], segment, right)
    value = take(before) if before else ""
    if not value or before is None:
        return ""
    stop = next((at for at in range(number + 1, len(lines))
                 if any(labelled(part) for part in segments_of(lines[at]))), len(lines))
    return unwrapped("\n".join([value, *lines_under(lines[:stop], number, before,
                                                      before[0], take)]))


def question_after(lines: Sequence[Sequence[Word]], number: int, mark: Word, right: float,
                   label: Callable[[str], bool]) -> str:
    """The label at the right margin of a check mark's line (wrapped: with the line before
    or after it), when the mark is set before it and the page sets its labels flush right
    (other lines end where it ends: not one long label of a column); else ""."""
    own = _last(lines[number], mark, right)
    if own is None or sum(abs(line[-1].x1 - own[-1].x1) <= _FLUSH for line in lines) < 3:
        return ""
    near = [_last(lines[at], mark, right) if 0 <= at < len(lines) else None
            for at in (number - 1, number + 1)]
    above, below = (" ".join(word.text for word in part) if part else "" for part in near)
    text = " ".join(word.text for word in own)
    return next((joined for joined in (text, f"{above} {text}", f"{text} {below}")
                 if label(joined.strip())), "")


def _before(line: Sequence[Word], segment: Sequence[Word], right: float
            ) -> Sequence[Word] | None:
    parts = segments_of(line)
    before = [part for part in parts if part[-1].x1 < segment[0].x0]
    if segment[-1].x1 < right - _MARGIN or len(before) != 1 or \
            any(part[0].x0 > segment[-1].x1 for part in parts):
        return None
    return before[0]


def _last(line: Sequence[Word], mark: Word, right: float) -> Sequence[Word] | None:
    """The line's last segment, when it ends at the right margin well right of ``mark``."""
    parts = segments_of(line)
    if not parts or parts[-1][-1].x1 < right - _MARGIN or parts[-1][0].x0 < mark.x1 + 40:
        return None
    return parts[-1]


def unpaired_before(line: Sequence[Word], segment: Sequence[Word],
                    paired: Callable[[Sequence[Word]], bool]) -> bool:
    """Is there text before the label on its line that ``paired`` says is nobody's value
    and no label? Then the label's blank is not sure: that text may be its value."""
    return any(part[-1].x1 < segment[0].x0 and not paired(part) for part in segments_of(line))
