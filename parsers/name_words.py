"""Mapping stage, lookup: a fillable field named by its place in a /Parent–/Kids hierarchy
(``userIds.count``, ``tool.product``): its leaf says little alone, so the parent's and the
leaf's words are read together, and the field is the one whose label, alias or key holds
every one of them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.formdefs import FieldDef
from parsers.labels import clean_field_name, name_parts, normalize_label

# A programmer's words for the label's ("count" of user IDs is their "Number"); not "no",
# which is as often the No of a yes/no pair (``testing.no``).
_SYNONYMS = {"count": "number", "num": "number", "nbr": "number", "qty": "number",
             "quantity": "number"}
_WORD = re.compile(r"[a-z0-9]+")


def hierarchy_words(name: str) -> frozenset[str]:
    """The words of a dotted name with no spaces (a field hierarchy, or its flat copy);
    empty for any other name, and for one of fewer than two words (too little to tell)."""
    cleaned = clean_field_name(name)
    parts = [part for part in cleaned.split(".") if part]
    if len(parts) < 2 or any(char.isspace() for char in cleaned):
        return frozenset()
    words = {_word(word) for part in parts for word in name_parts(part)}
    words.discard("")
    return frozenset(words) if len(words) >= 2 else frozenset()


def label_words(text: str) -> frozenset[str]:
    """The words of a printed label, alias or key, in the same spelling."""
    return frozenset(filter(None, (_word(word) for word in _WORD.findall(
        normalize_label(" ".join(name_parts(text)))))))


def field_with_words(words: frozenset[str], fields: Iterable[FieldDef]) -> FieldDef | None:
    """The one field whose label, an alias or its key holds all ``words``; None when no
    field or more than one does."""
    if not words:
        return None
    found = {item.key: item for item in fields
             if any(words <= label_words(text) for text in (item.key, item.label, *item.aliases))}
    return next(iter(found.values())) if len(found) == 1 else None


def _word(word: str) -> str:
    """Lower case, one spelling for singular and plural ("IDs", "id"), synonyms folded."""
    word = word.lower()
    word = _SYNONYMS.get(word, word)
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word if len(word) > 1 else ""
