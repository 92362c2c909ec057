"""Page layout → fields, for PDFs with no usable form fields (flattened, printed, scanned):
words grouped into lines (values sit a few points off the label's baseline), lines split
into segments at wide gaps, segments paired label → value (same line, or the line below),
check marks (☒ ✓ [X], ZapfDingbats, an X drawn in a box) turned into checkbox items."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from parsers.certainty import PAIRED_BY_POSITION
from parsers.continued_values import lines_under, value_start
from parsers.glyphs import CHECKED_MARK, ends_with_separator
from parsers.label_gaps import spaced_label
from parsers.label_wraps import continues_label, wrapped_with_value
from parsers.labels import Vocabulary, normalize_label, section_heading
from parsers.layout_columns import (
    at_label_column,
    label_columns,
    marks_beside,
    next_in_column,
    other_column,
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
from parsers.model import RawField, Source
from parsers.numbering import at_hanging_indent
from parsers.pdf_headings import marked_headings
from parsers.typed_fields import value_fields
from parsers.values_before import question_after, unpaired_before, value_before

__all__ = ["Box", "Word", "cell_text", "lines_of", "pair_fields", "segments_of", "unwrapped",
           "unwrapped_cell"]
_TYPEWRITER = re.compile(r"courier|mono|consol", re.IGNORECASE)
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
                                      if _field_label(_join(item), vocabulary) is not None])

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
                                        self.vocabulary)]
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
        if _heading(segment, text, vocabulary):  # "ORGANIZATION INFORMATION": no label
            return []
        split = _field_label(text, vocabulary) or self._spaced(number, segment)
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
        ceiling = 1.0 if value and _explicit(text, label) else PAIRED_BY_POSITION
        value = self._value(number, segment, value, explicit=_explicit(text, label))
        if value and vocabulary.prose_value(label, value.split("\n")[0]):
            value = ""  # the document's prose under a blank field is not its value
        if not value:
            return self._blank(number, segment, label)
        found = _fields(label, value, segment, self.source, self.page, vocabulary, ceiling)
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
        more = _more_lines(self.lines, number, value, self.vocabulary, self.used)
        return _join(segment[:count]), unwrapped("\n".join([_join(value), *more]))

    def _blank(self, number: int, segment: list[Word], label: str) -> list[RawField]:
        """A label with nothing after, under or above it, on a page read this far without
        a leftover: under it the next label or a heading, over it nothing unpaired. Then
        the field is surely empty (a provider may be told); else it says nothing."""
        if self.source != "layout" or not _understood(self.lines, number, segment,
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
            value = _beside_continued(lines, number, segment, vocabulary, used, self.columns)
            explicit = bool(value) and "\n" not in value
        first = value_start(segment, value) if value and explicit else None
        under = lines_under(lines, number, segment, first,
                            lambda part: _take(part, vocabulary, used)) if first else []
        if under:  # a list or a wrapped text under the value's first word
            return unwrapped("\n".join([value, *under]))
        if value and explicit and lines[number][-1].x1 > self.right - 40:
            value = unwrapped("\n".join([value, *_more_lines(lines, number, segment,
                                                               vocabulary, used)]))
        # a value set before its label on the line (right to left) beats a caption's above
        value = value or value_before(lines, number, segment, self.right,
                                      lambda part: _take(part, vocabulary, used),
                                      lambda part: _labels_row(part, vocabulary))
        if not value and segment[0].caption:  # a caption under the rule its value is on
            value = _value_above(lines, number, segment, vocabulary, used)
        return value or _value_below(lines, number, segment, vocabulary, used, self.columns) or \
            _value_above(lines, number, segment, vocabulary, used)


# What _wrapped_label gives for a label whose last line ends in the boxes that answer it.
BY_MARKS = "\x00marks"


def _understood(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                vocabulary: Vocabulary, used: set[int]) -> bool:
    """Nothing on the label's line after it but other labels (a row of blank fields), the
    line under it (near its left edge) a field label or a heading, and nothing unpaired
    just above it but a heading."""
    if any(item[0].x0 > segment[-1].x1 and not _bare_label(item, vocabulary)
           for item in segments_of(lines[number])) or unpaired_before(
               lines[number], segment, lambda item: id(item[0]) in used or
               _field_label(_join(item), vocabulary) is not None or _mark(item[0]) is not None):
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
    if not (vocabulary.is_heading(text) or _heading(near[0], text, vocabulary) or
            _field_label(text, vocabulary) is not None):
        return False
    return _nothing_unpaired_above(lines, number, segment, vocabulary, used)


def _labels_elsewhere(line: Sequence[Word], segment: Sequence[Word],
                      vocabulary: Vocabulary) -> bool:
    """Is ``line`` field labels only, none of them under ``segment``?"""
    return all(_bare_label(item, vocabulary) and
               (item[-1].x1 < segment[0].x0 or item[0].x0 > segment[-1].x1)
               for item in segments_of(line))


def _bare_label(segment: Sequence[Word], vocabulary: Vocabulary) -> bool:
    split = _field_label(_join(segment), vocabulary)
    return split is not None and not split[1]


def _nothing_unpaired_above(lines: Sequence[Sequence[Word]], number: int,
                            segment: Sequence[Word], vocabulary: Vocabulary,
                            used: set[int]) -> bool:
    height = segment[0].bottom - segment[0].top
    above = lines[number - 1] if number else []
    return not any(abs(item[0].x0 - segment[0].x0) < 20 and id(item[0]) not in used and
                   _field_label(_join(item), vocabulary) is None and _mark(item[0]) is None
                   and not _heading(item, _join(item), vocabulary)
                   for item in segments_of(above)
                   if segment[0].top - item[0].bottom < 2 * height)


def _fields(label: str, value: str, words: Sequence[Word], source: Source, page: int,
            vocabulary: Vocabulary, ceiling: float = 1.0) -> list[RawField]:
    """One text, or one checkbox item per marked choice ("☒ Yes ☐ No")."""
    confidence = min(ceiling, *(word.confidence for word in words))
    return [replace(item, confidence=confidence, page=page)
            for item in value_fields(label, value, source, vocabulary)]


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
            value = _value_beside(lines[number], segment, vocabulary, used, columns) or \
                _value_beside(below, continuation, vocabulary, used, columns) or \
                "".join(_take(_marked_segments(line)[0], vocabulary, used)
                        for line in between) or \
                _value_below(lines, number + offset, continuation, vocabulary, used, columns)
            return text, value
    return None


def _field_label(text: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """(label, value) when ``text`` starts with a field's label; a choice's label alone (such
    as "Cloud") is a value, not a label. Without a colon, a label runs straight into its
    value only for a one-word value ("NPI 1245319599"): longer runs are prose."""
    split = vocabulary.split_label(text)
    if split is None or not vocabulary.is_field_label(split[0]):
        return None
    label, value = split
    if value and not _explicit(text, label) and len(value.split()) > 1:
        return None
    return label, value


def _explicit(text: str, label: str) -> bool:
    """A label typed with a separator before its value ("Name: Acme", "Name – Acme")."""
    return ":" in text or ends_with_separator(label)


def _field(name: str, value: str | bool, label: str, words: Sequence[Word], source: Source,
           page: int) -> RawField:
    confidence = min(word.confidence for word in words)
    return RawField(name=name, label=label, value=value, source=source,
                    confidence=confidence, page=page)


def _value_beside(line: Sequence[Word], segment: Sequence[Word], vocabulary: Vocabulary,
                  used: set[int], columns: frozenset[int] = frozenset()) -> str:
    """The next segment on the same line, unless it is a label or a check mark itself, or
    the text of another column of labels (newspaper columns: it belongs to a label there)."""
    segments = _marked_segments(line)
    position = next(i for i, item in enumerate(segments) if item[0] is segment[0])
    if position + 1 < len(segments) and not at_label_column(segments[position + 1], columns):
        return _take(segments[position + 1], vocabulary, used)
    return ""


def _beside_continued(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
                      vocabulary: Vocabulary, used: set[int],
                      columns: frozenset[int] = frozenset()) -> str:
    """The value beside a label, with the lines under it that start at the value's left
    edge and have nothing to their left (user IDs one per line beside "RPA User ID(s)")."""
    segments = _marked_segments(lines[number])
    position = next(i for i, item in enumerate(segments) if item[0] is segment[0])
    first = _value_beside(lines[number], segment, vocabulary, used, columns)
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
        text = _take(starts[0], vocabulary, used) or \
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


def _value_below(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
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
            first = _take(candidate, vocabulary, used)
            return unwrapped("\n".join([first, *_more_lines(lines, number + 1, candidate,
                                                            vocabulary, used)])) if first else ""
    if below[0].x0 > segment[-1].x1 and below[0].top - segment[0].top < height:
        # a value centred on a label wrapped onto two lines: less than a line below it
        return _take(_marked_segments(below)[0], vocabulary, used)
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


def _value_above(lines: Sequence[Sequence[Word]], number: int, segment: Sequence[Word],
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
            return _take(candidate, vocabulary, used)
    return ""


def _choices_below(lines: Sequence[Sequence[Word]], number: int) -> bool:
    return number + 1 < len(lines) and _mark(lines[number + 1][0]) is not None


def _more_lines(lines: Sequence[Sequence[Word]], number: int, first: Sequence[Word],
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
        text = _take(start, vocabulary, used) if not section_heading(_join(start)) else ""
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


def _take(segment: Sequence[Word], vocabulary: Vocabulary, used: set[int]) -> str:
    """A segment's text as a value, marked used; "" when it is a label or a check mark."""
    if id(segment[0]) in used:
        return ""
    text = _join(segment)
    if _field_label(text, vocabulary) or _mark(segment[0]) is not None or \
            _heading(segment, text, vocabulary) or vocabulary.is_label_start(text) or \
            spaced_label(segment, vocabulary) is not None:
        return ""
    used.add(id(segment[0]))
    return text


def _labels_row(segment: Sequence[Word], vocabulary: Vocabulary) -> bool:
    """A label or a wrapped label's first line: a row of its own, no value's wrap."""
    text = _join(segment)
    return _field_label(text, vocabulary) is not None or vocabulary.is_label_start(text)


def _heading(segment: Sequence[Word], text: str, vocabulary: Vocabulary) -> bool:
    """A section heading: one the forms know, one the page sets as a heading (pdf_headings),
    or a bold line in capitals ("BOT DETAILS"); block capitals in a typewriter face are a
    value typed as people fill paper forms, never a heading."""
    if vocabulary.is_heading(text) or all(word.heading for word in segment):
        return True
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters) and \
        all("bold" in word.font.lower() and not _TYPEWRITER.search(word.font)
            for word in segment) and not vocabulary.is_choice_label(text)


def _next_text(line: Sequence[Word], segment: Sequence[Word], used: set[int]) -> str:
    segments = _marked_segments(line)
    position = next(i for i, item in enumerate(segments) if item[0] is segment[0])
    if position + 1 < len(segments) and _mark(segments[position + 1][0]) is None:
        used.add(id(segments[position + 1][0]))
        return _join(segments[position + 1])
    return ""


