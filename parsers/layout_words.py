"""Candidates of a printed or scanned page, the one model the page readers share: words
(text spans with their box, font and confidence), drawn boxes, lines and segments of a
line, and check marks (a glyph of any font, a typed "[X]", a drawn box). The PDF layout
reader and the OCR reader build these; the pairing in ``pdf_layout`` reads only these.
Every distance here is relative to the type's height, with a ceiling in points."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

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
ON_RULE = 4.0  # points between a letter's foot and the drawn rule it is typed on


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
    return merged_runs(line, (2, 3), _typed_bracket)


def _typed_bracket(run: list[Word]) -> Word | None:
    first, end, inner = run[0], run[-1], run[1:-1]
    closing = {"[": "]", "(": ")"}.get(first.text)
    if not closing or end.text != closing or \
            end.x0 - first.x1 >= max(12.0, 2 * (first.bottom - first.top)) or \
            not all(w.text in {"X", "x"} for w in inner):  # "[   ]" in Courier too
        return None
    return Word(f"{first.text}{''.join(w.text for w in inner) or ' '}{closing}", first.x0,
                end.x1, first.top, end.bottom, min(w.confidence for w in run))


def merged_runs(words: Sequence[Word], sizes: Sequence[int],
                merge: Callable[[list[Word]], Word | None]) -> list[Word]:
    """The words with every run of consecutive words that ``merge`` makes one word (tried
    for each of ``sizes`` in turn, at each word) replaced by that word."""
    merged: list[Word] = []
    index = 0
    while index < len(words):
        for size in sizes:
            run = list(words[index: index + size])
            one = merge(run) if len(run) == size else None
            if one is not None:
                merged.append(one)
                index += size
                break
        else:
            merged.append(words[index])
            index += 1
    return merged


def radio_marks(line: list[Word]) -> list[Word]:
    """A row of printed radio buttons ("○ Provider  ◉ Relationship Entity") as check marks:
    only on a line with a selected one, since an empty circle alone may be a bullet."""
    if not any(word.text in RADIO_ON for word in line):
        return line
    return [replace(word, text=CHECKED_MARK if word.text in RADIO_ON else UNCHECKED_MARK)
            if word.text in RADIO_ON | RADIO_OFF else word for word in line]


def typed_on(word: Word, rule: dict[str, Any]) -> bool:
    """The word is typed on the drawn horizontal rule (pdfplumber's line): over it, its foot
    on it (blanks for a mark, signature rules)."""
    return word.x0 < float(rule["x1"]) and word.x1 > float(rule["x0"]) and \
        abs(word.bottom - float(rule["top"])) <= ON_RULE


def box_words(boxes: Sequence[Box]) -> list[Word]:
    """Drawn boxes become mark words, so that one pairing rule handles all check marks."""
    return [Word("X" if box.checked else UNCHECKED_MARK, box.x0, box.x1, box.top, box.bottom,
                 font="box") for box in boxes]


def join(words: Sequence[Word]) -> str:
    return re.sub(r"\s+", " ", " ".join(word.text for word in words)).strip()
