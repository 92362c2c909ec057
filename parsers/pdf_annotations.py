"""Values a viewer's "Fill & Sign" / text tool laid over a printed blank: /FreeText
annotations (text in /Contents or rich text /RC, placed by /Rect, sized by /DA) become words
of the page, so the layout pairing reads them like typed text; a hand-drawn /Ink annotation
on a signature line is a signature. The page content holds only the labels and boxes."""

from __future__ import annotations

import re
from typing import Any

from parsers.layout_words import Word

HIDDEN = 0b10  # annotation flag 2: not shown, not printed
FONT_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s+Tf")
TAGS = re.compile(r"<[^>]*>")
CHAR_WIDTH = 0.5  # of the type size: a Helvetica letter on average
SIGNATURE = re.compile(r"^signature\b|^signed\b|^sign\b", re.IGNORECASE)
INK_REACH = 36.0  # points between an ink drawing and its signature label, at most


def annotation_words(page: Any, height: float) -> list[Word]:
    """The words of the page's visible FreeText annotations, top-down like pdfplumber's."""
    words: list[Word] = []
    height = _upper(page, height)
    for note in _annotations(page, "/FreeText"):
        rect, text = _rect(note), _text(note)
        if rect is None or not text:
            continue
        size = _size(note, rect)
        for row, line in enumerate(part for part in text.splitlines() if part.strip()):
            top = height - rect[3] + max((rect[3] - rect[1] - size) / 2, 0) + row * size * 1.2
            words += _line_words(line, rect[0], top, size, rect[2] - rect[0])
    return words


def ink_rects(page: Any, height: float) -> list[tuple[float, float, float, float]]:
    """The boxes (top-down) of the page's visible hand-drawn /Ink annotations."""
    found = []
    height = _upper(page, height)
    for note in _annotations(page, "/Ink"):
        rect = _rect(note)
        if rect is not None:
            found.append((rect[0], height - rect[3], rect[2], height - rect[1]))
    return found


def ink_signed(words: list[Word], inks: list[tuple[float, float, float, float]]) -> bool:
    """An ink drawing beside or over a "Signature" label (on its line, to its right, or on
    the rule just above the caption) is the signer's hand."""
    for word in words:
        if not SIGNATURE.match(word.text):
            continue
        for x0, top, _x1, bottom in inks:
            level = top - INK_REACH <= word.top <= bottom + INK_REACH
            if level and x0 >= word.x0 - INK_REACH:
                return True
    return False


def _upper(page: Any, height: float) -> float:
    """The page's top edge in PDF space (a media box need not start at 0), from which
    pdfplumber measures its tops."""
    try:
        return float(page.mediabox.top)
    except Exception:  # a malformed /MediaBox: pdfplumber's height
        return height


def _annotations(page: Any, subtype: str) -> list[Any]:
    """The page's annotations of one kind; pypdf's errors on odd objects leave none."""
    try:
        notes = [ref.get_object() for ref in page.get("/Annots") or []]
        return [note for note in notes if hasattr(note, "get")
                and note.get("/Subtype") == subtype
                and not int(note.get("/F", 0) or 0) & HIDDEN]
    except Exception:  # pypdf raises many kinds on broken references
        return []


def _rect(note: Any) -> tuple[float, float, float, float] | None:
    try:
        x0, y0, x1, y1 = (float(value) for value in note["/Rect"])
    except Exception:  # missing or malformed /Rect
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _text(note: Any) -> str:
    """/Contents, or the rich text /RC without its XHTML tags."""
    contents = note.get("/Contents")
    if contents and str(contents).strip():
        return str(contents).replace("\r\n", "\n").replace("\r", "\n")
    rich = note.get("/RC")
    if rich:
        paragraphs = re.sub(r"</p>|<br\s*/?>", "\n", str(rich), flags=re.IGNORECASE)
        return TAGS.sub("", paragraphs).replace("&amp;", "&").replace("&nbsp;", " ")
    return ""


def _size(note: Any, rect: tuple[float, float, float, float]) -> float:
    """The type size the /DA string sets, else what fits the box's height."""
    found = FONT_SIZE.search(str(note.get("/DA") or ""))
    size = float(found.group(1)) if found else 0.0
    return size if size > 0 else max(min(rect[3] - rect[1], 14.0) * 0.8, 4.0)


def _line_words(line: str, left: float, top: float, size: float,
                width: float) -> list[Word]:
    """One line of the annotation as words, each placed by its letters' share of the line
    (a letter no wider than the box allows)."""
    letter = min(CHAR_WIDTH * size, width / max(len(line.rstrip()), 1))
    words = []
    for found in re.finditer(r"\S+", line):
        x0 = left + 2 + found.start() * letter
        words.append(Word(found.group(), x0, x0 + len(found.group()) * letter,
                          top, top + size, font="Annotation"))
    return words


def inked(pages: Any) -> bool:
    """Does any page carry an ink signature (pdf._Pages: reader, words, height)?"""
    for number in range(pages.count):
        inks = ink_rects(pages.reader.pages[number], pages.height(number))
        if inks and ink_signed(pages.words(number), inks):
            return True
    return False
