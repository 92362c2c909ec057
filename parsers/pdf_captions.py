"""Signature blocks and their kin: a value typed on a drawn rule, its caption printed under
the rule ("Naomi Feldstein" on the line, "Authorized Signatory Name" under it). Such a
caption answers the text on the rule above it, not the next rule's text below it (which
a label with nothing beside it would otherwise take). A rule with nothing typed on it
makes no caption: a blank, or a cell's edge over the next cell's label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from parsers.layout_words import Word, typed_on

_SHORTEST = 40.0  # points: a rule for a value, not a blank for a mark
_UNDER = 8.0  # points from the rule down to its caption's top


def captioned(words: Sequence[Word], rules: Sequence[dict[str, Any]]) -> list[Word]:
    """The words, those of captions marked ``caption``."""
    under: set[int] = set()
    for rule in rules:
        x0, x1, y = float(rule["x0"]), float(rule["x1"]), float(rule["top"])
        if abs(float(rule["bottom"]) - y) >= 1 or x1 - x0 < _SHORTEST:
            continue
        across = [word for word in words if word.x0 < x1 and word.x1 > x0]
        # by the words' middles: a scan's word boxes reach over the rule a little
        if any(typed_on(word, rule) and _middle(word) < y for word in across):
            under.update(id(word) for word in across
                         if _middle(word) > y and word.top - y <= _UNDER)
    return [replace(word, caption=True) if id(word) in under else word for word in words]


def _middle(word: Word) -> float:
    return (word.top + word.bottom) / 2
