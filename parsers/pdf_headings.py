"""Section headings of a printed page, found before the pairing: a blank field must not
take the heading above or below it as its value. A heading is a segment alone on its
line that says "(continued)", or one set in a bold weight and a larger type than the
page's field labels, with no separator ("RPA Tool and Bots" over "RPA Tool (Product
Name)"), or one printed in white, reversed out of a coloured band. Values are set larger
than labels too, but not in bold and larger both, and never in white. The page's first or
last line printing the form's code is its running header or footer."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import replace

from parsers.labels import Vocabulary
from parsers.layout_words import Word, join, mark, segments_of

_BOLD = re.compile(r"bold|demi|heavy|black|semibold", re.IGNORECASE)
_CONTINUED = re.compile(r"\(\s*cont(?:inued|'d|d|\.)?\s*\)\s*$", re.IGNORECASE)
_LARGER = 1.2  # times the labels' type height, at least
_MOST_WORDS = 8
_LIGHT = 0.85  # the luminance, 0 black to 1 white, from which type is printed white


def light_ink(color: object) -> bool:
    """Is a PDF fill colour (pdfplumber's ``non_stroking_color``: gray, RGB or CMYK
    components from 0 to 1) white or nearly so?"""
    if not isinstance(color, (tuple, list)) or not all(
            isinstance(part, (int, float)) for part in color):
        return False  # no colour, or a pattern
    parts = [float(part) for part in color]
    if len(parts) == 1:
        return parts[0] >= _LIGHT
    if len(parts) == 3:
        return 0.299 * parts[0] + 0.587 * parts[1] + 0.114 * parts[2] >= _LIGHT
    if len(parts) == 4:
        return (1 - parts[3]) * (1 - max(parts[:3])) >= _LIGHT
    return False


def marked_headings(lines: Sequence[list[Word]], vocabulary: Vocabulary) -> list[list[Word]]:
    """The lines, the words of each heading segment marked ``heading``."""
    height = _label_height(lines, vocabulary)
    return [[replace(word, heading=True) for word in line]
            if _heading_line(line, height) or
            (number in (0, len(lines) - 1) and vocabulary.names_form_code(join(line)))
            else line for number, line in enumerate(lines)]


def _heading_line(line: Sequence[Word], label_height: float) -> bool:
    segments = segments_of(line)
    if len(segments) != 1:
        return False  # a heading stands alone on its line
    text = join(line)
    if ":" in text or mark(line[0]) is not None or not any(c.isalpha() for c in text):
        return False
    if _CONTINUED.search(text) or all(word.light for word in line):
        return True
    return label_height > 0 and len(text.split()) <= _MOST_WORDS and \
        all(_BOLD.search(word.font) for word in line) and \
        min(_height(word) for word in line) >= _LARGER * label_height


def _label_height(lines: Sequence[Sequence[Word]], vocabulary: Vocabulary) -> float:
    """The type height of the page's field labels (the median of those printed alone)."""
    heights = [_height(segment[0]) for line in lines for segment in segments_of(line)
               if vocabulary.is_field_label(join(segment))]
    return statistics.median(heights) if heights else 0.0


def _height(word: Word) -> float:
    return word.bottom - word.top
