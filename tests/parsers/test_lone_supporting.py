"""A supporting document sent alone supports nothing: incomplete, pointing to its Stage II
(issue 12: it used to be filed as complete)."""

from __future__ import annotations

from datetime import date

import pytest

from parsers.model import ExtractedDocument
from parsers.rules import RegistryFacts, evaluate_submission

TODAY = date(2026, 3, 15)


def alone(form_type: str) -> ExtractedDocument:
    return ExtractedDocument(f"{form_type}.pdf", "0" * 64, form_type, None, "acroform", (), (),
                             {"signed": True, "passing": {"claim_status": 1}, "scenarios": 1,
                              "transactions": ["claim_status"]})


@pytest.mark.parametrize("form_type", ["rpa_agreement", "systems_design", "test_scenarios"])
def test_a_lone_supporting_document_is_incomplete(form_type: str) -> None:
    result = evaluate_submission([alone(form_type)], RegistryFacts(), received_on=TODAY,
                                 today=TODAY)
    assert result.status == "incomplete"
    assert [item.code for item in result.problems] == ["supporting_without_form"]
    assert "Stage II Registration Form" in result.problems[0].message


def test_it_points_to_the_open_stage2_of_the_same_sender() -> None:
    facts = RegistryFacts(open_stage2_references=("FC-2026-000042-1",))
    result = evaluate_submission([alone("test_scenarios")], facts, received_on=TODAY,
                                 today=TODAY)
    assert "FC-2026-000042-1" in result.problems[0].message
