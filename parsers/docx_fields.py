"""Legacy Word form fields (FORMTEXT, FORMCHECKBOX, FORMDROPDOWN): the field's data sits in
w:ffData of the 'begin' run, its shown result in the runs between 'separate' and 'end'."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from parsers.model import RawField

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
_PLACEHOLDER = "\u2002"
# A Word dropdown always shows an entry; forms start with one that means "nothing chosen".
PLACEHOLDERS = {"", "select", "select one", "choose", "choose one", "choose an item",
                "please select", "none selected"}


def legacy_fields(root: etree._Element) -> Iterator[RawField]:
    """Every legacy field; boxes one per paragraph answer the question printed in the
    paragraph before them ("Organization Type:" then "☐ MassHealth Provider" ...)."""
    question = ""
    for paragraph in root.iter(f"{{{W}}}p"):
        pieces = list(_pieces(paragraph))
        if any(kind == "field" for kind, _ in pieces):
            yield from _paragraph_fields(paragraph, pieces, question)
        elif text := " ".join(value for _, value in pieces).strip():
            question = text


def _paragraph_fields(paragraph: etree._Element, pieces: list[tuple[str, Any]],
                      question: str) -> Iterator[RawField]:
    """Fields in reading order, each with the text before it as its label; a checkbox with
    text after it is a choice named by that text ("☐ Claim Status Inquiry", "☐ Yes ☐ No"),
    under the question before the paragraph's first field, its table row's label, or the
    paragraph above."""
    first = next(index for index, (kind, _) in enumerate(pieces) if kind == "field")
    lead = " ".join(text for kind, text in pieces[:first] if kind == "text").strip()
    for index, (kind, value) in enumerate(pieces):
        if kind != "field":
            continue
        data, shown = value
        after = _text_after(pieces, index)
        if data.find("w:checkBox", NS) is not None and after:
            box = _field(data, shown, lead or _left_cell(paragraph) or question)
            yield RawField(name=after, label=box.label, value=box.value, source="legacy_field",
                           beside=after)
        else:
            before = " ".join(text for kind_, text in pieces[:index] if kind_ == "text")
            yield _field(data, shown, before.strip() or _left_cell(paragraph))


def _pieces(paragraph: etree._Element) -> Iterator[tuple[str, Any]]:
    """("text", str) for plain runs and ("field", (ffData, shown result)) per form field."""
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
            if text.strip():
                yield "text", text.strip()
        elif result is not None:
            result.append(text)


def _text_after(pieces: list[tuple[str, Any]], index: int) -> str:
    words = []
    for kind, value in pieces[index + 1:]:
        if kind == "field":
            break
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
