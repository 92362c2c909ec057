"""Facts stage, a fillable Test Scenarios table whose fields are named by position only
(``cell_r03_c6``, ``Text1`` .. ``Text30`` with ``Group1`` .. radio groups): the fields come
row after row; the first row's fields carry the printed column headers as labels, the rows
under it none. The transaction and result columns are found by what their cells hold."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.choices import find_choice
from parsers.formdefs import FieldDef
from parsers.labels import normalize_label
from parsers.model import RawDocument

RESULTS = frozenset({"pass", "passed", "fail", "failed"})
_MAX_WIDTH = 12  # columns of a scenario table


def position_table(raw: RawDocument, transactions: FieldDef) -> tuple[tuple[str, ...], ...]:
    """The table as (Transaction, Pass/Fail) rows under a header row; () when the fields do
    not make one (no labelled first row, or no column of transactions and of results)."""
    cells = [str(item.value) for item in raw.fields if isinstance(item.value, str)]
    labelled = [bool(item.label) for item in raw.fields if isinstance(item.value, str)]
    start = labelled.index(True) if True in labelled else len(cells)
    width = next((count for count, flag in enumerate(labelled[start:]) if not flag), 0)
    if not 2 <= width <= _MAX_WIDTH:
        return ()
    rows = [cells[at: at + width] for at in range(start, len(cells) - width + 1, width)]
    transaction = _column(rows, lambda cell: find_choice(transactions, cell) is not None)
    result = _column(rows, lambda cell: normalize_label(cell) in RESULTS)
    if transaction is None or result is None or transaction == result:
        return ()
    return (("Transaction", "Pass/Fail"),
            *((row[transaction], row[result]) for row in rows))


def _column(rows: Sequence[Sequence[str]], fits: Callable[[str], bool]) -> int | None:
    """The column whose every filled cell fits (and at least one is filled)."""
    for at in range(len(rows[0]) if rows else 0):
        filled = [row[at] for row in rows if row[at].strip()]
        if filled and all(fits(cell) for cell in filled):
            return at
    return None
