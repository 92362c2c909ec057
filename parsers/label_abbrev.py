"""Abbreviated labels, as re-typed forms print them ("Org. Legal Name", "Stage I Appr. #",
"Avg Txns/Wk", "Testing done in MassHealth TPTE?", "FEIN / Tax ID"): the printed words,
in order, stand for words of one known label, each as the word itself, its start ("Appr"
for "approval", three letters at least), a word of the same stem ("Attestation" for
"attest"), a common short form ("Txns", "Wk", "#"), or the initials of consecutive words
("TPTE", "RA"); never only its first words (a wrapped label's first line). They must
cover half of that label's words at least; one printed word of four letters or more
inside it, not a word of that label, may stand for nothing ("done") in a label of four
words or more, if they then cover two thirds of it. Whole words of a label picked out of it
with a gap ("Bot on the POSC" of "Date Bot Became Operational on the POSC") are a heading
that names it, not an abbreviation; a run of its words ("Contact Email") is one. A label
that is a known one once its short forms are written out ("MH Provider") means that one
alone. Only a fallback after
the exact labels, and only when one field is meant: the callers drop a text that fits two
fields of one form, and a choice's own label names no field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Short forms that are not the start of their word (the starts are found by rule).
SHORT_FORMS = {"#": "number", "no": "number", "nbr": "number", "num": "number",
               "avg": "average", "txn": "transaction", "txns": "transactions",
               "wk": "week", "mo": "month", "yr": "year", "hrs": "hours", "hr": "hours",
               "docs": "documentation", "doc": "documentation", "mh": "masshealth",
               "&": "and", "w/o": "without", "w/": "with", "qty": "quantity"}
_SHORTEST = 3


@lru_cache(maxsize=8192)
def label_words(normalized: str) -> tuple[str, ...]:
    """The words of a normalized label (labels.normalize_label), "/" parting words, short
    forms written out."""
    text = re.sub(r"(?<![a-z])w/o(?![a-z])", " w/o ", normalized)
    words = re.findall(r"w/o|[a-z0-9]+|[#&]", text)
    return tuple(SHORT_FORMS.get(word, word) if word != "no" or following == "of" else word
                 for word, following in zip(words, [*words[1:], ""], strict=False))


def literal(normalized: str) -> bool:
    """Is the text printed in full words, no short form written out ("Screens per Bot")?"""
    return label_words(normalized) == tuple(re.findall(r"w/o|[a-z0-9]+|[#&]", normalized))


def abbreviates(text: str, label: str) -> bool:
    """Is ``text`` an abbreviated printing of ``label`` (both normalized)?"""
    printed, full = label_words(text), label_words(label)
    if len(printed) < 2 or len(printed) > 12 or printed == full[:len(printed)] != full:
        return False  # the first words of a label are its first line (label_wraps)
    if literal(text) and set(printed) <= set(full) and not _contiguous(printed, full):
        return False  # whole words picked out of it: a heading ("Bot on the POSC"), no short form
    covered = _cover(printed, full, spare=0)
    if covered is None and len(printed) >= 4:  # a word standing for nothing: cover more
        covered = _cover(printed, full, spare=1)
        return covered is not None and 3 * covered >= 2 * len(full)
    return covered is not None and 2 * covered >= len(full)


def _contiguous(printed: Sequence[str], full: Sequence[str]) -> bool:
    """Are the printed words a run of the label's words ("Contact Email" of "Primary
    Contact Email")?"""
    size = len(printed)
    return any(tuple(full[start:start + size]) == tuple(printed)
               for start in range(len(full) - size + 1))


def written_out(text: str, label: str) -> bool:
    """Is ``text`` the label ``label`` with some words in their short form?"""
    return label_words(text) == label_words(label)


def _cover(printed: Sequence[str], full: Sequence[str], spare: int) -> int | None:
    """How many words of ``full`` the printed words stand for, in order; None if they do
    not (more than ``spare`` printed words standing for nothing)."""
    at, covered = 0, 0
    for number, word in enumerate(printed):
        found = next(((start, size) for start in range(at, len(full))
                      for size in [_stands_for(word, full[start:])] if size), None)
        if found is None:
            inside = 0 < number < len(printed) - 1  # a label starts and ends on its words
            if not (spare and inside and len(word) >= 4 and word.isalpha() and
                    word not in full):  # "done"; never "i", nor a label word twice
                return None
            spare -= 1
            continue
        at, covered = found[0] + found[1], covered + found[1]
    return covered


def _stands_for(word: str, rest: Sequence[str]) -> int:
    """How many words at the start of ``rest`` the printed word stands for (0: none)."""
    if not rest:
        return 0
    if word == rest[0] or (len(word) >= _SHORTEST and word.isalpha() and
                           rest[0].startswith(word)):
        return 1
    if len(rest[0]) >= 5 and word.startswith(rest[0]):  # the same stem: "attestation"
        return 1
    if 2 <= len(word) <= len(rest) and word.isalpha() and \
            "".join(item[0] for item in rest[:len(word)]) == word:
        return len(word)  # initials: "tpte", "ra"
    return 0


def alternatives(text: str) -> list[str]:
    """The names of a label printing two for one field ("FEIN / Tax ID"), or []."""
    parts = [part.strip() for part in re.split(r"\s+/\s+", text) if part.strip()]
    return parts if len(parts) == 2 else []


def could_abbreviate(normalized: str, words: frozenset[str]) -> bool:
    """A quick test before any label is tried: at most one printed word (two in a long
    label) is neither a known word's start, a short form, nor short enough for initials."""
    printed = label_words(normalized)
    if not 2 <= len(printed) <= 12:
        return False
    unknown = sum(1 for word in printed if len(word) > 5 and word not in words)
    return unknown <= (1 if len(printed) >= 4 else 0)
