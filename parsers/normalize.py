"""Normalization stage: a mapped raw value becomes the canonical value of its field type.

One function per type of parsers.formdefs.FIELD_TYPES. An empty value is absent (None), not
invalid: the required rules speak about absent values. Invalid values become a Problem
``invalid_<type>`` that names the printed label; nothing here logs a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from parsers.choices import match_choice, normalize_list, normalize_set, normalize_yesno
from parsers.dates import parse_date
from parsers.formdefs import FieldDef
from parsers.model import Problem
from parsers.states import state_code

RawValue = str | bool | tuple[str, ...]


class InvalidValueError(ValueError):
    """A value does not fit its field type; the message says what a valid one looks like."""


@dataclass(frozen=True, slots=True)
class Normalized:
    value: Any  # None when the field is absent or invalid
    problem: Problem | None = None


def raw_text(raw: RawValue) -> str:
    """The raw value as one string (what FieldValue.raw keeps)."""
    if isinstance(raw, bool):
        return "checked" if raw else "unchecked"
    if isinstance(raw, tuple):
        return "; ".join(raw)
    return _FILL.sub("", raw)


# The underscores of a fill-in line around a typed value: "City: ____Boston____".
_FILL = re.compile(r"^[\s_]*_{2,}|_{2,}[\s_]*$")


def normalize_value(field: FieldDef, raw: RawValue) -> Normalized:
    """Normalize ``raw`` for ``field``; an absent value gives Normalized(None)."""
    if isinstance(raw, str):
        raw = _FILL.sub("", raw)
    if _is_empty(raw, field.type):
        return Normalized(None)
    try:
        return Normalized(NORMALIZERS[field.type](field, raw))
    except InvalidValueError as err:
        return Normalized(None, invalid_problem(field, raw_text(raw), str(err)))
    except ValueError as err:  # choices.py raises plain ValueError with a hint
        return Normalized(None, invalid_problem(field, raw_text(raw), str(err)))


def invalid_problem(field: FieldDef, raw: str, hint: str) -> Problem:
    shown = raw if len(raw) <= 80 else raw[:77] + "..."
    return Problem(f"invalid_{field.type}", f'"{field.label}" has "{shown}", which is not '
                   f"valid: {hint}", field.key)


def _is_empty(raw: RawValue, field_type: str) -> bool:
    if isinstance(raw, bool):
        return False
    if isinstance(raw, tuple):
        return not any(item.strip() for item in raw)
    return not raw.strip() or (field_type != "checkbox" and raw.strip() in {"N/A", "n/a"})


def _text(raw: RawValue) -> str:
    return " ".join(raw_text(raw).split())


# A line that starts with one of these is the second line of an address ("Suite 4B",
# "Building 2", "9th Floor"): a human joining it to the street line writes ", ".
_ADDRESS_LINE = re.compile(
    r"(?:suite|ste|apt|apartment|unit|building|bldg|floor|fl|room|rm|dept|department|"
    r"p\.?\s?o\.?\s+box|po\s+box|#|\d+(?:st|nd|rd|th)\s+floor)\b\.?", re.IGNORECASE)


def normalize_text(field: FieldDef, raw: RawValue) -> str:
    if "address" in field.label.lower() and isinstance(raw, str) and "\n" in raw.strip():
        return _address(raw)
    return _text(raw)


def _address(raw: str) -> str:
    """Printed address lines as one value; a unit line follows the street after ", ", any
    other line (a street name wrapped in a narrow box) after a space."""
    joined = ""
    for line in (" ".join(item.split()) for item in raw.splitlines()):
        if line and joined:
            unit = _ADDRESS_LINE.match(line) and not joined.endswith(",")
            joined += (", " if unit else " ") + line
        else:
            joined += line
    return joined


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.0+)?(?![\d.])|\d+\.\d+")
_WORDS = {word: number for number, word in enumerate(
    ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve"))}


def normalize_integer(field: FieldDef, raw: RawValue) -> int:
    text = _text(raw).lower()
    numbers = {item.replace(",", "") for item in _NUMBER.findall(text)}
    if len(numbers) == 1:
        number = float(numbers.pop())
        if number.is_integer():
            return int(number)
    elif not numbers and text.split()[0] in _WORDS:
        return _WORDS[text.split()[0]]
    raise InvalidValueError("enter one whole number, such as 12")


def normalize_year(field: FieldDef, raw: RawValue) -> int:
    # "2,026": a number control's thousands separator
    found = re.fullmatch(r"(?:cy|fy)?\s*(\d),?(\d{3})", _text(raw).lower())
    year = int(found[1] + found[2]) if found else 0
    if not 2000 <= year <= 2100:
        raise InvalidValueError("enter a four-digit year, such as 2026")
    return year


def normalize_date(field: FieldDef, raw: RawValue) -> str:
    found = parse_date(_text(raw))
    if found is None:
        raise InvalidValueError("enter a date such as 03/01/2026")
    return found.isoformat()


_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                    r"\.[A-Za-z]{2,}")


_EMAIL_BREAK = re.compile(r"\s*([@.])\s*")


def normalize_email(field: FieldDef, raw: RawValue) -> str:
    # stray punctuation around it, as OCR or a typed "Email:." leaves it
    text = _text(raw).removeprefix("mailto:").strip("<> .,;:'\"()[]")
    text = _EMAIL_BREAK.sub(r"\1", text)  # "name@ example.org": read as two words
    if not _EMAIL.fullmatch(text) or ".." in text:
        raise InvalidValueError("enter an email address such as name@example.org")
    return text.lower()


_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension)\s*(\d{1,6})\s*$", re.IGNORECASE)


def normalize_phone(field: FieldDef, raw: RawValue) -> str:
    text = _text(raw)
    extension = _EXTENSION.search(text)
    digits = re.sub(r"\D", "", text[: extension.start()] if extension else text)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) != 10 or re.search(r"[A-Za-z]", _EXTENSION.sub("", text)):
        raise InvalidValueError("enter a 10-digit US telephone number such as 617-555-0142")
    # The contract's format (SPEC §2.1); an extension stays in the raw value only.
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def normalize_zip(field: FieldDef, raw: RawValue) -> str:
    text = _text(raw)
    digits = re.sub(r"[\s\-\u2013]", "", text)
    # Four digits may be a ZIP whose leading zero a spreadsheet ate, or a typo: told, not
    # guessed (only what was read goes on file).
    if not digits.isdigit() or len(digits) not in (5, 9):
        raise InvalidValueError("enter a 5-digit ZIP code or ZIP+4 such as 02111-1234")
    return digits if len(digits) == 5 else f"{digits[:5]}-{digits[5:]}"


def normalize_state(field: FieldDef, raw: RawValue) -> str:
    code = state_code(_text(raw))
    if code is None:
        raise InvalidValueError("enter the 2-letter state code such as MA")
    return code


def npi_is_valid(npi: str) -> bool:
    """The NPI check digit: Luhn over the number prefixed with 80840 (ISO card issuer)."""
    if not re.fullmatch(r"\d{10}", npi):
        return False
    total = 0
    for position, char in enumerate(reversed("80840" + npi)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def normalize_npi(field: FieldDef, raw: RawValue) -> str:
    digits = re.sub(r"[\s\-]", "", _text(raw))
    if not npi_is_valid(digits):
        raise InvalidValueError("an NPI has 10 digits and a valid check digit")
    return digits


def normalize_pid_sl(field: FieldDef, raw: RawValue) -> str:
    compact = re.sub(r"[\s\-/.]", "", _text(raw)).upper()
    if not re.fullmatch(r"\d{9}[A-Z]", compact):
        raise InvalidValueError("a PID/SL is 9 digits and a letter, such as 110012345A")
    return compact


# A FEIN's one dash (or dot) comes after its first two digits; spaces may group the digits
# anywhere. "264-418073" is not a FEIN written another way: it stays invalid, never rewritten.
_FEIN = re.compile(r"(?:\d\s*){2}(?:[-\u2013.]\s*)?(?:\d\s*){7}")


def normalize_fein(field: FieldDef, raw: RawValue) -> str:
    text = _text(raw)
    if not _FEIN.fullmatch(text):
        raise InvalidValueError("a FEIN has 9 digits, such as 04-1234567")
    digits = re.sub(r"\D", "", text)
    return f"{digits[:2]}-{digits[2:]}"


def _approval_number(stage: str) -> Callable[[FieldDef, RawValue], str]:
    dash = r"\s*[-\u2010-\u2015\s]\s*"
    pattern = re.compile(rf"rpa\s*[-\u2010-\u2015]?\s*{stage}{dash}(\d{{4}}){dash}(\d{{5}})")

    def normalize(field: FieldDef, raw: RawValue) -> str:
        found = pattern.fullmatch(_text(raw).lower().strip(" #"))
        if not found:
            raise InvalidValueError(f"the number looks like RPA{stage}-2026-00042")
        return f"RPA{stage}-{found[1]}-{found[2]}"

    return normalize


def normalize_choice(field: FieldDef, raw: RawValue) -> str:
    return match_choice(field, _text(raw))


def normalize_checkbox(field: FieldDef, raw: RawValue) -> bool:
    return normalize_yesno(field, raw)


NORMALIZERS: dict[str, Callable[[FieldDef, RawValue], Any]] = {
    "text": normalize_text,
    "integer": normalize_integer,
    "year": normalize_year,
    "date": normalize_date,
    "email": normalize_email,
    "phone": normalize_phone,
    "zip": normalize_zip,
    "state": normalize_state,
    "npi": normalize_npi,
    "pid_sl": normalize_pid_sl,
    "fein": normalize_fein,
    "choice": normalize_choice,
    "set": normalize_set,
    "list": normalize_list,
    "yesno": normalize_yesno,
    "checkbox": normalize_checkbox,
    "stage1_number": _approval_number("1"),
    "stage2_number": _approval_number("2"),
}
