"""Test Scenarios tables, however read (a DOCX or printed table, a scan's grid, fillable
rows): the header that names the Transaction and Pass/Fail columns, the scenario rows
under it (over several pages), and the scenarios passed per transaction."""

from __future__ import annotations

from collections.abc import Iterator

from parsers.choices import find_choice
from parsers.formdefs import FieldDef
from parsers.labels import normalize_label, squash
from parsers.model import RawDocument
from parsers.scenario_fields import field_table
from parsers.scenario_positions import position_table

_PASS = frozenset({"pass", "passed", "p", "✓", "✔", "☑", "yes", "y", "success", "successful",
                   "ok"})
_FAIL = frozenset({"fail", "failed", "f", "no"})
_COLUMNS = {"scenario": ("scenario id", "scenario"), "transaction": ("transaction",),
            "result": ("pass/fail", "pass fail", "result status", "status")}


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
    above, before = "", None
    for table in (*raw.tables, named or position_table(raw, transactions)):
        header_at, columns = scenario_header(table)
        if columns is None:
            header_at, columns = -1, _continued(table, before, transactions)
        if columns is None or "transaction" not in columns:
            continue  # a table without a Transaction column holds no scenario
        before = (columns, len(table[max(header_at, 0)]))
        for row in table[header_at + 1:]:
            if len(row) <= max(columns.values()) or not any(cell.strip() for cell in row) \
                    or scenario_header((row,))[1] is not None:
                continue
            transaction = row[columns["transaction"]].strip()
            if not transaction and _scenario_id(row, columns):
                transaction = above
            above = transaction or above
            yield transaction, row[columns["result"]]


def _continued(table: tuple[tuple[str, ...], ...], before: tuple[dict[str, int], int] | None,
               transactions: FieldDef) -> dict[str, int] | None:
    """A table without a header after a scenario table, as wide as it, whose rows name
    transactions: that table continued on the next page without its header row."""
    if before is None or not table or any(len(row) != before[1] for row in table):
        return None
    at = before[0]["transaction"]
    named = any(find_choice(transactions, row[at]) is not None for row in table)
    return before[0] if named else None


def _scenario_id(row: tuple[str, ...], columns: dict[str, int]) -> bool:
    """The row names its own scenario (not a wrapped line of the row above)."""
    return "scenario" not in columns or bool(row[columns["scenario"]].strip())


def _passed(cell: str) -> bool:
    return normalize_label(cell) in _PASS or cell.strip() in _PASS


def scenario_header(table: tuple[tuple[str, ...], ...]) -> tuple[int, dict[str, int] | None]:
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
