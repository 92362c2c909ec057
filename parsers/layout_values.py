"""Where a printed label's value is (pdf_layout's pairing): typed after it, beside it
(with the lines it wraps onto), below it, or above it (a signature block); and what can
never be a value: another label, a check mark, a section heading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.glyphs import ends_with_separator
from parsers.label_gaps import spaced_label
from parsers.labels import Vocabulary, normalize_label, section_heading
from parsers.layout_columns import at_label_column, next_in_column, other_column
from parsers.layout_words import Word, segments_of, unwrapped
from parsers.layout_words import join as _join
from parsers.layout_words import mark as _mark
from parsers.layout_words import marked_segments as _marked_segments
from parsers.numbering import at_hanging_indent

_TYPEWRITER = re.compile(r"courier|mono|consol", re.IGNORECASE)


def field_label(text: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """(label, value) when ``text`` starts with a field's label; a choice's label alone (such
    as "Cloud") is a value, not a label. Without a colon, a label runs straight into its
    value only for a one-word value ("NPI 1245319599"): longer runs are prose."""
    split = vocabulary.split_label(text)
    if split is None or not vocabulary.is_field_label(split[0]):
        return None
    label, value = split
    if value and not explicit_label(text, label) and len(value.split()) > 1:
        return None
    return label, value


def explicit_label(text: str, label: str) -> bool:
    """A label typed with a separator before its value ("Name: Acme", "Name – Acme")."""
    return ":" in text or ends_with_separator(label)


def value_beside(line: Sequence[Word], segment: Sequence[Word], vocabulary: Vocabulary,
                  used: set[int], columns: frozenset[int] = frozenset()) -> str:
    """The next segment on the same line, unless it is a label or a check mark itself, or
    the text of another column of labels (newspaper columns: it belongs to a label there)."""
    segments = _marked_segments(line)
    position = next(i for i, item in enumerate(segments) if item[0] is segment[0])
    if position + 1 < len(segments) and not at_label_column(segments[position + 1], columns):
        return take_value(segments[position + 1], vocabulary, used)
    return ""


def beside_continued(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                      vocabulary: Vocabulary, used: set[int],
                      columns: frozenset[int] = frozenset()) -> str:
    """The value beside a label, with the lines under it that start at the value's left
    edge and have nothing to their left (user IDs one per line beside "RPA User ID(s)")."""
    segments = _marked_segments(lines[number])
    position = next(i for i, item in enumerate(segments) if item[0] is segment[0])
    first = value_beside(lines[number], segment, vocabulary, used, columns)
    if not first or position + 1 >= len(segments):
        return first
    value_segment = segments[position + 1]
    found = [first]
    previous = value_segment
    for line in lines[number + 1: number + 21]:
        starts = segments_of(line)
        if abs(starts[0][0].x0 - value_segment[0].x0) >= 3 or \
                line[0].top - previous[0].bottom > 0.8 * (previous[0].bottom - previous[0].top) + 2:
            break
        text = take_value(starts[0], vocabulary, used) or \
            _in_value_type(starts[0], value_segment, segment, used)
        if not text:
            break
        found.append(text)
        previous = starts[0]
    return unwrapped("\n".join(found))


def _in_value_type(part: Sequence[Word], value: Sequence[Word], label: Sequence[Word],
                   used: set[int]) -> str:
    """A line set in the value's type, not the labels', goes on with the value even when
    it reads like a label (a description wrapped before "TRANSACTIONS.")."""
    font = value[0].font
    if not font or font == label[0].font or id(part[0]) in used or \
            any(word.font != font or _mark(word) is not None for word in part):
        return ""
    used.add(id(part[0]))
    return _join(part)


def value_below(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                 vocabulary: Vocabulary, used: set[int],
                 columns: frozenset[int] = frozenset()) -> str:
    """Label-above layouts: the text just below the label, starting near its left edge (past
    the lines of another column set in between: newspaper columns)."""
    if number + 1 >= len(lines):
        return ""
    own = next_in_column(lines, number, segment)
    height = segment[0].bottom - segment[0].top
    if own is not None and not _centred(lines, number, segment, columns):
        number = own - 1
    below = lines[number + 1]
    if below[0].top - segment[0].bottom > 3 * (segment[0].bottom - segment[0].top) + 6 or \
            _options_row(below, vocabulary):
        return ""
    for candidate in segments_of(below):
        if abs(candidate[0].x0 - segment[0].x0) < 20:
            first = take_value(candidate, vocabulary, used)
            return unwrapped("\n".join([first, *more_lines(lines, number + 1, candidate,
                                                            vocabulary, used)])) if first else ""
    if below[0].x0 > segment[-1].x1 and below[0].top - segment[0].top < height:
        # a value centred on a label wrapped onto two lines: less than a line below it
        return take_value(_marked_segments(below)[0], vocabulary, used)
    return ""


def _centred(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
             columns: frozenset[int]) -> bool:
    """Is the line under the label a value centred on the label wrapped onto the line after
    it (less than a line below, right of the label and not where a column of labels
    starts, the label's next line under it)?"""
    height = segment[0].bottom - segment[0].top
    below = lines[number + 1] if number + 1 < len(lines) else []
    if number + 2 >= len(lines) or below[0].top - segment[0].top >= height or \
            at_label_column(segments_of(below)[0], columns):
        return False
    return any(abs(word.x0 - segment[0].x0) < 3 for word in lines[number + 2])


def value_above(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                 vocabulary: Vocabulary, used: set[int]) -> str:
    """A signature block: the value typed on the line above its label, near its left edge
    and not taken by another label."""
    if number == 0 or _choices_below(lines, number):
        return ""
    above = lines[number - 1]
    height = segment[0].bottom - segment[0].top
    captions = len(segments_of(lines[number])) >= 2 and all(  # a row of captions only
        vocabulary.is_field_label(_join(item)) for item in segments_of(lines[number]))
    if segment[0].top - max(word.bottom for word in above) > \
            (1.6 if captions else 0.8) * height + 2:
        return ""  # further than a signature line's gap
    for candidate in _marked_segments(above):
        if abs(candidate[0].x0 - segment[0].x0) < 20:
            text = _join(candidate)
            if vocabulary.is_choice_label(text) and not vocabulary.is_field_label(text):
                return ""  # an option of the question above, wrapped after its box
            return take_value(candidate, vocabulary, used)
    return ""


def _choices_below(lines: Sequence[Sequence[Word]], number: int) -> bool:
    return number + 1 < len(lines) and _mark(lines[number + 1][0]) is not None


def more_lines(lines: Sequence[Sequence[Word]], number: int, first: Sequence[Word],
                vocabulary: Vocabulary, used: set[int]) -> list[str]:
    """A value that goes on under its first line (a list one item per line, a wrapped
    description): the lines just below, starting at the same left edge, up to a label."""
    found: list[str] = []
    previous = first
    for line in lines[number + 1: number + 21]:
        if other_column(line, first):
            continue  # a line of another column, set in between (newspaper columns)
        start = next((s for s in segments_of(line) if abs(s[0].x0 - first[0].x0) < 3
                      or at_hanging_indent(first, s[0])), None)
        height = previous[0].bottom - previous[0].top
        if start is None or start[0].top - previous[0].bottom > 0.8 * height + 2 or \
                abs(start[0].bottom - start[0].top - height) > 0.15 * height:
            break  # not the next line of the same type (a footer in smaller print)
        text = take_value(start, vocabulary, used) if not section_heading(_join(start)) else ""
        if not text:
            break
        found.append(text)
        previous = start
    return found


def _options_row(line: Sequence[Word], vocabulary: Vocabulary) -> bool:
    """A row of a question's printed options ("MassHealth Provider   Business Partner"),
    none of them marked: no value."""
    texts = [_join(s) for s in _marked_segments(line) if _mark(s[0]) is None]
    if sorted(normalize_label(text) for text in texts) == ["no", "yes"]:
        return True  # "Yes   No" with their boxes only drawn (or empty)
    return len(texts) >= 2 and all(
        vocabulary.is_choice_label(text) and
        not vocabulary.is_field_label(text) for text in texts)


def take_value(segment: Sequence[Word], vocabulary: Vocabulary, used: set[int]) -> str:
    """A segment's text as a value, marked used; "" when it is a label or a check mark."""
    if id(segment[0]) in used:
        return ""
    text = _join(segment)
    if field_label(text, vocabulary) or _mark(segment[0]) is not None or \
            heading_segment(segment, text, vocabulary) or vocabulary.is_label_start(text) or \
            spaced_label(segment, vocabulary) is not None:
        return ""
    used.add(id(segment[0]))
    return text


def labels_row(segment: Sequence[Word], vocabulary: Vocabulary) -> bool:
    """A label or a wrapped label's first line: a row of its own, no value's wrap."""
    text = _join(segment)
    return field_label(text, vocabulary) is not None or vocabulary.is_label_start(text)


def heading_segment(segment: Sequence[Word], text: str, vocabulary: Vocabulary) -> bool:
    """A section heading: one the forms know, one the page sets as a heading (pdf_headings),
    or a bold line in capitals ("BOT DETAILS"); block capitals in a typewriter face are a
    value typed as people fill paper forms, never a heading."""
    if vocabulary.is_heading(text) or all(word.heading for word in segment):
        return True
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters) and \
        all("bold" in word.font.lower() and not _TYPEWRITER.search(word.font)
            for word in segment) and not vocabulary.is_choice_label(text)
