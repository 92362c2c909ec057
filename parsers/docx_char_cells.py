"""Comb boxes in Word (DOCX reading stage): a value typed ONE CHARACTER PER TABLE CELL after
its label (``PID/SL | 1 | 1 | 0 | ... | A | | |``), separators in cells of their own
(``0 | 2 | 3 | 6 | 0 | - | | | |``), unused cells empty, right-aligned numbers with empty
leading cells. Whatever holds each character (plain text, a legacy FORMTEXT field with
maxLength 1, a content control per cell), the run of one-character cells is ONE value:
the characters joined, without separators left dangling at either end (an empty ZIP+4).

A run counts only after a field label (so a scenario table's digits are never joined), with
one character at least, never over a checkbox, and never when every character is a mark
(an ``X`` in one of a choice grid's columns is a choice, not a value).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from lxml import etree

from parsers.docx_xml import W14, W
from parsers.glyphs import CODE_SEPARATORS, mark_state

_BOX = "[box]"
_SEPARATORS = "".join(CODE_SEPARATORS) + ". "  # and a cell's dot or space
_MIN_CELLS = 2


def char_runs(cells: Sequence[str], is_label: Callable[[str], bool]
              ) -> list[tuple[int, int]]:
    """(start, end) of every run of one-character cells that follows a field label."""
    runs, at = [], 1
    while at < len(cells):
        end = at
        while end < len(cells) and len(cells[end].strip()) <= 1:
            end += 1
        chars = [cell.strip() for cell in cells[at:end] if cell.strip()]
        if end - at >= _MIN_CELLS and chars and not all(_mark(char) for char in chars) and \
                is_label(" ".join(cells[at - 1].split())):
            runs.append((at, end))
        at = end + 1
    return runs


def _mark(char: str) -> bool:
    return char in "xX" or mark_state(char) is not None


def join_char_cells(cells: Sequence[str], is_label: Callable[[str], bool]
                    ) -> tuple[str, ...]:
    """The row with each run of one-character cells as one cell of their characters."""
    joined, last = [], 0
    for start, end in char_runs(cells, is_label):
        joined += [*cells[last:start], "".join(cell.strip() for cell in cells[start:end])
                   .strip(_SEPARATORS)]
        last = end
    return (*joined, *cells[last:])


def flatten_char_rows(root: etree._Element, is_label: Callable[[str], bool]) -> None:
    """In character cells, a content control or a legacy field around one character is only
    its holder: it is unwrapped to its shown text, so the row reads as typed text (and its
    cells are not read as fields of their own, each labelled by the character before it)."""
    for row in root.iter(f"{{{W}}}tr"):
        cells = list(_own_cells(row))
        texts = [_BOX if _holds_box(cell) else "".join(item.text or "" for item in
                                                       cell.iter(f"{{{W}}}t")) for cell in cells]
        for start, end in char_runs(texts, is_label):
            for cell in cells[start:end]:
                _unwrap(cell)


def _holds_box(cell: etree._Element) -> bool:
    """A checkbox (a control, a legacy box, a symbol-font mark) is never a character."""
    return any(True for _ in cell.iter(f"{{{W14}}}checkbox", f"{{{W}}}checkBox", f"{{{W}}}sym"))


def _own_cells(row: etree._Element) -> Iterator[etree._Element]:
    for cell in row.iter(f"{{{W}}}tc"):
        if next(cell.iterancestors(f"{{{W}}}tr"), None) is row:
            yield cell


def _unwrap(cell: etree._Element) -> None:
    for control in list(cell.iter(f"{{{W}}}sdt")):
        content = control.find(f"{{{W}}}sdtContent")
        parent = control.getparent()
        if parent is None:
            continue
        at = parent.index(control)
        for child in list(content) if content is not None else []:
            parent.insert(at, child)
            at += 1
        parent.remove(control)
    for run in list(cell.iter(f"{{{W}}}r")):  # the field's begin / code / separate / end
        code = run.find(f"{{{W}}}fldChar") is not None or \
            run.find(f"{{{W}}}instrText") is not None
        if code and run.getparent() is not None:
            run.getparent().remove(run)
