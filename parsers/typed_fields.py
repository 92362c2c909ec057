"""Values typed by hand, as text: check marks (☒ ☐, [X] [ ], a bare X or _ before each
choice), and two-column tables (label | value, a separate mark column, a label cell spanning
several rows). Shared by the DOCX reader (typed tables and paragraphs) and the PDF reader
(ruled tables of printed forms)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.glyphs import (
    CHECKED,
    CHECKED_LETTERS,
    TIGHT_BRACKETS,
    TYPED_CHECKED,
    TYPED_UNCHECKED,
    UNCHECKED,
    canonical_marks,
    is_placeholder,
)
from parsers.labels import Vocabulary
from parsers.model import RawField, Source

_ON = "|".join([*(re.escape(glyph) for glyph in sorted(CHECKED)), TYPED_CHECKED])
_OFF = "|".join([*(re.escape(glyph) for glyph in sorted(UNCHECKED)), TYPED_UNCHECKED])
_BARE = r"[xX]|_+"  # only when the text starts with a mark: "_ Provider   X Partner"
_MARK = re.compile(rf"(?:^|(?<=\s))({_ON}|{_OFF})(?=\s|$)")
_ANY_MARK = re.compile(rf"(?:^|(?<=\s))({_ON}|{_OFF}|{_BARE})(?=\s|$)")
_LEADING_MARK = re.compile(rf"^\s*(?:\(?\d{{1,3}}[.)]\s+)?({_ON}|{_OFF}|{_BARE})(?=\s|$)")
_TIGHT_BRACKETS = TIGHT_BRACKETS


def marked_items(text: str) -> list[tuple[bool, str]] | None:
    """``"☒ A   ☐ B"`` → ``[(True, "A"), (False, "B")]``; a lone mark gives ``[(True, "")]``.
    None when the text is not a list of marked items."""
    leading = _LEADING_MARK.match(text)
    if leading is None:
        return None
    pattern = _ANY_MARK if re.fullmatch(_BARE, leading.group(1)) else _MARK
    marks = list(pattern.finditer(text))
    items = []
    for number, mark in enumerate(marks):
        end = marks[number + 1].start() if number + 1 < len(marks) else len(text)
        items.append((_checked(mark.group(1)), " ".join(text[mark.end():end].split())))
    return items


def option_items(text: str, vocabulary: Vocabulary) -> list[tuple[bool, str]] | None:
    """A question's printed options with an X (or a mark) before the chosen ones, and
    nothing (or an empty box) before the others: ``"Provider X Business Partner
    Relationship Entity"``, ``"✔ Provider  Business Partner"``. None unless the whole text
    is options and marks, with at least one mark."""
    words = _TIGHT_BRACKETS.sub(r"[\1]", text).split()  # "[ ]" is one mark, not two words
    items: list[tuple[bool, str]] = []
    pending, index = False, 0
    while index < len(words):
        mark = _LEADING_MARK.fullmatch(words[index])
        if mark is not None:
            pending, index = _checked(words[index]), index + 1
            continue
        plain = next((at for at in range(index, len(words))
                      if _LEADING_MARK.fullmatch(words[at])), len(words))
        size = next((size for size in range(min(8, plain - index), 0, -1)
                     if _is_option(" ".join(words[index:index + size]), vocabulary)), 0)
        if not size:
            return None
        items.append((pending, " ".join(words[index:index + size])))
        pending, index = False, index + size
    return items if len(items) >= 2 and any(checked for checked, _ in items) else None


def _is_option(text: str, vocabulary: Vocabulary) -> bool:
    return vocabulary.is_choice_label(text) and \
        not vocabulary.is_field_label(text)


def _checked(mark: str) -> bool:
    return any(letter in mark for letter in CHECKED_LETTERS)


def value_fields(label: str, value: str, source: Source,
                 vocabulary: Vocabulary) -> list[RawField]:
    """A typed value: one checkbox item per marked choice, or one text."""
    value = canonical_marks(value)
    items = option_items(value, vocabulary) or marked_items(value)
    if items is None:  # Word's "Click or tap here to enter text." is an empty field
        return [RawField(name=label, label=label, source=source,
                         value="" if is_placeholder(value) else value)]
    if len(items) == 1 and not items[0][1]:  # a lone mark: the label is the checkbox
        return [RawField(name=label, label=label, value=items[0][0], source=source)]
    return [RawField(name=text, label=label, value=checked, source=source)
            for checked, text in items if text]


def marked_line_fields(line: str, label: str, vocabulary: Vocabulary,
                       source: Source) -> list[RawField]:
    """A line of marked choices: ``☒ I attest ...`` is a checkbox field of its own;
    ``[X] Claim Status Inquiry`` a choice of the label above it."""
    items = marked_items(line) or []
    if len(items) == 1 and vocabulary.is_field_label(items[0][1]):
        return [RawField(name=items[0][1], label=items[0][1], value=items[0][0],
                         source=source)]
    return [RawField(name=text, label=label, value=checked, source=source)
            for checked, text in items if text and label]


def table_fields(rows: Sequence[Sequence[str | None]], vocabulary: Vocabulary,
                 source: Source) -> list[RawField]:
    """Label | value rows. A row with an empty first cell continues the label above (one
    label cell spanning the rows of its choices); ``label | X | choice`` rows carry the mark
    in a column of its own."""
    fields: list[RawField] = []
    label = ""
    rows = list(rows)
    consumed = -1  # the last row read as part of a stacked pair
    # labels down the first column: a label | value table, whose rows are never captions
    label_column = 2 * sum(1 for row in rows if row and vocabulary.is_field_label(
        " ".join((row[0] or "").split()))) >= len(rows)
    for number, row in enumerate(rows):
        cells = [(cell or "").strip() for cell in row]
        if not cells or number <= consumed:
            continue
        stacked = _stacked(cells, rows[number + 1] if number + 1 < len(rows) else None,
                           vocabulary, captions=not label_column)
        if stacked is not None:  # a row of labels over its values, or under them
            fields += [item for pair in stacked for item in value_fields(*pair, source, vocabulary)]
            label, consumed = "", number + 1
            continue
        found, label = _row_fields(cells, label, vocabulary, source)
        fields += found
    return fields


def _row_fields(cells: list[str], label: str, vocabulary: Vocabulary,
                source: Source) -> tuple[list[RawField], str]:
    """One row's fields, and the label the next rows continue ("" when none)."""
    cells = _from_first_label(cells, vocabulary)
    side_by_side = _side_by_side(cells, vocabulary)
    if side_by_side:  # City | Boston | State | MA
        return [item for pair in side_by_side
                for item in value_fields(*pair, source, vocabulary)], ""
    first = " ".join(cells[0].split())
    if first and marked_items(first):  # "☒ I attest ..." across the row
        return marked_line_fields(first, label, vocabulary, source), label
    if first and _boxed(cells, vocabulary):  # each cell: its label, its value under it
        return _cell_fields(cells, vocabulary, source), ""
    fields: list[RawField] = []
    if first:
        label = first if vocabulary.is_field_label(first) else ""
        fields += [] if label else _cell_fields(cells, vocabulary, source)
    if label:
        fields += _row_value(label, cells[1:], source, vocabulary)
    return fields, label


def _side_by_side(cells: list[str], vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """A row of two or more label | value pairs; [] when the row is not one."""
    names = [" ".join(cell.split()) for cell in cells[0::2]]
    values = cells[1::2]
    if len(cells) < 4 or len(values) < 2 or not all(
            vocabulary.is_field_label(name) for name in names if name) or \
            sum(1 for name in names if name) < 2 or \
            any(vocabulary.is_field_label(value) for value in values if value):
        return []
    return [(name, value) for name, value in zip(names, values, strict=False)
            if name and value]


def _stacked(row: Sequence[str], following: Sequence[str | None] | None,
             vocabulary: Vocabulary, *, captions: bool) -> list[tuple[str, str]] | None:
    """(label, value) pairs when ``row`` is a row of labels over ``following``, its values
    (Street Address | City | State | ZIP), or a row of values over their labels (a
    signature block: the name on the line, "Authorized Signatory Name" under it)."""
    if following is None or len(following) != len(row):
        return None
    texts = [" ".join(cell.split()) for cell in row]
    under = [" ".join((cell or "").split()) for cell in following]
    if _all_labels(texts, vocabulary, least=2) and _no_labels(under, vocabulary):
        return [(name, value) for name, value in zip(texts, under, strict=True)
                if name and value]
    if captions and len(texts) >= 2 and all(texts) and _no_labels(texts, vocabulary) and \
            _captions(under, vocabulary):
        return [(name, value) for name, value in zip(under, texts, strict=True)
                if value and vocabulary.is_field_label(name)]
    return None


def _captions(texts: list[str], vocabulary: Vocabulary) -> bool:
    """A row of captions under the lines of a signature block: field labels, and a few
    plain words ("Signature"), but no values (no digits, no marks)."""
    labels = [text for text in texts if vocabulary.is_field_label(text)]
    others = [text for text in texts if text and text not in labels]
    return bool(labels) and not any(marked_items(text) for text in labels) and all(
        len(text.split()) <= 3 and not any(char.isdigit() for char in text) for text in others)


def _all_labels(texts: list[str], vocabulary: Vocabulary, *, least: int) -> bool:
    named = [text for text in texts if text]
    return len(named) >= least and all(vocabulary.is_field_label(text) for text in named)


def _no_labels(texts: list[str], vocabulary: Vocabulary) -> bool:
    return any(texts) and not any(vocabulary.is_field_label(text) for text in texts if text)


def _row_value(label: str, rest: list[str], source: Source,
               vocabulary: Vocabulary) -> list[RawField]:
    filled = [cell for cell in rest if cell]
    if len(rest) >= 2 and rest[1] and _is_lone_mark(rest[0]):
        return [RawField(name=" ".join(rest[1].split()), label=label,
                         value=_checked(rest[0]) if rest[0] else False, source=source)]
    if not filled:  # "Label | (empty)": a sure blank; a value in a row below still wins
        return [RawField(name=label, label=label, value="", source=source)] \
            if len(rest) == 1 else []
    return value_fields(label, "\n".join(filled), source, vocabulary)


def _is_lone_mark(cell: str) -> bool:
    items = marked_items(cell)
    return not cell or (items is not None and len(items) == 1 and not items[0][1])


def _from_first_label(cells: list[str], vocabulary: Vocabulary) -> list[str]:
    """The row from its first label on: a section name in a merged first column
    ("Organization" beside every row of its section) is no part of the fields."""
    if len(cells) >= 3 and all(vocabulary.is_field_label(" ".join(cell.split()))
                               for cell in cells[:2]) and \
            not vocabulary.is_field_label(" ".join(cells[2].split())):
        return cells[1:]  # section | label | value: a label's value is never a label
    if not cells or vocabulary.is_field_label(cells[0].partition("\n")[0]) or \
            marked_items(cells[0]):
        return cells
    first = 1 if len(cells) > 2 and vocabulary.is_field_label(" ".join(cells[1].split())) \
        else None  # one section cell before the label, never a table's header row
    return cells[first:] if first is not None else cells


def _boxed(cells: list[str], vocabulary: Vocabulary) -> bool:
    """A row of boxed fields: another cell than the first holds a label on its first line."""
    return any(vocabulary.is_field_label(cell.partition("\n")[0]) for cell in cells[1:]
               if cell and not marked_items(cell))


def _cell_fields(cells: list[str], vocabulary: Vocabulary, source: Source) -> list[RawField]:
    """Boxed forms: each cell holds "Label: value", or the label on its first line and the
    value below it."""
    fields = []
    for cell in cells:
        first, _, below = cell.partition("\n")
        if vocabulary.is_field_label(first) and below.strip():
            fields += value_fields(first.strip(), " ".join(below.split()), source, vocabulary)
            continue
        split = vocabulary.split_label(" ".join(cell.split())) if ":" in cell else None
        if split is not None and split[1] and vocabulary.is_field_label(split[0]):
            fields += value_fields(split[0], split[1], source, vocabulary)
    return fields
