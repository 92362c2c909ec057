"""When a printed label with nothing by it is surely a blank field (pdf_layout's pairing):
a provider may be told it is missing only when the page around it was fully understood."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.labels import Vocabulary
from parsers.layout_values import field_label, heading_segment
from parsers.layout_words import Word, segments_of
from parsers.layout_words import join as _join
from parsers.layout_words import mark as _mark
from parsers.values_before import unpaired_before


def surely_blank(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                vocabulary: Vocabulary, used: set[int]) -> bool:
    """Nothing on the label's line after it but other labels (a row of blank fields), the
    line under it (near its left edge) a field label or a heading, and nothing unpaired
    just above it but a heading."""
    if any(item[0].x0 > segment[-1].x1 and not _bare_label(item, vocabulary)
           for item in segments_of(lines[number])) or unpaired_before(
               lines[number], segment, lambda item: id(item[0]) in used or
               field_label(_join(item), vocabulary) is not None or _mark(item[0]) is not None):
        return False
    below = lines[number + 1] if number + 1 < len(lines) else []
    near = [item for item in segments_of(below) if abs(item[0].x0 - segment[0].x0) < 20]
    height = segment[0].bottom - segment[0].top
    if not below or below[0].top - segment[0].bottom > 4 * height + 6:
        return False
    if not near:  # a label of a row's right column over a row with a left column only
        return _labels_elsewhere(below, segment, vocabulary) and \
            _nothing_unpaired_above(lines, number, segment, vocabulary, used)
    text = _join(near[0])
    if not (vocabulary.is_heading(text) or heading_segment(near[0], text, vocabulary) or
            field_label(text, vocabulary) is not None):
        return False
    return _nothing_unpaired_above(lines, number, segment, vocabulary, used)


def _labels_elsewhere(line: Sequence[Word], segment: Sequence[Word],
                      vocabulary: Vocabulary) -> bool:
    """Is ``line`` field labels only, none of them under ``segment``?"""
    return all(_bare_label(item, vocabulary) and
               (item[-1].x1 < segment[0].x0 or item[0].x0 > segment[-1].x1)
               for item in segments_of(line))


def _bare_label(segment: Sequence[Word], vocabulary: Vocabulary) -> bool:
    split = field_label(_join(segment), vocabulary)
    return split is not None and not split[1]


def _nothing_unpaired_above(lines: Sequence[Sequence[Word]], number: int,
                            segment: Sequence[Word], vocabulary: Vocabulary,
                            used: set[int]) -> bool:
    height = segment[0].bottom - segment[0].top
    above = lines[number - 1] if number else []
    return not any(abs(item[0].x0 - segment[0].x0) < 20 and id(item[0]) not in used and
                   field_label(_join(item), vocabulary) is None and _mark(item[0]) is None
                   and not heading_segment(item, _join(item), vocabulary)
                   for item in segments_of(above)
                   if segment[0].top - item[0].bottom < 2 * height)
