"""Document rules: one table of (form, change) → expected problem codes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rules_samples import SAMPLES

from parsers.mapping import MappedValue
from parsers.rules_document import check_document, weekly_from_monthly

TODAY = date(2026, 3, 15)
ABSENT = ""  # a fillable field left empty: the reader is sure it is blank
UNSEEN = object()  # a field the reader did not find at all


def check(definitions, form_type: str, changes: dict[str, Any] | None = None,
          confidence: float = 1.0, today: date = TODAY, source: str = "acroform"):
    values = {**SAMPLES[form_type], **(changes or {})}
    mapped = {key: MappedValue(key, value, source, confidence)  # type: ignore[arg-type]
              for key, value in values.items() if value is not UNSEEN}
    return check_document(definitions[form_type], mapped, today=today)


def codes(result) -> list[str]:
    return sorted(problem.code for problem in result.problems)


@pytest.mark.parametrize("form_type", sorted(SAMPLES))
def test_valid_samples_have_no_problems(definitions, form_type: str) -> None:
    assert codes(check(definitions, form_type)) == []


CASES = [
    ("stage1", {"org_legal_name": ABSENT}, ["missing_required"]),
    ("stage1", {"org_legal_name": "   "}, ["missing_required"]),
    ("stage1", {"npi": ABSENT}, ["missing_required"]),
    ("stage1", {"npi": ABSENT, "provider_id": ABSENT, "org_type": "Business Partner"}, []),
    ("stage1", {"npi": "1234567890"}, ["invalid_npi"]),
    ("stage1", {"zip": "ABC"}, ["invalid_zip"]),
    ("stage1", {"bot_count": "0", "bot_names": ABSENT}, ["out_of_range"]),
    ("stage1", {"bot_count": "100", "bot_names": ABSENT}, ["out_of_range"]),
    ("stage1", {"bot_count": "3"}, ["bot_names_mismatch"]),
    ("stage1", {"bot_names": "Bot A; Bot B\nBot C"}, ["bot_names_mismatch"]),
    ("stage1", {"screens_per_session": "0"}, ["out_of_range"]),
    ("stage1", {"attest": False}, ["attestation_missing"]),
    ("stage1", {"attest": ABSENT}, ["attestation_missing"]),
    ("stage1", {"signature_date": "2026-03-16"}, ["future_date"]),
    ("stage1", {"signature_date": "03/15/2026"}, []),
    ("stage1", {"signature_date": "not a date"}, ["invalid_date"]),
    ("stage1", {"transactions": ("claim_status", "other"), "transactions_other": ABSENT},
     ["missing_required"]),
    ("stage1", {"transactions": ("other",), "transactions_other": "Member lookups"}, []),
    ("stage1", {"transactions": ABSENT}, ["missing_required"]),
    ("stage1", {"avg_weekly_transactions": ABSENT}, ["missing_required"]),
    ("stage1", {"avg_weekly_transactions": ABSENT, "est_monthly_transactions": "1000"}, []),
    ("stage1", {"est_monthly_transactions": "2000"}, ["weekly_monthly_mismatch"]),
    ("stage1", {"avg_weekly_transactions": "251", "est_monthly_transactions": "1000"}, []),
    ("stage1", {"avg_weekly_transactions": "26", "est_monthly_transactions": "100"}, []),
    ("stage1", {"avg_weekly_transactions": "27", "est_monthly_transactions": "100"},
     ["weekly_monthly_mismatch"]),
    ("stage2", {"testing_completed": "No"}, ["testing_not_completed"]),
    ("stage2", {"testing_completed": ABSENT}, ["testing_not_completed"]),
    ("stage2", {"stage1_approval_number": "RPA2-2026-00042"}, ["invalid_stage1_number"]),
    ("stage2", {"testing_completed_date": "2026-04-01"}, ["future_date"]),
    ("stage2_grandfathered", {"operational_since": "2022-06-30"}, []),
    ("stage2_grandfathered", {"operational_since": "2022-07-01"},
     ["not_eligible_grandfathered"]),
    ("stage2_grandfathered", {"operational_since": "7/2/2022"},
     ["not_eligible_grandfathered"]),
    ("stage2_grandfathered", {"operational_since": ABSENT}, ["missing_required"]),
    ("modification", {"modification_types": ("replace_tool",), "new_rpa_tool_name": ABSENT,
                      "new_rpa_tool_vendor": ABSENT}, ["missing_required", "missing_required"]),
    ("modification", {"modification_types": ("replace_tool",), "new_rpa_tool_name": "X",
                      "new_rpa_tool_vendor": "Y"}, []),
    ("modification", {"modification_types": ("increase_screens",),
                      "new_screens_per_session": ABSENT}, ["missing_required"]),
    ("modification", {"modification_types": ("decrease_screens",),
                      "new_screens_per_session": "2"}, []),
    ("modification", {"modification_types": ("add_sequential_transaction",),
                      "added_transaction": ABSENT}, ["missing_required"]),
    ("modification", {"modification_types": ("add_sequential_transaction",),
                      "added_transaction": "Claim Status Inquiry", "same_session": "Yes"}, []),
    ("modification", {"modification_types": ("add_sequential_transaction",),
                      "added_transaction": "claim_status", "same_session": "No"},
     ["new_stage1_required"]),
    ("modification", {"stage2_approval_number": ABSENT}, ["missing_required"]),
    ("annual_validation", {"unapproved_changes": "Yes"}, ["modification_required"]),
    ("annual_validation", {"info_current": "No"}, ["info_not_current"]),
    ("annual_validation", {"validation_year": "26"}, ["invalid_year"]),
    ("rpa_agreement", {"signer_title": ABSENT}, ["missing_required"]),
]


@pytest.mark.parametrize(("form_type", "changes", "expected"), CASES)
def test_document_rules(definitions, form_type: str, changes: dict[str, Any],
                        expected: list[str]) -> None:
    assert codes(check(definitions, form_type, changes)) == expected


def told(result) -> list[tuple[str, str | None]]:
    return sorted((p.code, p.field) for p in result.problems if p.severity == "error")


def reviewed(result) -> list[tuple[str, str | None]]:
    return sorted((p.code, p.field) for p in result.problems if p.severity == "review")


@pytest.mark.parametrize("changes", [{"fein": UNSEEN}, {"attest": UNSEEN},
                                     {"transactions": UNSEEN}])
def test_a_field_not_found_is_unreadable_not_missing(definitions, changes) -> None:
    result = check(definitions, "stage1", changes)
    assert told(result) == []
    assert reviewed(result) == [("unreadable", next(iter(changes)))]


def test_a_blank_seen_by_a_page_reader_is_not_told(definitions) -> None:
    """Layout and paragraphs report what they found; their silence proves nothing."""
    result = check(definitions, "stage1", {"fein": ""}, source="layout")
    assert told(result) == []
    assert reviewed(result) == [("missing_required", "fein")]


def test_a_doubtful_value_breaking_a_rule_goes_to_review(definitions) -> None:
    result = check(definitions, "stage1", {"npi": "1234567890"}, confidence=0.9)
    assert told(result) == []
    assert reviewed(result) == [("invalid_npi", "npi")]


def test_a_rule_on_two_fields_is_told_only_when_both_are_sure(definitions) -> None:
    mapped = {key: MappedValue(key, value, "acroform") for key, value in
              {**SAMPLES["stage1"], "bot_count": "3"}.items()}
    mapped["bot_names"] = MappedValue("bot_names", SAMPLES["stage1"]["bot_names"], "layout",
                                      0.9)
    result = check_document(definitions["stage1"], mapped, today=TODAY)
    assert (told(result), reviewed(result)) == ([], [("bot_names_mismatch", "bot_names")])


def test_required_with_a_doubtful_selection_is_not_told(definitions) -> None:
    mapped = {key: MappedValue(key, value, "acroform") for key, value in
              SAMPLES["stage1"].items()}
    mapped["transactions"] = MappedValue("transactions", ("other",), "layout", 0.9)
    result = check_document(definitions["stage1"], mapped, today=TODAY)
    assert told(result) == []
    assert reviewed(result) == [("unreadable", "transactions_other")]


@pytest.mark.parametrize(("key", "raw", "code"), [
    ("contact_email", "gadeyemi@tidewatercs.com Primary Contact Telephone * (703) 555-0148",
     "invalid_email"),
    ("bot_count", "4 Bot Name(s) * TW-STAT-1 TW-STAT-2", "invalid_integer"),
    ("fein", "54-1983320 Street Address * 4100 Monument Corner Drive", "invalid_fein"),
])
def test_a_value_that_runs_into_another_label_is_not_told(definitions, key, raw,
                                                          code) -> None:
    """A page reader that took the next fields' labels and values into one value misread
    the layout: what that value breaks goes to a coordinator, never to the provider."""
    mapped = {name: MappedValue(name, value, "layout") for name, value in
              {**SAMPLES["stage1"], key: raw}.items()}
    result = check_document(definitions["stage1"], mapped, today=TODAY)
    assert told(result) == []
    assert [item[1] for item in reviewed(result)] == [key]


def test_a_value_may_name_a_label_in_a_fillable_field(definitions) -> None:
    """Typed into its own field, the text is the provider's: a rule it breaks is told."""
    result = check(definitions, "stage1", {"contact_email": "see Primary Contact Name"})
    assert [(problem.code, problem.field) for problem in result.problems] == [
        ("invalid_email", "contact_email")]


def test_document_confidence(definitions) -> None:
    assert check(definitions, "stage1").confidence == 1.0
    assert check(definitions, "stage1", confidence=0.9).confidence == 0.9
    mostly_unseen = {key: UNSEEN for key in list(SAMPLES["stage1"])[:-3]}
    assert check(definitions, "stage1", mostly_unseen).confidence < 0.5


@pytest.mark.parametrize(("monthly", "weekly"), [
    (10, 3), (9, 2), (6, 2), (1000, 250), (1002, 251), (0, 0), (2, 1), (1, 0)])
def test_weekly_rounds_half_up(monthly: int, weekly: int) -> None:
    assert weekly_from_monthly(monthly) == weekly


def test_weekly_is_derived_from_monthly_keeping_source(definitions) -> None:
    result = check(definitions, "stage1", {"avg_weekly_transactions": ABSENT,
                                           "est_monthly_transactions": "10"}, confidence=0.9)
    derived = next(item for item in result.fields if item.key == "avg_weekly_transactions")
    assert (derived.value, derived.source, derived.confidence) == (3, "acroform", 0.9)
    assert derived.raw.startswith("10")


def test_low_confidence_is_a_review_problem(definitions) -> None:
    result = check(definitions, "rpa_agreement", confidence=0.5)
    assert {problem.code for problem in result.problems} == {"low_confidence"}
    assert {problem.severity for problem in result.problems} == {"review"}


def test_conflict_is_a_review_problem(definitions) -> None:
    mapped = {"org_legal_name": MappedValue("org_legal_name", "Acme", "acroform",
                                            conflicts=("Acme Inc",))}
    result = check_document(definitions["systems_design"], mapped, today=TODAY)
    assert [(p.code, p.field, p.severity) for p in result.problems] == [
        ("conflict", "org_legal_name", "review")]


def test_values_are_normalized(definitions) -> None:
    result = check(definitions, "stage1", {"zip": "021111234", "fein": "041234567"})
    values = {item.key: item.value for item in result.fields}
    assert values["zip"] == "02111-1234"
    assert values["fein"] == "04-1234567"
    assert values["bot_count"] == 2
    assert values["bot_names"] == ["Bot A", "Bot B"]
    assert values["org_type"] == "provider"
    assert values["attest"] is True
