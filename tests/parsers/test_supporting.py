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
