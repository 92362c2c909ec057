"""Choices printed as short drawn blanks before their options, an X typed over the chosen
ones ("_X_ Yes   ___ No", "___ Claim Status Inquiry"): each blank is a box, ticked when a
mark letter lies on it. An unticked option is then read as unticked, not as the answer
its bare text would be ("Yes"). Only a blank followed on its line by an option of a
choice, a yes/no or a checkbox field is a box: a short line for a value ("State ____")
is not, nor one with anything but a mark typed on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from parsers.glyphs import CHECKED_LETTERS
from parsers.layout_words import ON_RULE, Box, Word, join, typed_on

_SHORTEST, _LONGEST = 6.0, 40.0  # points: a blank for a mark, not for a value
_AFTER = 12.0  # points from a blank's right end to its option's first letter
_WORD_GAP = 8.0  # points between two words of one option


def blank_boxes(lines: Sequence[dict[str, Any]], words: Sequence[Word],
                is_option: Callable[[str], bool]) -> tuple[list[Box], list[Word]]:
    """The boxes drawn as blanks, and the words less the marks typed on them."""
    boxes: list[Box] = []
    marks: set[int] = set()
    for line in lines:
        if not _blank(line):
            continue
        typed = [word for word in words if typed_on(word, line)]
        option = _option_after(line, words)
        if not option or any(word.text not in CHECKED_LETTERS for word in typed) or \
                not is_option(join(option)):
            continue
        boxes.append(Box(float(line["x0"]), float(line["x1"]), option[0].top,
                         option[0].bottom, checked=bool(typed)))
        marks.update(id(word) for word in typed)
    return boxes, [word for word in words if id(word) not in marks]


def _blank(line: dict[str, Any]) -> bool:
    length = float(line["x1"]) - float(line["x0"])
    return abs(float(line["bottom"]) - float(line["top"])) < 1 and \
        _SHORTEST <= length <= _LONGEST


def _option_after(line: dict[str, Any], words: Sequence[Word]) -> list[Word]:
    """The words right after the blank on its line, up to the first wide gap."""
    after = sorted((word for word in words if word.x0 >= float(line["x1"]) - 1 and
                    abs(word.bottom - float(line["top"])) <= ON_RULE),
                   key=lambda word: word.x0)
    if not after or after[0].x0 - float(line["x1"]) > _AFTER:
        return []
    option = [after[0]]
    for word in after[1:]:
        if word.x0 - option[-1].x1 > _WORD_GAP:
            break
        option.append(word)
    return option
