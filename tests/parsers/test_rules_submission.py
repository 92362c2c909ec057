"""Submission rules: registry facts, supporting documents, status and lateness."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parsers.model import ExtractedDocument, FieldValue, Problem
from parsers.rules import (
    EarlierDocument,
    RegistryFacts,
    Stage1Approval,
    Stage2Approval,
    evaluate_submission,
)

TODAY = date(2026, 3, 15)
ORG = {"fein": "04-1234567", "provider_id": "110012345A"}
STAGE1 = Stage1Approval("RPA1-2026-00042", "04-1234567", "110012345A",
                        frozenset({"claim_status", "eligibility_inquiry"}))
STAGE2 = Stage2Approval("RPA2-2026-00007", "04-1234567", None, 4, ("RPA001",))
FACTS = RegistryFacts({STAGE1.number: STAGE1}, {STAGE2.number: STAGE2})


def doc(form_type: str, values: dict[str, Any] | None = None, facts: dict[str, Any] | None = None,
        problems: tuple[Problem, ...] = ()) -> ExtractedDocument:
    fields = tuple(FieldValue(key, str(value), value, "acroform")
                   for key, value in (values or {}).items())
    return ExtractedDocument(f"{form_type}.pdf", "0" * 64, form_type, None, "acroform", fields,
                             problems, facts or {})


def stage2(**changes: Any) -> ExtractedDocument:
    values = {**ORG, "stage1_approval_number": STAGE1.number, "transactions": ["claim_status"],
              **changes}
    return doc("stage2", {key: value for key, value in values.items() if value is not None})


AGREEMENT = doc("rpa_agreement", facts={"signed": True})
DESIGN = doc("systems_design", facts={"transactions": ["claim_status"]})
SCENARIOS = doc("test_scenarios", facts={"passing": {"claim_status": 2}, "scenarios": 2})
SUPPORT = [AGREEMENT, DESIGN, SCENARIOS]


def verdict(documents, facts: RegistryFacts = FACTS, received_on: date = TODAY):
    return evaluate_submission(documents, facts, received_on=received_on, today=TODAY)


def codes(result) -> list[str]:
    return sorted(problem.code for problem in result.problems)


CASES = [
    ([stage2(), *SUPPORT], []),
    ([stage2(stage1_approval_number="RPA1-2026-99999"), *SUPPORT], ["stage1_not_found"]),
    ([stage2(fein="99-9999999", provider_id=None), *SUPPORT], ["stage1_other_organization"]),
    ([stage2(fein="99-9999999"), *SUPPORT], []),  # PID/SL still matches
    ([stage2(fein=None), *SUPPORT], []),
    ([stage2(transactions=["claim_status", "prior_authorization"]), *SUPPORT],
     ["no_passing_scenario", "transaction_not_approved"]),
    ([stage2()], ["missing_document"] * 3),
    ([stage2(), AGREEMENT, DESIGN], ["missing_document"]),
    ([stage2(), doc("rpa_agreement", facts={"signed": False}), DESIGN, SCENARIOS],
     ["agreement_unsigned"]),
    ([stage2(), AGREEMENT, DESIGN, doc("test_scenarios", facts={"passing": {}})],
     ["no_passing_scenario"]),
    ([stage2(transactions=["claim_status", "eligibility_inquiry"]), *SUPPORT],
     ["no_passing_scenario"]),
    ([doc("modification", {**ORG, "stage2_approval_number": STAGE2.number})], []),
    ([doc("modification", {**ORG, "stage2_approval_number": "RPA2-2026-00001"})],
     ["stage2_not_found"]),
    ([doc("annual_validation", {"fein": "11-1111111", "stage2_approval_number": STAGE2.number})],
     ["stage2_other_organization"]),
    ([doc("modification", {**ORG, "stage2_approval_number": STAGE2.number,
                           "modification_types": ["increase_screens"],
                           "new_screens_per_session": 6})], []),
    ([doc("modification", {**ORG, "stage2_approval_number": STAGE2.number,
                           "modification_types": ["increase_screens"],
                           "new_screens_per_session": 4})], ["screens_direction"]),
    ([doc("modification", {**ORG, "stage2_approval_number": STAGE2.number,
                           "modification_types": ["decrease_screens"],
                           "new_screens_per_session": 5})], ["screens_direction"]),
    ([doc("modification", {**ORG, "stage2_approval_number": STAGE2.number,
                           "modification_types": ["decrease_screens"],
                           "new_screens_per_session": 2})], []),
    ([doc("stage1", ORG)], []),
]


@pytest.mark.parametrize(("documents", "expected"), CASES)
def test_submission_rules(documents, expected: list[str]) -> None:
    assert codes(verdict(documents)) == expected


def test_missing_documents_name_each_document() -> None:
    fields = sorted(problem.field for problem in verdict([stage2()]).problems)
    assert fields == ["rpa_agreement", "systems_design", "test_scenarios"]


def test_supporting_documents_from_earlier_in_the_thread_count() -> None:
    earlier = RegistryFacts(FACTS.stage1_approvals, FACTS.stage2_approvals, (
        EarlierDocument("rpa_agreement", {"signed": True}),
        EarlierDocument("test_scenarios", {"passing": {"claim_status": 1}})))
    assert codes(verdict([stage2(), DESIGN], earlier)) == []


@pytest.mark.parametrize(("received", "late"), [
    (date(2022, 9, 30), False), (date(2022, 10, 1), True), (date(2022, 8, 1), False)])
def test_grandfathered_late_on_the_boundary(received: date, late: bool) -> None:
    result = verdict([doc("stage2_grandfathered", {**ORG, "transactions": ["claim_status"]}),
                      *SUPPORT], received_on=received)
    assert result.late is late
    assert codes(result) == (["late_grandfathered"] if late else [])
    assert result.status == "complete"  # late is a warning, not an error


REVIEW = Problem("ocr", "scan", None, "review")
ERROR = Problem("missing_required", "x", "npi")
WARNING = Problem("weekly_monthly_mismatch", "x", None, "warning")


@pytest.mark.parametrize(("documents", "status", "main"), [
    ([], "no_form", None),
    ([doc("unknown")], "no_form", None),
    ([doc("unknown", problems=(Problem("unsupported_file", "resend"),))], "no_form", None),
    ([doc("stage1", ORG)], "complete", "stage1"),
    ([doc("stage1", ORG, problems=(WARNING,))], "complete", "stage1"),
    ([doc("stage1", ORG, problems=(ERROR,))], "incomplete", "stage1"),
    ([doc("stage1", ORG, problems=(ERROR, REVIEW))], "needs_review", "stage1"),
    ([stage2()], "incomplete", "stage2"),
    ([AGREEMENT, stage2(), DESIGN, SCENARIOS], "complete", "stage2"),
    ([DESIGN, doc("unknown")], "incomplete", "systems_design"),  # alone: must join a Stage II
    ([doc("stage1", ORG), doc("unknown", problems=(ERROR,))], "incomplete", "stage1"),
])
def test_status_and_main_form(documents, status: str, main: str | None) -> None:
    result = verdict(documents)
    assert (result.status, result.main_form_type) == (status, main)


def test_document_problems_are_not_repeated_at_submission_level() -> None:
    result = verdict([doc("stage1", ORG, problems=(ERROR,))])
    assert result.problems == ()
