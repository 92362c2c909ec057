"""The marks, separators and blank placeholders of printed and typed forms, defined once as
data for every reader (PDF layout, OCR, DOCX tables and paragraphs, choices).

A reader turns whatever glyph it sees (a Unicode ballot box, a Wingdings or Webdings
private-use code point, a ZapfDingbats letter, a symbol font's Latin-1 stand-in) into one of
two canonical marks, ``CHECKED_MARK`` or ``UNCHECKED_MARK``, as early as it can; everything
after that knows only those two and the typed ones ("[X]", "( )").
"""

from __future__ import annotations

import re

CHECKED_MARK, UNCHECKED_MARK = "☒", "☐"
CHECKED = frozenset({"☒", "☑", "✓", "✔", "✗", "✘", "■", "⊠", "⌧", "▣", "🗹", "🗷"})
UNCHECKED = frozenset({"☐", "□", "❑", "❏", "▢", "◻", "🗆"})
# Radio buttons printed as circles: a selected one is never a list bullet, an empty circle
# may be one, so it is a mark only on a line that also has a selected one (layout_words).
RADIO_ON, RADIO_OFF = frozenset({"◉", "⦿"}), frozenset({"○", "◯"})
# Symbol fonts without a Unicode map: Word's Wingdings boxes come as private-use code points
# U+F0xx (w:sym char="F0FE"), or as the Latin-1 letter of the same code in that font.
_PRIVATE_CHECKED = frozenset({0xFE, 0xFD, 0xFC, 0xFB, 0x78})  # ☑ ☒ ✓ ✗ ⌧ in Wingdings
_PRIVATE_UNCHECKED = frozenset({0xA8, 0x6F, 0x71})  # ◻ □ ❑
_SYMBOL_FONTS = ("wingding", "webding", "symbol")
_ZAPF_CHECKED = frozenset({"4", "3", "8", "l", "n", "u"})  # ✔ ✓ ✘ ● ■ ◆
_ZAPF_UNCHECKED = frozenset({"o", "q", "m", "¨"})  # ❏ ❑ ❍ and the empty box
# Letters that mean "checked" in a cell or after a mark: a typed X, and the checked glyphs.
CHECKED_LETTERS = "xX" + "".join(sorted(CHECKED))
# Typed marks, as regular expressions: "[X]", "[✔]", "[ ]", "(X)", "( )".
TYPED_CHECKED = rf"\[\s*[{CHECKED_LETTERS}]\s*\]|\(\s*[{CHECKED_LETTERS}]\s*\)"
TYPED_UNCHECKED = r"\[\s*\]|\(\s*\)"
TIGHT_BRACKETS = re.compile(rf"\[\s*([{CHECKED_LETTERS}]?)\s*\]")  # "[ X ]" → "[X]"

# What may stand between a label and its value: a colon, a dash, an equals sign, a tab,
# a dot leader, and a required-field asterisk before any of them ("Name * : Acme").
SEPARATOR = re.compile(r"^\s*\*?\s*(?:[:=\u2013\u2014\t]|-(?=\s|$)|\.{2,}|\u2026+|_{2,})+\s*"
                       r"|^\s*\*\s*$|^\s*\*\s+")
# A dot leader, as typed or set by a tab stop: three dots or more (or "…").
# Printed between the groups of a code typed one character per box or cell ("80-5648434",
# "11/03/2026"): parsers/pdf_combs, pdf_char_fields, docx_char_cells.
CODE_SEPARATORS = frozenset({"-", "/"})
LEADER = re.compile(r"(?:\.\s?){3,}|\u2026+")
# Text that a form shows in an empty field: Word's placeholders and fill-in lines, and
# what a response printout (Google Forms) shows for a question left unanswered.
PLACEHOLDERS = frozenset({
    "click or tap here to enter text", "click or tap to enter a date",
    "click here to enter text", "click here to enter a date", "choose an item",
    "enter text here", "enter text", "type here", "select one", "select an item", "select",
    "please select", "select an option", "choose one", "choose",
    "no answer", "no response", "not answered",  # a form tool's printout of a response
})
_FILL_ONLY = re.compile(r"^[\s_.\u2026-]*$")


def canonical_mark(text: str, font: str = "") -> str:
    """A one-glyph word as ☒ or ☐ when it is a check mark in any font, else itself."""
    if len(text) != 1:
        return text
    if text in CHECKED:
        return CHECKED_MARK
    if text in UNCHECKED:
        return UNCHECKED_MARK
    state = _symbol_state(text, font.lower())
    if state is None:
        return text
    return CHECKED_MARK if state else UNCHECKED_MARK


def _symbol_state(char: str, font: str) -> bool | None:
    code = ord(char)
    if 0xF000 <= code <= 0xF0FF:  # a symbol font's private-use code point, any font name
        code -= 0xF000
    elif not any(name in font for name in _SYMBOL_FONTS):
        return _zapf_state(char, font)
    if code in _PRIVATE_CHECKED:
        return True
    if code in _PRIVATE_UNCHECKED:
        return False
    return None


def _zapf_state(char: str, font: str) -> bool | None:
    if "zapf" not in font and "dingbat" not in font:
        return None
    if char in _ZAPF_CHECKED:
        return True
    if char in _ZAPF_UNCHECKED:
        return False
    return None


def canonical_marks(text: str, font: str = "") -> str:
    """Every check-mark glyph of a text as ☒ or ☐ (private-use code points and ballot boxes;
    letters only when the whole text is one glyph of a symbol font)."""
    if len(text) == 1:
        return canonical_mark(text, font)
    return "".join(canonical_mark(char) if char in CHECKED or char in UNCHECKED or
                   0xF000 <= ord(char) <= 0xF0FF else char for char in text)


def mark_state(text: str) -> bool | None:
    """True for a checked mark, False for an empty box, None for anything else."""
    text = canonical_mark(text.strip())
    if text == CHECKED_MARK or re.fullmatch(TYPED_CHECKED, text):
        return True
    if text == UNCHECKED_MARK or re.fullmatch(TYPED_UNCHECKED, text):
        return False
    return None


# A spaced vertical bar parts items typed on one line, as a header or footer prints them
# ("Primary Contact Telephone: 978.555.0146   |   Form RPA-S2G"); "A|B" unspaced is text.
ITEM_BAR = re.compile(r"\s+\|\s+")


def typed_items(line: str) -> list[str]:
    """The items of a typed line parted by spaced vertical bars (the line when none)."""
    return [item for item in ITEM_BAR.split(line) if item] or [line]


def ends_with_separator(label: str) -> bool:
    """Was the label typed with an explicit separator after it ("Name:", "Name –")?"""
    return bool(_TRAILING.search(label))


_TRAILING = re.compile(r"(?:[:=\u2013\u2014\t]|\s-|\.{2,}|\u2026)[\s*]*$")


def strip_separator(value: str) -> str:
    """The value without what separates it from its label (": ", " – ", " = ", a tab,
    "......", a required-field "*")."""
    return SEPARATOR.sub("", value, count=1).strip()


def is_placeholder(text: str) -> bool:
    """A field showing what Word shows in an empty one, or only a fill-in line."""
    cleaned = " ".join(text.split()).strip(" .-\u2013\u2014<>[]()").lower()
    return cleaned in PLACEHOLDERS or bool(_FILL_ONLY.match(text))
