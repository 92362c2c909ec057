"""Printed labels: the number or letter of a list item before a label ("3. City", "(b)
City", "2.1 City"), typed with a space or glued to the label as a word processor's
numbered list prints once its numbers reach two digits ("10.ZIP Code", "11)Name"). Gone
before a label is matched; a number glued to a digit ("2.50") is a value, kept."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.layout_words import Word

# a required mark or bullet, the list number (spaced, or glued to a letter), a mark again
LEADING_NUMBER = re.compile(
    r"^(?:[*\u2022]\s*)?"
    r"(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{2,4})[.)]\s+"
    r"|\(?\d{1,2}(?:\.\d{1,2})*[.)](?=[a-z(])"
    r"|\d{1,2}\.\d{1,2}\s+)?"
    r"(?:[*\u2022]\s*)?")


def without_number(text: str) -> str:
    """``text`` (lower case) without the list number before it."""
    return LEADING_NUMBER.sub("", text, count=1)


_NUMBER = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]")


def hanging_indent(first: Sequence[Word]) -> float | None:
    """Where the text of a numbered item starts after its number ("27.Supporting ...", or
    "3." and "City" as two words): the left edge of its wrapped lines (a hanging indent).
    None when the segment starts with no list number."""
    word = first[0]
    found = _NUMBER.match(word.text)
    if found is None:
        return None
    if found.end() == len(word.text):  # the number a word of its own
        return first[1].x0 if len(first) > 1 else None
    share = found.end() / len(word.text)
    return word.x0 + share * (word.x1 - word.x0)


def at_hanging_indent(first: Sequence[Word], start: Word) -> bool:
    """Does ``start`` begin a wrapped line of the numbered item ``first``?"""
    indent = hanging_indent(first)
    return indent is not None and abs(start.x0 - indent) < 6
