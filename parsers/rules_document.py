"""Validation stage, one document: mapped raw values are normalized and checked against the
form's own rules (required, ranges, must-be, dates, counts, derived weekly volume, and the
form-specific rules of SPEC §2). Pure: ``today`` is a parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from parsers.certainty import certainty_of, document_confidence, settle
from parsers.formdefs import FieldDef, FormDefinition
from parsers.mapping import MappedValue
from parsers.model import FieldValue, Problem
from parsers.normalize import normalize_value, raw_text
from parsers.rules_forms import FORM_RULES

LOW_CONFIDENCE = 0.8
MUST_BE_CODES = {"attest": "attestation_missing", "testing_completed": "testing_not_completed"}
NO_FUTURE = ("signature_date", "testing_completed_date")


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    fields: tuple[FieldValue, ...]
    problems: tuple[Problem, ...]
    confidence: float = 1.0  # of the whole document (parsers.certainty)


def check_document(definition: FormDefinition, mapped: Mapping[str, MappedValue], *,
                   today: date) -> CheckedDocument:
    """Normalize every mapped value and apply the document rules; a problem is told to the
    provider only when the fields it is about were read with certainty."""
    fields, problems, invalid = _normalize(definition, mapped)
    certainty = certainty_of(mapped, definition)
    values = {item.key: item.value for item in fields}  # as given: before derivation
    told = [settle(problem, [problem.field or ""], certainty, definition)
            for problem in problems]
    for item in definition.fields:
        if item.key not in invalid:
            told += [settle(problem, _involved(item, problem), certainty, definition)
                     for problem in field_problems(item, values, today)]
    for needs, rule in _rules(definition):
        told += [settle(problem, needs, certainty, definition) for problem in rule(values)]
    return CheckedDocument(tuple(derive_weekly(fields)), tuple(told),
                           document_confidence(definition, mapped, certainty))


def problems_about(definition: FormDefinition, values: Mapping[str, Any], key: str, *,
                   today: date) -> list[Problem]:
    """The document rules that concern ``key``, on the values as they are now (a
    coordinator corrected it): its own checks and the form rules that read it."""
    problems = field_problems(definition.field(key), dict(values), today)
    for needs, rule in _rules(definition):
        if key in needs:
            problems += rule(dict(values))
    return problems


def _involved(item: FieldDef, problem: Problem) -> set[str]:
    """The field itself, and for "required with what you selected" the fields selected."""
    if problem.code == "missing_required" and not item.required:
        return {item.key, *(condition.field for condition in item.required_when)}
    return {item.key}


def _rules(definition: FormDefinition
           ) -> list[tuple[frozenset[str], Callable[[dict[str, Any]], list[Problem]]]]:
    keys = set(definition.keys)
    return [(needs, rule) for needs, rule in FORM_RULES if needs <= keys]


def _normalize(definition: FormDefinition, mapped: Mapping[str, MappedValue]
               ) -> tuple[list[FieldValue], list[Problem], set[str]]:
    fields: list[FieldValue] = []
    problems: list[Problem] = []
    invalid: set[str] = set()
    for item in definition.fields:
        found = mapped.get(item.key)
        if found is None:
            continue
        result = normalize_value(item, found.raw)
        if result.problem is not None:
            problems.append(result.problem)
            invalid.add(item.key)
        elif result.value is not None:
            fields.append(FieldValue(item.key, raw_text(found.raw), result.value, found.source,
                                     found.confidence, found.spot))
        problems += _review_problems(item, found)
    return fields, problems, invalid


def _review_problems(item: FieldDef, found: MappedValue) -> list[Problem]:
    problems = []
    if found.conflicts:
        problems.append(Problem("conflict", f'"{item.label}" was filled in more than once with '
                                "different values; a coordinator will check which one is right.",
                                item.key, "review"))
    if found.confidence < LOW_CONFIDENCE:
        problems.append(Problem("low_confidence", f'"{item.label}" could not be read with '
                                "confidence; a coordinator will check it.", item.key, "review"))
    return problems


def field_problems(item: FieldDef, values: Mapping[str, Any], today: date) -> list[Problem]:
    """Required, must-be, range and date rules of one field."""
    value = values.get(item.key)
    if item.must_be is not None and value != item.must_be:
        return [_must_be_problem(item, value)]
    if value is None or value == []:
        return _missing(item, values)
    if isinstance(value, int) and not isinstance(value, bool):
        return _range(item, value)
    if item.key in NO_FUTURE and isinstance(value, str) and value > today.isoformat():
        return [Problem("future_date", f'"{item.label}" is in the future; enter the date the '
                        "form was actually signed." if item.key == "signature_date" else
                        f'"{item.label}" is in the future.', item.key)]
    return []


def _must_be_problem(item: FieldDef, value: Any) -> Problem:
    code = MUST_BE_CODES.get(item.key, "must_be")
    if item.type == "checkbox":
        message = f'The box "{item.label}" must be checked.'
    else:
        message = f'"{item.label}" must be answered Yes before this form can be accepted.'
    return Problem(code, message, item.key)


def _missing(item: FieldDef, values: Mapping[str, Any]) -> list[Problem]:
    if item.required:
        return [Problem("missing_required", f'"{item.label}" is required.', item.key)]
    if any(condition.holds(dict(values)) for condition in item.required_when):
        return [Problem("missing_required", f'"{item.label}" is required with what you '
                        "selected on this form.", item.key)]
    return []


def _range(item: FieldDef, value: int) -> list[Problem]:
    low, high = item.minimum, item.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = (f"between {low} and {high}" if low is not None and high is not None
                  else f"at least {low}" if low is not None else f"at most {high}")
        return [Problem("out_of_range", f'"{item.label}" must be {bounds}.', item.key)]
    return []


def weekly_from_monthly(monthly: int) -> int:
    """monthly / 4, rounded half up (10 → 3)."""
    return (monthly + 2) // 4


def derive_weekly(fields: list[FieldValue]) -> list[FieldValue]:
    """The weekly average from the monthly estimate when the weekly one is absent; the
    derived field keeps the monthly value's raw text, source and confidence."""
    keys = {item.key: item for item in fields}
    monthly = keys.get("est_monthly_transactions")
    if monthly is None or "avg_weekly_transactions" in keys:
        return fields
    derived = FieldValue("avg_weekly_transactions", f"{monthly.raw} per month / 4",
                         weekly_from_monthly(int(monthly.value)), monthly.source,
                         monthly.confidence, monthly.spot)
    return [*fields, derived]
