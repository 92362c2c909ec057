"""Classification stage: titles, footer codes, field overlap, the scenario table."""

from __future__ import annotations

import pytest

from parsers.classify import classify
from parsers.model import RawDocument, RawField

TITLES = [
    ("MassHealth RPA Stage I Registration Form", "stage1"),
    ("MassHealth RPA Stage II Registration Form", "stage2"),
    ("MassHealth RPA Stage II Registration Form – Grandfathered Entities",
     "stage2_grandfathered"),
    ("MassHealth RPA Stage II Registration Form\nGrandfathered Entities",
     "stage2_grandfathered"),
    ("MASSHEALTH RPA STAGE II REGISTRATION FORM - GRANDFATHERED ENTITIES",
     "stage2_grandfathered"),
    ("MassHealth RPA Modification Request Form", "modification"),
    ("MassHealth RPA Annual Validation", "annual_validation"),
    ("MassHealth RPA Agreement", "rpa_agreement"),
    ("Acme Health – RPA Systems Design Documentation", "systems_design"),
    ("Systems Design", "systems_design"),
    ("RPA Test Scenarios", "test_scenarios"),
    ("Stage 1 Registration Form", "stage1"),
]


@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_title_at_the_top(definitions, title: str, expected: str) -> None:
    body = "Organization Legal Name: Acme\nSome text about bots and the POSC.\n"
    result = classify(RawDocument("paragraphs", f"{title}\n{body}"), definitions)
    assert result.form_type == expected
    assert result.form_version is None


@pytest.mark.parametrize(("code", "expected"), [
    ("RPA-S1", "stage1"), ("RPA-S2", "stage2"), ("RPA-S2G", "stage2_grandfathered"),
    ("RPA-MOD", "modification"), ("RPA-AV", "annual_validation"), ("RPA-AGR", "rpa_agreement"),
    ("rpa-s2g", "stage2_grandfathered"), ("RPA–S2", "stage2"),
])
def test_footer_code_alone(definitions, code: str, expected: str) -> None:
    text = f"Some form\nvalues here\nForm {code} (rev. 07/2022)   Page 1 of 3"
    result = classify(RawDocument("layout", text), definitions)
    assert result.form_type == expected
    assert result.form_version == definitions[expected].form_code


def test_stage2_code_is_not_a_prefix_match(definitions) -> None:
    text = "MassHealth RPA Stage II Registration Form – Grandfathered Entities\nRPA-S2G"
    result = classify(RawDocument("acroform", text), definitions)
    assert (result.form_type, result.form_version) == ("stage2_grandfathered", "RPA-S2G")


def test_stage2_mentioning_its_supporting_documents_stays_stage2(definitions) -> None:
    text = ("MassHealth RPA Stage II Registration Form\nAttach the signed MassHealth RPA "
            "Agreement, the Systems Design Documentation and the Test Scenarios.\n"
            "Supporting Documentation Enclosed: Test Scenarios\nRPA-S2")
    assert classify(RawDocument("acroform", text), definitions).form_type == "stage2"


def test_field_overlap_alone(definitions) -> None:
    labels = ["Organization Legal Name", "FEIN", "Stage I Approval Number", "POSC Transactions",
              "Testing Completed", "Number of RPA User IDs Requested", "RPA Tool",
              "Date Signed", "City", "State"]
    fields = tuple(RawField(f"Text{n}", "x", "acroform", label=label)
                   for n, label in enumerate(labels))
    result = classify(RawDocument("acroform", "", fields), definitions)
    assert result.form_type == "stage2"


def test_grandfathered_by_field_overlap(definitions) -> None:
    names = ["org_legal_name", "fein", "operational_since", "current_user_ids", "bot_count",
             "transactions", "testing_completed", "user_ids_requested", "signer_name"]
    fields = tuple(RawField(name, "x", "acroform") for name in names)
    result = classify(RawDocument("acroform", "", fields), definitions)
    assert result.form_type == "stage2_grandfathered"


def test_scenario_table(definitions) -> None:
    table = (("Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result",
              "Actual Result", "Pass/Fail"), ("1", "Claim Status Inquiry", "x", "y", "y", "Pass"))
    result = classify(RawDocument("tables", "Acme results", tables=(table,)), definitions)
    assert result.form_type == "test_scenarios"


@pytest.mark.parametrize("text", ["", "Dear team, please find our invoice attached.",
                                  "Quarterly newsletter\nRPA-S3 is not a code"])
def test_unknown(definitions, text: str) -> None:
    assert classify(RawDocument("paragraphs", text), definitions).form_type == "unknown"


def test_generic_personal_form_is_not_a_registration(definitions) -> None:
    """Regression: an unrelated form asking for name, address and phone (pdf-lib's
    sample_form) was taken for an Annual Validation by field overlap alone."""
    labels = ["NAME", "ADDRESS", "City", "STATE", "ZIP", "TELEPHONE", "Title", "Date"]
    fields = tuple(RawField(f"Text{n}", "x", "acroform", label=label)
                   for n, label in enumerate(labels))
    result = classify(RawDocument("acroform", "APPLICATION FORM", fields), definitions)
    assert result.form_type == "unknown"
