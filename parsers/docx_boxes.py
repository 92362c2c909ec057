"""Legacy checkbox groups (DOCX reading stage): which side of its FORMCHECKBOX a printed
option sits on. Forms print "☐ Claim Status Inquiry" (box before its option) or "Claim
Status Inquiry ☐" (box after it); a group follows one pattern, so the whole group's run
sequence decides, and a group that fits both patterns (or neither) is not guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from lxml import etree

from parsers.docx_xml import W14, W

# A paragraph's pieces: ("text", str), ("break", "") for a line break or a paragraph end,
# ("field", (w:ffData, shown result)) for a legacy form field, ("box", w:sdt) and
# ("field", w:sdt) for a checkbox and any other content control.
Piece = tuple[str, Any]
# before: "☐ Yes"; after: "Yes ☐"; plain: boxes with no option text (the label is the
# question beside them); unsure: the group fits both patterns or neither (review).
Side = Literal["before", "after", "plain", "unsure"]
_QUESTION_ENDS = (":", "?")


def is_box(piece: Piece) -> bool:
    """A FORMCHECKBOX or checkbox content control piece."""
    kind, value = piece
    return kind == "box" or (kind == "field" and isinstance(value, tuple) and
                             value[0].find(f"{{{W}}}checkBox") is not None)


def box_side(pieces: Sequence[Piece]) -> Side:
    """The pattern of one group (a paragraph, or all paragraphs of one table cell): every
    box with its option just after it on its line, or every box with its option just
    before it. The text before a group's first box that ends with ":" or "?" is the
    question, never an option ("Testing completed: ☐ Yes ☐ No")."""
    boxes = [index for index, piece in enumerate(pieces) if is_box(piece)]
    if not boxes:
        return "plain"
    text_follows = [bool(option_after(pieces, index)) for index in boxes]
    text_precedes = [bool(option_before(pieces, index)) for index in boxes]
    if is_question(option_before(pieces, boxes[0])):
        text_precedes[0] = False
    if all(text_follows) != all(text_precedes):
        return "before" if all(text_follows) else "after"
    if not any(text_follows) and not any(text_precedes):
        return "plain"
    return "unsure"


def option_after(pieces: Sequence[Piece], index: int) -> str:
    """The text on the box's line right after it, up to the next field or line end."""
    words = []
    for kind, value in pieces[index + 1:]:
        if kind != "text":
            break
        words.append(value)
    return " ".join(words).strip()


def option_before(pieces: Sequence[Piece], index: int) -> str:
    """The text on the box's line right before it, back to the previous field or line
    start."""
    words: list[str] = []
    for kind, value in reversed(pieces[:index]):
        if kind != "text":
            break
        words.insert(0, value)
    return " ".join(words).strip()


def is_question(text: str) -> bool:
    """A label that asks ("Organization Type:", "... since the last validation?")."""
    return text.rstrip().endswith(_QUESTION_ENDS)


def control_box(control: etree._Element, left_cell: str) -> tuple[str, str]:
    """A checkbox content control's choice and the question it answers. The choice is the
    text beside it on the side its group's pattern says ("☒ Claim Status Inquiry", "Cloud
    ☐"), none when the pattern is unsure; the question is the text before the paragraph's
    first control ("Testing completed ...: ☒ Yes ☐ No") unless that is an option, else
    the row's label (``left_cell``)."""
    side, choice = control_side(control)
    if side in ("before", "plain"):
        choice = _text_after(control)
    lead = _text_before_controls(control) if side in ("before", "plain") else ""
    return choice, lead or left_cell


def _text_after(control: etree._Element) -> str:
    """The text after a control up to the next one (a box's own choice: "☐ Yes")."""
    parts = []
    for sibling in control.itersiblings():
        if sibling.tag == f"{{{W}}}sdt":
            break
        parts += [t.text or "" for t in sibling.iter(f"{{{W}}}t")]
    return "".join(parts).strip()


def _text_before_controls(control: etree._Element) -> str:
    paragraph = next(control.iterancestors(f"{{{W}}}p"), None)
    parts = []
    for child in paragraph if paragraph is not None else ():
        if child.tag == f"{{{W}}}sdt":
            break
        parts += [t.text or "" for t in child.iter(f"{{{W}}}t")]
    return "".join(parts).strip().rstrip(":")


def control_side(control: etree._Element) -> tuple[Side, str]:
    """The pattern of a checkbox content control's group, and for a box after its option,
    that option ("Cloud ☐")."""
    paragraph = next(control.iterancestors(f"{{{W}}}p"), None)
    if paragraph is None:
        return "plain", ""
    cell = next(paragraph.iterancestors(f"{{{W}}}tc"), None)
    group = [item for item in cell.iter(f"{{{W}}}p")
             if next(item.iterancestors(f"{{{W}}}tc"), None) is cell] if cell is not None \
        else [paragraph]
    pieces = [piece for item in group for piece in [*_control_pieces(item), ("break", "")]]
    index = next((at for at, (_, value) in enumerate(pieces) if value is control), None)
    side = box_side(pieces)
    if index is None or side != "after":
        return side, ""
    return side, option_before(pieces, index).rsplit(":", 1)[-1].strip()


def _control_pieces(paragraph: etree._Element) -> list[Piece]:
    """A paragraph's runs and content controls as pieces (a control's own text, the box
    glyph "☐" of a checkbox, is no option)."""
    pieces: list[Piece] = []
    for child in paragraph:
        if child.tag == f"{{{W}}}sdt":
            box = child.find(f"{{{W}}}sdtPr/{{{W14}}}checkbox") is not None
            pieces.append(("box" if box else "field", child))
            continue
        for item in child.iter(f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}cr"):
            if item.tag != f"{{{W}}}t":
                pieces.append(("break", ""))
            elif (item.text or "").strip():
                pieces.append(("text", (item.text or "").strip()))
    return pieces
