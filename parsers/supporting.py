"""Facts stage for the Stage II supporting documents: is the agreement signed, which
transactions the systems design mentions, how many test scenarios passed per transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parsers.formdefs import FieldDef, FormDefinition
from parsers.labels import normalize_label
from parsers.model import FieldValue, Method, Problem, RawDocument, Source
from parsers.scenario_tables import passing_scenarios, scenario_header


def supporting_facts(form_type: str, raw: RawDocument, values: Mapping[str, Any],
                     definitions: Mapping[str, FormDefinition]) -> dict[str, Any]:
    """The facts the submission rules need from a supporting document (empty for others)."""
    transactions = transactions_field(definitions)
    if form_type == "rpa_agreement":
        return {"signed": agreement_signed(raw, values)}
    if form_type == "systems_design" and transactions is not None:
        return {"transactions": mentioned_transactions(raw.text, transactions)}
    if form_type == "test_scenarios" and transactions is not None:
        passing, total, covered = passing_scenarios(raw, transactions)
        return {"passing": passing, "scenarios": total, "covered": covered,
                "scenario_table": any(scenario_header(table)[1] for table in raw.tables)}
    return {}


# The source a document-level fact is given with: that of the reader that saw the document.
_SOURCE_OF: dict[str, Source] = {
    "acroform": "acroform", "xfa": "xfa", "content_controls": "content_control",
    "legacy_fields": "legacy_field", "tables": "table_cell", "paragraphs": "paragraph",
    "layout": "layout", "ocr": "ocr", "none": "layout"}
_OCR_CONFIDENCE = 0.7
_SURE_METHODS = frozenset({"acroform", "xfa", "content_controls", "legacy_fields", "tables"})


def supporting_fields(form_type: str, facts: Mapping[str, Any],
                      method: Method) -> list[FieldValue]:
    """SPEC §2.9: what a supporting document found, as fields of the extraction JSON:
    ``signed`` (agreement), ``transactions`` (design: mentioned; scenarios: covered by a
    scenario) and ``scenario_pass_counts`` (transaction key → scenarios passed)."""
    confidence = _OCR_CONFIDENCE if method == "ocr" else 1.0
    values: dict[str, Any] = {}
    if form_type == "rpa_agreement":
        values["signed"] = bool(facts.get("signed"))
    if form_type == "systems_design":
        values["transactions"] = list(facts.get("transactions", []))
    if form_type == "test_scenarios" and facts.get("scenarios"):
        covered, passing = facts.get("covered", []), facts.get("passing", {})
        values["transactions"] = list(covered)
        # every transaction with a scenario: 0 where they all failed
        values["scenario_pass_counts"] = {key: passing.get(key, 0) for key in covered}
    return [FieldValue(key, _raw(value), value, _SOURCE_OF[method], confidence)
            for key, value in values.items() if value or key == "signed"]  # absent: left out


def supporting_problems(form_type: str, facts: Mapping[str, Any],
                        method: Method) -> list[Problem]:
    """A design that names no transaction, a scenarios document with no scenario: told
    only when the reader is sure (the text read, not OCR; the table's header found)."""
    if form_type == "systems_design" and not facts.get("transactions"):
        sure = method != "ocr"
        return [Problem("missing_required", "The Systems Design Documentation names no POSC "
                        "transaction; it must describe the process flow of each bot "
                        "transaction.", "transactions", "error" if sure else "review")]
    if form_type == "rpa_agreement" and not facts.get("signed"):
        sure = method in _SURE_METHODS  # a page reader may have missed the signature
        return [Problem("unsigned", "The MassHealth RPA Agreement is not signed: it needs "
                        "the signatory's signature (or typed name) and the date.", "signed",
                        "error" if sure else "review")]
    if form_type == "test_scenarios" and not facts.get("scenarios"):
        sure = method != "ocr" and bool(facts.get("scenario_table"))
        return [Problem("missing_required", "The Test Scenarios document lists no executed "
                        "scenario; it must show the scenarios run for each transaction.",
                        "transactions", "error" if sure else "review")]
    return []


def _raw(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{key}: {count}" for key, count in value.items())
    if isinstance(value, list):
        return "; ".join(value)
    return "yes" if value else "no"


def transactions_field(definitions: Mapping[str, FormDefinition]) -> FieldDef | None:
    """The shared transactions choice list, as carried by any form's ``transactions``."""
    for definition in definitions.values():
        for item in definition.fields:
            if item.key == "transactions" and item.choices:
                return item
    return None


def agreement_signed(raw: RawDocument, values: Mapping[str, Any]) -> bool:
    return raw.signed or bool(values.get("signer_name") and values.get("signature_date"))


def mentioned_transactions(text: str, transactions: FieldDef) -> list[str]:
    """Transaction keys whose label or alias appears in ``text`` (``other`` only by its
    full label: the bare word is everywhere)."""
    haystack = f" {normalize_label(text[:500_000])} "
    found = set()
    for choice in transactions.choices:
        names = (choice.label,) if choice.key == "other" else (choice.label, *choice.aliases)
        if any(f" {normalize_label(name)} " in haystack for name in names):
            found.add(choice.key)
    return sorted(found)
