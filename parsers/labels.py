"""Printed labels: normalization and the vocabulary of every label the form definitions know.

Readers that see only page text (flattened PDFs, OCR, typed tables) use the vocabulary to tell
labels from values; the mapping stage uses it to turn a label into a canonical key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from parsers.formdefs import FormDefinition
from parsers.glyphs import strip_separator
from parsers.label_abbrev import (
    abbreviates,
    alternatives,
    could_abbreviate,
    label_words,
    literal,
    written_out,
)
from parsers.numbering import without_number

_PUNCT = re.compile(r"[^0-9a-z/#&+]+")
_INDEX = re.compile(r"\[\d+\]")
_MOST_KEPT = 4096  # abbreviation answers kept (labels repeat; values seldom do)
_XFA_PREFIX = re.compile(r"^(?:(?:form|topmostsubform|subform|page|#subform|#pageset)\w*\.)+",
                         re.IGNORECASE)
_REPEAT = re.compile(r"^(.*\D)(?:_|#)(\d{1,2})$")
_MARKERS = re.compile(r"[\s:*\u2022\u00b7.\-–—_]+$")
_SECTION = re.compile(r"^(?:section|part)\s+[0-9ivxA-Z]{1,4}\b", re.IGNORECASE)
_PARENS = re.compile(r"\s*\([^()]*\)")
_SEPARATOR_STARTS = frozenset("*=\u2013\u2014-.\u2026_")  # "Name * Acme", "Name – Acme"


@lru_cache(maxsize=16384)  # every reader asks for the same few hundred labels, often
def normalize_label(text: str) -> str:
    """Lower-case, accents and punctuation folded, whitespace collapsed; numbering before
    and ':'/'*' after a label gone."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _MARKERS.sub("", without_number(text.strip().lower()))
    return " ".join(_PUNCT.sub(" ", text).split())


def section_heading(line: str) -> bool:
    """ "Section 2", "Part B - Tool", "SECTION 3 (continued)": a heading, never a value."""
    return bool(_SECTION.match(line))


_FUNCTION_WORDS = frozenset({"the", "of", "each", "is", "are", "on", "in", "to", "and", "for",
                             "this", "with", "be", "by", "was", "were"})


def is_sentence(text: str) -> bool:
    """Prose: six words or more, ending with a full stop, with the words prose is made of."""
    words = text.split()
    return len(words) >= 6 and text.rstrip().endswith(".") and \
        sum(word.lower() in _FUNCTION_WORDS for word in words) >= 2


def squash(text: str) -> str:
    """Letters and digits only: ``EstMonthlyTransactions``, ``est_monthly_transactions``
    and "Est. Monthly Transactions" are one name."""
    return re.sub(r"[^0-9a-z]", "", normalize_label(text))


def name_parts(name: str) -> list[str]:
    """The words of a programmer's name: ``Transactions_ClaimStatus`` → Transactions,
    Claim, Status."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|[_\-\s]+", " ", name)
    return spaced.split()


def short_label(text: str) -> str:
    """The label without its parenthesized parts ("RPA Tool" for "RPA Tool (Product
    Name)"); "" when that is the label itself."""
    short = normalize_label(_PARENS.sub("", text))
    return short if short != normalize_label(text) else ""


def _abbreviates(short: str, words: str) -> bool:
    """"FEIN" for "Federal Employer ID Number": the letters of ``short`` are, in order, the
    initials of the words before it (some may be skipped)."""
    initials = iter("".join(word[0] for word in normalize_label(words).split() if word))
    letters = squash(short)
    return bool(letters) and letters[0] == normalize_label(words)[:1] and \
        all(letter in initials for letter in letters)


def label_keys(text: str) -> tuple[str, ...]:
    """The normalized label, then the same without its parenthesized parts, then those
    parts: "Date Signed (MM/DD/YYYY)", "City (required)" and "Federal Employer ID Number
    (FEIN)" find "Date Signed", "City" and "FEIN"."""
    inner = [normalize_label(found) for found in re.findall(r"\(([^()]{2,})\)[\s:*.]*$", text)
             if _abbreviates(found, _PARENS.sub("", text))]
    keys = dict.fromkeys(key for key in (normalize_label(text),
                                         normalize_label(_PARENS.sub("", text)), *inner) if key)
    return tuple(keys)


def clean_field_name(name: str) -> str:
    """A file's field name without XFA-style indexes and wrappers, and without the number
    Acrobat adds to a repeated name: ``form1[0].page1[0].org_legal_name[0]`` →
    ``org_legal_name``, ``Date Signed_2`` → ``Date Signed``; inner dots stay."""
    return repeat_number(_XFA_PREFIX.sub("", _INDEX.sub("", name.strip())))[0]


def repeat_number(name: str) -> tuple[str, int]:
    """A name without the number Acrobat adds when it repeats a name, and that number:
    ``Date Signed_2`` → ("Date Signed", 2); ``Date Signed`` → ("Date Signed", 1)."""
    found = _REPEAT.match(name)
    return (found.group(1), int(found.group(2))) if found else (name, 1)


@dataclass(frozen=True, slots=True)
class LabelTarget:
    """What a label names: a field of a form type, or one choice of a choice/set field."""

    form_type: str
    key: str
    choice: str | None = None


class Vocabulary:
    """Every field name, label, alias and choice label of the given definitions."""

    def __init__(self, definitions: Mapping[str, FormDefinition]) -> None:
        self._targets: dict[str, list[LabelTarget]] = {}
        for definition in definitions.values():
            for item in definition.fields:
                for name in item.names:
                    self._add(name, LabelTarget(definition.form_type, item.key))
                for choice in item.choices:
                    for name in (choice.label, *choice.aliases):
                        self._add(name, LabelTarget(definition.form_type, item.key, choice.key))
        short = {key: list(targets) for text, targets in self._targets.items()
                 if (key := short_label(text)) and key not in self._targets}
        self._targets.update(short)  # "doing business as", unless a label says it exactly
        self._longest_first = sorted(self._targets, key=len, reverse=True)
        self._squashed: dict[str, list[LabelTarget]] = {}
        for text, targets in self._targets.items():
            self._squashed.setdefault(squash(text), targets)
        self._label_starts = frozenset(  # "The RPA information on file" (a label wraps)
            " ".join(words[:cut]) for text, targets in self._targets.items()
            if any(target.choice is None for target in targets)
            for words in [text.split()] for cut in range(3, len(words)))
        self._checkboxes = frozenset((definition.form_type, item.key)
                                     for definition in definitions.values()
                                     for item in definition.fields if item.type == "checkbox")
        self._prose = frozenset(normalize_label(name) for definition in definitions.values()
                                for item in definition.fields if item.prose
                                for name in item.names)
        self._headings = frozenset(normalize_label(text) for definition in definitions.values()
                                   for text in (*definition.sections, definition.title,
                                                *definition.title_aliases))
        self._words = frozenset(word for text in (*self._targets, *self._headings)
                                for word in text.split())
        self._label_words, self._label_pieces = _word_index(self._targets)
        self._abbreviations: dict[str, tuple[LabelTarget, ...]] = {}
        codes = sorted({re.escape(item.form_code) for item in definitions.values()
                        if item.form_code}, key=len, reverse=True)
        self._codes = re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(codes)})(?![A-Za-z0-9])") \
            if codes else None

    def _add(self, text: str, target: LabelTarget) -> None:
        normalized = normalize_label(text)
        if normalized and target not in self._targets.get(normalized, []):
            self._targets.setdefault(normalized, []).append(target)

    def lookup(self, text: str) -> tuple[LabelTarget, ...]:
        """Targets whose label is ``text`` once normalized (or without its parentheses)."""
        for key in label_keys(text):
            if key in self._targets:
                return tuple(self._targets[key])
        found = self._squashed.get(squash(text), ())  # "OrganizationLegalName"
        return tuple(found) if found else self._abbreviated(text)

    def _abbreviated(self, text: str) -> tuple[LabelTarget, ...]:
        """Targets of an abbreviated label ("Avg Txns/Wk", "FEIN / Tax ID"), in each form
        only where it means one field (or one choice); () when it is none."""
        normalized = normalize_label(text)
        if normalized not in self._abbreviations:
            if len(self._abbreviations) > _MOST_KEPT:  # a long-lived reader reads many values
                self._abbreviations.clear()
            parts = alternatives(text)
            found = self._alternative_targets(parts) if parts else \
                self._abbreviation_targets(normalized)
            meant: dict[str, set[tuple[str, str | None]]] = {}
            for target in found:
                meant.setdefault(target.form_type, set()).add((target.key, target.choice))
            self._abbreviations[normalized] = tuple(dict.fromkeys(
                target for target in found if len(meant[target.form_type]) == 1))
        return self._abbreviations[normalized]

    def _alternative_targets(self, parts: list[str]) -> list[LabelTarget]:
        """"FEIN / Tax ID": both names must name the field."""
        first, second = (self.lookup(part) for part in parts)
        keys = {(target.form_type, target.key) for target in second}
        return [target for target in first if (target.form_type, target.key) in keys]

    def _abbreviation_targets(self, normalized: str) -> list[LabelTarget]:
        if not could_abbreviate(normalized, self._label_words) or (
                literal(normalized) and label_words(normalized) in self._label_pieces):
            return []  # a line of a wrapped label, as printed ("Identification Number")
        for test in (written_out, abbreviates):  # "MH Provider" is that choice alone
            found = [target for label, targets in self._targets.items()
                     if test(normalized, label) for target in targets]
            if found:
                return found
        return []

    def is_field_label(self, text: str) -> bool:
        """A label of a field itself, not only of one of its choices."""
        return any(target.choice is None for target in self.lookup(text))

    def is_choice_label(self, text: str) -> bool:
        """A label of one of a field's choices ("Business Partner", "Cloud")."""
        return any(target.choice for target in self.lookup(text))

    def is_box_option(self, text: str) -> bool:
        """What a box may stand for: a choice ("Business Partner"), a yes or a no, or the
        label of a checkbox field ("I attest that ...")."""
        return normalize_label(text) in ("yes", "no") or any(
            target.choice is not None or (target.form_type, target.key) in self._checkboxes
            for target in self.lookup(text))

    def is_label(self, text: str) -> bool:
        return bool(self.lookup(text))

    def is_label_start(self, text: str) -> bool:
        """The first line of a field label of three words or more, wrapped onto the next
        line: never a value of the label before it."""
        return normalize_label(text) in self._label_starts

    def prose_value(self, label: str, text: str) -> bool:
        """Is ``text`` a sentence of the form's own prose rather than the value of
        ``label``? Only fields marked ``prose`` take sentences."""
        return is_sentence(text) and not any(key in self._prose for key in label_keys(label))

    def is_heading(self, text: str) -> bool:
        """A section heading or a form title ("BOT DETAILS", "2. Signature", "Section 3"),
        never a value: a blank field must not take the next heading as its value."""
        return section_heading(text) or (normalize_label(text) in self._headings and
                                         not self.is_label(text))

    def names_form_code(self, text: str) -> bool:
        """Does ``text`` print a form's code ("RPA-S1 — MassHealth RPA online form", a
        running footer)?"""
        return self._codes is not None and self._codes.search(text) is not None

    def split_label(self, line: str) -> tuple[str, str] | None:
        """Split ``"Label: value"`` (or ``"Label  value"``) into label and value when the line
        starts with a known label; the longest label wins."""
        head, colon, rest = line.partition(":")
        if colon and len(head) <= 80 and normalize_label(head) not in self._targets and \
                self.lookup(head):  # "NPI #: ...", "Avg Txns/Wk: ...": the whole head
            return head.strip(), rest.strip()
        normalized_line = normalize_label(line)
        for label in self._longest_first:
            if normalized_line.startswith(label) and _ends_on_word(normalized_line, label):
                value = _value_after(line, label)
                if value is not None and _PARENS.fullmatch(value):  # "(check one)"
                    return line.strip().rstrip(" :\t"), ""
                if value is not None:
                    return line[: len(line) - len(value)].rstrip(" :\t"), value
        return (line.strip(), "") if self._squashed.get(squash(line)) else None

    def split_pairs(self, line: str) -> list[tuple[str, str]]:
        """Several ``Label: value`` pairs typed on one line ("City: Boston   State: MA   ZIP
        Code: 02111"): each colon that ends a known label starts a value running to the
        next such label. A colon inside a value ("6:00 PM") ends no label."""
        starts: list[tuple[int, int]] = []  # (label start, colon)
        floor = 0
        for colon in (found.start() for found in re.finditer(":", line)):
            words = [found.start() + floor for found in re.finditer(r"\S+", line[floor:colon])]
            label_start = next((start for start in words[-10:]
                                if self.is_field_label(line[start:colon])), None)
            if label_start is not None:
                starts.append((label_start, colon))
                floor = colon + 1
        pairs = []
        for number, (start, colon) in enumerate(starts):
            end = starts[number + 1][0] if number + 1 < len(starts) else len(line)
            pairs.append((line[start:colon].strip(), line[colon + 1:end].strip()))
        return pairs

    def labels(self) -> Iterable[str]:
        return iter(self._targets)

    def is_word(self, text: str) -> bool:
        """A word of some label, choice or heading of the forms (lower case, no accents)."""
        return text in self._words


def _word_index(labels: Iterable[str]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """Every word of the labels (short forms written out), and every run of a label's
    words short of the whole (what one line of a wrapped label prints)."""
    words = [label_words(text) for text in labels]
    return (frozenset(word for item in words for word in item),
            frozenset(item[start:end] for item in words for start in range(len(item))
                      for end in range(start + 1, len(item) + 1) if end - start < len(item)))


def _ends_on_word(text: str, prefix: str) -> bool:
    return len(text) == len(prefix) or text[len(prefix)] == " "


def _value_after(line: str, normalized_label: str) -> str | None:
    """The raw text after the label in ``line``: after a colon, or after the label's words."""
    if ":" in line and normalized_label in label_keys(line.split(":", 1)[0]):
        return line.split(":", 1)[1].strip()
    tokens = list(re.finditer(r"\S+", line))
    for cut in range(1, len(tokens) + 1):
        if normalize_label(line[: tokens[cut - 1].end()]) == normalized_label:
            rest = line[tokens[cut - 1].end():].strip()  # as typed: the label's text ends here
            return strip_separator(rest) if rest[:1] in _SEPARATOR_STARTS else rest
    return None
