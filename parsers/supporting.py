"""Facts stage for the Stage II supporting documents: is the agreement signed, which
transactions the systems design mentions, how many test scenarios passed per transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parsers.choices import find_choice
from parsers.formdefs import FieldDef, FormDefinition
from parsers.labels import normalize_label, squash
from parsers.model import RawDocument

_PASS = frozenset({"pass", "passed", "p", "✓", "✔", "☑", "yes", "y", "success", "successful",
                   "ok"})
_COLUMNS = {"scenario": ("scenario id", "scenario"), "transaction": ("transaction",),
            "result": ("pass/fail", "pass fail", "result status", "status")}


def supporting_facts(form_type: str, raw: RawDocument, values: Mapping[str, Any],
                     definitions: Mapping[str, FormDefinition]) -> dict[str, Any]:
    """The facts the submission rules need from a supporting document (empty for others)."""
    transactions = transactions_field(definitions)
    if form_type == "rpa_agreement":
        return {"signed": agreement_signed(raw, values)}
    if form_type == "systems_design" and transactions is not None:
        return {"transactions": mentioned_transactions(raw.text, transactions)}
    if form_type == "test_scenarios" and transactions is not None:
        passing, total = passing_scenarios(raw, transactions)
        return {"passing": passing, "scenarios": total}
    return {}


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


def passing_scenarios(raw: RawDocument,
                      transactions: FieldDef) -> tuple[dict[str, int], int]:
    """Per transaction key, the number of scenarios marked passed; and the total scenarios."""
    passing: dict[str, int] = {}
    total = 0
    for table in raw.tables:
        header_at, columns = _header(table)
        if columns is None:
            continue
        for row in table[header_at + 1:]:
            if len(row) <= max(columns.values()) or not any(cell.strip() for cell in row):
                continue
            total += 1
            if normalize_label(row[columns["result"]]) in _PASS or \
                    row[columns["result"]].strip() in _PASS:
                for key in _row_transactions(row[columns["transaction"]], transactions):
                    passing[key] = passing.get(key, 0) + 1
    return dict(sorted(passing.items())), total


def _header(table: tuple[tuple[str, ...], ...]) -> tuple[int, dict[str, int] | None]:
    for position, row in enumerate(table[:3]):
        cells = [squash(cell) for cell in row]  # "Pass/\nFail" in a narrow column
        columns = {}
        for name, spellings in _COLUMNS.items():
            for at, cell in enumerate(cells):
                if cell in {squash(spelling) for spelling in spellings} and \
                        name not in columns:
                    columns[name] = at
        if "transaction" in columns and "result" in columns:
            return position, columns
    return 0, None


def _row_transactions(cell: str, transactions: FieldDef) -> list[str]:
    whole = find_choice(transactions, cell)
    if whole is not None:
        return [whole]
    parts = (find_choice(transactions, part) for part in cell.replace(";", ",").split(","))
    return sorted({key for key in parts if key is not None})
