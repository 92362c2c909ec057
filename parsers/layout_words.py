"""Candidates of a printed or scanned page, the one model the page readers share: words
(text spans with their box, font and confidence), drawn boxes, lines and segments of a
line, and check marks (a glyph of any font, a typed "[X]", a drawn box). The PDF layout
reader and the OCR reader build these; the pairing in ``pdf_layout`` reads only these.
Every distance here is relative to the type's height, with a ceiling in points."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from parsers.glyphs import (
    CHECKED_MARK,
    RADIO_OFF,
    RADIO_ON,
    UNCHECKED_MARK,
    canonical_mark,
    mark_state,
)

LINE_TOLERANCE = 4.0  # points between baselines still on one line
LINE_SHARE = 0.25  # of a word's height its middle may be off the line's middle
GAP = 14.0  # points between words that separate two segments, at most
SEGMENT_GAP = 0.9  # ... and at least this many times the type's height


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidence: float = 1.0
    font: str = ""
    heading: bool = False  # a section heading of the page (pdf_headings): never a value
    light: bool = False  # printed in white or near white: reversed out of a dark band
    caption: bool = False  # under a rule with a value typed on it (pdf_captions)


@dataclass(frozen=True, slots=True)
class Box:
    """A small drawn square; ``checked`` when lines cross inside it."""

    x0: float
    x1: float
    top: float
    bottom: float
    checked: bool


def lines_of(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into printed lines, each left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda item: (item.top, item.x0)):
        if lines and same_line(lines[-1][0], word):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda item: item.x0) for line in lines]


def same_line(first: Word, word: Word) -> bool:
    """The word sits on the first word's line: their tops within LINE_TOLERANCE, or their
    middles within a quarter of the taller one's height (an OCR engine boxes a whole line
    of text with room above it, and a box glyph on that line is half as tall)."""
    if abs(first.top - word.top) <= LINE_TOLERANCE:
        return True
    height = max(first.bottom - first.top, word.bottom - word.top)
    middles = abs((first.top + first.bottom) - (word.top + word.bottom)) / 2
    return middles <= LINE_SHARE * height


def cell_text(words: Sequence[Word]) -> str:
    """The words of one cell, line by line (a word belongs to the line its middle is in)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda item: item.top):
        middle = (word.top + word.bottom) / 2
        if lines and min(w.top for w in lines[-1]) <= middle <= max(w.bottom for w in lines[-1]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return "\n".join(" ".join(word.text for word in sorted(line, key=lambda item: item.x0))
                     for line in lines)


_LINE_END_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")


def unwrapped(text: str) -> str:
    """Printed lines of one value: a list typed with commas or semicolons that wraps in its
    box is one line ("...; Eligibility" over "Results; ..."); lines with no separators stay
    lines (one item per line). A word hyphenated at a line's end ("Ser-" over "vices") is
    one word again."""
    text = _LINE_END_HYPHEN.sub("", text)
    return " ".join(text.split()) if re.search(r"[,;]\s*\S", text) else text


def segments_of(line: Sequence[Word]) -> list[list[Word]]:
    """A line cut at gaps wider than a word space: GAP points, or less in small type (a
    10-point gap after a 9-point label parts it from its value)."""
    segments: list[list[Word]] = []
    for word in line:
        if segments and word.x0 - segments[-1][-1].x1 < gap(segments[-1][-1], word):
            segments[-1].append(word)
        else:
            segments.append([word])
    return segments


def gap(left: Word, right: Word) -> float:
    """The widest gap between two words of one segment, from their type's height; a
    punctuation mark's box (an OCR'd "-" one point high) says nothing of that height."""
    sized = [word for word in (left, right) if any(char.isalnum() for char in word.text)]
    size = min(word.bottom - word.top for word in sized or (left, right))
    return min(GAP, max(SEGMENT_GAP * size, 4.0)) if size > 0 else GAP


def marked_segments(line: Sequence[Word]) -> list[list[Word]]:
    """The line's segments, each check mark starting a segment of its own: boxes set close
    together ("☐ Provider ☒ Partner") are one choice each."""
    pieces: list[list[Word]] = []
    for segment in segments_of(line):
        piece: list[Word] = []
        for word in segment:
            if piece and mark(word) is not None:
                pieces.append(piece)
                piece = []
            piece.append(word)
        pieces.append(piece)
    return pieces


def mark(word: Word) -> bool | None:
    """A check mark in any font (parsers.glyphs); an X only when drawn in a box."""
    text = word.text.strip()
    if text in {"X", "x"}:
        return True if word.font == "box" else None
    return mark_state(canonical_mark(text, word.font))


def bracket_marks(line: list[Word]) -> list[Word]:
    """``[ ]``, ``[ X ]`` and ``( )`` typed with spaces come as two or three words: one mark."""
    merged: list[Word] = []
    index = 0
    while index < len(line):
        word = line[index]
        closing = {"[": "]", "(": ")"}.get(word.text)
        for size in (2, 3):
            inner = line[index + 1: index + size - 1]
            end = line[index + size - 1] if index + size - 1 < len(line) else None
            if closing and end is not None and end.text == closing and \
                    end.x0 - word.x1 < max(12.0, 2 * (word.bottom - word.top)) and \
                    all(w.text in {"X", "x"} for w in inner):  # "[   ]" in Courier too
                text = f"{word.text}{''.join(w.text for w in inner) or ' '}{closing}"
                merged.append(Word(text, word.x0, end.x1, word.top, end.bottom,
                                   min(w.confidence for w in line[index: index + size])))
                index += size
                break
        else:
            merged.append(word)
            index += 1
    return merged


def radio_marks(line: list[Word]) -> list[Word]:
    """A row of printed radio buttons ("○ Provider  ◉ Relationship Entity") as check marks:
    only on a line with a selected one, since an empty circle alone may be a bullet."""
    if not any(word.text in RADIO_ON for word in line):
        return line
    return [replace(word, text=CHECKED_MARK if word.text in RADIO_ON else UNCHECKED_MARK)
            if word.text in RADIO_ON | RADIO_OFF else word for word in line]


def box_words(boxes: Sequence[Box]) -> list[Word]:
    """Drawn boxes become mark words, so that one pairing rule handles all check marks."""
    return [Word("X" if box.checked else UNCHECKED_MARK, box.x0, box.x1, box.top, box.bottom,
                 font="box") for box in boxes]


def join(words: Sequence[Word]) -> str:
    return re.sub(r"\s+", " ", " ".join(word.text for word in words)).strip()
