"""Fillable Test Scenarios read from their fields: rows named by flat dotted LiveCycle-style
names in one /T string (``ScenarioTable[0].Row[3].Pass[0]``) with a Pass / Fail checkbox pair
per row, and opaque ``TextN`` cells known only by their tooltips ("Row 3 Transaction"), give
the same scenario rows as a printed table."""

from __future__ import annotations

from datetime import date

from pdf_samples import Node, page, texts, with_fields
from pypdf.generic import NameObject

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.model import RawDocument, RawField
from parsers.scenario_fields import field_table
from parsers.supporting import supporting_facts

ROWS = (("TS-01", "Claim Submission (DDE)", True, False),
        ("TS-02", "Claim Submission (DDE)", False, True),
        ("TS-03", "Remittance Advice Download", True, False),
        ("TS-04", "Claim Status Inquiry", False, True),
        ("", "", False, False))  # an empty row at the end of the table


def _flat_fields() -> list[RawField]:
    fields = []
    for number, (scenario, transaction, passed, failed) in enumerate(ROWS):
        row = f"ScenarioTable[0].Row[{number}]"
        fields += [RawField(f"{row}.ScenarioID[0]", scenario, "acroform"),
                   RawField(f"{row}.Transaction[0]", transaction, "acroform"),
                   RawField(f"{row}.ExpectedResult[0]", "Result shown", "acroform"),
                   RawField(f"{row}.Pass[0]", passed, "acroform", export_value="1"),
                   RawField(f"{row}.Fail[0]", failed, "acroform", export_value="1")]
    return fields


def test_flat_dotted_names_with_a_pass_fail_pair(
        definitions: dict[str, FormDefinition]) -> None:
    raw = RawDocument("acroform", "Test Scenarios", tuple(_flat_fields()))
    assert field_table(raw)[1:] == (("Claim Submission (DDE)", "Pass"),
                                    ("Claim Submission (DDE)", "Fail"),
                                    ("Remittance Advice Download", "Pass"),
                                    ("Claim Status Inquiry", "Fail"), ("", ""))
    facts = supporting_facts("test_scenarios", raw, {}, definitions)
    assert facts["passing"] == {"claim_submission": 1, "remittance_advice": 1}
    assert facts["covered"] == ["claim_status", "claim_submission", "remittance_advice"]
    assert facts["scenarios"] == 4


def test_opaque_cells_known_by_their_tooltips(definitions: dict[str, FormDefinition]) -> None:
    columns = ("Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Pass/Fail")
    fields = []
    for number, (scenario, transaction, passed, _failed) in enumerate(ROWS):
        cells = (scenario, transaction, "Claim Status Search", "Result shown",
                 ("Pass" if passed else "Fail") if scenario else "")
        for at, (column, cell) in enumerate(zip(columns, cells, strict=True)):
            label = column if number == 0 else ""  # the first row: the printed header
            fields.append(RawField(f"Text{number * len(columns) + at + 1}", cell, "acroform",
                                   label=label, tooltip=f"Row {number + 1} {column}"))
    raw = RawDocument("acroform", "Test Scenarios", tuple(fields))
    facts = supporting_facts("test_scenarios", raw, {}, definitions)
    assert facts["passing"] == {"claim_submission": 1, "remittance_advice": 1}
    assert facts["scenarios"] == 4


def test_a_both_ticked_or_unticked_pair_is_no_pass() -> None:
    fields = [RawField("T.Row[0].Transaction[0]", "Claim Status Inquiry", "acroform"),
              RawField("T.Row[0].Pass[0]", True, "acroform"),
              RawField("T.Row[0].Fail[0]", True, "acroform"),
              RawField("T.Row[1].Transaction[0]", "Claim Status Inquiry", "acroform"),
              RawField("T.Row[1].Pass[0]", False, "acroform"),
              RawField("T.Row[1].Fail[0]", False, "acroform")]
    table = field_table(RawDocument("acroform", "Test Scenarios", tuple(fields)))
    assert [row[1] for row in table[1:]] == ["", ""]


def test_a_fillable_pdf_gives_the_pass_counts(definitions: dict[str, FormDefinition]) -> None:
    nodes = []
    for number, (scenario, transaction, passed, failed) in enumerate(ROWS):
        top, row = 140 + 24 * number, f"ScenarioTable[0].Row[{number}]"
        nodes += [Node(f"{row}.ScenarioID[0]", ft="/Tx", value=scenario, rect=(40, top, 60, 18)),
                  Node(f"{row}.Transaction[0]", ft="/Tx", value=transaction,
                       rect=(110, top, 180, 18)),
                  Node(f"{row}.Pass[0]", ft="/Btn", states=("1",), rect=(300, top, 10, 10),
                       value=NameObject("/1" if passed else "/Off")),
                  Node(f"{row}.Fail[0]", ft="/Btn", states=("1",), rect=(340, top, 10, 10),
                       value=NameObject("/1" if failed else "/Off"))]
    base = page(texts((40, 60, "RPA Test Scenarios"), (40, 120, "Scenario ID"),
                      (110, 120, "Transaction"), (300, 120, "Pass/Fail")))
    document = extract_document("scenarios.pdf", with_fields(base, nodes), definitions,
                                limits=Limits(), today=date(2026, 12, 2), isolate=False)
    assert document.form_type == "test_scenarios"
    assert document.values()["scenario_pass_counts"] == {
        "claim_status": 0, "claim_submission": 1, "remittance_advice": 1}
    assert not [item for item in document.problems if item.severity == "error"]
