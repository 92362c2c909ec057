"""Mapping stage, lookup: one form's field names, labels, aliases and choice labels, indexed
by their normalized text (keys and labels before aliases, so an alias never shadows them)."""

from __future__ import annotations

from parsers.formdefs import FieldDef, FormDefinition
from parsers.label_abbrev import abbreviates, alternatives, written_out
from parsers.labels import label_keys, normalize_label, short_label, squash
from parsers.name_words import field_with_words, hierarchy_words

# When a choice label belongs to several fields, a set (checkboxes) is the likelier owner.
_CHOICE_OWNER_ORDER = {"set": 0, "choice": 1}


_MOST_KEPT = 4096  # abbreviation answers kept per form (values repeat less than labels)


class FieldIndex:
    def __init__(self, definition: FormDefinition) -> None:
        self._all = tuple(definition.fields)
        self._fields: dict[str, FieldDef] = {}
        for item in definition.fields:
            for name in (item.key, item.label):
                self._fields.setdefault(normalize_label(name), item)
        for item in definition.fields:
            for name in item.aliases:
                self._fields.setdefault(normalize_label(name), item)
        for item in definition.fields:  # "RPA Tool" for "RPA Tool (Product Name)"
            for name in (item.label, *item.aliases):
                if short_label(name):
                    self._fields.setdefault(short_label(name), item)
        self._abbreviations: dict[str, FieldDef | None] = {}
        self._squashed: dict[str, FieldDef] = {}
        for item in definition.fields:
            for name in (item.key, item.label, *item.aliases):
                self._squashed.setdefault(squash(name), item)
        self._choices: dict[str, FieldDef] = {}
        owners = sorted((item for item in definition.fields if item.choices),
                        key=lambda item: _CHOICE_OWNER_ORDER.get(item.type, 2))
        for item in owners:
            for choice in item.choices:
                for name in (choice.key, choice.label, *choice.aliases):
                    self._choices.setdefault(normalize_label(name), item)

    def field(self, text: str) -> FieldDef | None:
        """The field ``text`` names (its key, printed label or an alias), also when the
        text adds a parenthesized hint ("Date Signed (MM/DD/YYYY)")."""
        if not text.strip():
            return None
        found = next((self._fields[key] for key in label_keys(text) if key in self._fields),
                     None)
        return found or self._squashed.get(squash(text)) or self._abbreviated(text)

    def _abbreviated(self, text: str) -> FieldDef | None:
        """The one field an abbreviated label means ("Avg Txns/Wk", "FEIN / Tax ID"), kept
        per text: the fallback reads every label, and a form repeats its texts."""
        if text not in self._abbreviations:
            if len(self._abbreviations) > _MOST_KEPT:
                self._abbreviations.clear()
            self._abbreviations[text] = self._abbreviation(text)
        return self._abbreviations[text]

    def _abbreviation(self, text: str) -> FieldDef | None:
        parts = alternatives(text)
        if parts:
            found = {id(item): item for part in parts if (item := self.field(part))}
            return next(iter(found.values())) if len(found) == 1 and len(parts) == 2 else None
        normalized = normalize_label(text)
        if normalized in self._choices:  # a choice's own label names no field
            return None
        for test in (written_out, abbreviates):
            found = {id(item): item for label, item in self._fields.items()
                     if test(normalized, label)}
            if found:
                return next(iter(found.values())) if len(found) == 1 else None
        return None

    def field_by_name_words(self, name: str) -> FieldDef | None:
        """The field a hierarchy's dotted name means when its words are read together
        (``userIds.count``: "Number of RPA User IDs Requested"); None unless exactly one."""
        return field_with_words(hierarchy_words(name), self._all)

    def field_normalized(self, normalized: str) -> FieldDef | None:
        """As ``field``, for text already passed through normalize_label."""
        return self._fields.get(normalized)

    def choice_field(self, text: str) -> FieldDef | None:
        """The set or choice field one of whose choices ``text`` names."""
        return self._choices.get(normalize_label(text))

    def has_name(self, text: str) -> bool:
        normalized = normalize_label(text)
        return normalized in self._fields or normalized in self._choices


_CACHE: dict[int, tuple[FormDefinition, FieldIndex]] = {}


def field_index(definition: FormDefinition) -> FieldIndex:
    """The (cached) index of ``definition``; by identity, since hashing a whole definition
    costs more than the lookups it serves."""
    cached = _CACHE.get(id(definition))
    if cached is None or cached[0] is not definition:
        if len(_CACHE) > 256:
            _CACHE.clear()
        cached = _CACHE[id(definition)] = (definition, FieldIndex(definition))
    return cached[1]
