"""Facts of the supporting documents: signature, mentioned transactions, passing scenarios."""

from __future__ import annotations

import pytest

from parsers.model import RawDocument, RawField
from parsers.supporting import supporting_facts

HEADER = ("Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result",
          "Pass/Fail")


def scenarios(*rows: tuple[str, str]) -> RawDocument:
    table = (HEADER, *((f"TS-{n}", tx, "Claims > Status", "ok", "ok", result)
                       for n, (tx, result) in enumerate(rows)))
    return RawDocument("tables", "RPA Test Scenarios", tables=(table,))


@pytest.mark.parametrize(("rows", "passing", "total", "covered"), [
    ([("Claim Status Inquiry", "Pass")], {"claim_status": 1}, 1, ["claim_status"]),
    ([("Claim Status Inquiry", "Passed"), ("claim_status", "P"), ("Claim Status", "✓")],
     {"claim_status": 3}, 3, ["claim_status"]),
    ([("Claim Status Inquiry", "Fail"), ("Eligibility", "PASS")],
     {"eligibility_inquiry": 1}, 2, ["claim_status", "eligibility_inquiry"]),
    ([("Claim Status Inquiry, Eligibility", "Pass")],
     {"claim_status": 1, "eligibility_inquiry": 1}, 1, ["claim_status", "eligibility_inquiry"]),
    ([("Something else", "Pass"), ("Claim Status Inquiry", "")], {}, 2, ["claim_status"]),
])
def test_passing_scenarios(definitions, rows, passing, total, covered) -> None:
    facts = supporting_facts("test_scenarios", scenarios(*rows), {}, definitions)
    assert facts == {"passing": passing, "scenarios": total, "covered": covered,
                     "scenario_table": True}


def test_scenarios_without_a_table(definitions) -> None:
    raw = RawDocument("paragraphs", "RPA Test Scenarios\nAll passed.")
    assert supporting_facts("test_scenarios", raw, {}, definitions) == {
        "passing": {}, "scenarios": 0, "covered": [], "scenario_table": False}


@pytest.mark.parametrize(("signed", "values", "expected"), [
    (True, {}, True),
    (False, {"signer_name": "John Roe", "signature_date": "2026-03-01"}, True),
    (False, {"signer_name": "John Roe"}, False),
    (False, {}, False),
])
def test_agreement_signed(definitions, signed, values, expected) -> None:
    raw = RawDocument("acroform", "MassHealth RPA Agreement", signed=signed)
    assert supporting_facts("rpa_agreement", raw, values, definitions) == {"signed": expected}


def test_design_mentions_transactions(definitions) -> None:
    text = ("RPA Systems Design Documentation\nFlow 1: Claim Status Inquiry. Flow 2: member "
            "eligibility verification. Other notes: none. Remittance advice is not used.")
    facts = supporting_facts("systems_design", RawDocument("paragraphs", text), {}, definitions)
    assert facts == {"transactions": ["claim_status", "eligibility_inquiry",
                                      "remittance_advice"]}


def _position_named(names: tuple[str, ...], rows: list[tuple[str, ...]]) -> RawDocument:
    """A fillable table named by position: only the first row carries the headers."""
    headers = ("Scenario ID", "Transaction", "Expected Result", "Pass/Fail")
    fields = [RawField(names[number * len(row) + at], cell, "acroform",
                       label=headers[at] if number == 0 else "")
              for number, row in enumerate(rows) for at, cell in enumerate(row)]
    return RawDocument("acroform", "Test Scenarios", tuple(fields))


@pytest.mark.parametrize("name", ["cell_r{row:02d}_c{col}", "Text{n}"])
def test_fields_named_by_position_make_a_table(definitions, name: str) -> None:
    rows = [("T-01", "Claim Status Inquiry", "status read", "Pass"),
            ("T-02", "Claim Status Inquiry", "status read", "Fail"),
            ("T-03", "Member Eligibility Verification", "coverage read", "Pass"),
            ("", "", "", "")]
    names = tuple(name.format(row=n // 4 + 1, col=n % 4 + 1, n=n + 1) for n in range(16))
    facts = supporting_facts("test_scenarios", _position_named(names, rows), {}, definitions)
    assert facts["passing"] == {"claim_status": 1, "eligibility_inquiry": 1}
    assert facts["covered"] == ["claim_status", "eligibility_inquiry"]


def _table(*rows: tuple[str, ...]) -> RawDocument:
    return RawDocument("layout", "RPA Test Scenarios", tables=(rows,))


def test_a_repeated_header_row_is_no_scenario(definitions) -> None:
    """A long table whose header row is printed again at the top of each page, read as one
    table: the second header is not a scenario."""
    raw = _table(HEADER, ("TS-1", "Claim Status Inquiry", "s", "ok", "ok", "Pass"),
                 HEADER, ("TS-2", "Claim Status Inquiry", "s", "ok", "ok", "Fail"))
    facts = supporting_facts("test_scenarios", raw, {}, definitions)
    assert (facts["passing"], facts["scenarios"]) == ({"claim_status": 1}, 2)


def test_a_transaction_merged_down_over_its_group_counts_every_row(definitions) -> None:
    """A rowspan Transaction cell prints its name in the group's first row only; the rows
    under it (each with its own Scenario ID) belong to it, across a page break too. A
    wrapped line without an ID is no scenario of its own."""
    first = _table(HEADER, ("GS-1", "Claim Submission", "s", "ok", "ok", "Pass"),
                   ("GS-2", "", "s", "ok", "ok", "Pass"),
                   ("", "", "", "and logs it", "", ""),
                   ("GS-3", "Claim Status Inquiry", "s", "ok", "ok", "Fail"))
    second = (HEADER, ("GS-4", "", "s", "ok", "ok", "Pass"))
    raw = RawDocument("layout", "RPA Test Scenarios", tables=(*first.tables, second))
    facts = supporting_facts("test_scenarios", raw, {}, definitions)
    assert facts["passing"] == {"claim_status": 1, "claim_submission": 2}
    assert facts["covered"] == ["claim_status", "claim_submission"]


def test_a_scanned_header_wrapped_over_two_rows_or_misread(definitions) -> None:
    """OCR of a header: "POSC" over "Screen(s)" and "Pass/Fail" in the grid row under the
    others; or the Pass/Fail cell misread past spelling, known by its column's values."""
    wrapped = _table(("Scenario ID", "Transaction", "POSC", "Expected", "Actual", ""),
                     ("", "", "Screen(s)", "", "", "Pass,fall"),
                     ("T-1", "Claim Status Inquiry", "s", "ok", "done", "Pass"))
    misread = _table(("Scenario ID", "Transaction", "POSC", "Expected", "Actual", "Pccs,fa!!"),
                     ("T-1", "Claim Status Inquiry", "s", "status shown", "done", "Pass"),
                     ("T-2", "Claim Status Inquiry", "s", "status shown", "stopped", "Fail"))
    for raw in (wrapped, misread):
        facts = supporting_facts("test_scenarios", raw, {}, definitions)
        assert facts["passing"] == {"claim_status": 1}


def test_a_table_continued_without_its_header_keeps_its_columns(definitions) -> None:
    """Page 2 of a scenario table whose header row is not repeated (a scan, a DOCX without
    a repeat-header row): read with the columns of page 1's header; a table of another
    width after it, or one naming no transaction, is not read as scenarios."""
    first = (HEADER, ("TS-1", "Claim Status Inquiry", "s", "ok", "ok", "Pass"))
    second = (("TS-2", "Claim Status Inquiry", "s", "ok", "ok", "Pass"),
              ("TS-3", "Member Eligibility Verification", "s", "ok", "ok", "Pass"))
    sign_off = (("Tested by", "Dana Roe", "Pass"), ("Claim Status Inquiry", "ok", "Pass"))
    notes = (("Note", "", "", "", "", "Pass"),)
    raw = RawDocument("layout", "RPA Test Scenarios", tables=(first, second, sign_off, notes))
    facts = supporting_facts("test_scenarios", raw, {}, definitions)
    assert facts["passing"] == {"claim_status": 2, "eligibility_inquiry": 1}
    assert facts["scenarios"] == 3
