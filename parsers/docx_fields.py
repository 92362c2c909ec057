"""Legacy Word form fields (FORMTEXT, FORMCHECKBOX, FORMDROPDOWN): the field's data sits in
w:ffData of the 'begin' run, its shown result in the runs between 'separate' and 'end'."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from parsers.docx_boxes import Piece, Side, box_side, is_box, is_question, option_before
from parsers.docx_xml import NS, W
from parsers.model import RawField

_PLACEHOLDER = "\u2002"
# A Word dropdown always shows an entry; forms start with one that means "nothing chosen".
PLACEHOLDERS = {"", "select", "select one", "choose", "choose one", "choose an item",
                "please select", "none selected"}


def legacy_fields(root: etree._Element) -> Iterator[RawField]:
    """Every legacy field; boxes one per paragraph answer the question printed in the
    paragraph before them ("Organization Type:" then "☐ MassHealth Provider" ...). Which
    side of a box its option is printed on is decided once per group: the paragraphs of
    one table cell, or one paragraph outside tables."""
    question = ""
    for group in _groups(root):
        pieces = [list(_pieces(paragraph)) for paragraph in group]
        side = box_side([piece for part in pieces for piece in [*part, ("break", "")]])
        for paragraph, part in zip(group, pieces, strict=True):
            if any(kind == "field" for kind, _ in part):
                yield from _paragraph_fields(paragraph, part, question, side)
            elif text := _texts(part):
                question = text


def _groups(root: etree._Element) -> Iterator[list[etree._Element]]:
    """Paragraphs in document order, those of one table cell together."""
    group: list[etree._Element] = []
    cell: etree._Element | None = None
    for paragraph in root.iter(f"{{{W}}}p"):
        own = next(paragraph.iterancestors(f"{{{W}}}tc"), None)
        if group and (own is None or own is not cell):
            yield group
            group = []
        group.append(paragraph)
        cell = own
    if group:
        yield group


def _paragraph_fields(paragraph: etree._Element, pieces: list[Piece], question: str,
                      side: Side) -> Iterator[RawField]:
    """Fields in reading order, each with the text before it as its label; a checkbox
    beside text is a choice named by that text ("☐ Claim Status Inquiry", "☐ Yes ☐ No",
    "Cloud ☐"), under the question before the paragraph's first field, its table row's
    label, or the paragraph above."""
    lead = _lead(pieces, side)
    for index, (kind, value) in enumerate(pieces):
        if kind != "field":
            continue
        data, shown = value
        if is_box(pieces[index]) and side != "plain":
            label = lead or _left_cell(paragraph) or question
            yield _choice_box(_field(data, shown, label), _choice_text(pieces, index, side))
        else:
            yield _field(data, shown, _texts(pieces[:index]) or _left_cell(paragraph))


def _lead(pieces: list[Piece], side: Side) -> str:
    """The question printed before the paragraph's first field; when options precede their
    boxes, the first option is not part of it (only lines above it are), and in a group of
    unsure pattern only a text that asks is a question."""
    first = next(index for index, (kind, _) in enumerate(pieces) if kind == "field")
    before = pieces[:first]
    if side == "after":
        breaks = [index for index, (kind, _) in enumerate(before) if kind == "break"]
        before = before[:breaks[-1]] if breaks else []
    lead = _texts(before)
    return "" if side == "unsure" and not is_question(lead) else lead


def _choice_text(pieces: list[Piece], index: int, side: Side) -> str:
    """The option a box stands for; "" when the group's pattern is unsure (review)."""
    if side == "before":
        return _texts(pieces[index + 1:], stop_at_field=True)
    if side == "after":  # "Testing completed: Yes ☐": the question is not the option
        return option_before(pieces, index).rsplit(":", 1)[-1].strip()
    return ""


def _choice_box(box: RawField, choice: str) -> RawField:
    """A box named by its option; a box whose option is unsure keeps only its question,
    so a ticked one leaves the field unread rather than answered."""
    if not choice:
        return box
    return RawField(name=choice, label=box.label, value=box.value, source="legacy_field",
                    beside=choice)


def _pieces(paragraph: etree._Element) -> Iterator[Piece]:
    """("text", str) for plain runs, ("break", "") for a line break between them, and
    ("field", (ffData, shown result)) per form field."""
    data: etree._Element | None = None
    result: list[str] | None = None
    for run in paragraph.iter(f"{{{W}}}r"):
        char = run.find("w:fldChar", NS)
        kind = char.get(f"{{{W}}}fldCharType") if char is not None else None
        text = "".join(_run_text(item) for item in run.iter(f"{{{W}}}t", f"{{{W}}}br",
                                                         f"{{{W}}}cr", f"{{{W}}}tab"))
        if kind == "begin":
            data, result = char.find("w:ffData", NS), None  # type: ignore[union-attr]
        elif kind == "separate":
            result = []
        elif kind == "end":
            if data is not None:
                yield "field", (data, "".join(result or []))
            data, result = None, None
        elif data is None:
            yield from _text_pieces(text)
        elif result is not None:
            result.append(text)


def _text_pieces(text: str) -> Iterator[Piece]:
    for number, line in enumerate(text.split("\n")):
        if number:
            yield "break", ""
        if line.strip():
            yield "text", line.strip()


def _texts(pieces: list[Piece], stop_at_field: bool = False) -> str:
    words = []
    for kind, value in pieces:
        if kind == "field" and stop_at_field:
            break
        if kind == "text":
            words.append(value)
    return " ".join(words).strip()


def _field(data: etree._Element, shown: str, label: str) -> RawField:
    name = _val(data, "w:name")
    label = label.strip().rstrip(":").strip()
    checkbox = data.find("w:checkBox", NS)
    if checkbox is not None:
        state = checkbox.find("w:checked", NS)
        if state is None:
            state = checkbox.find("w:default", NS)
        checked = state is not None and state.get(f"{{{W}}}val", "true") in {"1", "true", "on"}
        return RawField(name=name, label=label, value=checked, source="legacy_field")
    dropdown = data.find("w:ddList", NS)
    if dropdown is not None:
        entries = [_val(item, ".") for item in dropdown.findall("w:listEntry", NS)]
        index = int(_val(dropdown, "w:result") or 0)
        value = entries[index] if 0 <= index < len(entries) else ""
        if value.strip(" -()[]<>").lower() in PLACEHOLDERS:
            value = ""
        return RawField(name=name, label=label, value=value, source="legacy_field")
    text = shown.replace(_PLACEHOLDER, "").strip()
    return RawField(name=name, label=label, value=text, source="legacy_field")


def _left_cell(paragraph: etree._Element) -> str:
    cell = next(paragraph.iterancestors(f"{{{W}}}tc"), None)
    if cell is None or cell.getprevious() is None:
        return ""
    return "".join(t.text or "" for t in cell.getprevious().iter(f"{{{W}}}t"))


def _val(node: etree._Element, path: str) -> str:
    found = node if path == "." else node.find(path, NS)
    return (found.get(f"{{{W}}}val") or "") if found is not None else ""


def _run_text(item: etree._Element) -> str:
    """A text's characters; a line break (several values typed one per line) is a newline."""
    if item.tag == f"{{{W}}}t":
        return item.text or ""
    return " " if item.tag == f"{{{W}}}tab" else "\n"
