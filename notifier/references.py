"""Reference numbers: ``FC-2026-000042-7``, a Luhn check digit over year and sequence, so a
mistyped reference in a subject is not taken for someone else's."""

from __future__ import annotations

import re

_REFERENCE = re.compile(r"\bFC-(\d{4})-(\d{6})-(\d)\b", re.IGNORECASE)


def luhn_digit(digits: str) -> int:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return (10 - total % 10) % 10


def make_reference(sequence: int, year: int) -> str:
    body = f"{year:04d}{sequence % 1_000_000:06d}"
    return f"FC-{year:04d}-{sequence % 1_000_000:06d}-{luhn_digit(body)}"


def is_valid_reference(text: str) -> bool:
    found = _REFERENCE.fullmatch(text.strip())
    if found is None:
        return False
    return luhn_digit(found.group(1) + found.group(2)) == int(found.group(3))


def find_references(subject: str) -> list[str]:
    """Valid references in a subject (``[FC-...]`` or bare), upper-cased, in order."""
    found = []
    for match in _REFERENCE.finditer(subject or ""):
        reference = match.group(0).upper()
        if is_valid_reference(reference) and reference not in found:
            found.append(reference)
    return found
