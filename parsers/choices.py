"""Normalization stage, choices: choice and set keys, lists, yes/no and checkbox values.

Choices match by key, printed label or alias, ignoring case and punctuation; a free-text set
("Claim Status Inquiry, Eligibility") is split on commas, semicolons and line breaks.
"""

from __future__ import annotations

import re
from typing import Any

from parsers.choice_names import shortened_choice
from parsers.formdefs import FieldDef
from parsers.glyphs import CHECKED, TYPED_CHECKED, TYPED_UNCHECKED, UNCHECKED
from parsers.labels import normalize_label, squash

_LOOSE_SPLIT = re.compile(r"\s+/\s+|\s+&\s+|\s+and\s+", re.IGNORECASE)
_SPLIT = re.compile(r"[,;\n\r\u2022]+")
_GLYPHS = "".join(sorted(CHECKED | UNCHECKED))
_BOX = re.compile(rf"^\s*(?:{TYPED_CHECKED}|{TYPED_UNCHECKED}|[{_GLYPHS}])\s*")
_TRUE = frozenset({"yes", "y", "true", "t", "x", "checked", "on", "1", "selected", *CHECKED,
                   "i agree", "agree", "agreed"})  # a form tool's consent checkbox
_FALSE = frozenset({"no", "n", "false", "f", "unchecked", "off", "0", "not checked", "none",
                    *UNCHECKED})


_CACHE: dict[int, tuple[FieldDef, dict[str, str], dict[str, str]]] = {}


def _choice_index(field: FieldDef) -> tuple[dict[str, str], dict[str, str]]:
    """Normalized choice name → key, and the same by letters alone (OnPremises), cached by
    identity (hashing a FieldDef is not cheap)."""
    cached = _CACHE.get(id(field))
    if cached is None or cached[0] is not field:
        if len(_CACHE) > 1024:
            _CACHE.clear()
        index = _build_choice_index(field)
        squashed = {squash(name): key for name, key in index.items()}
        cached = _CACHE[id(field)] = (field, index, squashed)
    return cached[1], cached[2]


def _build_choice_index(field: FieldDef) -> dict[str, str]:
    index: dict[str, str] = {}
    for choice in field.choices:  # keys and labels first: an alias never shadows them
        for name in (choice.key, choice.label):
            index.setdefault(normalize_label(name), choice.key)
    for choice in field.choices:
        for name in choice.aliases:
            index.setdefault(normalize_label(name), choice.key)
    return index


def find_choice(field: FieldDef, text: str) -> str | None:
    """The key of the choice ``text`` names, or None."""
    index, squashed = _choice_index(field)
    cleaned = _BOX.sub("", text)
    for candidate in (cleaned, re.sub(r"\s*\([^)]*\)\s*$", "", cleaned)):
        key = index.get(normalize_label(candidate))
        if key is not None:
            return key
    letters = squash(cleaned)  # OnPremises, ClaimStatus
    found = squashed.get(letters) if letters else None
    return found or shortened_choice(field, cleaned)  # "Adjust/Void"


def match_choice(field: FieldDef, text: str) -> str:
    key = find_choice(field, text)
    if key is None:
        raise ValueError("choose one of " + _options(field))
    return key


def normalize_set(field: FieldDef, raw: Any) -> list[str]:
    """Sorted unique keys from checked choices (a tuple) or free text."""
    items = raw if isinstance(raw, tuple) else (str(raw),)
    keys: set[str] = set()
    unknown: list[str] = []
    for item in items:
        whole = find_choice(field, item)
        if whole is not None:
            keys.add(whole)
            continue
        for part in (part.strip() for part in _parts(field, item)):
            key = find_choice(field, part) if part else None
            if key is not None:
                keys.add(key)
            elif part and normalize_label(part) not in {"", "none", "n/a"}:
                unknown.append(part)
    if unknown:
        raise ValueError("choose from " + _options(field))
    return sorted(keys)


def _parts(field: FieldDef, text: str) -> list[str]:
    """A typed set's items: split at commas, semicolons and lines; where that leaves one
    that names no choice, also at " / ", " & " and " and " (a choice label may hold a "/"
    of its own, as "Claim Adjustment/Void" does)."""
    parts = _SPLIT.split(text)
    if all(find_choice(field, part) or not part.strip() for part in parts):
        return parts
    return [piece for part in parts for piece in _LOOSE_SPLIT.split(part)]


def normalize_list(field: FieldDef, raw: Any) -> list[str]:
    """Items split at commas, semicolons and lines; a run of codes that each hold a digit
    ("RPANR8801 RPANR8802") is one item per code (a name such as "Claim Detail" has none)."""
    items = raw if isinstance(raw, tuple) else (str(raw),)
    parts = (" ".join(part.split()) for item in items for part in _SPLIT.split(item))
    return [code for part in parts if part for code in _codes(part)]


def _codes(part: str) -> list[str]:
    words = part.split(" ")
    if len(words) > 1 and all(re.search(r"\d", word) and re.fullmatch(r"[A-Z0-9-]+", word)
                              for word in words):
        return words
    return [part]


def normalize_yesno(field: FieldDef, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = " ".join(str(raw).lower().split()).strip(" .!")
    if text in _TRUE or text.split(" ")[0].strip(",;:-") in {"yes", "y"}:
        return True
    if text in _FALSE or text.split(" ")[0].strip(",;:-") in {"no", "n"}:
        return False
    raise ValueError("answer Yes or No")


def _options(field: FieldDef) -> str:
    return ", ".join(f'"{choice.label}"' for choice in field.choices)


_MARKED = re.compile(rf"{TYPED_CHECKED}|{TYPED_UNCHECKED}|[{_GLYPHS}]")


def lists_options(field: FieldDef, text: str) -> bool:
    """Is ``text`` the printed options of a choice, set or yes/no field with no mark among
    them (a form whose boxes are drawn, not typed)? Which one is ticked is then not in the
    text: two options of a one-of choice or of a yes/no, or every option of a set run
    together (a typed list has one item a line, or commas or semicolons between them)."""
    if field.type not in ("choice", "set", "yesno") or _MARKED.search(text):
        return False
    words = f" {normalize_label(text)} "
    if field.type == "yesno":
        return " yes " in words and " no " in words
    labels = {choice.key: f" {normalize_label(choice.label)} " for choice in field.choices}
    named = [key for key, label in labels.items() if label in words]
    if field.type == "choice":
        return len(named) >= 2
    parts = [part for part in _SPLIT.split(text) if part.strip()]
    typed_list = all(find_choice(field, part) for part in parts)  # one item a line or ", "
    return not typed_list and len(field.choices) >= 2 and len(named) == len(field.choices)
