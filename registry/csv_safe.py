"""CSV cells a spreadsheet will not run: a cell starting with = + - @ (or a tab or carriage
return, which some spreadsheets strip before looking) is a formula to Excel and LibreOffice
(OWASP "CSV injection"), so it gets a leading apostrophe, which both show as text. Shared by
every CSV export (registrations, submissions)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """``value`` as a CSV cell: None is empty, and a formula-like text is neutralised."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(values: Iterable[Any]) -> list[str]:
    return [csv_cell(value) for value in values]


def write_rows(out: TextIO, header: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    writer = csv.writer(out)
    writer.writerow(list(header))
    for row in rows:
        writer.writerow(csv_row(row))
