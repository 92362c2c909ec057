"""Validation stage, whole submission: the documents of one submission (and its thread)
checked against what the registry knows, passed in as RegistryFacts; gives the status.

Pure: the caller looks the facts up and passes ``received_on`` and ``today``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from parsers.model import ExtractedDocument, Problem
from parsers.registry_facts import (
    EarlierDocument,
    RegistryFacts,
    Stage1Approval,
    Stage2Approval,
)
from parsers.rules_record import check_against_record
from parsers.rules_registry import (
    check_modification_screens,
    check_stage1_reference,
    check_stage2_reference,
    check_supporting,
)

SUPPORTING = ("rpa_agreement", "systems_design", "test_scenarios")
REGISTRATION = ("stage1", "stage2", "stage2_grandfathered", "modification", "annual_validation")
GRANDFATHER_DUE = date(2022, 9, 30)
__all__ = ["EarlierDocument", "RegistryFacts", "Stage1Approval", "Stage2Approval",
           "SubmissionVerdict", "evaluate_submission", "main_form_type", "status_of"]


@dataclass(frozen=True, slots=True)
class SubmissionVerdict:
    status: str  # complete | incomplete | needs_review | no_form
    problems: tuple[Problem, ...]  # submission-level only; documents keep their own
    main_form_type: str | None
    late: bool = False


def evaluate_submission(documents: Sequence[ExtractedDocument], facts: RegistryFacts, *,
                        received_on: date, today: date) -> SubmissionVerdict:
    """Cross-document and registry rules, and the status of the submission."""
    main = main_form_type(documents)
    if main is None:
        return SubmissionVerdict("no_form", (), None)
    problems: list[Problem] = []
    late = False
    for document in documents:
        problems += _registration_problems(document, documents, facts)
        if document.form_type == "stage2_grandfathered" and received_on > GRANDFATHER_DUE:
            late = True
            problems.append(Problem("late_grandfathered", "Grandfathered registrations were "
                                    "due by September 30, 2022; this one is accepted but "
                                    "recorded as late.", None, "warning"))
    if main in SUPPORTING:
        problems.append(_lone_supporting(main, facts.open_stage2_references))
    all_problems = [*problems, *(item for doc in documents for item in doc.problems)]
    return SubmissionVerdict(status_of(all_problems), tuple(problems), main, late)


def _registration_problems(document: ExtractedDocument,
                           documents: Sequence[ExtractedDocument],
                           facts: RegistryFacts) -> list[Problem]:
    form_type = document.form_type
    problems: list[Problem] = []
    if form_type == "stage2":
        problems += check_stage1_reference(document, facts.stage1_approvals)
    if form_type in ("stage2", "stage2_grandfathered"):
        problems += check_supporting(document, documents, facts.earlier_documents)
    if form_type in ("modification", "annual_validation"):
        problems += check_stage2_reference(document, facts.stage2_approvals)
        problems += check_against_record(document, facts.registrations)
    if form_type == "modification":
        problems += check_modification_screens(document, facts.stage2_approvals)
    return problems


def _lone_supporting(form_type: str, open_stage2: Sequence[str]) -> Problem:
    """A supporting document alone supports nothing: it must join its Stage II."""
    title = {"rpa_agreement": "RPA Agreement", "systems_design": "Systems Design "
             "Documentation", "test_scenarios": "Test Scenarios"}.get(form_type, form_type)
    where = (f"reply to the acknowledgment of {open_stage2[0]} (your Stage II submission) "
             "and attach it there" if open_stage2 else
             "send it with the Stage II Registration Form it belongs to, or reply to that "
             "submission's acknowledgment")
    return Problem("supporting_without_form", f"The {title} arrived without a Stage II "
                   f"Registration Form: {where}.", None, "error")


def main_form_type(documents: Sequence[ExtractedDocument]) -> str | None:
    """The registration form if any; else the first recognized supporting document."""
    types = [item.form_type for item in documents if item.form_type != "unknown"]
    registration = [form_type for form_type in types if form_type not in SUPPORTING]
    return (registration or types)[0] if types else None


def status_of(problems: Sequence[Problem]) -> str:
    if any(item.severity == "review" for item in problems):
        return "needs_review"
    if any(item.severity == "error" for item in problems):
        return "incomplete"
    return "complete"
