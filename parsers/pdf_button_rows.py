"""PDF AcroForm buttons as questions: a radio group is one field (its selected button), and
the buttons that answer one question lie in one rectangle (their radio group, or the boxes
on one line), where the question printed beside them is looked for."""

from __future__ import annotations

from dataclasses import replace

from parsers.pdf_fields import Widget

Rect = tuple[float, float, float, float]


def one_per_radio_group(widgets: list[Widget]) -> list[Widget]:
    """A radio group is one field: its selected button; a group with none selected is one
    empty field (its buttons' export names are not values)."""
    selected = {widget.name for widget in widgets if widget.radio and widget.value}
    kept, seen = [], set()
    for widget in widgets:
        if widget.radio:
            if widget.name in seen or (widget.name in selected and not widget.value):
                continue
            seen.add(widget.name)
            widget = widget if widget.value else replace(widget, export_value="")
        kept.append(widget)
    return kept


def box_rows(widgets: list[Widget]) -> dict[int, Rect]:
    """For every button, the rectangle around the buttons that answer one question with
    it: its radio group (from the field walk), or the checkboxes on its line of the page
    (two boxes, Yes and No)."""
    buttons = [w for w in widgets if w.field_type == "/Btn" and w.rect is not None]
    rows: dict[int, Rect] = {}
    for widget in buttons:
        assert widget.rect is not None
        if widget.group is not None:
            rows[id(widget)] = widget.group
            continue
        middle = (widget.rect[1] + widget.rect[3]) / 2
        rects = [w.rect for w in buttons if w.page == widget.page and not w.radio
                 and w.rect is not None and w.rect[1] <= middle <= w.rect[3]] or [widget.rect]
        rows[id(widget)] = (min(r[0] for r in rects), min(r[1] for r in rects),
                            max(r[2] for r in rects), max(r[3] for r in rects))
    return rows
