"""Page layout → fields, for PDFs with no usable form fields (flattened, printed, scanned):
words grouped into lines (values sit a few points off the label's baseline), lines split
into segments at wide gaps, segments paired label → value (same line, or the line below),
check marks (☒ ✓ [X], ZapfDingbats, an X drawn in a box) turned into checkbox items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from parsers.certainty import PAIRED_BY_POSITION
from parsers.continued_values import lines_under, value_start
from parsers.glyphs import CHECKED_MARK
from parsers.label_gaps import spaced_label
from parsers.label_wraps import continues_label, wrapped_with_value
from parsers.labels import Vocabulary
from parsers.layout_blanks import surely_blank
from parsers.layout_columns import (
    label_columns,
    marks_beside,
    other_column,
)
from parsers.layout_values import (
    beside_continued,
    explicit_label,
    field_label,
    heading_segment,
    labels_row,
    more_lines,
    take_value,
    value_above,
    value_below,
    value_beside,
)
from parsers.layout_words import (
    Box,
    Word,
    cell_text,
    lines_of,
    radio_marks,
    segments_of,
    unwrapped,
)
from parsers.layout_words import box_words as _box_words
from parsers.layout_words import bracket_marks as _bracket_marks
from parsers.layout_words import join as _join
from parsers.layout_words import mark as _mark
from parsers.layout_words import marked_segments as _marked_segments
from parsers.memo_headers import without_mail_headers
from parsers.model import RawField, Source, Spot
from parsers.pdf_headings import marked_headings
from parsers.typed_fields import value_fields
from parsers.values_before import question_after, value_before

__all__ = ["Box", "Word", "cell_text", "lines_of", "pair_fields", "segments_of", "unwrapped",
           "unwrapped_cell"]
_COLUMN_GAP = 150.0  # points between the left edges of two columns of a page


def unwrapped_cell(text: str, vocabulary: Vocabulary) -> str:
    """A table cell's value lines unwrapped; a boxed field's label stays on its own line."""
    first, _, rest = text.partition("\n")
    if rest and vocabulary.is_field_label(first):
        return f"{first}\n{unwrapped(rest)}"
    return unwrapped(text)


def pair_fields(words: Sequence[Word], boxes: Sequence[Box], vocabulary: Vocabulary, *,
                source: Source, page: int = 0) -> list[RawField]:
    """Label/value pairs and checkbox items found on one page."""
    lines = marked_headings([_bare_x_marks(_bracket_marks(radio_marks(line)), vocabulary)
                             for line in without_mail_headers(
                                 lines_of([*words, *_box_words(boxes)]))], vocabulary)
    pairing = _Pairing(lines, vocabulary, source, page)
    return [item for number, line in enumerate(lines) for segment in _marked_segments(line)
            for item in pairing.fields_of(number, segment)]


class _Pairing:
    """One page's pairing: the lines, the segments already taken as values, and the last
    label seen (the question the check marks below it answer)."""

    def __init__(self, lines: list[list[Word]], vocabulary: Vocabulary, source: Source,
                 page: int) -> None:
        self.lines, self.vocabulary, self.source, self.page = lines, vocabulary, source, page
        self.used: set[int] = set()  # ids of the first word of segments taken as values
        self.seen: list[tuple[str, Word]] = []  # labels so far, with their first word
        self.right = max((word.x1 for line in lines for word in line), default=0.0)
        self.answered: set[int] = set()  # ids of those first words whose label had a value
        self.columns = label_columns([item[0].x0 for line in lines for item in segments_of(line)
                                      if field_label(_join(item), vocabulary) is not None])

    @property
    def group(self) -> str:
        """The last label seen."""
        return self.seen[-1][0] if self.seen else ""

    def fields_of(self, number: int, segment: list[Word]) -> list[RawField]:
        if id(segment[0]) in self.used:
            return []
        mark = _mark(segment[0])
        if mark is not None:
            item = _join(segment[1:]) or _next_text(self.lines[number], segment, self.used)
            item = self._option_wrapped(number, item)
            question = question_after(self.lines, number, segment[0], self.right,
                                      self.vocabulary.is_field_label)
            return [_field(item, mark, question or self._question(segment[0]), segment,
                           self.source, self.page)] if item else []
        text = _join(segment)
        pairs = self.vocabulary.split_pairs(text) if ":" in text else []
        if len(pairs) > 1:  # "City: Boston   State: MA   ZIP Code: 02111"
            self.seen.append((pairs[-1][0], segment[0]))
            return [item for label, value in pairs
                    for item in _fields(label, value, segment, self.source, self.page,
                                        self.vocabulary, spot=_spot(segment, self.page))]
        return self._labelled(number, segment, text)

    def _option_wrapped(self, number: int, item: str) -> str:
        """An option that wraps onto the next line right after its mark ("[X] Claim" over
        "Status Inquiry [ ] Claim Adjustment/Void"): joined with the line's first words."""
        if not item or self.vocabulary.is_label(item) or number + 1 >= len(self.lines):
            return item
        first = _marked_segments(self.lines[number + 1])[0]
        if _mark(first[0]) is not None or id(first[0]) in self.used:
            return item
        joined = f"{item} {_join(first)}"
        if self.vocabulary.is_label(joined):
            self.used.add(id(first[0]))
            return joined
        return item

    def _question(self, mark: Word) -> str:
        """The label a check mark answers: the latest one above it, left of it, that took
        no value of its own (in a page of two columns, the label just before the marks may
        belong to the other column, and it has its value)."""
        open_questions = [(label, word) for label, word in self.seen
                          if id(word) not in self.answered and word.x0 <= mark.x0 + 5
                          and -3 <= mark.top - word.top < 250]
        if not open_questions:
            return self.group
        column = max(word.x0 for _label, word in open_questions)
        if column - open_questions[-1][1].x0 < _COLUMN_GAP:
            return open_questions[-1][0]
        # the latest question is in a column of its own further left: take the nearer one
        return [label for label, word in open_questions if word.x0 > column - 60][-1]

    def _labelled(self, number: int, segment: list[Word], text: str) -> list[RawField]:
        """A label and its value: after a colon, beside it, below it, or (a signature
        block) above it; nothing for a question answered by the boxes beside it."""
        lines, vocabulary, used = self.lines, self.vocabulary, self.used
        if heading_segment(segment, text, vocabulary):  # "ORGANIZATION INFORMATION": no label
            return []
        split = field_label(text, vocabulary) or self._spaced(number, segment)
        if split is None or not split[1] or ":" not in text:
            # a short label inside a longer wrapped one ("Testing completed ...", or
            # "Federal Employer Identification Number" over "(FEIN) *" over its box)
            split = _wrapped_label(lines, number, segment, vocabulary, used,
                                   self.columns) or split
        if split is None:
            return []
        label, value = split
        self.seen.append((label, segment[0]))
        if value == BY_MARKS or (not value and marks_beside(lines[number], segment,
                                                            self.columns)):
            return []  # a question answered by the boxes after it
        # "Label: value" in one segment is explicit; beside, below or above is a guess
        ceiling = 1.0 if value and explicit_label(text, label) else PAIRED_BY_POSITION
        value = self._value(number, segment, value, explicit=explicit_label(text, label))
        if value and vocabulary.prose_value(label, value.split("\n")[0]):
            value = ""  # the document's prose under a blank field is not its value
        if not value:
            return self._blank(number, segment, label)
        found = _fields(label, value, segment, self.source, self.page, vocabulary, ceiling,
                        self._value_spot(number, segment, value))
        if found and not any(isinstance(item.value, bool) for item in found):
            self.answered.add(id(segment[0]))  # a text answer: no marks below answer it
        return found

    def _spaced(self, number: int, segment: list[Word]) -> tuple[str, str] | None:
        """A label parted from a value of several words by a wide gap only (label_gaps),
        with the value's lines under it that start at its left edge."""
        count = spaced_label(segment, self.vocabulary)
        if count is None:
            return None
        value = segment[count:]
        more = more_lines(self.lines, number, value, self.vocabulary, self.used)
        return _join(segment[:count]), unwrapped("\n".join([_join(value), *more]))

    def _value_spot(self, number: int, segment: list[Word], value: str) -> Spot:
        """The label and its value's first line, found on the lines around the label (the
        spot a coordinator is shown)."""
        first = value.split("\n")[0].strip()
        if first in _join(segment):
            return _spot(segment, self.page)
        near = sorted(range(max(number - 2, 0), min(number + 4, len(self.lines))),
                      key=lambda other: abs(other - number))
        held = next((item for other in near for item in _marked_segments(self.lines[other])
                     if item[0] is not segment[0] and _join(item) == first), [])
        return _spot([*segment, *held], self.page)

    def _blank(self, number: int, segment: list[Word], label: str) -> list[RawField]:
        """A label with nothing after, under or above it, on a page read this far without
        a leftover: under it the next label or a heading, over it nothing unpaired. Then
        the field is surely empty (a provider may be told); else it says nothing."""
        if self.source != "layout" or not surely_blank(self.lines, number, segment,
                                                      self.vocabulary, self.used):
            return []
        return [RawField(name=label, label=label, value="", source=self.source,
                         page=self.page, understood=True)]

    def _value(self, number: int, segment: list[Word], value: str, *, explicit: bool) -> str:
        """The label's value: typed after it, beside it, below it or above it. A value
        run to the right margin wraps onto the lines under the label ("Label: value",
        "Label ...... value")."""
        lines, vocabulary, used = self.lines, self.vocabulary, self.used
        if not value:
            value = beside_continued(lines, number, segment, vocabulary, used, self.columns)
            explicit = bool(value) and "\n" not in value
        first = value_start(segment, value) if value and explicit else None
        under = lines_under(lines, number, segment, first,
                            lambda part: take_value(part, vocabulary, used)) if first else []
        if under:  # a list or a wrapped text under the value's first word
            return unwrapped("\n".join([value, *under]))
        if value and explicit and lines[number][-1].x1 > self.right - 40:
            value = unwrapped("\n".join([value, *more_lines(lines, number, segment,
                                                               vocabulary, used)]))
        # a value set before its label on the line (right to left) beats a caption's above
        value = value or value_before(lines, number, segment, self.right,
                                      lambda part: take_value(part, vocabulary, used),
                                      lambda part: labels_row(part, vocabulary))
        if not value and segment[0].caption:  # a caption under the rule its value is on
            value = value_above(lines, number, segment, vocabulary, used)
        return value or value_below(lines, number, segment, vocabulary, used, self.columns) or \
            value_above(lines, number, segment, vocabulary, used)


# What _wrapped_label gives for a label whose last line ends in the boxes that answer it.
BY_MARKS = "\x00marks"


def _fields(label: str, value: str, words: Sequence[Word], source: Source, page: int,
            vocabulary: Vocabulary, ceiling: float = 1.0,
            spot: Spot | None = None) -> list[RawField]:
    """One text, or one checkbox item per marked choice ("☒ Yes ☐ No")."""
    confidence = min(ceiling, *(word.confidence for word in words))
    return [replace(item, confidence=confidence, page=page, spot=spot)
            for item in value_fields(label, value, source, vocabulary)]


def _spot(words: Sequence[Word], page: int) -> Spot:
    return Spot(page, min(word.x0 for word in words), min(word.top for word in words),
                max(word.x1 for word in words), max(word.bottom for word in words))


def _wrapped_label(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                   vocabulary: Vocabulary, used: set[int],
                   columns: frozenset[int] = frozenset()) -> tuple[str, str] | None:
    """A long label wrapped onto the next line(s) at the same left edge; its value sits
    beside its first or its last line, or on a line of its own between them (a value, or
    boxes, centred on a two-line label)."""
    text = _join(segment)
    between: list[Sequence[Word]] = []
    for offset, below in enumerate(lines[number + 1: number + 4], start=1):
        continuation = next((item for item in _marked_segments(below)
                             if continues_label(item, segment)), None)
        if continuation is None and other_column(below, segment):
            continue  # a line of the other column of the page, in between
        if continuation is None and not between and below[0].x0 > segment[-1].x1 and \
                below[0].top - segment[0].top < segment[0].bottom - segment[0].top:
            between.append(below)
            continue
        if continuation is None or _mark(continuation[0]) is not None:
            return None
        first, text = text, f"{text} {_join(continuation)}"
        if (split := wrapped_with_value(first, text, vocabulary)) is not None:
            used.add(id(continuation[0]))
            return split  # "... is current and" over "accurate – Yes"
        if vocabulary.is_field_label(text):
            used.add(id(continuation[0]))
            if marks_beside(below, continuation, columns):  # "accurate: ☒ Yes"
                return text, BY_MARKS
            value = value_beside(lines[number], segment, vocabulary, used, columns) or \
                value_beside(below, continuation, vocabulary, used, columns) or \
                "".join(take_value(_marked_segments(line)[0], vocabulary, used)
                        for line in between) or \
                value_below(lines, number + offset, continuation, vocabulary, used, columns)
            return text, value
    return None


def _field(name: str, value: str | bool, label: str, words: Sequence[Word], source: Source,
           page: int) -> RawField:
    confidence = min(word.confidence for word in words)
    return RawField(name=name, label=label, value=value, source=source,
                    confidence=confidence, page=page, spot=_spot(words, page))


def _bare_x_marks(line: list[Word], vocabulary: Vocabulary) -> list[Word]:
    """A lone "X" typed before one of a question's options ("X  Business Partner") is a
    check mark; elsewhere an X is just a letter."""
    marked = []
    for index, word in enumerate(line):
        after = line[index + 1: index + 7]
        if word.text in {"X", "x"} and word.font != "box" and after and \
                after[0].x0 - word.x1 < 20 and _starts_with_option(after, vocabulary):
            word = Word(CHECKED_MARK, word.x0, word.x1, word.top, word.bottom, word.confidence)
        marked.append(word)
    return marked


def _starts_with_option(words: Sequence[Word], vocabulary: Vocabulary) -> bool:
    return any(vocabulary.is_choice_label(_join(words[:count]))
               for count in range(1, len(words) + 1))


def _next_text(line: Sequence[Word], segment: Sequence[Word], used: set[int]) -> str:
    segments = _marked_segments(line)
    position = next(i for i, item in enumerate(segments) if item[0] is segment[0])
    if position + 1 < len(segments) and _mark(segments[position + 1][0]) is None:
        used.add(id(segments[position + 1][0]))
        return _join(segments[position + 1])
    return ""


