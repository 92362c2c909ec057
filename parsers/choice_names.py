"""Choices printed in a short form of their label ("[X] Adjust/Void" for "Claim
Adjustment/Void", "Prior Auth Request"): each word of the short name begins a word of
one option's label or alias, in order. It names that option only when no other option
could be meant; a name that fits two options names none. Short forms and initials
("MH Provider", "RA Download") are read as label_abbrev reads them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.formdefs import FieldDef
from parsers.label_abbrev import abbreviates, written_out
from parsers.labels import normalize_label

_SHORTEST = 3  # letters of a shortened word, at least ("Auth", "Adj")
_LIST = re.compile(r"[,;\n]")


def shortened_choice(field: FieldDef, text: str) -> str | None:
    """The key of the one choice that ``text`` is a shortened name of, or None."""
    words = _words(text)
    if not words or (len(words) == 1 and len(words[0]) < 2 * _SHORTEST):
        return None  # one short word ("Claim", "Rem") says too little
    if _LIST.search(text):
        return None  # a list of choices ("claim_status, eligibility_inquiry"), not one name
    normalized = normalize_label(text)
    keys = {choice.key for choice in field.choices
            if any(_shortens(words, _words(name)) or written_out(normalized,
                                                                  normalize_label(name))
                   or abbreviates(normalized, normalize_label(name))
                   for name in (choice.label, *choice.aliases))}
    return keys.pop() if len(keys) == 1 else None


def _shortens(words: Sequence[str], label: Sequence[str]) -> bool:
    """Is each of ``words`` the start of a later word of ``label`` than the one before?"""
    position = 0
    for word in words:
        while position < len(label) and not _begins(word, label[position]):
            position += 1
        if position == len(label):
            return False
        position += 1
    return True


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalize_label(text))  # "adjustment/void": two


def _begins(word: str, label_word: str) -> bool:
    return word == label_word or (len(word) >= _SHORTEST and label_word.startswith(word))
