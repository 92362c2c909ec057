"""CSV cells a spreadsheet will not run: a cell that starts with =, +, -, @ (or a tab or
carriage return before one) is a formula to Excel and LibreOffice (OWASP "CSV injection"),
so it gets a leading apostrophe, which both show as text."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` as it is, unless it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_rows(out: TextIO, header: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    writer = csv.writer(out)
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
