"""Validation stage, registry rules: approval numbers that must exist for the same
organization, Stage II transactions within the Stage I approval, the three supporting
documents and their facts, and the direction of a screens-per-session change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from parsers.model import ExtractedDocument, Problem
from parsers.registry_facts import EarlierDocument, Stage1Approval, Stage2Approval

DOCUMENT_NAMES = {
    "rpa_agreement": "the signed MassHealth RPA Agreement",
    "systems_design": "the Systems Design Documentation",
    "test_scenarios": "the Test Scenarios",
}


def same_organization(document: ExtractedDocument,
                      approval: Stage1Approval | Stage2Approval) -> bool:
    """FEIN or PID/SL match (either one is enough)."""
    fein, provider_id = document.value("fein"), document.value("provider_id")
    return bool((fein and fein == approval.fein)
                or (provider_id and provider_id == approval.provider_id))


def check_stage1_reference(document: ExtractedDocument,
                           approvals: Mapping[str, Stage1Approval]) -> list[Problem]:
    number = document.value("stage1_approval_number")
    if not number:
        return []  # the document rules already ask for it
    approval = approvals.get(number)
    if approval is None:
        return [Problem("stage1_not_found", f"Stage I Approval Number {number} is not an "
                        "approved Stage I registration; check the number on your approval "
                        "notice.", "stage1_approval_number")]
    if not same_organization(document, approval):
        return [Problem("stage1_other_organization", f"Stage I Approval Number {number} was "
                        "issued to a different organization (FEIN and PID/SL do not match).",
                        "stage1_approval_number")]
    return _extra_transactions(document, approval)


def _extra_transactions(document: ExtractedDocument,
                        approval: Stage1Approval) -> list[Problem]:
    requested = document.value("transactions") or []
    return [Problem("transaction_not_approved", f'The transaction "{key}" was not approved in '
                    f"Stage I {approval.number}. A Stage II may only include transactions "
                    "approved in its Stage I: file a separate Stage I Registration Form for "
                    "it.", "transactions")
            for key in requested if key not in approval.transactions]


def check_stage2_reference(document: ExtractedDocument,
                           approvals: Mapping[str, Stage2Approval]) -> list[Problem]:
    number = document.value("stage2_approval_number")
    if not number:
        return []
    approval = approvals.get(number)
    if approval is None:
        return [Problem("stage2_not_found", f"Stage II Approval Number {number} is not an "
                        "approved Stage II registration; check the number on your approval "
                        "notice.", "stage2_approval_number")]
    if not same_organization(document, approval):
        return [Problem("stage2_other_organization", f"Stage II Approval Number {number} was "
                        "issued to a different organization (FEIN and PID/SL do not match).",
                        "stage2_approval_number")]
    return []


def check_modification_screens(document: ExtractedDocument,
                               approvals: Mapping[str, Stage2Approval]) -> list[Problem]:
    """An increase must go up and a decrease down from the approved screens per session."""
    approval = approvals.get(document.value("stage2_approval_number") or "")
    new = document.value("new_screens_per_session")
    types = document.value("modification_types") or []
    if approval is None or approval.screens_per_session is None or new is None:
        return []
    approved = approval.screens_per_session
    if "increase_screens" in types and "decrease_screens" in types:
        return [_screens("both an increase and a decrease are selected; choose one", new)]
    if "increase_screens" in types and new <= approved:
        return [_screens(f"an increase must be more than the approved {approved}", new)]
    if "decrease_screens" in types and new >= approved:
        return [_screens(f"a decrease must be less than the approved {approved}", new)]
    return []


def _screens(reason: str, new: int) -> Problem:
    return Problem("screens_direction", f"New Maximum POSC Screens per Session is {new}: "
                   f"{reason}.", "new_screens_per_session")


def check_supporting(document: ExtractedDocument, documents: Sequence[ExtractedDocument],
                     earlier: Sequence[EarlierDocument]) -> list[Problem]:
    """All three supporting documents, from this email or earlier in the thread, and what
    they must show: a signature, and a passing scenario per requested transaction."""
    present: dict[str, list[Mapping[str, Any]]] = {}
    for form_type, facts in [*((item.form_type, item.facts) for item in documents),
                             *((item.form_type, item.facts) for item in earlier)]:
        present.setdefault(form_type, []).append(facts)
    problems = [Problem("missing_document", f"Please send {name} with the Stage II "
                        "Registration Form (reply to this message with it attached).", kind)
                for kind, name in DOCUMENT_NAMES.items() if kind not in present]
    agreements = present.get("rpa_agreement", [])
    if agreements and not any(facts.get("signed") for facts in agreements):
        problems.append(Problem("agreement_unsigned", "The MassHealth RPA Agreement is not "
                                "signed; please send a signed copy.", "rpa_agreement"))
    if "test_scenarios" in present:
        problems += _untested(document.value("transactions") or [], present["test_scenarios"])
    return problems


def _untested(requested: Iterable[str],
              scenarios: Sequence[Mapping[str, Any]]) -> list[Problem]:
    passing: dict[str, int] = {}
    for facts in scenarios:
        for key, count in dict(facts.get("passing") or {}).items():
            passing[key] = passing.get(key, 0) + int(count)
    return [Problem("no_passing_scenario", f'The Test Scenarios show no passing scenario for '
                    f'the transaction "{key}"; each transaction needs at least one successful '
                    "end-to-end scenario.", "test_scenarios")
            for key in requested if passing.get(key, 0) < 1]
