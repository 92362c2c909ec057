"""How list commands print: ``--format table`` (a rich table on a terminal, whole values in
aligned columns when piped), ``tsv`` (one line per row, tabs between values) or ``json``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from intake.cli_support import print_table

FORMATS = ("table", "tsv", "json")


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table (default), tsv or json; whole values unless on a terminal")


def emit(title: str, columns: Sequence[str], rows: Iterable[Sequence[object]],
         fmt: str = "table") -> None:
    cells = [["" if cell is None else str(cell) for cell in row] for row in rows]
    if fmt == "json":
        print(json.dumps([dict(zip(columns, row, strict=True)) for row in cells], indent=2,
                         ensure_ascii=False))
    elif fmt == "tsv":
        for row in [list(columns), *cells]:
            print("\t".join(_flat(cell) for cell in row))
    elif sys.stdout.isatty():
        print_table(title, columns, cells)
    else:
        _plain_table(title, columns, cells)


def _plain_table(title: str, columns: Sequence[str], rows: list[list[str]]) -> None:
    """Aligned columns that never cut or wrap a value (for pipes, files and grep)."""
    table = [list(columns), *[[_flat(cell) for cell in row] for row in rows]]
    widths = [max(len(row[at]) for row in table) for at in range(len(columns))]
    print(title)
    for number, row in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              .rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


def _flat(cell: Any) -> str:
    return " ".join(str(cell).split("\t")).replace("\r", " ").replace("\n", " ")
