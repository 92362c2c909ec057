"""Page layout pairing: a long label wrapped onto the next line with its value typed after
a separator at the end of that line ("The RPA information on file ... is current and" over
"accurate – Yes"). The joined lines start with the label; what follows the separator is
its value. Only a separator makes it so (a label's own next words are no value)."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.glyphs import ends_with_separator
from parsers.labels import Vocabulary
from parsers.layout_words import Word


def wrapped_with_value(first: str, text: str,
                       vocabulary: Vocabulary) -> tuple[str, str] | None:
    """(label, value) when ``text`` (a label's first line ``first`` joined with the next)
    is a field label running onto the next line, a colon or dash, and a value."""
    split = vocabulary.split_label(text)
    if split is None or not split[1] or len(split[0]) <= len(first) or \
            not vocabulary.is_field_label(split[0]):
        return None
    label, value = split
    return (label, value) if ":" in text[len(label):len(label) + 3] or \
        ends_with_separator(label) else None


def continues_label(line_part: Sequence[Word], segment: Sequence[Word]) -> bool:
    """Is ``line_part`` (a segment of the line under ``segment``) the label's next line:
    starting at its left edge, or, in a column of labels set flush right against their
    values, ending at its right edge?"""
    if abs(line_part[0].x0 - segment[0].x0) < 3:
        return True
    return abs(line_part[-1].x1 - segment[-1].x1) < 2 and line_part[0].x0 > segment[0].x0 + 3
