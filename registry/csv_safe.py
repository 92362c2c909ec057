"""CSV cells a spreadsheet will not run: a cell starting with = + - @ (or a tab or carriage
return, which some spreadsheets strip before looking) gets a leading apostrophe. Shared by
every CSV export (registrations, submissions)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """``value`` as a CSV cell: None is empty, and a formula-like text is neutralised."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(values: Iterable[Any]) -> list[str]:
    return [csv_cell(value) for value in values]
