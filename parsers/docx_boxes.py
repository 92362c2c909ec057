"""Legacy checkbox groups (DOCX reading stage): which side of its FORMCHECKBOX a printed
option sits on. Forms print "☐ Claim Status Inquiry" (box before its option) or "Claim
Status Inquiry ☐" (box after it); a group follows one pattern, so the whole group's run
sequence decides, and a group that fits both patterns (or neither) is not guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

# A paragraph's pieces: ("text", str), ("break", "") for a line break or a paragraph end,
# ("field", (w:ffData, shown result)) for a legacy form field.
Piece = tuple[str, Any]
# before: "☐ Yes"; after: "Yes ☐"; plain: boxes with no option text (the label is the
# question beside them); unsure: the group fits both patterns or neither (review).
Side = Literal["before", "after", "plain", "unsure"]
_QUESTION_ENDS = (":", "?")


def is_box(piece: Piece) -> bool:
    """A FORMCHECKBOX piece."""
    kind, value = piece
    return kind == "field" and value[0].find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}checkBox") is not None


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
