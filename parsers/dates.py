"""Normalization stage, dates: the many ways people write a date, read into ``datetime.date``.

Ambiguous numeric dates (``03/01/2026``) are read the US way, month first; two-digit years
are 20YY below 70 and 19YY otherwise.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")), start=1)
    for name in names
}

_SEP = r"\s*[-/.\u2010-\u2015]\s*"
_ISO = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})(?:[t\s].*)?$")
_US = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}}|\d{{2}})$")
_COMPACT = re.compile(r"^(?:d:)?(\d{4})(\d{2})(\d{2})(?:\d{6})?\S*$")  # 20260301, D:2026...
_MONTH = r"([a-z]{3,9})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4}|'?\d{2})"
_MONTH_FIRST = re.compile(rf"^{_MONTH}[\s\-/,]*{_DAY}[\s\-/,]+{_YEAR}$")
_DAY_FIRST = re.compile(rf"^{_DAY}[\s\-/.,]*(?:of\s+)?{_MONTH}[\s\-/.,]*{_YEAR}$")
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+")


def parse_date(text: str) -> date | None:
    """The date ``text`` names, or None when it names none (or an impossible one)."""
    text = _WEEKDAY.sub("", " ".join(text.strip().lower().split()))
    for parse in (_parse_iso, _parse_us, _parse_compact, _parse_month_first, _parse_day_first):
        try:
            found = parse(text)
        except ValueError:  # 2026-02-30 and friends: a date that does not exist
            return None
        if found is not None:
            return found
    return None


def _parse_iso(text: str) -> date | None:
    match = _ISO.match(text)
    return date(int(match[1]), int(match[2]), int(match[3])) if match else None


def _parse_us(text: str) -> date | None:
    match = _US.match(text)
    return date(_year(match[3]), int(match[1]), int(match[2])) if match else None


def _parse_compact(text: str) -> date | None:
    match = _COMPACT.match(text)
    return date(int(match[1]), int(match[2]), int(match[3])) if match else None


def _parse_month_first(text: str) -> date | None:
    match = _MONTH_FIRST.match(text)
    if not match or match[1] not in MONTHS:
        return None
    return date(_year(match[3]), MONTHS[match[1]], int(match[2]))


def _parse_day_first(text: str) -> date | None:
    match = _DAY_FIRST.match(text)
    if not match or match[2] not in MONTHS:
        return None
    return date(_year(match[3]), MONTHS[match[2]], int(match[1]))


def _year(text: str) -> int:
    value = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value
