"""Scans: OCR'd words tidied before pairing. Only confusions that cannot change a right
value: table-border slivers dropped, a lone "|" before a lower-case word read as "I", an
"O" among digits read as "0", mismatched brackets of a check mark, and the box glyphs found
in the image (ocr_marks) put in place of whatever Tesseract made of them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from parsers.glyphs import CHECKED_MARK, UNCHECKED_MARK
from parsers.labels import Vocabulary
from parsers.ocr_marks import Mark
from parsers.pdf_layout import Word

_SLIVER = re.compile(r"[|_—–~¦]+")  # what is left of a cell border
_DIGITS_WITH_O = re.compile(r"(?<![0-9O])[0-9O]*[0-9][0-9O]*(?![A-Za-z])")
_BRACKETS = re.compile(r"^[\[{(|]([xX]?)[\]})|]$")
_HALF_BRACKET = re.compile(r"^(?:[xX][\]})|]|[\[{(|][xX])$")  # "X|", "x]": a ticked box
_OPENERS = {"[", "{", "(", "|"}
_CLOSERS = {"]", "}", ")", "|"}
_ROMAN_TWO_WORDS = {"Il", "lI", "I!", "!I", "1l", "l1", "Ill", "11"}
_ROMAN_TWO = re.compile(r"(?<!\w)[Il1|!]{2}(?!\w)")  # "Stage Il", "Stage I!" → "Stage II"


def with_marks(words: Sequence[Word], marks: Sequence[Mark]) -> list[Word]:
    """The words, less those lying on a box glyph, plus one ☒/☐ word per box."""
    kept = [word for word in words if not any(_on(word, mark) for mark in marks)]
    boxes = [Word(CHECKED_MARK if mark.checked else UNCHECKED_MARK, mark.x0, mark.x1,
                  mark.top, mark.bottom,
                  confidence=min((w.confidence for w in words if _on(w, mark)), default=0.9))
             for mark in marks]
    return kept + boxes


def _on(word: Word, mark: Mark) -> bool:
    """The word's middle is inside the box, or the box makes most of the word."""
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    inside = mark.x0 - 2 <= x <= mark.x1 + 2 and mark.top - 2 <= y <= mark.bottom + 2
    overlap = max(0.0, min(word.x1, mark.x1) - max(word.x0, mark.x0))
    return inside or (overlap > 0.5 * (word.x1 - word.x0) and word.top < mark.bottom
                      and word.bottom > mark.top)


def tidy_words(words: Sequence[Word]) -> list[Word]:
    """Bracket marks made whole, slivers dropped, "|" before a lower-case word made "I", O
    among digits made 0."""
    ordered = _bracket_marks(sorted(words, key=lambda item: (round(item.top / 10), item.x0)))
    tidied = []
    for index, word in enumerate(ordered):
        text = word.text
        if _SLIVER.fullmatch(text):
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            if text != "|" or following is None or not _next_lower(word, following):
                continue
            text = "I"
        if _HALF_BRACKET.match(text):
            text = "[X]"
        if text in _ROMAN_TWO_WORDS and index and ordered[index - 1].text.lower() == "stage":
            text = "II"  # "Stage Il Approval Number"
        bracket = _BRACKETS.match(text)
        if bracket and text[0] + text[-1] not in {"[]", "()"}:
            text = f"[{bracket.group(1).upper() or ' '}]"
        text = _DIGITS_WITH_O.sub(lambda found: found.group(0).replace("O", "0"), text)
        tidied.append(word if text == word.text else replace(word, text=text))
    return tidied


def _bracket_marks(words: list[Word]) -> list[Word]:
    """``{ ]``, ``[ |``, ``[ X ]`` read as two or three words: one ``[ ]`` or ``[X]``."""
    merged: list[Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        for size in (3, 2):
            group = words[index: index + size]
            if len(group) == size and _is_bracket_mark(group):
                inner = "".join(item.text for item in group[1:-1]).upper()
                merged.append(Word(f"[{inner or ' '}]", word.x0, group[-1].x1, word.top,
                                   group[-1].bottom, min(item.confidence for item in group)))
                index += size
                break
        else:
            merged.append(word)
            index += 1
    return merged


def _is_bracket_mark(group: list[Word]) -> bool:
    height = group[0].bottom - group[0].top
    close = all(b.x0 - a.x1 < height and abs(b.top - a.top) < height
                for a, b in pairwise(group))
    pipes = group[0].text == "|" and group[-1].text == "|"  # two border slivers
    return close and not pipes and group[0].text in _OPENERS and group[-1].text in _CLOSERS and \
        all(item.text in {"x", "X"} for item in group[1:-1])


def _next_lower(word: Word, following: Word) -> bool:
    same_line = abs(following.top - word.top) < (word.bottom - word.top)
    return same_line and following.x0 - word.x1 < 3 * (word.bottom - word.top) and \
        following.text[:1].islower()


def fixed_label(text: str, vocabulary: Vocabulary) -> str:
    """A label cell as printed: "Stage Il Approval Number" and "Stage I! Approval Number"
    (which folds to the Stage I label) are "Stage II ..." when that is a label of the forms:
    two strokes side by side are never one."""
    candidate = _ROMAN_TWO.sub("II", text)
    return candidate if vocabulary.is_field_label(candidate) else text


def plain_letters(words: Sequence[Word], vocabulary: Vocabulary) -> list[Word]:
    """A speck over a letter reads as an accent ("Busíness", "Statús", "Órganization"): a
    word that, without its accents, is a word of the forms' labels and choices is that
    word. Other words (names) keep theirs."""
    return [_plain(word, vocabulary) for word in words]


def _plain(word: Word, vocabulary: Vocabulary) -> Word:
    if word.text.isascii():
        return word
    plain = unicodedata.normalize("NFKD", word.text).encode("ascii", "ignore").decode()
    core = plain.strip(_PUNCTUATION).lower()
    if len(plain) != len(word.text) or not vocabulary.is_word(core):
        return word  # a letter lost (not an accent), or a word the forms do not use
    return replace(word, text=plain)


_PUNCTUATION = ".,;:()[]*-/\"'"
