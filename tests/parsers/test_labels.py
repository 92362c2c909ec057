"""Printed labels as people type them: numbering before, required marks and hints after."""

from __future__ import annotations

import pytest

from parsers.fieldindex import field_index
from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary, normalize_label


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


@pytest.mark.parametrize("text", ["City", "3. City", "(b) City:", "2.1 City", "* City *",
                                  "City (required)", "CITY:", "a) City"])
def test_numbering_marks_and_hints_around_a_label(vocabulary: Vocabulary, text: str,
                                                 definitions: dict[str, FormDefinition]) -> None:
    assert vocabulary.is_field_label(text)
    assert field_index(definitions["stage1"]).field(text).key == "city"


@pytest.mark.parametrize("text, key", [
    ("Date Signed (MM/DD/YYYY)", "signature_date"),
    ("RPA Tool", "rpa_tool_name"),
    ("Number of RPA User IDs Requested (minimum 1)", "user_ids_requested"),
])
def test_parenthesized_hints(definitions: dict[str, FormDefinition], text: str,
                             key: str) -> None:
    assert field_index(definitions["stage2"]).field(text).key == key


def test_a_short_form_never_shadows_an_exact_label(vocabulary: Vocabulary) -> None:
    """"Other (describe)" is a field label; "Other" stays a choice, not that field."""
    assert not vocabulary.is_field_label("Other")


@pytest.mark.parametrize("line, label, value", [
    ("Date Signed (MM/DD/YYYY): 03/01/2026", "Date Signed (MM/DD/YYYY)", "03/01/2026"),
    ("4. City: Boston", "4. City", "Boston"),
])
def test_split_label_keeps_the_value_whole(vocabulary: Vocabulary, line: str, label: str,
                                           value: str) -> None:
    assert vocabulary.split_label(line) == (label, value)


def test_values_are_not_eaten_as_numbering() -> None:
    assert normalize_label("12 Main St") == "12 main st"
    assert normalize_label("I attest") == "i attest"
