"""Page breaks for the layout pairing: a label printed as the last line of a page whose
value the browser or word processor pushed to the top of the next page. The value's line
is moved under its label, so the one pairing reads it as a value below."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from parsers.labels import Vocabulary
from parsers.layout_words import Word, join, lines_of, mark, segments_of

_NEAR = 20.0  # points between a label's left edge and its value's, label over value


def carried_values(pages: Sequence[list[Word]], vocabulary: Vocabulary) -> list[list[Word]]:
    """The pages' words, each value carried over a page break moved under its label."""
    result = [list(words) for words in pages]
    for number in range(len(result) - 1):
        moved = _carried(result[number], result[number + 1], vocabulary)
        if moved:
            taken = {id(word) for word, _ in moved}
            result[number + 1] = [word for word in result[number + 1] if id(word) not in taken]
            result[number] += [shifted for _, shifted in moved]
    return result


def _carried(words: list[Word], following: list[Word],
             vocabulary: Vocabulary) -> list[tuple[Word, Word]]:
    """(word, word moved) of the next page's first line for each label that ends this page
    with no value: a segment at the label's left edge that is no label, mark or heading."""
    lines, next_lines = lines_of(words), lines_of(following)
    if not lines or not next_lines:
        return []
    labels = [item for item in segments_of(lines[-1]) if _bare_label(join(item), vocabulary)]
    moved: list[tuple[Word, Word]] = []
    for label in labels:
        value = next((item for item in segments_of(next_lines[0])
                      if abs(item[0].x0 - label[0].x0) < _NEAR), None)
        if value is None or not _a_value(value, vocabulary):
            continue
        shift = label[0].bottom + 0.5 * (label[0].bottom - label[0].top) - value[0].top
        moved += [(word, replace(word, top=word.top + shift, bottom=word.bottom + shift))
                  for word in value]
    return moved


def _bare_label(text: str, vocabulary: Vocabulary) -> bool:
    split = vocabulary.split_label(text)
    return split is not None and not split[1] and vocabulary.is_field_label(split[0])


def _a_value(segment: Sequence[Word], vocabulary: Vocabulary) -> bool:
    text = join(segment)
    return mark(segment[0]) is None and not vocabulary.is_label(text) and \
        not vocabulary.is_label_start(text) and not vocabulary.is_heading(text) and \
        vocabulary.split_label(text) is None
