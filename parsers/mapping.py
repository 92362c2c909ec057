"""Mapping stage: the raw fields a reader saw become raw values under canonical keys.

A raw field is matched by its name first (``org_legal_name``, ``transactions.claim_status``,
``form1[0].page1[0].fein[0]``), then by its printed label. Checked boxes of a set collect
into one tuple; two different values for one key keep the more confident one and record
the other as a conflict for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from parsers.choices import find_choice, lists_options
from parsers.fieldindex import FieldIndex, field_index
from parsers.formdefs import FieldDef, FormDefinition
from parsers.glyphs import is_placeholder
from parsers.labels import (
    Vocabulary,
    clean_field_name,
    name_parts,
    normalize_label,
    repeat_number,
)
from parsers.model import RawDocument, RawField, Source, Spot
from parsers.normalize import normalize_value

RawValue = str | bool | tuple[str, ...]
# What form designers put before a control's name: txtOrgName, chkAttest, cboHosting.
_CONTROL_PREFIXES = frozenset({"txt", "fld", "field", "chk", "cb", "cbx", "cbo", "cmb", "ddl",
                               "dd", "opt", "rb", "rdo", "radio", "tb", "dt", "dtp", "lst",
                               "sel", "check", "text", "frm"})
_YES, _NO = frozenset({"yes", "y", "true"}), frozenset({"no", "n", "false"})
_BOX_ON = frozenset({"1", "on", "true", "yes", "x", "checked"})
_BOX_STATES = _BOX_ON | {"0", "off", "false", "no", "unchecked"}
# The confidence of a choice field whose options were read without their marks.
OPTIONS_ONLY = 0.5


@dataclass(frozen=True, slots=True)
class MappedValue:
    """Raw value(s) of one canonical key, where they came from and how sure the reader was."""

    key: str
    raw: RawValue
    source: Source
    confidence: float = 1.0
    conflicts: tuple[str, ...] = ()  # other values seen for this key (a review problem)
    understood: bool = False  # a blank a page reader is sure of (RawField.understood)
    spot: Spot | None = None  # where the (first) value was read


@dataclass(frozen=True, slots=True)
class _Hit:
    field: FieldDef
    value: RawValue | None  # None: an unchecked box, which says nothing


def map_fields(raw: RawDocument, definition: FormDefinition,
               vocabulary: Vocabulary | None = None) -> dict[str, MappedValue]:
    """Canonical key → mapped value, for every raw field that names a field of the form."""
    index = field_index(definition)
    mapped: dict[str, MappedValue] = {}
    unread: set[str] = set()  # fields with a ticked box whose choice could not be read
    live: set[str] = set()  # a partly flattened PDF: where a widget answers, its page is silent
    for item in _joined_digit_boxes(raw.fields):
        hit = _resolve(item, index)
        if hit is not None and item.source == "acroform":
            live.add(hit.field.key)
        elif hit is not None and item.source == "layout" and hit.field.key in live:
            continue
        if hit is not None and hit.value is None and _ticked(hit.field, item):
            unread.add(hit.field.key)
        if hit is None or (hit.value is None and not _left_empty(hit.field, item)):
            continue
        value, confidence = _as_read(hit.field, "" if hit.value is None else hit.value,
                                     item.confidence)
        new = MappedValue(hit.field.key, value, item.source, confidence,
                          understood=item.understood and confidence == item.confidence,
                          spot=item.spot)
        old = mapped.get(hit.field.key)
        mapped[hit.field.key] = new if old is None else _merge(hit.field, old, new)
    # its other boxes unticked do not make it a sure blank: it could not be read (review)
    return {key: item for key, item in mapped.items()
            if key not in unread or not is_blank(item.raw)}


def _ticked(field: FieldDef, item: RawField) -> bool:
    """A ticked box (or a selected button) of a choice, set or yes/no field that names no
    choice the field knows (its tag ``transactions0``, an export ``T3``, nothing beside)."""
    return _selected(item) and field.type in ("set", "choice", "yesno")


def _selected(item: RawField) -> bool:
    """A ticked box, or a selected button whose value is its own on-state name."""
    return item.value is True or (isinstance(item.value, str) and bool(item.value.strip())
                                  and item.value == item.export_value)


def _unnamed_choice(field: FieldDef, item: RawField) -> bool:
    """Neither the button's value, its export name nor the text beside it names a choice
    of the field (a coded export with no caption, tooltip or printed choice)."""
    texts = [text for text in (str(item.value), item.export_value, item.beside) if text]
    if field.type == "yesno":
        return not any(normalize_label(text) in _YES | _NO for text in texts)
    if field.type in ("set", "choice"):
        return not any(find_choice(field, text) is not None for text in texts)
    return False


def _as_read(field: FieldDef, value: RawValue, confidence: float) -> tuple[RawValue, float]:
    """A placeholder ("-- Select --", "Choose an item.") is a blank; the bare printed options
    of a choice (its marks drawn, not in the text) are a field seen but not read: a blank
    nobody may be told about."""
    if not isinstance(value, str) and not isinstance(value, tuple):
        return value, confidence
    text = _text(value)
    if is_placeholder(text):
        return "", confidence
    if lists_options(field, text):
        return "", min(confidence, OPTIONS_ONLY)
    return value, confidence


def is_blank(value: RawValue) -> bool:
    """Nothing entered: an empty text or no selection ("" also stands for the unchecked
    boxes of a choice). A box's own state is an answer, never blank."""
    if isinstance(value, bool):
        return False
    if isinstance(value, tuple):
        return not any(part.strip() for part in value)
    return not value.strip(" \t\n_")


def _left_empty(field: FieldDef, item: RawField) -> bool:
    """An unchecked box of a choice, set or yes/no field, or an empty text control: the
    field was seen and left empty (which a sure reader may tell the provider). A box
    beside a text field says nothing about that field."""
    if isinstance(item.value, bool):
        return item.value is False and field.type in ("set", "choice", "yesno", "checkbox")
    return is_blank(item.value)


def _joined_digit_boxes(fields: tuple[RawField, ...]) -> list[RawField]:
    """A number typed into boxes of its own (Acrobat names them ``Telephone``,
    ``Telephone_2``, ``Telephone_3``): the digits joined with "-" into one value
    (617-555-0142, 03-05-2026). Repeats of one value (a name printed twice) stay apart."""
    parts: dict[str, list[RawField]] = {}
    for item in fields:
        base, number = repeat_number(item.name)
        if number > 1 and isinstance(item.value, str) and item.value.strip().isdigit():
            parts.setdefault(base, []).append(item)
    joined: dict[int, RawField] = {}
    dropped: set[int] = set()
    for base, items in parts.items():
        first = next((item for item in fields if item.name == base and
                      isinstance(item.value, str) and item.value.strip().isdigit()), None)
        if first is None:
            continue
        ordered = [first, *sorted(items, key=lambda item: repeat_number(item.name)[1])]
        joined[id(first)] = replace(first, value="-".join(str(item.value).strip()
                                                         for item in ordered))
        dropped |= {id(item) for item in items}
    return [joined.get(id(item), item) for item in fields if id(item) not in dropped]


def _resolve(item: RawField, index: FieldIndex) -> _Hit | None:
    """By name, then by label; a box whose question names a field that takes no box (a
    text field printed above a choice list) falls back to the choice beside it; last, a
    hierarchy's name read as words (``userIds.count``)."""
    first = None
    for text in (item.name, item.label):
        hit = _resolve_text(item, text, index) if text else None
        if hit is not None and (hit.value is not None or not (item.beside or item.label)):
            return hit  # a box that says nothing by its name may by its label ("Cloud")
        first = first or hit
    return _resolve_choice_only(item, index) or first or _resolve_name_words(item, index)


def _resolve_name_words(item: RawField, index: FieldIndex) -> _Hit | None:
    field = index.field_by_name_words(item.name)
    return _Hit(field, _value_for(field, item)) if field is not None else None


def _resolve_text(item: RawField, text: str, index: FieldIndex) -> _Hit | None:
    """Match a name or label: the whole cleaned name, then ``field.choice`` on its tail. A
    reading that gives no value (a checked box read as a text field) yields to the next."""
    first = None
    for candidate, choice in _candidates(text):
        field = index.field(candidate)
        if field is None:
            continue
        hit = _Hit(field, _value_for(field, item)) if choice is None else \
            _choice_hit(field, choice, item)
        if hit is not None and hit.value is not None:
            return hit
        first = first or hit
    return first


def _candidates(text: str) -> Iterator[tuple[str, str | None]]:
    """``(field name, choice name or None)`` readings of a (possibly dotted) field name;
    then a programmer's name cut into field and choice (``Transactions_ClaimStatus``)."""
    cleaned = clean_field_name(text)
    # "Testing Compl. Date" is a printed label with an abbreviation, not a dotted name
    parts = [part for part in cleaned.split(".") if part] if not re.search(r"\.\s", cleaned) \
        else [cleaned]
    if len(parts) > 1:  # the tail first: "transactions.other" is not transactions_other
        yield parts[-2], parts[-1]
        yield parts[-1], None
    yield cleaned, None
    words = name_parts(parts[-1]) if parts else []
    if len(words) > 1 and words[0].lower() in _CONTROL_PREFIXES:  # txtOrgName, chkAttest
        words = words[1:]
        yield "".join(words), None
    for cut in range(len(words) - 1, 0, -1):
        yield "".join(words[:cut]), "".join(words[cut:])


def _choice_hit(field: FieldDef, choice: str, item: RawField) -> _Hit | None:
    """A box named ``transactions.claim_status`` or ``testing_completed.yes``; an XFA or
    text box says "1"/"0" or "On"/"Off" where an AcroForm box says True/False."""
    if isinstance(item.value, str) and normalize_label(item.value) in _BOX_STATES:
        item = replace(item, value=normalize_label(item.value) in _BOX_ON)
    if field.type == "yesno" and normalize_label(choice) in _YES | _NO:
        return _Hit(field, _yes_no_box(choice, item))
    if field.type in ("set", "choice") and find_choice(field, choice) is not None:
        if isinstance(item.value, bool):
            return _Hit(field, _checked_choice(field, choice, item))
        return _Hit(field, _value_for(field, item))
    return None


def _resolve_choice_only(item: RawField, index: FieldIndex) -> _Hit | None:
    """A box whose name or label is only a choice label (``Claim Status Inquiry``), or a
    selected radio button with an opaque export name and its choice printed beside it."""
    if isinstance(item.value, tuple) and item.value:  # a list box with no label found
        owners = {index.choice_field(text) for text in item.value}
        owner = owners.pop() if len(owners) == 1 else None
        return _Hit(owner, item.value) if owner is not None and owner.type == "set" else None
    if isinstance(item.value, str) and item.value and item.label:
        item = replace(item, value=True)
    if not isinstance(item.value, bool):
        return None
    for text in (item.name, item.beside or item.label, item.export_value):
        field = index.choice_field(text) if text else None
        if field is not None:
            return _Hit(field, _checked_choice(field, text, item))
    return None


def _value_for(field: FieldDef, item: RawField) -> RawValue | None:
    """The raw value of a field matched by its own name or label."""
    value = item.value
    if isinstance(value, str) and is_blank(value):
        return ""  # empty: the choice printed beside an empty radio group is no answer
    if _selected(item) and isinstance(value, str) and _unnamed_choice(field, item):
        return None  # a button's code (/MHP) is no provider's typing: not read, not wrong
    if _a_button(item) and field.type not in ("set", "choice", "yesno", "checkbox"):
        return None  # a radio group placed near a text field's label says nothing of it
    if isinstance(value, bool) and field.type in ("set", "choice"):
        for name in (item.export_value, item.name, item.beside):
            if name and find_choice(field, clean_field_name(name).split(".")[-1]):
                return _checked_choice(field, clean_field_name(name).split(".")[-1], item)
        return None
    if isinstance(value, bool) and field.type == "yesno":
        # the "Yes" or "No" printed beside the box first: "Yes" is also the on-state
        # name most tools give every box ("unapproved_changes_2", the No box, exports /Yes)
        for name in (item.beside, item.export_value, item.name):
            if normalize_label(name) in _YES | _NO:
                return _yes_no_box(name, item)
    if isinstance(value, str) and field.type == "yesno":
        return next((text for text in (value, item.export_value, item.beside)
                     if normalize_label(text) in _YES | _NO), value)
    if isinstance(value, bool) and field.type not in ("checkbox", "yesno"):
        return None  # a box beside a text field says nothing about its text
    if value is False and field.type == "checkbox":
        return None  # unchecked: left empty, not a value
    if isinstance(value, str) and field.type == "set":
        return (_choice_text(field, item),)
    if isinstance(value, str) and field.type == "choice":
        return _choice_text(field, item)
    return value


def _a_button(item: RawField) -> bool:
    """A selected radio button: its value is its own on-state name, with a choice beside."""
    return bool(item.beside) and isinstance(item.value, str) and \
        item.value == item.export_value


def _choice_text(field: FieldDef, item: RawField) -> str:
    """A radio value may be a choice key, a label, or an opaque ``Choice2``: then try the
    export name and the printed text beside the selected button."""
    assert isinstance(item.value, str)
    for text in (item.value, item.export_value, item.beside, item.label):
        if text and find_choice(field, text) is not None:
            return text
    return item.value


def _checked_choice(field: FieldDef, choice: str, item: RawField) -> RawValue | None:
    if item.value is not True:
        return None
    if field.type == "set":
        return (choice,)
    return choice


def _yes_no_box(choice: str, item: RawField) -> bool | None:
    """Two boxes, Yes and No: the checked one answers; an unchecked one says nothing."""
    if item.value is not True:
        return None
    return normalize_label(choice) in _YES


def _merge(field: FieldDef, old: MappedValue, new: MappedValue) -> MappedValue:
    if is_blank(new.raw) != is_blank(old.raw):  # a value beats an empty twin (or box)
        return old if is_blank(new.raw) else new
    if field.type == "set" and isinstance(old.raw, tuple) and isinstance(new.raw, tuple):
        merged = tuple(dict.fromkeys((*old.raw, *new.raw)))
        return replace(old, raw=merged, confidence=min(old.confidence, new.confidence),
                       spot=old.spot or new.spot)
    if _same(old.raw, new.raw) or _same_value(field, old.raw, new.raw):
        return old if old.confidence >= new.confidence else new
    keep, other = (old, new) if old.confidence >= new.confidence else (new, old)
    return replace(keep, conflicts=(*keep.conflicts, *other.conflicts, _text(other.raw)))


def _same_value(field: FieldDef, a: RawValue, b: RawValue) -> bool:
    """Two spellings of one value: a dropdown's key and its shown label ("provider" and
    "MassHealth Provider"), a date typed two ways ("2026-05-17", "May 17, 2026")."""
    first, second = normalize_value(field, a).value, normalize_value(field, b).value
    return first is not None and first == second


def _same(a: RawValue, b: RawValue) -> bool:
    return _text(a).casefold() == _text(b).casefold()


def _text(value: RawValue) -> str:
    if isinstance(value, tuple):
        return "; ".join(value)
    return " ".join(str(value).split())
