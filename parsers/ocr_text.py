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
from parsers.layout_words import Word, lines_of, merged_runs, same_line
from parsers.ocr_marks import Mark

_SLIVER = re.compile(r"[|_—–~¦]+")  # what is left of a cell border
_SPECK = re.compile(r"[.,·•'`]")  # a speck of dust read as a word of its own
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
    """Bracket marks made whole, slivers and specks dropped, "|" before a lower-case word
    made "I", O among digits made 0."""
    ordered = merged_runs(_bracket_marks(sorted(unglued_marks(words), key=lambda item: (
        round(item.top / 10), item.x0))), (2,), _split_at_capital)
    tidied = []
    for index, word in enumerate(ordered):
        text = word.text
        if _SPECK.fullmatch(text):
            continue
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


_GLUED_MARK = re.compile(r"^(\[\s?[xX]?\s?\]|\[\]|[\[\]])(?=[A-Z])")


def unglued_marks(words: Sequence[Word]) -> list[Word]:
    """A bracket mark read as one word with the choice after it ("[]On-Premises",
    "[X]Prior", "]Member" with its "[" lost): the mark and the word, each with its share
    of the box."""
    parted: list[Word] = []
    for word in words:
        found = _GLUED_MARK.match(word.text)
        if found is None:
            parted.append(word)
            continue
        share = len(found.group(1)) / len(word.text)
        cut = word.x0 + share * (word.x1 - word.x0)
        inner = found.group(1).strip("[] ").upper()
        parted += [replace(word, text=f"[{inner or ' '}]", x1=cut),
                   replace(word, text=word.text[found.end():], x0=cut)]
    return parted


def _bracket_marks(words: list[Word]) -> list[Word]:
    """``{ ]``, ``[ |``, ``[ X ]`` read as two or three words: one ``[ ]`` or ``[X]``."""
    return merged_runs(words, (3, 2), _read_bracket)


def _read_bracket(group: list[Word]) -> Word | None:
    if not _is_bracket_mark(group):
        return None
    inner = "".join(item.text for item in group[1:-1]).upper()
    return Word(f"[{inner or ' '}]", group[0].x0, group[-1].x1, group[0].top,
                group[-1].bottom, min(item.confidence for item in group))


def _is_bracket_mark(group: list[Word]) -> bool:
    height = group[0].bottom - group[0].top
    close = all(b.x0 - a.x1 < height and abs(b.top - a.top) < height
                for a, b in pairwise(group))
    pipes = group[0].text == "|" and group[-1].text == "|"  # two border slivers
    return close and not pipes and group[0].text in _OPENERS and group[-1].text in _CLOSERS and \
        all(item.text in {"x", "X"} for item in group[1:-1])


_CAPITAL_END = re.compile(r"(?:^|[a-z\-])[A-Z]$")  # "UiP", "S", "Mon-S": not "RPA", "I", "A"
_SPLIT_GAP = 0.3  # of the type's height: closer than a space between words


def _split_at_capital(pair: list[Word]) -> Word | None:
    """A word the OCR model parted before a lower-case letter after a capital ("UiP ath",
    "S tudio", "R aghunathan", "Mon-S at"): one word again. An acronym before a word
    ("RPA bot") and the words "I" and "A" stay apart."""
    left, right = pair
    height = left.bottom - left.top
    if left.text in {"I", "A"} or not _CAPITAL_END.search(left.text) or \
            not right.text[:1].islower() or not same_line(left, right) or \
            not -0.2 * height < right.x0 - left.x1 < _SPLIT_GAP * height:
        return None
    return Word(left.text + right.text, left.x0, right.x1, min(left.top, right.top),
                max(left.bottom, right.bottom), min(left.confidence, right.confidence))


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


def known_words(words: Sequence[Word], vocabulary: Vocabulary) -> list[Word]:
    """OCR slips put right where the forms' own words say what was printed: a word that
    is no word of the forms' labels, choices and headings, but becomes one without its
    accents (a speck read as one: "Busíness"), with a capital I for its first l
    ("ldentifier"), or joined to the next word ("A ddress", "R esults"), is that word;
    two of them run together ("StageII") are two. Other words (names, values) are left as
    read."""
    fixed: list[Word] = []
    for line in lines_of([part for word in words for part in _parted(word, vocabulary)]):
        index = 0
        while index < len(line):
            word = _plain(line[index], vocabulary)
            following = line[index + 1] if index + 1 < len(line) else None
            joined = _joined(word, following, vocabulary) if following else None
            fixed.append(joined or word)
            index += 2 if joined else 1
    return fixed


def _is_word(text: str, vocabulary: Vocabulary) -> bool:
    core = text.strip(_PUNCTUATION).lower()
    return bool(core) and vocabulary.is_word(core)


def _plain(word: Word, vocabulary: Vocabulary) -> Word:
    """The word, or the word of the forms it was meant to be (accents, a first l)."""
    if _is_word(word.text, vocabulary):
        return word
    plain = unicodedata.normalize("NFKD", word.text).encode("ascii", "ignore").decode()
    candidates = [plain] if len(plain) == len(word.text) else []  # no letter lost
    candidates += [f"I{text[1:]}" for text in candidates or [word.text]
                   if re.match(r"l[a-z]{3}", text)]
    return next((replace(word, text=text) for text in candidates
                 if text != word.text and _is_word(text, vocabulary)), word)


def _parted(word: Word, vocabulary: Vocabulary) -> list[Word]:
    """Two words of the forms read as one where a small letter meets a capital
    ("StageII", "BusinessPartner"), parted, each with its share of the box ("Healthcare"
    stays whole)."""
    text = word.text
    if not text.isalpha() or len(text) < 5 or _is_word(text, vocabulary):
        return [word]
    for cut in range(3, len(text) - 1):  # at a capital after a small letter only
        if text[cut - 1].islower() and text[cut].isupper() and \
                _is_word(text[:cut], vocabulary) and _is_word(text[cut:], vocabulary):
            at = word.x0 + cut / len(text) * (word.x1 - word.x0)
            return [replace(word, text=text[:cut], x1=at), replace(word, text=text[cut:], x0=at)]
    return [word]


def _joined(word: Word, following: Word, vocabulary: Vocabulary) -> Word | None:
    """The two words as one, when the second is no word of the forms and both, written
    together, are (a letter spaced off its word by a scan: "A ddress")."""
    gap = (following.x0 - word.x1) / (word.bottom - word.top)  # in heights of the line
    if gap > 1.0 or not word.text[-1:].isalpha() or not following.text[:1].isalpha() or \
            _is_word(following.text, vocabulary):
        return None
    text = word.text + following.text
    if not _is_word(text, vocabulary) or gap > 0.6:  # a letter's room: one may be lost
        text = _one_letter_lost(text, vocabulary)
    if not text:
        return None
    return Word(text, word.x0, following.x1, min(word.top, following.top),
                max(word.bottom, following.bottom), min(word.confidence, following.confidence))


def _one_letter_lost(text: str, vocabulary: Vocabulary) -> str:
    """A word of the forms, of seven letters or more, with the letter that split the
    fragments in the scan ("co plete"), put back; "" when there is none."""
    if len(text) < 6 or not text.isalpha():
        return ""
    for at in range(1, len(text)):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            candidate = text[:at] + letter + text[at:]
            if _is_word(candidate, vocabulary):
                return candidate
    return ""


_PUNCTUATION = ".,;:()[]*-/\"'"
