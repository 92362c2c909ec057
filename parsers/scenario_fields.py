"""Facts stage, a fillable Test Scenarios table read from its fields: each field's row and
column come from its name (``Row1.Transaction``, ``Scenario_2_PassFail``, ``TS01_Result``,
the flat LiveCycle-style ``ScenarioTable[0].Row[3].Pass[0]`` written as one /T string) or,
when the name is opaque (``Text14``), from its tooltip ("Row 3 Transaction"). A row's
result is its Pass/Fail cell, or a Pass / Fail checkbox pair: the ticked box answers."""

from __future__ import annotations

import re

from parsers.labels import squash
from parsers.model import RawDocument, RawField

Table = tuple[tuple[str, ...], ...]
HEADER = ("Transaction", "Pass/Fail")
# "Scenario_2_PassFail", "TS01_Result": one number in the name is its row.
_ROW = re.compile(r"^(?P<before>\D*?)(?P<row>\d{1,3})(?P<after>\D*)$")
_INDEX = re.compile(r"\[(\d{1,3})\]$")  # "Row[3]": the fourth instance of a repeated row
_LAST_NUMBER = re.compile(r"(\d{1,3})\D*$")
# "Row 3 Transaction", "Scenario 2 - Pass/Fail", "Test #4: Result"
_TOOLTIP = re.compile(r"^\s*(?:row|scenario|test|ts)\s*#?\s*(?P<row>\d{1,3})\s*[:.\-\u2013]?\s*"
                      r"(?P<column>\S.*)$", re.IGNORECASE)
_TEXT_COLUMNS = (("transaction", ("transaction",)),
                 ("result", ("passfail", "pass", "result", "status", "outcome")))
_BOX_COLUMNS = (("pass", ("pass", "passed")), ("fail", ("fail", "failed")))
_OTHER_COLUMNS = ("expectedresult", "actualresult", "expected", "actual")


def field_table(raw: RawDocument) -> Table:
    """The fields of a fillable scenario table as (Transaction, Pass/Fail) rows under a
    header row; () when no field names a row and a column of its own."""
    rows: dict[int, dict[str, str]] = {}
    for item in raw.fields:
        place = field_place(item)
        if place is not None:
            value = item.value
            text = ("x" if value else "") if isinstance(value, bool) else str(value)
            rows.setdefault(place[0], {})[place[1]] = text
    if not rows:
        return ()
    return (HEADER, *((row.get("transaction", ""), _result(row))
                      for _, row in sorted(rows.items())))


def field_place(item: RawField) -> tuple[int, str] | None:
    """(row, column) of a scenario table's field: ``transaction``, ``result``, or for a
    checkbox ``pass`` / ``fail``; by its name, else by its tooltip."""
    if isinstance(item.value, tuple):
        return None
    box = isinstance(item.value, bool)
    for found in (_name_place(item.name), _tooltip_place(item.tooltip)):
        column = _column(found[1], box) if found is not None else None
        if found is not None and column is not None:
            return found[0], column
    return None


def _name_place(name: str) -> tuple[int, str] | None:
    """A dotted name's row is the part before its column: the number in it ("Row1"), or
    its index ("Row[3]"); an undotted name holds one number ("Scenario_2_PassFail")."""
    parts = [part for part in name.split(".") if part]
    if len(parts) > 1:
        column, holder = _INDEX.sub("", parts[-1]), parts[-2]
        number = _LAST_NUMBER.search(_INDEX.sub("", holder)) or _INDEX.search(holder)
        if number is not None:
            return int(number.group(1)), column
    found = _ROW.match(name.replace(".", "_"))
    if found is None:
        return None
    return int(found.group("row")), found.group("after").strip("_ ") or found.group("before")


def _tooltip_place(tooltip: str) -> tuple[int, str] | None:
    found = _TOOLTIP.match(tooltip) if tooltip else None
    return (int(found.group("row")), found.group("column")) if found else None


def _column(text: str, box: bool) -> str | None:
    name = squash(text)
    if box:  # a Pass or a Fail box; one box for both says nothing alone
        return next((column for column, names in _BOX_COLUMNS if name in names), None)
    if any(name.endswith(other) for other in _OTHER_COLUMNS):
        return None
    return next((column for column, names in _TEXT_COLUMNS
                 if any(name.endswith(spelling) for spelling in names)), None)


def _result(row: dict[str, str]) -> str:
    """The row's result cell, or its ticked box of a Pass / Fail pair ("" when neither or
    both are ticked)."""
    if row.get("result", "").strip():
        return row["result"]
    passed, failed = bool(row.get("pass")), bool(row.get("fail"))
    return "Pass" if passed and not failed else "Fail" if failed and not passed else ""
