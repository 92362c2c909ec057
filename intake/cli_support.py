"""Small helpers shared by the CLI commands: output checks and table printing."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from config.settings import ConfigError


def writable_dir(path: Path) -> Path:
    """Create ``path`` if needed; a one-line ConfigError when it cannot be written."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConfigError(f"cannot create directory {path}: {err.strerror}") from err
    if not os.access(path, os.W_OK):
        raise ConfigError(f"directory {path} is not writable")
    return path


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    table = Table(title=title, title_justify="left", header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(terminal_text(cell) for cell in row))
    Console(soft_wrap=False, width=max(120, Console().width)).print(table)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def terminal_text(cell: object) -> Text:
    """Sender text as plain text for a terminal: no rich markup ([/bold], [link=...]) is
    interpreted, and control characters (NUL, ESC sequences) are shown as U+FFFD."""
    return Text(_CONTROL.sub("\ufffd", "" if cell is None else str(cell)))
