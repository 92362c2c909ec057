"""Normalization stage: one table of raw values per field type."""

from __future__ import annotations

import pytest

from parsers.formdefs import Choice, FieldDef
from parsers.normalize import normalize_value, npi_is_valid

TRANSACTIONS = (
    Choice("eligibility_inquiry", "Member Eligibility Verification", ("Eligibility",)),
    Choice("claim_status", "Claim Status Inquiry", ("Claim Status",)),
    Choice("claim_submission", "Claim Submission (DDE)", ("Claim Submission",)),
    Choice("other", "Other DDE Activity", ("Other",)),
)


def field(kind: str) -> FieldDef:
    choices = TRANSACTIONS if kind in ("choice", "set") else ()
    return FieldDef("some_key", "Printed Label", kind, choices=choices)


VALID = [
    ("text", "  Acme   Health\nLLC ", "Acme Health LLC"),
    ("integer", "12", 12),
    ("integer", "1,200", 1200),
    ("integer", "2 bots", 2),
    ("integer", "approx. 50 per week", 50),
    ("integer", "3.0", 3),
    ("integer", "two", 2),
    ("year", "2026", 2026),
    ("year", "CY 2025", 2025),
    ("year", "2,026", 2026),  # a number control's thousands separator
    ("date", "2026-03-01", "2026-03-01"),
    ("date", "03/01/2026", "2026-03-01"),
    ("date", "3/1/26", "2026-03-01"),
    ("date", "March 1, 2026", "2026-03-01"),
    ("date", "1 Mar 2026", "2026-03-01"),
    ("date", "01-Mar-2026", "2026-03-01"),
    ("date", "Mar. 1st, 2026", "2026-03-01"),
    ("date", "Sunday, March 1, 2026", "2026-03-01"),
    ("date", "2026-03-01T00:00:00Z", "2026-03-01"),
    ("date", "20260301", "2026-03-01"),
    ("date", "3.1.2026", "2026-03-01"),
    ("date", "12/31/99", "1999-12-31"),
    ("email", " Jane.Doe@Example.ORG ", "jane.doe@example.org"),
    ("email", "mailto:a@b.co", "a@b.co"),
    ("email", ". jane@acme.example,", "jane@acme.example"),
    ("email", "(jane@acme.example)", "jane@acme.example"),
    ("phone", "617-555-0142", "617-555-0142"),
    ("phone", "(617) 555-0142", "617-555-0142"),
    ("phone", "+1 617.555.0142", "617-555-0142"),
    ("phone", "6175550142", "617-555-0142"),
    # SPEC §2.1: NNN-NNN-NNNN; the extension stays in the raw value a coordinator sees
    ("phone", "617-555-0142 ext. 12", "617-555-0142"),
    ("phone", "(603) 555-0135 x31", "603-555-0135"),
    ("phone", "215.555.0199 Ext 214", "215-555-0199"),
    ("zip", "02111", "02111"),
    ("zip", "02111-1234", "02111-1234"),
    ("zip", "021111234", "02111-1234"),
    ("state", "MA", "MA"),
    ("state", "ma", "MA"),
    ("state", "Massachusetts", "MA"),
    ("state", "Mass.", "MA"),
    ("state", "new york", "NY"),
    ("npi", "1234567893", "1234567893"),
    ("npi", "1245 319 599", "1245319599"),
    ("pid_sl", "110012345a", "110012345A"),
    ("pid_sl", "110012345-A", "110012345A"),
    ("fein", "04-1234567", "04-1234567"),
    ("fein", "041234567", "04-1234567"),
    ("fein", "04 123 4567", "04-1234567"),
    ("choice", "Claim Status Inquiry", "claim_status"),
    ("choice", "claim_status", "claim_status"),
    ("choice", "CLAIM STATUS", "claim_status"),
    ("choice", "Claim Submission", "claim_submission"),
    ("choice", "☒ Claim Status Inquiry", "claim_status"),
    ("set", ("Claim Status Inquiry", "eligibility_inquiry"),
     ["claim_status", "eligibility_inquiry"]),
    ("set", "Claim Status Inquiry, Eligibility", ["claim_status", "eligibility_inquiry"]),
    ("set", "Claim Status; Claim Status\nOther", ["claim_status", "other"]),
    ("set", ("claim_status", "claim_status"), ["claim_status"]),
    ("list", "Bot A, Bot B; Bot C\nBot D", ["Bot A", "Bot B", "Bot C", "Bot D"]),
    ("list", ("U1", "U2, U3"), ["U1", "U2", "U3"]),
    ("list", " a ,, b ", ["a", "b"]),
    ("list", "RPANR8801 RPANR8802 RPANR8803", ["RPANR8801", "RPANR8802", "RPANR8803"]),
    ("list", "Claim Detail; PA Request Entry 2", ["Claim Detail", "PA Request Entry 2"]),
    ("yesno", "Yes", True),
    ("yesno", "n", False),
    ("yesno", "TRUE", True),
    ("yesno", "x", True),
    ("yesno", "checked", True),
    ("yesno", "I agree", True),  # a form tool's consent checkbox (Google Forms)
    ("yesno", "No.", False),
    ("yesno", True, True),
    ("checkbox", False, False),
    ("checkbox", "Off", False),
    ("checkbox", "On", True),
    ("stage1_number", "RPA1-2026-00042", "RPA1-2026-00042"),
    ("stage1_number", "rpa1 2026 00042", "RPA1-2026-00042"),
    ("stage1_number", "RPA1\u20132026\u201300042", "RPA1-2026-00042"),
    ("stage2_number", "rpa2-2025-12345", "RPA2-2025-12345"),
]


@pytest.mark.parametrize(("kind", "raw", "expected"), VALID)
def test_valid_values_normalize(kind: str, raw: object, expected: object) -> None:
    result = normalize_value(field(kind), raw)  # type: ignore[arg-type]
    assert result.problem is None
    assert result.value == expected


INVALID = [
    ("integer", "a few"),
    ("integer", "10-20"),
    ("integer", "2.5"),
    ("year", "26"),
    ("date", "sometime in March"),
    ("date", "02/30/2026"),
    ("date", "13/45/2026"),
    ("email", "jane.doe@"),
    ("email", "not an email"),
    ("phone", "555-0142"),
    ("phone", "call me"),
    ("zip", "0211"),
    ("zip", "2720"),  # SPEC §2.1: NNNNN; a lost leading zero is not ours to guess
    ("zip", "02111-12"),
    ("zip", "ABCDE"),
    ("state", "Mass Bay"),
    ("npi", "1234567890"),
    ("npi", "123456789"),
    ("pid_sl", "110012345"),
    ("pid_sl", "11001234AB"),
    ("fein", "04-123456"),
    ("fein", "264-418073"),  # 9 digits, dash misplaced: not rewritten into 26-4418073
    ("fein", "04-12-34567"),
    ("choice", "Dental Claims"),
    ("set", "Claim Status, Dental"),
    ("yesno", "maybe"),
    ("stage1_number", "RPA2-2026-00042"),
    ("stage1_number", "RPA1-2026-42"),
    ("stage2_number", "RPA1-2026-00042"),
]


@pytest.mark.parametrize(("kind", "raw"), INVALID)
def test_invalid_values_give_a_problem(kind: str, raw: str) -> None:
    result = normalize_value(field(kind), raw)
    assert result.value is None
    assert result.problem is not None
    assert result.problem.code == f"invalid_{kind}"
    assert result.problem.field == "some_key"
    assert "Printed Label" in result.problem.message


@pytest.mark.parametrize("kind", ["text", "integer", "date", "set", "list", "npi"])
@pytest.mark.parametrize("raw", ["", "   ", ("",), "N/A"])
def test_empty_values_are_absent_not_invalid(kind: str, raw: object) -> None:
    result = normalize_value(field(kind), raw)  # type: ignore[arg-type]
    assert result.value is None and result.problem is None


@pytest.mark.parametrize(("npi", "valid"), [
    ("1234567893", True), ("1245319599", True), ("1003000126", True),
    ("1234567890", False), ("1245319598", False), ("12345678931", False), ("abcdefghij", False),
])
def test_npi_luhn(npi: str, valid: bool) -> None:
    assert npi_is_valid(npi) is valid


@pytest.mark.parametrize("raw", ["Claim Status Inquiry / Claim Adjustment/Void",
                                 "Claim Status Inquiry and Claim Adjustment/Void",
                                 "Claim Adjustment/Void & Claim Status Inquiry"])
def test_sets_typed_with_slashes_ampersands_and_and(definitions, raw: str) -> None:
    field = {item.key: item for item in definitions["stage1"].fields}["transactions"]
    assert normalize_value(field, raw).value == ["claim_adjustment", "claim_status"]


@pytest.mark.parametrize("raw", ["claim_status, eligibility_inquiry",
                                 "Claim Status Inquiry; Member Eligibility Verification"])
def test_a_list_of_choices_is_no_short_name_of_one(definitions, raw: str) -> None:
    """"claim status ... eligibility inquiry" holds the words of "Claim Status Inquiry"
    in order, but a list is read item by item, not as one abbreviated option."""
    field = {item.key: item for item in definitions["stage1"].fields}["transactions"]
    assert normalize_value(field, raw).value == ["claim_status", "eligibility_inquiry"]


def test_fill_in_underscores_are_no_part_of_a_value(definitions) -> None:
    fields = {item.key: item for item in definitions["stage1"].fields}
    assert normalize_value(fields["city"], "____Boston____").value == "Boston"
    assert normalize_value(fields["bot_names"], "__Bot A, Bot B__").value == ["Bot A", "Bot B"]
    assert normalize_value(fields["org_dba"], "________").value is None


@pytest.mark.parametrize(("raw", "expected"), [
    ("12 Elm Road\nSuite 4B", "12 Elm Road, Suite 4B"),  # a unit line after the street
    ("12 Elm Road\nBldg. 3", "12 Elm Road, Bldg. 3"),
    ("12 Elm Road\n3rd Floor", "12 Elm Road, 3rd Floor"),
    ("12 Elm Road,\nSuite 4B", "12 Elm Road, Suite 4B"),  # the comma is printed already
    ("12 Elm\nRoad", "12 Elm Road"),  # a street wrapped in a narrow box: no comma
    ("12 Elm Road, Suite 4B", "12 Elm Road, Suite 4B"),
])
def test_two_printed_address_lines_join_as_a_human_writes_them(definitions, raw: str,
                                                                expected: str) -> None:
    fields = {item.key: item for item in definitions["stage1"].fields}
    assert normalize_value(fields["street"], raw).value == expected
