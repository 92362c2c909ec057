"""Partly flattened fillable PDFs: some fields were printed into the page (a value in page
text, no widget), the rest are still live widgets. The page text tells it cheaply, before
the page layout is read: a printed label that no widget answers with a printed line after
it that is no print of the form's own, or a fillable scenario table whose first rows have
no fields (they were printed)."""

from __future__ import annotations

from itertools import pairwise

from parsers.labels import Vocabulary, clean_field_name, is_sentence, normalize_label
from parsers.model import RawField
from parsers.scenario_fields import field_place


def partly_flattened(text: str, fields: list[RawField], vocabulary: Vocabulary) -> bool:
    """Does the page show values that no widget holds?"""
    return bool(printed_values(text, fields, vocabulary)) or _rows_printed(fields)


def printed_values(text: str, fields: list[RawField], vocabulary: Vocabulary) -> list[str]:
    """The printed labels no widget answers that have a value printed on the next line."""
    answered = {key for item in fields for key in _keys(item, vocabulary)}
    held = {normalize_label(line) for item in fields for line in _lines(item.value)}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [label for label, after in pairwise(lines)
            if vocabulary.is_field_label(label)
            and not _label_keys(label, vocabulary) & answered
            and normalize_label(after) not in held and not _form_print(after, vocabulary)]


def _rows_printed(fields: list[RawField]) -> bool:
    """Scenario rows named from 1 (``r4_transaction``) whose first rows have no field."""
    rows = [place[0] for item in fields if (place := field_place(item)) is not None]
    return bool(rows) and min(rows) > 1


def _keys(item: RawField, vocabulary: Vocabulary) -> set[str]:
    name = clean_field_name(item.name)
    texts = (item.label, item.tooltip, name, name.rstrip("0123456789_ ."))
    return {key for text in texts if text for key in _label_keys(text, vocabulary, True)}


def _label_keys(text: str, vocabulary: Vocabulary, choices: bool = False) -> set[str]:
    return {target.key for target in vocabulary.lookup(text)
            if choices or target.choice is None}


def _form_print(line: str, vocabulary: Vocabulary) -> bool:
    """A label, choice, heading, wrapped label, form code or sentence of the form itself."""
    return (len(normalize_label(line)) < 2 or vocabulary.is_label(line)
            or vocabulary.is_heading(line) or vocabulary.is_label_start(line)
            or vocabulary.names_form_code(line) or is_sentence(line))


def _lines(value: str | bool | tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return value
    return tuple(value.splitlines()) if isinstance(value, str) else ()
