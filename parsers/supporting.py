"""Facts stage for the Stage II supporting documents: is the agreement signed, which
transactions the systems design mentions, how many test scenarios passed per transaction."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from parsers.choices import find_choice
from parsers.formdefs import FieldDef, FormDefinition
from parsers.labels import normalize_label, squash
from parsers.model import FieldValue, Method, Problem, RawDocument, Source
from parsers.scenario_fields import field_table
from parsers.scenario_positions import position_table

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
        passing, total, covered = passing_scenarios(raw, transactions)
        return {"passing": passing, "scenarios": total, "covered": covered,
                "scenario_table": any(_header(table)[1] for table in raw.tables)}
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


def passing_scenarios(raw: RawDocument, transactions: FieldDef
                      ) -> tuple[dict[str, int], int, list[str]]:
    """Per transaction key, the number of scenarios marked passed; the total scenarios; and
    the transactions with at least one scenario."""
    passing: dict[str, int] = {}
    covered: set[str] = set()
    total = 0
    for transaction, result in _scenario_rows(raw, transactions):
        total += 1
        keys = _row_transactions(transaction, transactions)
        covered.update(keys)
        if _passed(result):
            for key in keys:
                passing[key] = passing.get(key, 0) + 1
    return dict(sorted(passing.items())), total, sorted(covered)


def _scenario_rows(raw: RawDocument, transactions: FieldDef) -> Iterator[tuple[str, str]]:
    """Each scenario's Transaction and Pass/Fail cells. A header row repeated on every page
    of a long table is no scenario; an empty Transaction cell in a row with its own
    Scenario ID is one merged down from the row above (a rowspan over the transaction's
    group, which a page break may cut) and takes its transaction."""
    named = field_table(raw)
    above = ""
    for table in (*raw.tables, named or position_table(raw, transactions)):
        header_at, columns = _header(table)
        if columns is None:
            continue
        for row in table[header_at + 1:]:
            if len(row) <= max(columns.values()) or not any(cell.strip() for cell in row) \
                    or _header((row,))[1] is not None:
                continue
            transaction = row[columns["transaction"]].strip()
            if not transaction and _scenario_id(row, columns):
                transaction = above
            above = transaction or above
            yield transaction, row[columns["result"]]


def _scenario_id(row: tuple[str, ...], columns: dict[str, int]) -> bool:
    """The row names its own scenario (not a wrapped line of the row above)."""
    return "scenario" not in columns or bool(row[columns["scenario"]].strip())


def _passed(cell: str) -> bool:
    return normalize_label(cell) in _PASS or cell.strip() in _PASS


def _header(table: tuple[tuple[str, ...], ...]) -> tuple[int, dict[str, int] | None]:
    """Where the header row is (its last row) and the columns it names. A scan's header may
    be wrapped over two grid rows ("POSC" over "Screen(s)"), and its Pass/Fail cell
    misread past spelling ("Pccs,fa!!"): that column is the one whose cells say pass or
    fail."""
    for position, row in enumerate(table[:3]):
        columns = _named(row)
        if "transaction" in columns and "result" not in columns and position + 1 < len(table):
            wrapped = _named(tuple(f"{cell} {below}" for cell, below in
                                   zip(row, table[position + 1], strict=False)))
            if "result" in wrapped:
                return position + 1, wrapped
        if "transaction" in columns and "result" not in columns:
            columns.update(_result_column(table[position + 1:], row))
        if "transaction" in columns and "result" in columns:
            return position, columns
    return 0, None


def _named(row: tuple[str, ...]) -> dict[str, int]:
    cells = [squash(cell) for cell in row]  # "Pass/\nFail" in a narrow column
    columns: dict[str, int] = {}
    for name, spellings in _COLUMNS.items():
        for at, cell in enumerate(cells):
            if name not in columns and any(_spelled(cell, squash(spelling))
                                           for spelling in spellings):
                columns[name] = at
    return columns


def _result_column(rows: tuple[tuple[str, ...], ...], header: tuple[str, ...]
                   ) -> dict[str, int]:
    """The one column, under a header cell read as something, whose filled cells are
    mostly pass or fail."""
    found = {}
    for at, cell in enumerate(header):
        values = [row[at] for row in rows if at < len(row) and row[at].strip()]
        said = [value for value in values if _passed(value) or squash(value) in _FAIL]
        if cell.strip() and values and 2 * len(said) > len(values):
            found[at] = len(said)
    return {"result": next(iter(found))} if len(found) == 1 else {}


_FAIL = frozenset({"fail", "failed", "f", "no"})


def _spelled(cell: str, name: str) -> bool:
    """The header cell names the column: exactly, or (a scan's OCR slip, "Transacđon")
    within one edit for every five letters of the name."""
    return cell == name or (len(name) >= 5 and edits(cell, name) <= len(name) // 5)


def edits(first: str, second: str) -> int:
    """Levenshtein distance: letters inserted, dropped or changed."""
    previous = list(range(len(second) + 1))
    for row, letter in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(min(previous[column] + 1, current[column - 1] + 1,
                               previous[column - 1] + (letter != other)))
        previous = current
    return previous[-1]


def _row_transactions(cell: str, transactions: FieldDef) -> list[str]:
    whole = find_choice(transactions, cell)
    if whole is not None:
        return [whole]
    parts = (find_choice(transactions, part) for part in cell.replace(";", ",").split(","))
    return sorted({key for key in parts if key is not None})
