"""Typed values and tables, as the DOCX and PDF readers hand them over: marks of every kind,
label | value rows, a mark column, and labels in a row above their values."""

from __future__ import annotations

import pytest

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.typed_fields import marked_items, option_items, table_fields


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


@pytest.mark.parametrize("text, items", [
    ("☒ MassHealth Provider   ☐ Business Partner", [(True, "MassHealth Provider"),
                                                    (False, "Business Partner")]),
    ("[X] Yes [ ] No", [(True, "Yes"), (False, "No")]),
    ("_ Replace RPA Tool\nX Retire Bot", [(False, "Replace RPA Tool"), (True, "Retire Bot")]),
    ("X", [(True, "")]),
    ("Model X 2", None),
    ("Acme Health", None),
])
def test_marked_items(text: str, items: list[tuple[bool, str]] | None) -> None:
    assert marked_items(text) == items


def _pairs(rows: list[list[str | None]], vocabulary: Vocabulary) -> list[tuple[str, object]]:
    return [(item.label, item.value if item.name == item.label else (item.name, item.value))
            for item in table_fields(rows, vocabulary, "table_cell")]


def test_label_value_rows_with_a_mark_column_and_a_spanning_label(
        vocabulary: Vocabulary) -> None:
    rows: list[list[str | None]] = [
        ["Organization Legal Name", "Acme Health", None],
        ["Organization Type", "X", "MassHealth Provider"],
        [None, "", "Business Partner"],
        ["☒ I attest that the information on this form is true and complete", None, None],
    ]
    assert _pairs(rows, vocabulary) == [
        ("Organization Legal Name", "Acme Health"),
        ("Organization Type", ("MassHealth Provider", True)),
        ("Organization Type", ("Business Partner", False)),
        ("I attest that the information on this form is true and complete", True),
    ]


def test_labels_in_a_row_above_their_values(vocabulary: Vocabulary) -> None:
    rows: list[list[str | None]] = [
        ["Street Address", "City", "State", "ZIP Code"],
        ["1 Main St", "Boston", "MA", "02111"],
        ["Primary Contact Name", "Jane Doe", None, None],
    ]
    assert _pairs(rows, vocabulary) == [
        ("Street Address", "1 Main St"), ("City", "Boston"), ("State", "MA"),
        ("ZIP Code", "02111"), ("Primary Contact Name", "Jane Doe"),
    ]


def test_two_label_value_pairs_per_row(vocabulary: Vocabulary) -> None:
    rows: list[list[str | None]] = [
        ["City", "Boston", "State", "MA"],
        ["ZIP Code", "02111", "Primary Contact Telephone", "617.555.0142"],
        ["Primary Contact Name", "Jane Doe", "", ""],
    ]
    assert _pairs(rows, vocabulary) == [
        ("City", "Boston"), ("State", "MA"), ("ZIP Code", "02111"),
        ("Primary Contact Telephone", "617.555.0142"), ("Primary Contact Name", "Jane Doe"),
    ]


def test_signature_block_rows_with_captions_under_the_values(vocabulary: Vocabulary) -> None:
    rows: list[list[str | None]] = [
        ["/s/ Jordan Blake", "October 2, 2026"],
        ["Signature", "Date Signed"],
        ["Jordan Blake", "Chief Executive Officer"],
        ["Authorized Signatory Name", "Authorized Signatory Title"],
    ]
    assert _pairs(rows, vocabulary) == [
        ("Date Signed", "October 2, 2026"), ("Authorized Signatory Name", "Jordan Blake"),
        ("Authorized Signatory Title", "Chief Executive Officer"),
    ]


def test_a_label_value_row_is_no_caption_row(vocabulary: Vocabulary) -> None:
    rows: list[list[str | None]] = [["Signature", "/s/ Jordan Blake"],
                                    ["Date Signed", "10/02/2026"]]
    assert _pairs(rows, vocabulary) == [("Date Signed", "10/02/2026")]


@pytest.mark.parametrize("text, items", [
    ("MassHealth Provider X Business Partner Relationship Entity",
     [(False, "MassHealth Provider"), (True, "Business Partner"),
      (False, "Relationship Entity")]),
    ("X On-Premises Cloud Vendor-Hosted",
     [(True, "On-Premises"), (False, "Cloud"), (False, "Vendor-Hosted")]),
    ("MassHealth Provider Business Partner", None),  # nothing chosen: not an answer
    ("X-ray Clinic of Boston", None),
])
def test_options_with_an_x_before_the_chosen_ones(vocabulary: Vocabulary, text: str,
                                                 items: list[tuple[bool, str]] | None) -> None:
    assert option_items(text, vocabulary) == items


def test_boxed_cells_each_with_a_label_over_its_value(vocabulary: Vocabulary) -> None:
    rows: list[list[str | None]] = [
        ["MassHealth Provider ID/Service Location (PID/SL)", "National Provider Identifier",
         None, "Federal Employer Identification Number (FEIN)\n04-1234567"],
        ["Organization Type\nMassHealth Provider X Business Partner", None, None, None],
    ]
    assert _pairs(rows, vocabulary) == [
        ("Federal Employer Identification Number (FEIN)", "04-1234567"),
        ("Organization Type", ("MassHealth Provider", False)),
        ("Organization Type", ("Business Partner", True)),
    ]
